// The "batch processed" notification as a user meets it: a batch was pending, a refresh finds it
// processed, a toast says how many leads became prospects, and Show selects its row.
import * as assert from 'node:assert/strict';
import { batch, lead, rowLabel } from './scenes';
import { eventually, useWorkbench } from './workbench';

const FINISHING = 'f0000000-0000-4000-8000-000000000002';

describe('Batch processed notification', () => {
	const workbench = useWorkbench();

	it('a refresh that finds a pending batch processed shows one toast with Show and Copy UIDs; Show selects its row', async () => {
		const wb = workbench();
		await wb.useReadmeWindow();
		const pending = [
			batch('f0000000-0000-4000-8000-000000000001', 4, [lead('newSearchId00000000F1_0001', 'pending'), lead('newSearchId00000000F1_0002', 'pending')]),
			batch(FINISHING, 35, [lead('finSearchId00000000F2_0001', 'converted'), lead('finSearchId00000000F2_0002', 'pending'), lead('finSearchId00000000F2_0003', 'pending'), lead('finSearchId00000000F2_0004', 'pending')]),
			batch('f0000000-0000-4000-8000-000000000003', 3 * 60, [lead('oldSearchId00000000F3_0001', 'converted'), lead('oldSearchId00000000F3_0002', 'not-converted')]),
		];
		// The same batches (the same created times: a minute turning over must not change the label), processed.
		const results = ['converted', 'not-converted', 'converted'] as const;
		const processed = pending.map((b) => (b.uuid === FINISHING ? { ...b, leads: b.leads.map((l, i) => (i === 0 ? l : lead(l.uid, results[i - 1]))) } : b));
		wb.serve(pending);
		await wb.signIn();
		const label = rowLabel(wb.served[1]);
		await wb.treeRow(label).waitFor();
		assert.equal(await wb.notification(/processed/).count(), 0, 'nothing announced for the first answer');

		wb.serve(processed);
		await wb.viewTitleButton('Refresh').click();
		const toast = wb.notification(`Batch ${label} processed: 3 of 4 converted to prospects`);
		await toast.waitFor();
		await toast.getByRole('button', { name: 'Show' }).waitFor();
		await toast.getByRole('button', { name: 'Copy UIDs' }).waitFor();
		await eventually(
			async () => (await wb.treeRows()).find((r) => r.label === label)?.icon,
			(icon) => icon === 'check-all',
			'the batch row shown as processed',
		);
		// The toast slides and fades in: the picture waits until it has stopped moving.
		let lastTop = Number.NaN;
		await eventually(
			async () => {
				const top = (await toast.boundingBox())?.y ?? Number.NaN;
				const still = top === lastTop;
				lastTop = top;
				return still;
			},
			(still) => still,
			'the toast to settle',
		);
		await wb.readmeScreenshot('processed');
		assert.equal(await wb.notification(/processed/).count(), 1, 'one toast');

		await toast.getByRole('button', { name: 'Show' }).click();
		const rows = await eventually(
			() => wb.treeRows(),
			(r) => r.find((x) => x.label === label)?.selected === true,
			'the processed batch selected',
		);
		assert.deepEqual(
			rows.filter((r) => r.selected).map((r) => r.label),
			[label],
		);
		await toast.waitFor({ state: 'hidden' });
	});
});
