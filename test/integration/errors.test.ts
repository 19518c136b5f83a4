// A failed refresh keeps the last good batches on screen and says why, in a notice row above
// them and in the view's message. (The error notification itself lives in the workbench, out of
// the extension host's reach: the UI suite reads it.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Fault } from '../fake/server';
import type { TreeSnapshot } from '../../src/testApi';
import { type Session, sampleBatches, startCommand, startSession, waitForNotice } from './support';

describe('Refresh failures', () => {
	let session: Session | undefined;
	afterEach(async () => {
		await session?.dispose();
		session = undefined;
	});

	/** A good refresh, then a failing one; returns the snapshots before and after. */
	async function failAfterGoodRefresh(fault: Fault | 'stop'): Promise<{ before: TreeSnapshot; after: TreeSnapshot }> {
		session = await startSession(sampleBatches().batches, { settings: { requestTimeoutSeconds: 2 } });
		const { api, fake } = session;
		await vscode.commands.executeCommand('woodpecker.refresh');
		const before = await api.snapshot({ leads: false });
		assert.equal(before.batches.length, 4);
		assert.equal(before.notice, undefined);
		fake.server.reset();
		if (fault === 'stop') await fake.server.stop();
		else fake.server.failAlways(fault);
		// Its error notification waits for a click: do not await the command.
		startCommand('woodpecker.refresh');
		const after = await waitForNotice();
		return { before, after };
	}

	function assertStaleDataShown(before: TreeSnapshot, after: TreeSnapshot, reason: string): void {
		assert.equal(after.state, 'loaded');
		assert.deepEqual(
			after.batches.map((b) => b.uuid),
			before.batches.map((b) => b.uuid),
			'the last good batches should stay',
		);
		assert.match(after.notice!.label, /^Showing data from \S/);
		assert.equal(after.notice!.icon, 'warning');
		assert.ok(after.notice!.description.includes(reason), `notice description ${JSON.stringify(after.notice!.description)} lacks ${JSON.stringify(reason)}`);
		assert.match(after.message ?? '', /^Showing data from .+ because the last refresh failed: /);
		assert.ok(after.message!.includes(reason), `message ${JSON.stringify(after.message)} lacks ${JSON.stringify(reason)}`);
		assert.equal(after.description, 'last 24 hours');
	}

	const statuses: Array<{ status: number; details: string; attempts: number }> = [
		{ status: 401, details: 'Invalid api key', attempts: 1 },
		{ status: 400, details: 'Value of created_after is incorrect.', attempts: 1 },
		{ status: 404, details: 'Requested resource does not exist', attempts: 1 },
		{ status: 500, details: 'An unexpected error has occurred. Please try again later.', attempts: 3 },
	];
	for (const { status, details, attempts } of statuses) {
		it(`HTTP ${status}: keeps the batches and shows the server's details "${details}" (${attempts} attempt${attempts > 1 ? 's' : ''})`, async () => {
			const { before, after } = await failAfterGoodRefresh({ kind: 'status', status });
			assertStaleDataShown(before, after, details);
			assert.ok(after.notice!.description.includes(`HTTP ${status}`), after.notice!.description);
			assert.equal(session!.listRequests().length, attempts);
		});
	}

	it('HTTP 302 to another address: not followed (the key stays here), keeps the batches and says where it pointed', async () => {
		const { before, after } = await failAfterGoodRefresh({ kind: 'status', status: 302, headers: { location: 'http://127.0.0.1:9/rest/v2/lead_finder/leads/enrichments' } });
		assertStaleDataShown(before, after, "Woodpecker's address answered with a redirect to http://127.0.0.1:9.");
		assert.equal(session!.listRequests().length, 1);
	});

	it('a refused connection (server stopped): keeps the batches and says the connection was refused', async () => {
		const { before, after } = await failAfterGoodRefresh('stop');
		assertStaleDataShown(before, after, 'the connection was refused');
	});

	it('no answer within woodpecker.requestTimeoutSeconds (2 s): keeps the batches and names the timeout, after 3 attempts', async function () {
		this.timeout(30_000);
		const { before, after } = await failAfterGoodRefresh({ kind: 'hang' });
		assertStaleDataShown(before, after, 'did not answer within 2 s');
		assert.equal(session!.listRequests().length, 3);
	});

	it('the next good refresh removes the notice and the message', async () => {
		await failAfterGoodRefresh({ kind: 'status', status: 500 });
		session!.fake.server.reset();
		await vscode.commands.executeCommand('woodpecker.refresh');
		const s = await session!.api.snapshot({ leads: false });
		assert.equal(s.notice, undefined);
		assert.equal(s.message, undefined);
		assert.equal(s.batches.length, 4);
	});
});
