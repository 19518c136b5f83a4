// Wires the parts together; each part lives in its own folder.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { AccountStore } from './accounts/accountStore';
import { Sources } from './accounts/sources';
import type { CommandContext } from './commands/context';
import { ProcessedNotifier } from './commands/processedNotifier';
import { registerCommands } from './commands/registerCommands';
import { handleUri } from './commands/uriHandler';
import { Emitter } from './common/emitter';
import { Logger } from './common/logger';
import { showRefreshProgress } from './enrichments/refreshProgress';
import { RefreshScheduler } from './enrichments/refreshScheduler';
import { moveLegacyCache } from './enrichments/responseCache';
import { ConfigReader, Settings, affectsConfig } from './settings/config';
import { CutoffStore } from './settings/cutoffStore';
import { ViewOptionsStore } from './settings/viewOptionsStore';
import { migrateSettings } from './settings/migrate';
import { EnrichmentView, VIEW_ID } from './tree/enrichmentView';
import { PendingStatusBar } from './tree/pendingStatusBar';
import { registerEnrichmentTools } from './tools/enrichmentTools';
import { followRefreshes } from './webview/rawJsonFollower';
import { RawJsonPanel } from './webview/rawJsonPanel';
import type { WoodpeckerTestApi } from './testApi';

// When the bundle began to evaluate, for the activation figure tests report.
const loadedAt = performance.now();
let testApi: WoodpeckerTestApi | undefined;

export function activate(context: vscode.ExtensionContext): WoodpeckerTestApi | undefined {
	const activateStarted = performance.now();
	// Modules without vscode translate with @vscode/l10n: hand it the bundle VS Code loaded for the display language.
	if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
	const own = <T extends vscode.Disposable>(d: T): T => {
		context.subscriptions.push(d);
		return d;
	};
	const log = own(new Logger());
	const config = new ConfigReader(log);
	const accounts = own(new AccountStore(context.secrets, context.globalState));
	const cutoffs = own(new CutoffStore(context.globalState));
	const storageFolder = context.globalStorageUri.fsPath;
	const sources = own(new Sources({ accounts, cutoffs, log, storageFolder, state: context.globalState, config: () => config.read(), progress: (task, options) => showRefreshProgress(VIEW_ID, task, options) }));
	const viewOptions = own(new ViewOptionsStore(context.globalState));
	const view = own(new EnrichmentView(sources, cutoffs, viewOptions));
	const statusBar = own(new PendingStatusBar(sources, () => config.read().showPendingInStatusBar));
	const rawJson = own(new RawJsonPanel(context.extensionUri));
	const settingsChanged = own(new Emitter<void>());
	own(vscode.workspace.onDidChangeConfiguration((e) => affectsConfig(e) && settingsChanged.fire()));
	own(vscode.workspace.onDidChangeConfiguration((e) => affectsConfig(e, Settings.showPendingInStatusBar) && statusBar.update()));
	const scheduler = own(
		new RefreshScheduler({
			sources,
			onDidChangeKey: accounts.onDidChangeKey,
			onDidChangeCutoff: cutoffs.onDidChange,
			onDidChangeSettings: settingsChanged.event,
			settings: () => config.read(),
			view: view.treeView,
			window: {
				get focused() {
					return vscode.window.state.focused;
				},
				onDidChangeFocus: vscode.window.onDidChangeWindowState,
			},
		}),
	);
	const ctx: CommandContext = { accounts, sources, scheduler, cutoffs, view, rawJson, log };
	for (const d of registerCommands(ctx)) own(d);
	const processed = own(new ProcessedNotifier(ctx, context.globalState, () => config.read().notifyWhenProcessed));
	own(registerEnrichmentTools({ sources, cutoffs, log, enabled: () => config.read().languageModelToolsEnabled }));
	own(vscode.window.registerUriHandler({ handleUri: (uri) => void handleUri(ctx, uri).catch((e: unknown) => log.error(`A link failed: ${e instanceof Error ? e.message : String(e)}`)) }));
	for (const d of followRefreshes(sources, rawJson)) own(d);
	// Nothing is requested at activation unless the view is already on screen.
	// A renamed setting's value moves on its own: the change event then reaches the scheduler.
	void migrateSettings(log);
	void (async () => {
		const migrated = await accounts.initialize();
		await moveLegacyCache(storageFolder, migrated?.id);
		await sources.initialize();
		scheduler.start();
	})().catch((e: unknown) => log.error(`Start-up failed: ${e instanceof Error ? e.message : String(e)}`));

	if (context.extensionMode === vscode.ExtensionMode.Production) return undefined;
	// Tests simulate deactivate + activate with the same context (state, secrets, storage).
	// A disposed TreeView unregisters its view id asynchronously (after a microtask): creating the new
	// one before that lets the old one's unregistration remove it, leaving the view dead. So wait a turn.
	const restart = async () => {
		for (const d of context.subscriptions.splice(0).reverse()) d.dispose();
		await new Promise((resolve) => setTimeout(resolve, 0));
		return activate(context)!;
	};
	// The bundle is evaluated only once: after a simulated restart the real activation's figures stand.
	const timing = testApi?.activation ?? { evaluateMs: activateStarted - loadedAt, activateMs: performance.now() - activateStarted };
	// One object for the whole session: after a restart it serves the new instances.
	// The test API is its own bundle (dist/testApi.js), loaded only outside production and never shipped.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { createTestApi } = require('./testApi') as typeof import('./testApi');
	testApi = Object.assign(
		testApi ?? ({} as WoodpeckerTestApi),
		createTestApi({ sources, accounts, view, statusBar, scheduler, rawJson, processed, handleUri: (uri) => handleUri(ctx, uri), globalState: context.globalState, secrets: context.secrets, restart, activation: timing }),
	);
	return testApi;
}

export function deactivate(): void {
	// Everything is in context.subscriptions.
}
