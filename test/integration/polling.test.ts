// Polling in the real extension host: while a lead is pending the extension refreshes by itself,
// stops once nothing is, backs off on failure without a notification, and a user's old
// autoRefreshMinutes value moves to idleRefreshMinutes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { setSetting, waitForSnapshot } from './helpers';
import { logText, sampleBatches, showView, useSession, waitFor } from './support';

describe('Polling while leads are pending', function () {
	// One real poll takes the shortest interval allowed, 15 s.
	this.timeout(60_000);
	const session = useSession();

	afterEach(async () => {
		await setSetting('pollIntervalSeconds', undefined);
		await setSetting('idleRefreshMinutes', undefined);
		await setSetting('autoRefreshMinutes', undefined);
	});

	it('refreshes by itself every pollIntervalSeconds while a lead is pending, and stops when it was processed', async () => {
		const { api, fake, listRequests } = await session.start(sampleBatches().batches, { settings: { pollIntervalSeconds: 15 } });
		await showView();
		assert.equal(api.polling().windowFocused, true, 'the test window is focused');
		const polling = await waitFor(() => api.polling().next, 'a poll set up for the pending lead');
		assert.equal(polling.kind, 'poll');
		assert.ok(polling.inMs > 10_000 && polling.inMs <= 15_000, `next poll in ${polling.inMs} ms, expected 15 s after the load`);
		const before = listRequests().length;

		// Meanwhile Woodpecker processes the pending lead.
		fake.server.setBatches(sampleBatches().batches.map((b) => ({ ...b, leads: b.leads.map((l) => (l.status === 'PENDING' ? { ...l, status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' } : l)) })));
		const s = await waitForSnapshot((x) => x.badge === undefined && !x.refreshing, 'the poll to show nothing pending', 25_000);
		assert.equal(listRequests().length, before + 1, 'one request, sent by the poll');
		assert.equal(s.statusBar, undefined);
		assert.equal(api.polling().next, undefined, 'nothing pending: no poll is set');
	});

	it('a failing server: the wait doubles, the last good rows stay and the view says why', async () => {
		const { api, fake } = await session.start(sampleBatches().batches, { settings: { pollIntervalSeconds: 15 } });
		await showView();
		await waitFor(() => api.polling().next, 'a poll set up');
		const shown = (await api.snapshot({ leads: false })).batches.map((b) => b.uuid);
		fake.server.failAlways({ kind: 'status', status: 503, body: '{"message":"maintenance"}' });
		const after = await waitFor(
			() => {
				const next = api.polling().next;
				return next && next.inMs > 15_000 ? next : undefined;
			},
			'the poll to fail and back off',
			40_000,
		);
		assert.ok(after.inMs > 25_000 && after.inMs <= 30_000, `next poll in ${after.inMs} ms, expected 30 s after the failure`);
		const s = await api.snapshot({ leads: false });
		assert.deepEqual(
			s.batches.map((b) => b.uuid),
			shown,
			'the rows stay',
		);
		assert.match(s.message ?? '', /503|maintenance|unavailable/i, 'the view says it');
		assert.match(logText(), /Refresh failed/);
		fake.server.failAlways(undefined);
	});

	it('pollIntervalSeconds 0 turns polling off at once', async () => {
		const { api } = await session.start(sampleBatches().batches, { settings: { pollIntervalSeconds: 15 } });
		await showView();
		await waitFor(() => api.polling().next, 'a poll set up');
		await setSetting('pollIntervalSeconds', 0);
		await waitFor(() => (api.polling().next === undefined ? true : undefined), 'polling off');
	});

	it("moves a user's woodpecker.autoRefreshMinutes to woodpecker.idleRefreshMinutes at start, and refreshes while nothing is pending", async () => {
		const done = sampleBatches().batches.map((b) => ({ ...b, leads: b.leads.filter((l) => l.status !== 'PENDING') }));
		const { api } = await session.start(done);
		await setSetting('autoRefreshMinutes', 7);
		await api.restart();
		await waitForSnapshot((x) => x.state === 'loaded', 'the view after the restart');
		const config = () => vscode.workspace.getConfiguration('woodpecker');
		await waitFor(() => (config().inspect('idleRefreshMinutes')?.globalValue === 7 && config().inspect('autoRefreshMinutes')?.globalValue === undefined ? true : undefined), 'the value moved, the old name removed');
		assert.match(logText(), /Moved woodpecker\.autoRefreshMinutes \(7\) to woodpecker\.idleRefreshMinutes in user settings\./);
		await showView();
		const next = await waitFor(() => api.polling().next, 'the idle refresh set up');
		assert.equal(next.kind, 'idle');
		assert.ok(next.inMs > 6 * 60_000 && next.inMs <= 7 * 60_000, `next refresh in ${next.inMs} ms`);
		await setSetting('idleRefreshMinutes', undefined);
	});
});
