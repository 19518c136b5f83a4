// Set Cutoff… is driven through its real quick pick with the workbench's quick open commands.
// Typing a date into its input box cannot be done from here: `type`/`default:type` only reach a
// focused code editor and paste has no browser implementation, so "A specific date…" is checked
// only as far as its box (empty or cancelled); the typed date is the UI suite's to cover.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForSnapshot } from './helpers';
import { CutoffItem, type Session, localDateDaysAgo, pickCutoffItem, restoreDefaultCutoff, sampleBatches, setCutoffByPick, sleep, startSession, within } from './support';

describe('Set Cutoff', () => {
	let session: Session | undefined;
	afterEach(async () => {
		await session?.dispose();
		session = undefined;
		await restoreDefaultCutoff();
	});

	it('"Last 7 days" asks for created_after = the local date 7 days ago at once, names it in the view and shows the older batch', async () => {
		const { batches, uuids } = sampleBatches();
		session = await startSession(batches);
		assert.equal((await session.api.snapshot({ leads: false })).batches.length, 4);
		await setCutoffByPick(CutoffItem.last7Days);
		assert.deepEqual(
			session.listRequests().map((r) => r.query),
			[{ created_after: localDateDaysAgo(7) }],
		);
		const s = await session.api.snapshot({ leads: false });
		assert.equal(s.description, 'last 7 days');
		assert.equal(s.batches.length, 5);
		assert.equal(s.batches[4].uuid, uuids.old, 'the 30-hour-old batch comes last');
	});

	it('"Last 30 days" asks for created_after = the local date 30 days ago', async () => {
		session = await startSession(sampleBatches().batches);
		await setCutoffByPick(CutoffItem.last30Days);
		assert.deepEqual(
			session.listRequests().map((r) => r.query),
			[{ created_after: localDateDaysAgo(30) }],
		);
		assert.equal((await session.api.snapshot({ leads: false })).description, 'last 30 days');
	});

	it('"Last 24 hours" after another cutoff sends no created_after again', async () => {
		session = await startSession(sampleBatches().batches);
		await setCutoffByPick(CutoffItem.last7Days);
		await setCutoffByPick(CutoffItem.last24Hours);
		assert.deepEqual(
			session.listRequests().map((r) => r.query),
			[{ created_after: localDateDaysAgo(7) }, {}],
		);
		const s = await session.api.snapshot({ leads: false });
		assert.equal(s.description, 'last 24 hours');
		assert.equal(s.batches.length, 4);
	});

	it('keeps the chosen cutoff across a deactivate/activate: the view names it and the next refresh sends it', async () => {
		session = await startSession(sampleBatches().batches);
		const { api, fake } = session;
		await setCutoffByPick(CutoffItem.last7Days);
		await api.restart();
		const restarted = await waitForSnapshot((s) => s.state !== 'no-key', 'the restarted extension to read its key');
		assert.match(restarted.description ?? '', /^last 7 days( · cached)?$/);
		fake.server.reset();
		await vscode.commands.executeCommand('woodpecker.refresh');
		assert.deepEqual(
			session.listRequests().map((r) => r.query),
			[{ created_after: localDateDaysAgo(7) }],
		);
		const s = await api.snapshot({ leads: false });
		assert.equal(s.description, 'last 7 days');
		assert.equal(s.batches.length, 5);
	});

	it('"A specific date…" does not accept an empty date, and Escape keeps the old cutoff without a request', async () => {
		session = await startSession(sampleBatches().batches);
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
		assert.deepEqual(session.listRequests(), []);
		assert.equal((await session.api.snapshot({ leads: false })).description, 'last 24 hours');
	});
});
