import * as assert from 'node:assert/strict';
import { batch, lead, rowLabel } from './scenes';
import { eventually, useWorkbench } from './workbench';

describe('The Enrichments tree', () => {
	const workbench = useWorkbench();

	it('lists batches newest first with their local time, counts and status icon; a batch opens to its leads', async () => {
		const wb = workbench();
		const fresh = batch('a0000000-0000-4000-8000-000000000001', 5, [lead('fresh_0001', 'pending'), lead('fresh_0002', 'pending'), lead('fresh_0003', 'converted')]);
		const mixed = batch('a0000000-0000-4000-8000-000000000002', 2 * 60, [lead('mixed_0001', 'pending'), lead('mixed_0002', 'converted'), lead('mixed_0003', 'not-converted')]);
		const odd = batch('a0000000-0000-4000-8000-000000000003', 5 * 60, [
			lead('odd_0001', 'converted'),
			lead('odd_0002', 'not-converted'),
			lead('odd_0003', { status: 'FAILED', processing_result: null }),
			lead('odd_0004', { status: 'PROCESSED', processing_result: 'DUPLICATE' }),
		]);
		const done = batch('a0000000-0000-4000-8000-000000000004', 8 * 60, [lead('done_0001', 'not-converted'), lead('done_0002', 'not-converted')]);
		const empty = batch('a0000000-0000-4000-8000-000000000005', 20 * 60, []);
		// Served out of order: sorting is the extension's job.
		wb.serve([done, fresh, empty, odd, mixed]);
		await wb.signIn();

		const rows = await eventually(
			() => wb.treeRows(),
			(r) => r.length === 5,
			'five batch rows',
		);
		assert.deepEqual(
			rows.map((r) => [r.label, r.description, r.icon]),
			[
				[rowLabel(fresh), '3 leads · 2 pending · 1 converted', 'sync'],
				[rowLabel(mixed), '3 leads · 1 pending · 1 converted · 1 not converted', 'sync'],
				[rowLabel(odd), '4 leads · 1 converted · 1 not converted · 2 other', 'warning'],
				[rowLabel(done), '2 leads · 2 not converted', 'check-all'],
				[rowLabel(empty), '0 leads', 'circle-outline'],
			],
		);
		assert.deepEqual(
			rows.map((r) => r.expanded),
			[false, false, false, false, undefined],
			'batches with leads open, an empty one does not',
		);
		assert.equal(await wb.badge(), '3', 'the activity bar badge counts pending leads');

		await wb.expand(wb.treeRow(rowLabel(odd)));
		await wb.expand(wb.treeRow(rowLabel(mixed)));
		const opened = await eventually(
			() => wb.treeRows(),
			(r) => r.length === 12,
			'the leads of two batches',
		);
		assert.deepEqual(
			opened.filter((r) => r.level === 2).map((r) => [r.label, r.description, r.icon]),
			[
				['Pending', 'mixed_0001', 'clock'],
				['Converted', 'mixed_0002', 'pass-filled'],
				['Not converted', 'mixed_0003', 'circle-slash'],
				['Converted', 'odd_0001', 'pass-filled'],
				['Not converted', 'odd_0002', 'circle-slash'],
				['FAILED', 'odd_0003', 'question'],
				['PROCESSED · DUPLICATE', 'odd_0004', 'question'],
			],
		);
		await wb.screenshot('tree-states');
	});

	it('shows the API’s new answer after Woodpecker: Refresh from the command palette', async () => {
		const wb = workbench();
		const before = batch('b0000000-0000-4000-8000-000000000001', 30, [lead('before_0001', 'converted')]);
		wb.serve([before]);
		await wb.signIn();
		await wb.treeRow(rowLabel(before)).waitFor();

		const queued = batch(
			'b0000000-0000-4000-8000-000000000002',
			1,
			[0, 1, 2, 3, 4, 5, 6].map((i) => lead(`queued_000${i}`, 'pending')),
		);
		const processed = { ...before, leads: [lead('before_0001', 'converted'), lead('before_0002', 'not-converted')] };
		wb.serve([processed, queued]);
		await wb.runCommand('Woodpecker: Refresh');

		const rows = await eventually(
			() => wb.treeRows(),
			(r) => r.length === 2 && r[0].label === rowLabel(queued),
			'the new batch on top',
		);
		assert.deepEqual(
			rows.map((r) => [r.label, r.description, r.icon]),
			[
				[rowLabel(queued), '7 leads · 7 pending', 'sync'],
				[rowLabel(before), '2 leads · 1 converted · 1 not converted', 'check-all'],
			],
		);
		assert.equal(await wb.badge(), '7');
	});

	it('shows leads in every state side by side (README: media/screenshots/sidebar.png)', async () => {
		const wb = workbench();
		await wb.useReadmeWindow();
		await wb.signIn();
		// The demo's three newest batches hold pending, converted, not converted and unknown leads.
		const newest = [...wb.served].sort((a, b) => Date.parse(b.created) - Date.parse(a.created)).slice(0, 3);
		for (const b of newest) await wb.expand(wb.treeRow(rowLabel(b)));
		const rows = await eventually(
			() => wb.treeRows(),
			(r) => r.filter((row) => row.level === 2).length === newest.reduce((n, b) => n + b.leads.length, 0),
			'the leads of three batches',
		);
		const leadIcons = new Set(rows.filter((r) => r.level === 2).map((r) => r.icon));
		assert.deepEqual([...leadIcons].sort(), ['circle-slash', 'clock', 'pass-filled', 'question']);

		await wb.focusEditorArea();
		const last = await wb.treeItems().last().boundingBox();
		await wb.readmeScreenshot('sidebar', await wb.sideBarClip(last ? last.y + last.height + 44 : undefined));
	});
});
