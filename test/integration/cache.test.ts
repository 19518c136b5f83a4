import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { waitForSnapshot } from './helpers';
import { type Session, cacheFile, hideView, sampleBatches, startCommand, startSession, waitFor, waitForNotice } from './support';

/** Waits until the cache file holds exactly these batches (it is written after the refresh, asynchronously). */
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
	let session: Session | undefined;
	afterEach(async () => {
		await session?.dispose();
		session = undefined;
	});

	it('shows the last answer, marked cached, before any refresh succeeds; a good refresh replaces it', async () => {
		session = await startSession(sampleBatches().batches);
		const { api, fake } = session;
		await vscode.commands.executeCommand('woodpecker.refresh');
		const before = await api.snapshot({ leads: false });
		assert.equal(before.batches.length, 4);
		await waitForCachedAnswer(before.batches.map((b) => b.uuid));

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
		assert.equal(cached.notice, undefined);
		assert.equal(cached.badge, 1);

		// The server is still down: the cached rows stay, now with the failure.
		startCommand('woodpecker.refresh');
		const failed = await waitForNotice();
		assert.equal(failed.batches.length, 4);
		assert.equal(failed.description, 'last 24 hours · cached');
		assert.ok(failed.notice!.description.includes('the connection was refused'), failed.notice!.description);

		// Back up on the same address: a good refresh drops the cached mark and the notice.
		await fake.server.start(port);
		await vscode.commands.executeCommand('notifications.clearAll');
		await vscode.commands.executeCommand('woodpecker.refresh');
		const fresh = await api.snapshot({ leads: false });
		assert.equal(fresh.description, 'last 24 hours');
		assert.equal(fresh.notice, undefined);
		assert.equal(fresh.message, undefined);
		assert.equal(fresh.batches.length, 4);
	});
});
