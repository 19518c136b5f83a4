import * as assert from 'node:assert/strict';
import { eventually, useWorkbench } from './workbench';

describe('API key from the welcome view', () => {
	const workbench = useWorkbench();

	it('asks for the key in a password box and then lists the batches', async () => {
		const wb = workbench();
		await wb.openView();
		const setKey = wb.welcomeButton('Set API Key');
		await setKey.waitFor();
		await wb.screenshot('welcome-view');
		await setKey.click();

		const input = wb.quickInputBox();
		await input.waitFor();
		assert.equal(await input.getAttribute('type'), 'password', 'the key must not be shown while typed');
		await wb.answerInputBox(wb.h.apiKey);

		await wb.treeItems().first().waitFor();
		const rows = await eventually(
			() => wb.treeItems().count(),
			(n) => n > 0,
			'batch rows',
		);
		assert.ok(rows > 0);
		assert.equal(await wb.welcomeButton('Set API Key').count(), 0, 'the welcome view should be gone');
		assert.ok(
			wb.h.fake.requests.some((r) => r.apiKey === wb.h.apiKey),
			'the fake API never saw the typed key',
		);
		await wb.screenshot('batches-listed');
	});

	it('Set API Key from the palette, with the view out of sight, brings the view where the result shows', async () => {
		const wb = workbench();
		await wb.runCommand('Woodpecker: Set API Key');
		await wb.answerInputBox(wb.h.apiKey);
		await wb
			.view()
			.locator('.composite.title', { hasText: /Woodpecker/i })
			.waitFor();
		await wb.treeItems().first().waitFor();
		assert.ok((await wb.treeItems().count()) > 0);
	});
});
