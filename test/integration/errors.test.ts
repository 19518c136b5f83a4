// A failed refresh says why once, in the view's message, and offers its way out as a row that
// runs the fix; the last good batches stay. (The notification lives in the workbench, out of the
// extension host's reach: the UI suite reads it.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Fault } from '../fake/server';
import type { TreeSnapshot } from '../../src/testApi';
import { waitForSnapshot } from './helpers';
import { actionLabels, sampleBatches, startCommand, useSession, waitForFailure } from './support';

interface Case {
	name: string;
	fault: Fault | 'stop';
	/** Part of the reason the view must give. */
	reason: string;
	actions: string[];
	attempts: number;
}

const CASES: Case[] = [
	{ name: 'HTTP 401', fault: { kind: 'status', status: 401 }, reason: 'Invalid api key. Set a valid API key. (HTTP 401 Unauthorized)', actions: ['Set API Key…'], attempts: 1 },
	{ name: 'HTTP 403', fault: { kind: 'status', status: 403 }, reason: '(HTTP 403 Forbidden)', actions: ['Set API Key…'], attempts: 1 },
	{ name: 'HTTP 400', fault: { kind: 'status', status: 400 }, reason: 'Value of created_after is incorrect. (HTTP 400 Bad Request)', actions: ['Set Cutoff…'], attempts: 1 },
	{ name: 'HTTP 404', fault: { kind: 'status', status: 404 }, reason: 'Requested resource does not exist. (HTTP 404 Not Found)', actions: ['Open Settings…'], attempts: 1 },
	{ name: 'HTTP 500', fault: { kind: 'status', status: 500 }, reason: 'An unexpected error has occurred. Please try again later. (HTTP 500 Internal server error)', actions: ['Retry'], attempts: 3 },
	{
		name: 'HTTP 302 to another address (not followed: the key stays here)',
		fault: { kind: 'status', status: 302, headers: { location: 'http://127.0.0.1:9/rest/v2/lead_finder/leads/enrichments' } },
		reason: "Woodpecker's address answered with a redirect to http://127.0.0.1:9.",
		actions: ['Open Settings…'],
		attempts: 1,
	},
	{ name: 'a refused connection (server stopped)', fault: 'stop', reason: 'refused the connection', actions: ['Retry'], attempts: 0 },
	{ name: 'an HTML page instead of JSON', fault: { kind: 'html', status: 200 }, reason: 'an HTML page instead of JSON', actions: ['Retry'], attempts: 1 },
];

describe('Refresh failures', () => {
	const session = useSession();

	/** A good refresh, then a failing one; returns the snapshots before and after. */
	async function failAfterGoodRefresh(fault: Fault | 'stop'): Promise<{ before: TreeSnapshot; after: TreeSnapshot }> {
		const { api, fake } = await session.start(sampleBatches().batches, { settings: { requestTimeoutSeconds: 2 } });
		await vscode.commands.executeCommand('woodpecker.refresh');
		const before = await api.snapshot({ leads: false });
		assert.equal(before.batches.length, 4);
		assert.deepEqual(before.actions, []);
		fake.server.reset();
		if (fault === 'stop') await fake.server.stop();
		else fake.server.failAlways(fault);
		// Its error notification waits for a click: do not await the command.
		startCommand('woodpecker.refresh');
		return { before, after: await waitForFailure() };
	}

	for (const c of CASES) {
		it(`${c.name} after a good load: keeps the batches, says why once, and offers ${c.actions.join(', ')}`, async () => {
			const { before, after } = await failAfterGoodRefresh(c.fault);
			assert.equal(after.state, 'loaded');
			assert.deepEqual(
				after.batches.map((b) => b.uuid),
				before.batches.map((b) => b.uuid),
				'the last good batches stay',
			);
			assert.match(after.message ?? '', /^Refresh failed at .+: .+ Showing the batches received at .+\.$/);
			assert.ok(after.message!.includes(c.reason), `message ${JSON.stringify(after.message)} lacks ${JSON.stringify(c.reason)}`);
			assert.deepEqual(actionLabels(after), c.actions);
			for (const row of after.actions) assert.ok(!row.label.includes(c.reason) && !row.tooltip.includes(c.reason), 'the reason is said once, in the message');
			assert.equal(after.description, 'last 24 hours');
			if (c.attempts) assert.equal(session.current.listRequests().length, c.attempts);
		});
	}

	it('no answer within woodpecker.requestTimeoutSeconds (2 s): names the timeout after 3 attempts, offers Retry', async function () {
		this.timeout(30_000);
		const { after } = await failAfterGoodRefresh({ kind: 'hang' });
		assert.ok(after.message?.includes('did not answer within 2 s'), after.message);
		assert.deepEqual(actionLabels(after), ['Retry']);
		assert.equal(session.current.listRequests().length, 3);
	});

	it('each action row runs its fix: Retry reloads, and a good answer removes the row and the message', async () => {
		const { after } = await failAfterGoodRefresh({ kind: 'status', status: 500 });
		const retry = after.actions[0];
		assert.deepEqual(retry.command, { command: 'woodpecker.refresh', arguments: [] });
		session.current.fake.server.reset();
		await vscode.commands.executeCommand(retry.command!.command, ...retry.command!.arguments);
		const s = await session.current.api.snapshot({ leads: false });
		assert.deepEqual(s.actions, []);
		assert.equal(s.message, undefined);
		assert.equal(s.batches.length, 4);
		assert.equal(session.current.listRequests().length, 1);
	});

	it('the rows of a key or address problem run Set API Key and Open Settings on woodpecker.apiBaseUrl', async () => {
		const { after } = await failAfterGoodRefresh({ kind: 'status', status: 401 });
		assert.deepEqual(after.actions[0].command, { command: 'woodpecker.setApiKey', arguments: [] });
		session.current.fake.server.failAlways({ kind: 'status', status: 404 });
		startCommand('woodpecker.refresh');
		const notFound = await waitForSnapshot((s) => actionLabels(s).includes('Open Settings…') && !s.refreshing, 'the 404 rows');
		assert.deepEqual(notFound.actions[0].command, { command: 'workbench.action.openSettings', arguments: ['woodpecker.apiBaseUrl'] });
	});

	it('the first load failing: no batches, the reason in the message, the way out and Show Log as rows', async () => {
		const { api, fake } = await session.start(sampleBatches().batches);
		await api.storeApiKey(undefined);
		await waitForSnapshot((s) => s.state === 'no-key', 'the key to be cleared');
		fake.server.failAlways({ kind: 'status', status: 401 });
		await api.storeApiKey('a-key-the-server-rejects');
		const s = await waitForFailure();
		assert.equal(s.state, 'error');
		assert.deepEqual(s.batches, []);
		assert.equal(s.message, 'Could not load enrichment batches: Invalid api key. Set a valid API key. (HTTP 401 Unauthorized)');
		assert.deepEqual(actionLabels(s), ['Set API Key…', 'Show Log']);
		assert.deepEqual(s.actions[1].command, { command: 'woodpecker.showLog', arguments: [] });
	});
});
