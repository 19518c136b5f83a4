// What the integration tests share: the activated extension's test API, a fake Woodpecker API
// the extension is pointed at for one test, and polling for state that settles asynchronously.
import * as vscode from 'vscode';
import type { EnrichmentBatch } from '../../src/api/types';
import type { TreeSnapshot, WoodpeckerTestApi } from '../../src/testApi';
import { FakeWoodpeckerServer } from '../fake/server';

export const EXTENSION_ID = 'woodpecker-community.woodpecker-enrichments';

export function extension(): vscode.Extension<WoodpeckerTestApi | undefined> {
	const ext = vscode.extensions.getExtension<WoodpeckerTestApi | undefined>(EXTENSION_ID);
	if (!ext) throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
	return ext;
}

/** Activates the extension and returns its test API (present outside production mode). */
export async function testApi(): Promise<WoodpeckerTestApi> {
	const api = await extension().activate();
	if (!api) throw new Error('activate() returned no test API: is the extension running in production mode?');
	return api;
}

/** Sets a `woodpecker.*` user setting; `undefined` removes it. */
export async function setSetting(key: string, value: unknown): Promise<void> {
	await vscode.workspace.getConfiguration('woodpecker').update(key, value, vscode.ConfigurationTarget.Global);
}

export interface FakeApi {
	server: FakeWoodpeckerServer;
	url: string;
	/** Stops the server, clears the key and the base URL setting. */
	dispose(): Promise<void>;
}

/** Starts a fake API on a free loopback port and points the extension at it, with its key stored. */
export async function useFakeApi(batches: EnrichmentBatch[], apiKey = 'test-key'): Promise<FakeApi> {
	const api = await testApi();
	const server = new FakeWoodpeckerServer({ apiKey, batches });
	const url = await server.start();
	await setSetting('apiBaseUrl', url);
	await api.storeApiKey(apiKey);
	return {
		server,
		url,
		async dispose() {
			// Every account goes, with its key and cache: the next test starts as a first start does.
			await api.removeAllAccounts();
			await setSetting('apiBaseUrl', undefined);
			await api.whenIdle();
			await server.stop();
		},
	};
}

/** Polls the tree snapshot until `accept` holds; fails with the last snapshot in the message. */
export async function waitForSnapshot(accept: (s: TreeSnapshot) => boolean, what: string, timeoutMs = 10_000): Promise<TreeSnapshot> {
	const api = await testApi();
	const deadline = Date.now() + timeoutMs;
	let last: TreeSnapshot;
	do {
		await api.whenIdle();
		last = await api.snapshot({ leads: false });
		if (accept(last)) return last;
		await new Promise((resolve) => setTimeout(resolve, 100));
	} while (Date.now() < deadline);
	const { state, message, batches, actions } = last;
	throw new Error(`Timed out waiting for ${what}; last snapshot: ${JSON.stringify({ state, message, batches: batches.length, actions: actions.map((a) => a.label) })}`);
}
