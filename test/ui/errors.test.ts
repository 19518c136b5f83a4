// Every failure state as a user meets it: the reason said once where they are looking (the view's
// message), its way out as a row or a welcome button that works, and a notification only for what
// the user asked for.
import * as assert from 'node:assert/strict';
import { batch, lead, rowLabel } from './scenes';
import { type TreeRow, type Workbench, eventually, useWorkbench } from './workbench';

const actionRow = (rows: TreeRow[], label: string) => rows.find((r) => r.label === label);

/** Waits for the view's message to start with `prefix` and returns it. */
function messageStarting(wb: Workbench, prefix: string): Promise<string> {
	return eventually(
		() => wb.viewMessage(),
		(m) => m.startsWith(prefix),
		`the view's message "${prefix}…"`,
		25_000,
	);
}

describe('Errors in the workbench', () => {
	const workbench = useWorkbench();

	it('a wrong key set from the welcome view is no dead end: the reason and a Set API Key row, where the user is looking', async () => {
		const wb = workbench();
		await wb.signIn('not-the-right-key', false);
		const message = await messageStarting(wb, 'Could not load enrichment batches: ');
		assert.equal(message, 'Could not load enrichment batches: Invalid api key. Set a valid API key. (HTTP 401 Unauthorized)');
		const rows = await eventually(
			() => wb.treeRows(),
			(r) => r.length === 2,
			'the two action rows',
		);
		assert.deepEqual(
			rows.map((r) => [r.label, r.icon]),
			[
				['Set API Key…', 'key'],
				['Show Log', 'output'],
			],
		);
		// Said once, in the view the user is looking at: a notification would stay on after the key is fixed.
		assert.equal(await wb.notification(/Woodpecker/).count(), 0);
		await wb.screenshot('wrong-key-first-load');

		// The row is the way out: it asks for the key again, and the right one loads the batches.
		await wb.treeRow('Set API Key…').click();
		await wb.parkPointer();
		assert.equal(await wb.quickInputBox().getAttribute('type'), 'password');
		await wb.answerInputBox(wb.h.apiKey);
		await wb.treeRow(rowLabel(wb.served.at(-1)!)).waitFor();
		await eventually(
			() => wb.viewMessage(),
			(m) => m === '',
			'the message gone',
		);
		assert.equal(actionRow(await wb.treeRows(), 'Set API Key…'), undefined, 'the action row is gone');
	});

	it('an empty answer shows the welcome text with Set Cutoff… and Refresh, and both work', async () => {
		const wb = workbench();
		wb.serve([]);
		await wb.signIn(undefined, false);
		await eventually(
			() => wb.welcomeText(),
			(t) => t.startsWith('No enrichment batches were created within the cutoff named above.'),
			'the empty-state welcome text',
		);
		assert.equal(await wb.viewMessage(), '', 'no message: it would hide the welcome buttons');
		await wb.welcomeButton('Refresh').waitFor();
		await wb.screenshot('empty-welcome');

		const older = batch('e0000000-0000-4000-8000-000000000001', 3 * 24 * 60, [lead('older_0001', 'converted')]);
		wb.serve([older]);
		let since = Date.now();
		await wb.welcomeButton('Refresh').click();
		await eventually(
			async () => wb.listRequests(since).length,
			(n) => n === 1,
			'the refresh the button starts',
		);
		await eventually(
			() => wb.welcomeText(),
			(t) => t.startsWith('No enrichment batches'),
			'still nothing within the last 24 hours',
		);

		since = Date.now();
		await wb.welcomeButton('Set Cutoff…').click();
		const row = wb.quickInput().locator('.monaco-list-row', { hasText: 'Last 7 days' });
		await row.waitFor();
		await row.click();
		await wb.treeRow(rowLabel(older)).waitFor();
		assert.equal(await wb.welcomeText(), '');
		assert.equal(wb.listRequests(since).length, 1);
	});

	it('a command with nothing to act on says so and offers the way to data', async () => {
		const wb = workbench();
		wb.serve([]);
		await wb.signIn(undefined, false);
		await eventually(
			() => wb.welcomeText(),
			(t) => t.startsWith('No enrichment batches'),
			'the empty-state welcome text',
		);
		await wb.runCommand('Woodpecker: Copy Batch UUID');
		const toast = wb.notification('There are no enrichment batches on screen. Refresh, or choose an earlier cutoff.');
		await toast.getByRole('button', { name: 'Refresh' }).waitFor();
		await toast.getByRole('button', { name: 'Set Cutoff' }).click();
		await wb.quickInput().locator('.monaco-list-row', { hasText: 'Last 7 days' }).waitFor();
		await wb.page.keyboard.press('Escape');
	});

	it('the first load failing with HTTP 500: the reason, Retry and Show Log rows; Retry recovers', async () => {
		const wb = workbench();
		wb.h.fake.failAlways({ kind: 'status', status: 500 });
		await wb.signIn(undefined, false);
		const message = await messageStarting(wb, 'Could not load enrichment batches: ');
		assert.match(message, /An unexpected error has occurred\. Please try again later\. \(HTTP 500 Internal server error\)$/);
		assert.deepEqual(
			(await wb.treeRows()).map((r) => r.label),
			['Retry', 'Show Log'],
		);

		wb.h.fake.failAlways(undefined);
		await wb.treeRow('Retry').click();
		await wb.treeRow(rowLabel(wb.served.at(-1)!)).waitFor();
		await eventually(
			() => wb.viewMessage(),
			(m) => m === '',
			'the message gone',
		);
	});

	it('the first load failing on the network: the reason, and a Retry row', async () => {
		const wb = workbench();
		wb.h.fake.failAlways({ kind: 'reset' });
		await wb.signIn(undefined, false);
		const message = await messageStarting(wb, 'Could not load enrichment batches: ');
		assert.match(message, /closed before the answer was complete\. Retry in a moment\.$/);
		assert.deepEqual(
			(await wb.treeRows()).map((r) => r.label),
			['Retry', 'Show Log'],
		);
		// Show Log opens the Woodpecker log, where the three attempts are (Monaco writes spaces as U+00A0: \s).
		await wb.treeRow('Show Log').click();
		await wb.page
			.locator('.part.panel .view-line')
			.filter({ hasText: /attempt\s3\/3/ })
			.first()
			.waitFor();
	});

	it('a rejected key on Refresh: the batches stay, the reason once in the message, Set API Key in the row and the notification', async () => {
		const wb = workbench();
		await wb.signIn();
		const before = (await wb.treeRows()).map((r) => r.label);
		const since = Date.now();
		wb.h.fake.failAlways({ kind: 'status', status: 401 });
		await wb.viewTitleButton('Refresh').click();

		const message = await messageStarting(wb, 'Refresh failed at ');
		assert.match(message, /^Refresh failed at .+: Invalid api key\. Set a valid API key\. \(HTTP 401 Unauthorized\) Showing the batches received at .+\.$/);
		const rows = await eventually(
			() => wb.treeRows(),
			(r) => r[0]?.label === 'Set API Key…',
			'the Set API Key row on top',
		);
		assert.deepEqual(
			rows.slice(1).map((r) => r.label),
			before,
			'the batches loaded before the failure stay on screen',
		);
		assert.ok(!rows.some((r) => r.label.includes('Invalid api key') || r.description.includes('Invalid api key')), 'said once: not again in a row');
		const toast = wb.notification(/Could not refresh Woodpecker enrichments: Invalid api key/);
		await toast.getByRole('button', { name: 'Set API Key' }).waitFor();
		assert.equal(await toast.getByRole('button', { name: 'Retry' }).count(), 0, 'a wrong key is not worth a retry');
		assert.equal(wb.listRequests(since).length, 1, 'a 401 is not retried');

		await toast.getByRole('button', { name: 'Set API Key' }).click();
		await wb.quickInputBox().waitFor();
		assert.equal(await wb.quickInputBox().getAttribute('type'), 'password');
		await wb.page.keyboard.press('Escape');
	});

	it('a server error after its three attempts: Retry in the row and the notification, which recovers (README: media/screenshots/error.png)', async () => {
		const wb = workbench();
		await wb.useReadmeWindow(420);
		await wb.signIn();
		const before = (await wb.treeRows()).map((r) => r.label);
		const since = Date.now();
		wb.h.fake.failAlways({ kind: 'status', status: 500 });
		await wb.runCommand('Woodpecker: Refresh');

		const toast = wb.notification(/Could not refresh Woodpecker enrichments: .*\(HTTP 500/);
		await toast.waitFor({ timeout: 20_000 }); // three attempts with backoff between them
		await toast.getByRole('button', { name: 'Retry' }).waitFor();
		await toast.getByRole('button', { name: 'Show Log' }).waitFor();
		assert.equal(wb.listRequests(since).length, 3, 'a 500 is tried three times before it is reported');
		await messageStarting(wb, 'Refresh failed at ');
		const rows = await eventually(
			() => wb.treeRows(),
			(r) => r[0]?.label === 'Retry',
			'the Retry row on top',
		);
		assert.deepEqual(
			rows.slice(1).map((r) => r.label),
			before,
		);
		// The progress notification of a slow refresh must be gone before the picture.
		await wb.notification(/Loading Woodpecker enrichments/).waitFor({ state: 'hidden' });
		await wb.readmeScreenshot('error');

		wb.h.fake.failAlways(undefined);
		const retried = Date.now();
		await toast.getByRole('button', { name: 'Retry' }).click();
		await eventually(
			() => wb.treeRows(),
			(r) => r.length > 0 && r[0].label !== 'Retry',
			'the Retry row gone after a good retry',
		);
		assert.deepEqual(
			(await wb.treeRows()).map((r) => r.label),
			before,
		);
		await eventually(
			() => wb.viewMessage(),
			(m) => m === '',
			'the message gone',
		);
		assert.equal(wb.listRequests(retried).length, 1);
		await toast.waitFor({ state: 'hidden' });
	});

	it('a background refresh that fails (the view opening after a reload) shows in the view only: no notification', async () => {
		const wb = workbench();
		await wb.signIn();
		wb.h.fake.failAlways({ kind: 'status', status: 500 });
		await wb.page.reload();
		await wb.activityBarTab().waitFor({ timeout: 60_000 });
		await wb.openView();
		await messageStarting(wb, 'Refresh failed at ');
		await wb.treeRow('Retry').waitFor();
		// Give a notification every chance to appear: three attempts are over, the message is there.
		await new Promise((r) => setTimeout(r, 1500));
		assert.equal(await wb.notification(/Woodpecker/).count(), 0, 'a background failure raised a notification');
		assert.equal(await wb.notification(/Loading Woodpecker enrichments/).count(), 0, 'a background refresh showed a progress toast');
	});

	it('looking up an unknown uuid says the batch is not in this account and offers to try another, not Open Settings', async () => {
		const wb = workbench();
		await wb.signIn();
		await wb.runCommand('Woodpecker: Open Enrichment Batch…');
		await wb.answerInputBox('00000000-0000-4000-8000-000000000000');
		const toast = wb.notification(/Woodpecker has no enrichment batch 00000000-0000-4000-8000-000000000000 in this account/);
		await toast.waitFor();
		assert.equal(await toast.getByRole('button', { name: 'Open Settings' }).count(), 0);
		await toast.getByRole('button', { name: 'Try Another UUID' }).click();
		await eventually(
			() => wb.quickInputBox().inputValue(),
			(v) => v === '00000000-0000-4000-8000-000000000000',
			'the uuid offered again to edit',
		);
		await wb.page.keyboard.press('Escape');
	});

	it('reports a rejected key when looking up a batch, with Set API Key at hand', async () => {
		const wb = workbench();
		await wb.signIn();
		wb.h.fake.failNext({ kind: 'status', status: 401 });
		await wb.runCommand('Woodpecker: Open Enrichment Batch…');
		await wb.answerInputBox('e345310f-cfa7-42e3-b2fc-d888a332a899');
		const toast = wb.notification(/Could not open batch/);
		await toast.waitFor();
		await toast.getByRole('button', { name: 'Set API Key' }).waitFor();
		await wb.screenshot('lookup-401-notification');
	});
});
