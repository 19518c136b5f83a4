// Behind a corporate proxy, in the http.proxySupport modes that apply it. The extension is pointed
// at 127.0.0.2, where nothing listens (the fake API is on 127.0.0.1, and VS Code never proxies
// localhost or 127.0.0.1): only a request that went through the proxy can be answered.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ForwardProxy } from '../fake/proxy';
import { ENRICHMENTS_PATH } from '../fake/server';
import { setSetting, waitForSnapshot } from './helpers';
import { sampleBatches, useSession } from './support';

async function setHttpSetting(key: string, value: unknown): Promise<void> {
	await vscode.workspace.getConfiguration('http').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('Behind a proxy', () => {
	const session = useSession();
	let proxy: ForwardProxy | undefined;
	afterEach(async () => {
		await setHttpSetting('proxy', undefined);
		await setHttpSetting('proxySupport', undefined);
		await proxy?.stop();
		proxy = undefined;
	});

	for (const mode of ['override', 'on'] as const) {
		it(`http.proxySupport "${mode}": the refresh goes through http.proxy`, async () => {
			const { api, fake } = await session.start(sampleBatches().batches);
			const port = new URL(fake.url).port;
			proxy = new ForwardProxy(Number(port));
			await setHttpSetting('proxy', await proxy.start());
			await setHttpSetting('proxySupport', mode);
			// Another address: the scheduler forgets the old one's rows and loads through the proxy.
			await setSetting('apiBaseUrl', `http://127.0.0.2:${port}`);
			const s = await waitForSnapshot((snap) => !snap.refreshing && snap.state !== 'idle' && (snap.state === 'loaded' || snap.state === 'error'), 'the load through the proxy', 20_000);
			assert.equal(s.state, 'loaded', `not loaded: ${s.message}`);
			assert.equal(s.batches.length, 4);
			assert.deepEqual(
				proxy.requests.map((r) => [r.method, new URL(r.url).host, new URL(r.url).pathname, r.hadApiKey]),
				[['GET', `127.0.0.2:${port}`, ENRICHMENTS_PATH, true]],
			);
			await api.whenIdle();
		});
	}
});
