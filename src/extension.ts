// Wires the parts together; each part lives in its own folder.
import * as vscode from 'vscode';
import type { CommandContext } from './commands/context';
import { notifyRefreshFailures } from './commands/refreshCommands';
import { registerCommands } from './commands/registerCommands';
import { Emitter } from './common/emitter';
import { Logger } from './common/logger';
import { EnrichmentStore } from './enrichments/enrichmentStore';
import { showRefreshProgress } from './enrichments/refreshProgress';
import { RefreshScheduler } from './enrichments/refreshScheduler';
import { ResponseCache } from './enrichments/responseCache';
import { ApiKeyStore } from './settings/apiKeyStore';
import { ConfigReader, affectsConfig } from './settings/config';
import { CutoffStore } from './settings/cutoffStore';
import { EnrichmentView, VIEW_ID } from './tree/enrichmentView';
import { followRefreshes } from './webview/rawJsonFollower';
import { RawJsonPanel } from './webview/rawJsonPanel';
import type { WoodpeckerTestApi } from './testApi';

// When the bundle began to evaluate, for the activation figure tests report.
const loadedAt = performance.now();
let testApi: WoodpeckerTestApi | undefined;

export function activate(context: vscode.ExtensionContext): WoodpeckerTestApi | undefined {
	const activateStarted = performance.now();
	const own = <T extends vscode.Disposable>(d: T): T => {
		context.subscriptions.push(d);
		return d;
	};
	const log = own(new Logger());
	const config = new ConfigReader(log);
	const keys = own(new ApiKeyStore(context.secrets));
	const cutoffs = own(new CutoffStore(context.globalState));
	const cache = new ResponseCache(context.globalStorageUri.fsPath, log);
	const store = own(
		new EnrichmentStore({ keys, cutoffs, cache, log, config: () => config.read(), progress: (task, options) => showRefreshProgress(VIEW_ID, task, options) }),
	);
	const view = own(new EnrichmentView(store, cutoffs));
	const rawJson = own(new RawJsonPanel(context.extensionUri));
	const settingsChanged = own(new Emitter<void>());
	own(vscode.workspace.onDidChangeConfiguration((e) => affectsConfig(e) && settingsChanged.fire()));
	const scheduler = own(
		new RefreshScheduler({
			store,
			onDidChangeKey: keys.onDidChange,
			onDidChangeCutoff: cutoffs.onDidChange,
			onDidChangeSettings: settingsChanged.event,
			settings: () => config.read(),
			view: view.treeView,
		}),
	);
	const ctx: CommandContext = { store, scheduler, keys, cutoffs, view, rawJson, log };
	for (const d of registerCommands(ctx)) own(d);
	for (const d of followRefreshes(store, rawJson)) own(d);
	own(notifyRefreshFailures(store, () => scheduler.refreshNow()));
	// Nothing is requested at activation unless the view is already on screen.
	void store.initialize().then(
		() => scheduler.start(),
		(e: unknown) => log.error(`Start-up failed: ${e instanceof Error ? e.message : String(e)}`),
	);

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
	testApi = Object.assign(testApi ?? ({} as WoodpeckerTestApi), createTestApi({ store, view, keys, rawJson, globalState: context.globalState, restart, activation: timing }));
	return testApi;
}

export function deactivate(): void {
	// Everything is in context.subscriptions.
}
