// Find Lead… as a user runs it: from the palette, the last characters of a uid (not its start),
// Enter, and the lead is on screen, its batch opened, the row selected.
import * as assert from 'node:assert/strict';
import { eventually, useWorkbench } from './workbench';

describe('Find Lead…', () => {
	const workbench = useWorkbench();

	it('finds a lead by any part of its uid and selects it in the tree', async () => {
		const wb = workbench();
		await wb.signIn();
		const shown = wb.served.filter((b) => Date.now() - Date.parse(b.created) < 24 * 3_600_000);
		const uid = shown[shown.length - 1].leads.at(-1)!.uid;
		assert.equal(
			(await wb.treeRows()).some((r) => r.description === uid),
			false,
			'the lead is not on screen before',
		);
		await wb.runCommand('Woodpecker: Find Lead…');
		const box = wb.quickInputBox();
		await box.waitFor();
		// The end of the uid, unique within its batch (its uids share a prefix), not its start.
		await box.fill(uid.slice(-9));
		await wb.quickInput().locator('.monaco-list-row', { hasText: uid }).first().waitFor();
		await box.press('Enter');
		const row = await eventually(
			async () => (await wb.treeRows()).find((r) => r.description === uid),
			(r) => r?.selected === true,
			'the lead shown and selected',
		);
		assert.equal(row?.level, 2);
	});
});

describe('Open Enrichment Batch…', () => {
	const workbench = useWorkbench();

	it('refuses what is not a uuid as it is typed, and sends nothing for it', async () => {
		const wb = workbench();
		await wb.signIn();
		const since = Date.now();
		await wb.runCommand('Woodpecker: Open Enrichment Batch…');
		const box = wb.quickInputBox();
		await box.waitFor();
		await box.fill('e345310f-cfa7-42e3');
		await eventually(
			() => wb.quickInput().innerText(),
			(t) => t.includes('A batch uuid has 32 hex digits in groups of 8-4-4-4-12'),
			'the reason, as typed',
		);
		await box.press('Enter');
		await new Promise((r) => setTimeout(r, 500));
		assert.ok(await wb.quickInput().isVisible(), 'Enter does not take it');
		assert.equal(wb.h.fake.requests.filter((r) => r.at >= since).length, 0, 'nothing sent');
		await wb.page.keyboard.press('Escape');
	});

	it('a batch outside the cutoff opens in "Opened by uuid" at the top, selected; Remove from Opened takes it away (README: media/screenshots/opened.png)', async () => {
		const wb = workbench();
		await wb.signIn();
		// The newest batch the default 24-hour cutoff leaves out.
		const outside = wb.served.filter((b) => Date.now() - Date.parse(b.created) > 24 * 3_600_000).sort((a, b) => Date.parse(b.created) - Date.parse(a.created))[0];
		assert.ok(outside);
		await wb.runCommand('Woodpecker: Open Enrichment Batch…');
		const box = wb.quickInputBox();
		await box.waitFor();
		await box.fill(outside.uuid);
		await box.press('Enter');
		const group = await eventually(
			() => wb.treeRows(),
			(rows) => rows[0]?.label === 'Opened by uuid',
			'the group at the top',
		);
		assert.equal(group[0].level, 1);
		const selected = await eventually(
			() => wb.treeRows(),
			(rows) => rows.some((r) => r.selected && r.level === 2),
			'the opened batch selected under it',
		);
		const row = selected.find((r) => r.selected)!;
		assert.equal(selected.indexOf(row), 1, 'right under the group');
		await wb.parkPointer();
		await wb.readmeScreenshot('opened', await wb.sideBarClip());
		await wb.contextMenu(wb.treeItems().nth(1), 'Remove from Opened');
		await eventually(
			() => wb.treeRows(),
			(rows) => rows[0]?.label !== 'Opened by uuid',
			'the group gone',
		);
	});
});
