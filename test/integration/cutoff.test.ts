// Set Cutoff… is driven through its real quick pick with the workbench's quick open commands.
// Typing a date into its input box cannot be done from here: `type`/`default:type` only reach a
// focused code editor and paste has no browser implementation, so "A specific date…" is checked
// only as far as its box (empty or cancelled); the typed date is the UI suite's to cover.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EnrichmentBatch } from '../../src/api/types';
import { formatWithOffset } from '../fake/data';
import { waitForSnapshot } from './helpers';
import { CutoffItem, HOUR_MS, assertCreatedAfterCovers, pickCutoffItem, restoreDefaultCutoff, sampleBatches, setCutoffByPick, sleep, useSession, within } from './support';

/** The sample batches plus two just inside and just outside the last 7 days. */
function withSevenDayEdges(): { batches: EnrichmentBatch[]; inside: string; outside: string } {
	const { batches } = sampleBatches();
	const inside = '0a000000-0000-4000-8000-0000000000a1';
	const outside = '0a000000-0000-4000-8000-0000000000a2';
	batches.push({ uuid: inside, created: formatWithOffset(Date.now() - 7 * 24 * HOUR_MS + 10 * 60_000, -420), leads: [] }, { uuid: outside, created: formatWithOffset(Date.now() - 7 * 24 * HOUR_MS - 10 * 60_000, 330), leads: [] });
	return { batches, inside, outside };
}

describe('Set Cutoff', () => {
	const session = useSession();
	afterEach(restoreDefaultCutoff);

	it('"Last 7 days" reloads at once, names it in the view and shows exactly the batches of the last 7 × 24 hours', async () => {
		const { batches, inside, outside } = withSevenDayEdges();
		const { api, listRequests } = await session.start(batches);
		assert.equal((await api.snapshot({ leads: false })).batches.length, 4);
		await setCutoffByPick(CutoffItem.last7Days);
		const [request, ...more] = listRequests();
		assert.deepEqual(more, [], 'one request');
		assertCreatedAfterCovers(request.query.created_after, 7 * 24);
		const s = await api.snapshot({ leads: false });
		assert.equal(s.description, 'last 7 days');
		const shown = s.batches.map((b) => b.uuid);
		assert.equal(shown.length, 6);
		assert.equal(shown.at(-1), inside, 'the batch 10 minutes inside the window comes last');
		assert.ok(!shown.includes(outside), 'the batch 10 minutes outside the window is not shown, though the server sent it');
	});

	it('whatever the server makes of created_after (here: exclusive, at UTC−12), the window is exact', async () => {
		const { batches, inside, outside } = withSevenDayEdges();
		const { api, fake } = await session.start(batches);
		fake.server.createdAfterReading = { exclusive: true, utcOffsetMinutes: -12 * 60 };
		await setCutoffByPick(CutoffItem.last7Days);
		const shown = (await api.snapshot({ leads: false })).batches.map((b) => b.uuid);
		assert.ok(shown.includes(inside));
		assert.ok(!shown.includes(outside));
		assert.equal(shown.length, 6);
	});

	it('"Last 30 days" reaches back far enough for 30 × 24 hours', async () => {
		const { api, listRequests } = await session.start(sampleBatches().batches);
		await setCutoffByPick(CutoffItem.last30Days);
		assert.equal(listRequests().length, 1);
		assertCreatedAfterCovers(listRequests()[0].query.created_after, 30 * 24);
		assert.equal((await api.snapshot({ leads: false })).description, 'last 30 days');
	});

	it('"Last 24 hours" after another cutoff goes back to the last 24 hours', async () => {
		const { api, listRequests } = await session.start(sampleBatches().batches);
		await setCutoffByPick(CutoffItem.last7Days);
		await setCutoffByPick(CutoffItem.last24Hours);
		const requests = listRequests();
		assert.equal(requests.length, 2);
		assertCreatedAfterCovers(requests[1].query.created_after, 24);
		const s = await api.snapshot({ leads: false });
		assert.equal(s.description, 'last 24 hours');
		assert.equal(s.batches.length, 4);
	});

	it('keeps the chosen cutoff across a deactivate/activate: the view names it and the next refresh sends it', async () => {
		const { api, fake, listRequests } = await session.start(sampleBatches().batches);
		await setCutoffByPick(CutoffItem.last7Days);
		await api.restart();
		const restarted = await waitForSnapshot((s) => s.state !== 'no-key', 'the restarted extension to read its key');
		assert.match(restarted.description ?? '', /^last 7 days( · cached)?$/);
		fake.server.reset();
		await vscode.commands.executeCommand('woodpecker.refresh');
		assert.equal(listRequests().length, 1);
		assertCreatedAfterCovers(listRequests()[0].query.created_after, 7 * 24);
		const s = await api.snapshot({ leads: false });
		assert.equal(s.description, 'last 7 days');
		assert.equal(s.batches.length, 5);
	});

	it('"A specific date…" does not accept an empty date, and Escape keeps the old cutoff without a request', async () => {
		const { api, listRequests } = await session.start(sampleBatches().batches);
		const { done } = await pickCutoffItem(CutoffItem.specificDate);
		let settled = false;
		void Promise.resolve(done).finally(() => (settled = true));
		await sleep(300);
		assert.equal(settled, false, 'the date input box should be waiting for a date');
		await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
		await sleep(500);
		assert.equal(settled, false, 'an empty date was accepted');
		await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
		await within(done, 5_000, 'Set Cutoff… after Escape');
		assert.deepEqual(listRequests(), []);
		assert.equal((await api.snapshot({ leads: false })).description, 'last 24 hours');
	});
});
