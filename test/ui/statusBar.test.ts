// The pending leads' status-bar item, as a user meets it: there while leads are pending, a click
// brings the Enrichments view back from another side bar view.
import * as assert from 'node:assert/strict';
import { eventually, useWorkbench } from './workbench';

describe('Pending leads in the status bar', () => {
	const workbench = useWorkbench();

	it('shows how many leads are pending; a click brings the view', async () => {
		const wb = workbench();
		await wb.signIn();
		const pending = wb.served
			.filter((b) => Date.now() - Date.parse(b.created) < 24 * 3_600_000)
			.flatMap((b) => b.leads)
			.filter((l) => l.status === 'PENDING' && l.processing_result === null).length;
		assert.ok(pending > 0);
		const item = wb.page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: `${pending} pending` });
		await item.waitFor();
		// Away to the Explorer, then back through the item.
		await wb.page.locator('.activitybar').getByRole('tab', { name: /^Explorer/ }).click();
		await eventually(() => wb.view().locator('.composite.title', { hasText: /Woodpecker/i }).count(), (n) => n === 0, 'the Explorer in the side bar');
		await item.click();
		await wb.view().locator('.composite.title', { hasText: /Woodpecker/i }).waitFor();
		await wb.treeItems().first().waitFor();
	});
});
