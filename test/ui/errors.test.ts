import * as assert from 'node:assert/strict';
import { type TreeRow, type Workbench, eventually, useWorkbench } from './workbench';

/** The rows once the stale-data warning sits on top of the batches that were there before. */
async function staleRows(wb: Workbench, batchRows: TreeRow[]): Promise<TreeRow[]> {
	const rows = await eventually(() => wb.treeRows(), (r) => r[0]?.label.startsWith('Showing data from '), 'the "Showing data from …" row on top');
	assert.equal(rows[0].icon, 'warning');
	assert.match(rows[0].description, /^refresh failed: /);
	assert.deepEqual(
		rows.slice(1).map((r) => r.label),
		batchRows.map((r) => r.label),
		'the batches loaded before the failure stay on screen',
	);
	return rows;
}

describe('Errors in the workbench', () => {
	const workbench = useWorkbench();

	it('reports a rejected key on refresh with Set API Key, and keeps the batches', async () => {
		const wb = workbench();
		await wb.signIn();
		const before = await wb.treeRows();
		const since = Date.now();
		wb.h.fake.failAlways({ kind: 'status', status: 401 });
		await wb.viewTitleButton('Refresh').click();

		const toast = wb.notification(/Could not refresh Woodpecker enrichments: Invalid api key/);
		await toast.waitFor();
		await toast.getByRole('button', { name: 'Set API Key' }).waitFor();
		await toast.getByRole('button', { name: 'Show Log' }).waitFor();
		assert.equal(await toast.getByRole('button', { name: 'Retry' }).count(), 0, 'a wrong key is not worth a retry');
		await staleRows(wb, before);
		assert.equal(wb.listRequests(since).length, 1, 'a 401 is not retried');

		await toast.getByRole('button', { name: 'Set API Key' }).click();
		await wb.quickInputBox().waitFor();
		assert.equal(await wb.quickInputBox().getAttribute('type'), 'password');
		await wb.page.keyboard.press('Escape');
	});

	it('reports a server error after its three attempts with Retry, which recovers (README: media/screenshots/error.png)', async () => {
		const wb = workbench();
		await wb.useReadmeWindow(420);
		await wb.signIn();
		const before = await wb.treeRows();
		const since = Date.now();
		wb.h.fake.failAlways({ kind: 'status', status: 500 });
		await wb.runCommand('Woodpecker: Refresh');

		const toast = wb.notification(/Could not refresh Woodpecker enrichments: .*\(HTTP 500/);
		await toast.waitFor({ timeout: 20_000 }); // three attempts with backoff between them
		await toast.getByRole('button', { name: 'Retry' }).waitFor();
		await toast.getByRole('button', { name: 'Show Log' }).waitFor();
		assert.equal(wb.listRequests(since).length, 3, 'a 500 is tried three times before it is reported');
		await staleRows(wb, before);
		// The progress notification of a slow refresh must be gone before the picture.
		await wb.notification(/Loading Woodpecker enrichments/).waitFor({ state: 'hidden' });
		await wb.readmeScreenshot('error');

		wb.h.fake.failAlways(undefined);
		const retried = Date.now();
		await toast.getByRole('button', { name: 'Retry' }).click();
		const rows = await eventually(() => wb.treeRows(), (r) => r.length > 0 && !r[0].label.startsWith('Showing data from '), 'the warning row gone after a good retry');
		assert.deepEqual(rows.map((r) => r.label), before.map((r) => r.label));
		assert.equal(wb.listRequests(retried).length, 1);
		await toast.waitFor({ state: 'hidden' });
	});

	it('reports a rejected key when looking up a batch, with Set API Key at hand', async () => {
		const wb = workbench();
		await wb.signIn();
		wb.h.fake.failNext({ kind: 'status', status: 401 });
		await wb.runCommand('Woodpecker: Look Up Batch by UUID…');
		await wb.answerInputBox('e345310f-cfa7-42e3-b2fc-d888a332a899');
		const toast = wb.notification(/Could not look up batch/);
		await toast.waitFor();
		await toast.getByRole('button', { name: 'Set API Key' }).waitFor();
		await wb.screenshot('lookup-401-notification');
	});
});
