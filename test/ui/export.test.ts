// Taking the results out, as a user does: Export… from the view's menu, through the editor's own
// save dialog, then Open File; Copy All Lead UIDs from a batch's context menu.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rowLabel } from './scenes';
import { eventually, useWorkbench } from './workbench';

describe('Export and copy in the workbench', () => {
	const workbench = useWorkbench();

	it('Export… as CSV through the save dialog, then Open File shows it (README: media/screenshots/export.png)', async () => {
		const wb = workbench();
		await wb.useReadmeWindow(420);
		await wb.signIn();
		const file = fs.readdirSync(wb.h.workspaceDir).filter((f) => f.endsWith('.csv'));
		for (const f of file) fs.rmSync(path.join(wb.h.workspaceDir, f));

		await wb.viewTitleMenu('Export…');
		const csv = wb.quickInput().locator('.monaco-list-row', { hasText: 'one row per lead' });
		await csv.waitFor();
		await csv.click();
		// The editor's save dialog, offering a dated file in the workspace folder.
		const box = wb.quickInputBox();
		await eventually(
			() => box.inputValue(),
			(v) => /woodpecker-enrichments-\d{4}-\d{2}-\d{2}\.csv$/.test(v),
			'the default file name',
		);
		const name = path.basename(await box.inputValue());
		await box.press('Enter');
		const toast = wb.notification(/Exported \d+ leads of \d+ batches to woodpecker-enrichments-/);
		await toast.waitFor();
		const written = fs.readFileSync(path.join(wb.h.workspaceDir, name), 'utf8').split('\r\n');
		assert.equal(written[0], 'batch_uuid,batch_created,lead_uid,status,processing_result');
		const shownLeads = wb.served.filter((b) => Date.now() - Date.parse(b.created) < 24 * 3_600_000).reduce((n, b) => n + b.leads.length, 0);
		assert.equal(written.length - 2, shownLeads, 'a line per lead shown');
		assert.match(await toast.innerText(), new RegExp(`Exported ${shownLeads} leads`));

		await toast.getByRole('button', { name: 'Open File' }).click();
		await wb.page.locator('.tabs-container .tab', { hasText: name }).waitFor();
		await wb.readmeScreenshot('export');
	});

	it("Copy All Lead UIDs from a batch's context menu copies its uids, one per line", async () => {
		const wb = workbench();
		await wb.signIn();
		const top = (await wb.treeRows())[0].label;
		const batch = wb.served.find((b) => rowLabel(b) === top);
		assert.ok(batch, `no served batch is labelled ${top}`);
		await wb.contextMenu(wb.treeRow(top), 'Copy All Lead UIDs');
		await eventually(
			() => wb.readClipboard(),
			(t) => t === batch.leads.map((l) => l.uid).join('\n'),
			'the uids on the clipboard',
		);
	});
});
