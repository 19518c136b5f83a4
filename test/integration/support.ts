// What the behaviour tests share beyond helpers.ts: a session that starts from a clean slate
// (no key, default settings, view hidden) and puts it back, the real cutoff quick pick driven
// by workbench commands, the editor's on-disk folders, and polling.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EnrichmentBatch } from '../../src/api/types';
import type { TreeSnapshot, WoodpeckerTestApi } from '../../src/testApi';
import type { EnrichmentNode } from '../../src/tree/enrichmentTreeProvider';
import type { BatchNode } from '../../src/tree/nodes/batchNode';
import type { LeadNode } from '../../src/tree/nodes/leadNode';
import { formatWithOffset } from '../fake/data';
import { ENRICHMENTS_PATH, type RecordedRequest } from '../fake/server';
import { EXTENSION_ID, type FakeApi, extension, setSetting, testApi, useFakeApi, waitForSnapshot } from './helpers';

export const HOUR_MS = 3_600_000;

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `read` until it returns something other than undefined. */
export async function waitFor<T>(read: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(50);
	}
}

/** Settles within `ms` or fails naming `what`: a quick pick left open must not hang a test. */
export async function within<T>(promise: Thenable<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
	});
	try {
		return await Promise.race([Promise.resolve(promise), timeout]);
	} finally {
		clearTimeout(timer);
	}
}

export interface SessionOptions {
	apiKey?: string;
	/** `woodpecker.*` user settings to apply before the key is stored (so they cause no extra request). */
	settings?: Record<string, unknown>;
}

export interface Session {
	api: WoodpeckerTestApi;
	fake: FakeApi;
	key: string;
	/** The list requests the fake API received since the session's first load finished. */
	listRequests(): RecordedRequest[];
	/** Clears the key, the settings and notifications, stops the server, hides the view. */
	dispose(): Promise<void>;
}

/**
 * Starts a fake API with these batches, stores the key (which loads once, as a key change does)
 * and waits for that first load, then forgets its request so a test counts only its own.
 */
export async function startSession(batches: EnrichmentBatch[], options: SessionOptions = {}): Promise<Session> {
	const api = await testApi();
	await waitForSnapshot((s) => s.state === 'no-key' && !s.refreshing, 'the no-key state a test starts from');
	for (const [key, value] of Object.entries(options.settings ?? {})) await setSetting(key, value);
	const key = options.apiKey ?? 'test-key';
	const fake = await useFakeApi(batches, key);
	await waitForSnapshot((s) => ['loaded', 'empty', 'error'].includes(s.state) && !s.refreshing, 'the load the stored key starts');
	fake.server.reset();
	let disposed = false;
	return {
		api,
		fake,
		key,
		listRequests: () => fake.server.requests.filter((r) => r.path === ENRICHMENTS_PATH),
		async dispose() {
			if (disposed) return;
			disposed = true;
			// Error notifications hold their command's promise until dismissed.
			await vscode.commands.executeCommand('notifications.clearAll');
			await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
			// The filter and Group by Day persist in global state: every test starts with all leads, ungrouped.
			await vscode.commands.executeCommand('woodpecker.clearFilter');
			await vscode.commands.executeCommand('woodpecker.ungroupByDay');
			await fake.dispose();
			for (const setting of Object.keys(options.settings ?? {})) await setSetting(setting, undefined);
			await waitForSnapshot((s) => s.state === 'no-key' && !s.refreshing, 'the key to be cleared');
			await hideView();
		},
	};
}

/**
 * One session per test of the calling describe(), disposed after it (also when it failed):
 * `session.start(batches, options)` in the test, or `useSession(batches, options)` to start one
 * before each test. The one place integration tests set up and put back the extension's state.
 */
export function useSession(batches?: () => EnrichmentBatch[], options: SessionOptions = {}): { start(b: EnrichmentBatch[], o?: SessionOptions): Promise<Session>; readonly current: Session } {
	let current: Session | undefined;
	if (batches) {
		beforeEach(async () => {
			current = await startSession(batches(), options);
		});
	}
	afterEach(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await current?.dispose();
		current = undefined;
	});
	return {
		async start(b, o = {}) {
			current = await startSession(b, o);
			return current;
		},
		get current() {
			assert.ok(current, 'no session: call start() first');
			return current;
		},
	};
}

