import * as assert from 'node:assert/strict';
import { generateBatches } from '../fake/data';
import { rowLabel } from './scenes';
import { eventually, useWorkbench } from './workbench';

const COUNT = 10_000;

describe('Many batches', () => {
	const workbench = useWorkbench();

	it('lists 10,000 batches, reaches the oldest with End and finds one by its label with the tree’s Find', async () => {
		const wb = workbench();
		// Oldest first, one every ~8 s over 23 hours: all inside the API's default 24-hour window.
		const batches = generateBatches({ count: COUNT, leadsPerBatch: 10, spanHours: 23 });
		wb.serve(batches);
		await wb.signIn();

		const top = await eventually(
			() => wb.treeRows(),
			(r) => r[0]?.siblings === COUNT,
			`${COUNT} batch rows`,
			60_000,
		);
		assert.equal(top[0].label, rowLabel(batches[COUNT - 1]), 'the newest batch is on top');
		assert.ok(top.length < 100, `the tree renders only what is in view, not ${top.length} rows`);

		// End: the keyboard way to the bottom of the list.
		await wb.focusTree();
		await wb.page.keyboard.press('End');
		const bottom = await eventually(
			() => wb.treeRows(),
			(r) => r.some((row) => row.position === COUNT),
			'the last row rendered',
		);
		const last = bottom.find((row) => row.position === COUNT)!;
		assert.equal(last.label, rowLabel(batches[0]), 'the oldest batch is at the bottom');
		const rowBox = await wb.treeRowAt(last.index).boundingBox();
		const treeBox = await wb.view().locator('.monaco-list[role="tree"]').first().boundingBox();
		assert.ok(rowBox && treeBox && rowBox.y >= treeBox.y && rowBox.y + rowBox.height <= treeBox.y + treeBox.height + 1, 'the last row is scrolled into view');

		// Find: Ctrl+Alt+F (typing into a tree only moves the focus in VS Code 1.100). It highlights the
		// matches and moves the focus to the first one; its Filter mode hides nothing here, as every
		// batch row can expand and might hold a match. Exact matching: fuzzy would also take "11:17 AM" for "1:17 AM".
		const target = batches[COUNT / 2];
		const label = rowLabel(target);
		const sameLabel = batches.filter((b) => rowLabel(b).toLowerCase().includes(label.toLowerCase())).length;
		await wb.focusTree();
		await wb.page.keyboard.press('Control+Alt+F');
		const find = wb.view().locator('.monaco-tree-type-filter');
		await find.waitFor();
		const fuzzy = find.getByRole('checkbox', { name: 'Fuzzy Match' });
		if ((await fuzzy.getAttribute('aria-checked')) === 'true') await fuzzy.click();
		await find.locator('input').fill(label);

		const found = await eventually(
			async () => (await wb.treeRows()).filter((row) => row.highlight),
			(r) => r.length === sameLabel && r.some((row) => row.focused),
			`the ${sameLabel} batches labelled ${label} highlighted, one focused`,
		);
		assert.deepEqual(
			found.map((row) => [row.label, row.highlight]),
			found.map(() => [label, label]),
			'a highlighted row that is not the label looked for',
		);
		assert.equal(found.find((row) => row.focused)?.index, found[0].index, 'the focus is on the first match');
		assert.ok(
			found.some((row) => row.position === COUNT - COUNT / 2),
			'the batch looked for is among the matches',
		);
		await wb.screenshot('many-batches-found');
	});
});
