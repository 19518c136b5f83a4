// The pending leads' status-bar item, as a user meets it: there while leads are pending, a click
// brings the Enrichments view back from another side bar view; polling takes it away by itself
// once Woodpecker has processed them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
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
		await wb.page
			.locator('.activitybar')
			.getByRole('tab', { name: /^Explorer/ })
			.click();
		await eventually(
			() =>
				wb
					.view()
					.locator('.composite.title', { hasText: /Woodpecker/i })
					.count(),
			(n) => n === 0,
			'the Explorer in the side bar',
		);
		await item.click();
		await wb
			.view()
			.locator('.composite.title', { hasText: /Woodpecker/i })
			.waitFor();
		await wb.treeItems().first().waitFor();
	});

	it('while leads are pending the view refreshes by itself: once processed, the item and the badge go without a click', async function () {
		this.timeout(90_000);
		const wb = workbench();
		// The shortest poll, as a workspace setting the extension reads when the file changes.
		const settingsFile = path.join(wb.h.workspaceDir, '.vscode', 'settings.json');
		fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
		fs.writeFileSync(settingsFile, JSON.stringify({ 'woodpecker.pollIntervalSeconds': 15 }));
		try {
			await wb.signIn();
			const item = wb.page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: / pending$/ });
			await item.waitFor();
			assert.notEqual(await wb.badge(), '');
			const since = Date.now();
			// Woodpecker finishes every pending lead; nobody presses Refresh.
			wb.serve(wb.served.map((b) => ({ ...b, leads: b.leads.map((l) => (l.status === 'PENDING' ? { ...l, status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' } : l)) })));
			await item.waitFor({ state: 'hidden', timeout: 40_000 });
			await eventually(
				() => wb.badge(),
				(b) => b === '',
				'the badge to clear',
			);
			const polls = wb.listRequests(since).length;
			assert.ok(polls >= 1 && polls <= 2, `${polls} requests in the meantime`);
			// Nothing pending now: no more requests.
			await wb.page.waitForTimeout(17_000);
			assert.equal(wb.listRequests(since).length, polls, 'polling stopped once nothing was pending');
		} finally {
			fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
		}
	});
});