/** Shows the Woodpecker view container, as a click on its activity bar icon does. */
export async function showView(command = 'workbench.view.extension.woodpecker'): Promise<void> {
	const api = await testApi();
	await vscode.commands.executeCommand(command);
	await waitFor(async () => ((await api.snapshot({ leads: false })).visible ? true : undefined), 'the Enrichments view to be visible');
}

/** Switches the side bar to the Explorer, so the Enrichments view is not visible. */
export async function hideView(): Promise<void> {
	const api = await testApi();
	await vscode.commands.executeCommand('workbench.view.explorer');
	await waitFor(async () => ((await api.snapshot({ leads: false })).visible ? undefined : true), 'the Enrichments view to be hidden');
}

/** The items of Set Cutoff's quick pick, in order. */
export const CutoffItem = { last24Hours: 0, last7Days: 1, last30Days: 2, specificDate: 3 } as const;

/**
 * Runs Woodpecker: Set Cutoff… and picks the item at `index` with the workbench's own quick
 * open commands; returns the command's promise (it settles once the pick is handled).
 */
export async function pickCutoffItem(index: number, showDelayMs = 500): Promise<{ done: Thenable<unknown> }> {
	await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
	const command = vscode.commands.executeCommand('woodpecker.setCutoff');
	// The extension host cannot see the quick pick; give the workbench time to show it and its items.
	await sleep(showDelayMs);
	for (let i = 0; i < index; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
	await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
	return { done: command };
}

/**
 * Picks a cutoff and waits for the command (and the refresh it starts) to finish. Should the
 * quick pick have come up only after the accept, it is still open: Escape (which changes
 * nothing) and try again, waiting longer.
 */
export async function setCutoffByPick(index: number): Promise<void> {
	for (let attempt = 1; attempt <= 3; attempt++) {
		const { done } = await pickCutoffItem(index, 500 * attempt);
		const settled = await within(done, 5_000, 'Set Cutoff…').then(
			() => true,
			() => false,
		);
		// The scheduler started the new cutoff's refresh as the cutoff was stored.
		if (settled) return (await testApi()).whenIdle();
		await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
		await within(done, 5_000, 'Set Cutoff… after Escape');
	}
	throw new Error(`Set Cutoff… did not take item ${index} in 3 attempts`);
}

/** Puts the cutoff back to the API's default, with no key stored (so nothing is requested). */
export async function restoreDefaultCutoff(): Promise<void> {
	const api = await testApi();
	await setCutoffByPick(CutoffItem.last24Hours);
	const s = await api.snapshot({ leads: false });
	assert.equal(s.description, 'last 24 hours', 'the default cutoff was not restored');
}

/**
 * Asserts a created_after reaches back far enough for a window that starts `hoursAgo` hours
 * before now, whatever the server's reading: at least a day and a half before the window's start,
 * and no more than three days before it (not the whole history).
 */
export function assertCreatedAfterCovers(createdAfter: string | undefined, hoursAgo: number): void {
	assert.match(createdAfter ?? '', /^\d{4}-\d{2}-\d{2}$/, `created_after ${createdAfter}`);
	const midnightUtc = Date.parse(`${createdAfter}T00:00:00Z`);
	const start = Date.now() - hoursAgo * HOUR_MS;
	const before = (start - midnightUtc) / HOUR_MS;
	assert.ok(before >= 36 && before <= 72, `created_after=${createdAfter} starts ${before.toFixed(1)} h before the window`);
}

/** The root batch nodes and a batch's lead nodes, as the view hands them to commands. */
export function batchNodes(api: WoodpeckerTestApi): BatchNode[] {
	return api.nodes().filter((n): n is BatchNode => n.kind === 'batch');
}

export function leadNodes(api: WoodpeckerTestApi, batch: EnrichmentNode): LeadNode[] {
	return api.nodes(batch).filter((n): n is LeadNode => n.kind === 'lead');
}

/** Runs a command whose failure notification would wait for a click: returns at once. */
export function startCommand(command: string, ...args: unknown[]): void {
	void vscode.commands.executeCommand(command, ...args).then(undefined, () => undefined);
}

/** Waits until a failed refresh left its way out (action rows) in the view. */
export function waitForFailure(timeoutMs = 15_000): Promise<TreeSnapshot> {
	return waitForSnapshot((s) => s.actions.length > 0 && !s.refreshing, 'the action rows after a failed refresh', timeoutMs);
}

/** The labels of the action rows above the batches. */
export function actionLabels(s: TreeSnapshot): string[] {
	return s.actions.map((a) => a.label);
}

/**
 * The editor's user data folder (settings, globalStorage, logs). code-server's extension host
 * inherits CODE_SERVER_SESSION_SOCKET (<user-data-dir>/code-server-ipc.sock) and the harness's
 * XDG_CONFIG_HOME (<state>/xdg-config next to <state>/user-data); test-electron uses .vscode-test/user-data.
 */
export function userDataDir(): string {
	const env = process.env;
	const candidates = [
		env.WOODPECKER_TEST_USER_DATA_DIR,
		env.CODE_SERVER_SESSION_SOCKET && path.dirname(env.CODE_SERVER_SESSION_SOCKET),
		env.XDG_CONFIG_HOME && path.join(path.dirname(env.XDG_CONFIG_HOME), 'user-data'),
		path.join(extension().extensionPath, '.vscode-test', 'user-data'),
	];
	const found = candidates.find((dir): dir is string => !!dir && fs.existsSync(path.join(dir, 'User')));
	if (!found) throw new Error(`Cannot find the editor's user data folder; tried ${candidates.filter(Boolean).join(', ')}`);
	return found;
}

/** Where the extension's globalStorageUri points: the response cache lives there. */
export function globalStorageDir(): string {
	return path.join(userDataDir(), 'User', 'globalStorage', EXTENSION_ID);
}

/** Where an account's last answer is cached; by default the first account's (the one a session sets up). */
export function cacheFile(accountId = extension().exports?.accounts()[0]?.id ?? '(no account)'): string {
	return path.join(globalStorageDir(), 'accounts', accountId, 'last-response.json');
}

/** Every regular file under `dir`, recursively. */
export function listFiles(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) return listFiles(p);
		return entry.isFile() ? [p] : [];
	});
}

