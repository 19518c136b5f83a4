import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { setSetting, waitForSnapshot } from './helpers';
import { FakeWoodpeckerServer } from '../fake/server';
import { actionLabels, cacheFile, hideView, sampleBatches, startCommand, useSession, waitFor, waitForFailure } from './support';

/** Waits until the cache file holds exactly these batches, the answer as received (it is written after the refresh, asynchronously). */
async function waitForCachedAnswer(uuids: string[]): Promise<void> {
	await waitFor(() => {
		try {
			const cached = JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as { body?: { lead_enrichments?: Array<{ uuid: string }> } };
			const got = (cached.body?.lead_enrichments ?? []).map((b) => b.uuid).sort();
			return JSON.stringify(got) === JSON.stringify([...uuids].sort()) ? true : undefined;
		} catch {
			return undefined;
		}
	}, `the cache file ${cacheFile()} to hold the last answer`);
}

describe('Cached answer after a restart', () => {
	const session = useSession();

	it('shows the last answer, marked cached, before any refresh succeeds; a good refresh replaces it', async () => {
		const { api, fake } = await session.start(sampleBatches().batches);
		await vscode.commands.executeCommand('woodpecker.refresh');
		const before = await api.snapshot({ leads: false });
		assert.equal(before.batches.length, 4);
		// All five: the 30-hour-old one came with the answer, and the view leaves it out.
		await waitForCachedAnswer(Object.values(sampleBatches().uuids));

		const port = Number(new URL(fake.url).port);
		await fake.server.stop();
		await hideView(); // so the restart does not try to load at once
		await api.restart();
		const cached = await waitForSnapshot((s) => s.state === 'loaded', 'the cached batches after the restart');
		assert.deepEqual(
			cached.batches.map(({ uuid, label, description }) => ({ uuid, label, description })),
			before.batches.map(({ uuid, label, description }) => ({ uuid, label, description })),
		);
		assert.equal(cached.description, 'last 24 hours · cached');
		assert.match(cached.message ?? '', /^Showing cached data from .+\. Refresh to update it\.$/);
		assert.deepEqual(cached.actions, []);
		assert.equal(cached.badge, 1);

		// The server is still down: the cached rows stay, now with the failure.
		startCommand('woodpecker.refresh');
		const failed = await waitForFailure();
		assert.equal(failed.batches.length, 4);
		assert.equal(failed.description, 'last 24 hours · cached');
		assert.ok(failed.message?.includes('refused the connection'), failed.message);
		assert.deepEqual(actionLabels(failed), ['Retry']);

		// Back up on the same address: a good refresh drops the cached mark and the notice.
		await fake.server.start(port);
		await vscode.commands.executeCommand('notifications.clearAll');
		await vscode.commands.executeCommand('woodpecker.refresh');
		const fresh = await api.snapshot({ leads: false });
		assert.equal(fresh.description, 'last 24 hours');
		assert.deepEqual(fresh.actions, []);
		assert.equal(fresh.message, undefined);
		assert.equal(fresh.batches.length, 4);
	});

	it('is used after a restart under an equivalent spelling of the address (…/rest/, a trailing slash)', async () => {
		const { api, fake } = await session.start(sampleBatches().batches);
		await vscode.commands.executeCommand('woodpecker.refresh');
		await waitForCachedAnswer(Object.values(sampleBatches().uuids));
		await hideView();
		await setSetting('apiBaseUrl', `${fake.url}/rest/`);
		await api.whenIdle();
		assert.equal((await api.snapshot({ leads: false })).batches.length, 4, 'an equivalent address keeps the rows');
		await fake.server.stop();
		await api.restart();
		const cached = await waitForSnapshot((s) => s.state === 'loaded', 'the cached batches under the equivalent address');
		assert.equal(cached.description, 'last 24 hours · cached');
		assert.equal(cached.batches.length, 4);
	});

	it("another address drops the old host's rows and its cached answer: nothing of it looks current", async () => {
		const { api, fake } = await session.start(sampleBatches().batches);
		await vscode.commands.executeCommand('woodpecker.refresh');
		await waitForCachedAnswer(Object.values(sampleBatches().uuids));
		const other = new FakeWoodpeckerServer({ apiKey: session.current.key, batches: [sampleBatches().batches[1]] });
		const otherUrl = await other.start();
		try {
			await setSetting('apiBaseUrl', otherUrl);
			const s = await waitForSnapshot((snap) => snap.batches.length === 1 && !snap.refreshing, "the other host's one batch");
			assert.equal(s.batches[0].uuid, sampleBatches().uuids.mixed);
			assert.equal(other.requests.length, 1);
			await waitForCachedAnswer([sampleBatches().uuids.mixed]);
			// The other host fails: the view shows the failure, never the first host's rows.
			await other.stop();
			await setSetting('apiBaseUrl', `${otherUrl}/moved`);
			const failed = await waitForSnapshot((snap) => snap.state === 'error' && !snap.refreshing, 'the failure at the third address');
			assert.deepEqual(failed.batches, []);
			assert.equal(fs.existsSync(cacheFile()), false, 'the cache of the old address is gone');
		} finally {
			await other.stop();
			await setSetting('apiBaseUrl', fake.url);
			await api.whenIdle();
		}
	});
});
