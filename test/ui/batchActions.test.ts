import { batch, lead, rowLabel } from './scenes';
import { type Workbench, eventually, useWorkbench } from './workbench';

const LEADS = ['copy_0001', 'copy_0002', 'copy_0003', 'copy_0004'];

/** Serves one batch of four leads, signs in and opens the batch. */
async function openBatchOfFour(wb: Workbench): Promise<void> {
	const b = batch(
		'd0000000-0000-4000-8000-000000000001',
		10,
		LEADS.map((uid) => lead(uid, 'converted')),
	);
	wb.serve([b]);
	await wb.signIn();
	await wb.expand(wb.treeRow(rowLabel(b)));
	await wb.leadRow(LEADS[3]).waitFor();
}

describe('Batch and lead actions in the workbench', () => {
	const workbench = useWorkbench();

	it('copies the UUID of the right-clicked batch (not its neighbours) from its context menu', async () => {
		const wb = workbench();
		const rows = [30, 20, 10].map((minutesAgo, i) => batch(`d1000000-0000-4000-8000-00000000000${i}`, minutesAgo, [lead(`n_000${i}`, 'converted')]));
		wb.serve(rows);
		await wb.signIn();
		// Newest first: the middle row is the batch created 20 minutes ago.
		await wb.contextMenu(wb.treeRow(rowLabel(rows[1])), 'Copy Batch UUID');
		await eventually(
			() => wb.readClipboard(),
			(text) => text === 'd1000000-0000-4000-8000-000000000001',
			"the middle batch's uuid on the clipboard",
		);
	});

	it('copies the UID of a right-clicked lead', async () => {
		const wb = workbench();
		await openBatchOfFour(wb);
		await wb.contextMenu(wb.leadRow(LEADS[2]), 'Copy Lead UID');
		await eventually(
			() => wb.readClipboard(),
			(text) => text === LEADS[2],
			`${LEADS[2]} on the clipboard`,
		);
	});

	it('copies the UIDs of leads picked with Ctrl+click, one per line', async () => {
		const wb = workbench();
		await openBatchOfFour(wb);
		await wb.leadRow(LEADS[0]).click();
		await wb.leadRow(LEADS[2]).click({ modifiers: ['Control'] });
		await eventually(
			async () =>
				(await wb.treeRows())
					.filter((r) => r.selected)
					.map((r) => r.description)
					.join(),
			(s) => s === `${LEADS[0]},${LEADS[2]}`,
			'two leads selected',
		);
		await wb.contextMenu(wb.leadRow(LEADS[2]), 'Copy Lead UID');
		await eventually(
			() => wb.readClipboard(),
			(text) => text === `${LEADS[0]}\n${LEADS[2]}`,
			'both uids, one per line',
		);
	});

	it('copies the UIDs of a Shift+click range, one per line', async () => {
		const wb = workbench();
		await openBatchOfFour(wb);
		await wb.leadRow(LEADS[1]).click();
		await wb.leadRow(LEADS[3]).click({ modifiers: ['Shift'] });
		await eventually(
			async () => (await wb.treeRows()).filter((r) => r.selected).length,
			(n) => n === 3,
			'three leads selected',
		);
		await wb.contextMenu(wb.leadRow(LEADS[1]), 'Copy Lead UID');
		await eventually(
			() => wb.readClipboard(),
			(text) => text === `${LEADS[1]}\n${LEADS[2]}\n${LEADS[3]}`,
			'the three uids of the range, one per line, top to bottom',
		);
	});
});