/** The extension's log files (the Woodpecker output channel) in the editor's logs folder. */
export function logFiles(): string[] {
	return listFiles(path.join(userDataDir(), 'logs')).filter((f) => f.includes(`${path.sep}${EXTENSION_ID}${path.sep}`));
}

/** Everything the extension has logged so far this session. */
export function logText(): string {
	return logFiles()
		.map((f) => fs.readFileSync(f, 'utf8'))
		.join('\n');
}

/** The folder the harness writes result files to (test-results/). */
export function resultsDir(): string {
	const resultFile = process.env.WOODPECKER_TEST_RESULT_FILE;
	return resultFile ? path.dirname(resultFile) : path.join(extension().extensionPath, 'test-results');
}

/** A key that cannot occur by chance, so finding it in a file means it leaked. */
export function uniqueKey(): string {
	return `wpk-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-secret`;
}

/** Hand-made batches around `now`, given to the fake out of order; uuids say which is which. */
export function sampleBatches(now = Date.now()): { batches: EnrichmentBatch[]; uuids: Record<'mixed' | 'empty' | 'done' | 'odd' | 'old', string> } {
	const uuids = {
		mixed: '0a000000-0000-4000-8000-000000000001',
		empty: '0a000000-0000-4000-8000-000000000002',
		done: '0a000000-0000-4000-8000-000000000003',
		odd: '0a000000-0000-4000-8000-000000000004',
		old: '0a000000-0000-4000-8000-000000000005',
	};
	const at = (minutesAgo: number) => formatWithOffset(now - minutesAgo * 60_000, 120);
	const batches: EnrichmentBatch[] = [
		{
			uuid: uuids.odd,
			created: at(5 * 60),
			leads: [
				{ uid: 'oddSearchId0000000000A_0001', status: 'FAILED', processing_result: null },
				{ uid: 'oddSearchId0000000000A_0002', status: 'PROCESSED', processing_result: 'DUPLICATE' },
			],
		},
		{
			uuid: uuids.mixed,
			created: at(10),
			leads: [
				{ uid: 'mixSearchId0000000000B_0007', status: 'PENDING', processing_result: null },
				{ uid: 'mixSearchId0000000000B_0008', status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' },
				{ uid: 'mixSearchId0000000000B_0009', status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' },
			],
		},
		{ uuid: uuids.old, created: at(30 * 60), leads: [{ uid: 'oldSearchId0000000000C_0001', status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' }] },
		{
			uuid: uuids.done,
			created: at(2 * 60),
			leads: [
				{ uid: 'donSearchId0000000000D_0003', status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' },
				{ uid: 'donSearchId0000000000D_0004', status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' },
			],
		},
		{ uuid: uuids.empty, created: at(60), leads: [] },
	];
	return { batches, uuids };
}
