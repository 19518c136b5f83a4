import * as assert from 'node:assert/strict';
import { batch, isoDateDaysAgo, lead, rowLabel } from './scenes';
import { type Workbench, eventually, useWorkbench } from './workbench';

/** Opens Set Cutoff… from the view's title bar and picks `choice`. */
async function pickCutoff(wb: Workbench, choice: string): Promise<void> {
	await wb.viewTitleButton('Set Cutoff…').click();
	const row = wb.quickInput().locator('.monaco-list-row', { hasText: choice });
	await row.waitFor();
	await row.click();
}

/** The dates around now, `daysAgo` back: a test that straddles midnight accepts either. */
function datesDaysAgo(daysAgo: number, started: Date): Set<string> {
	return new Set([isoDateDaysAgo(daysAgo, started), isoDateDaysAgo(daysAgo)]);
}

describe('Cutoff', () => {
	const workbench = useWorkbench();

	it('Last 7 days from the quick pick: the view’s title names it and the API gets created_after', async () => {
		const wb = workbench();
		const recent = batch('c0000000-0000-4000-8000-000000000001', 60, [lead('recent_0001', 'converted')]);
		const lastWeek = batch('c0000000-0000-4000-8000-000000000002', 3 * 24 * 60, [lead('week_0001', 'not-converted')]);
		wb.serve([recent, lastWeek]);
		await wb.signIn();
		assert.equal(await wb.sideBarTitle(), 'Woodpecker: Last 24 hours');
		assert.equal(await wb.viewDescription(), 'last 24 hours');
		assert.ok(
			wb.listRequests().every((r) => r.query.created_after === undefined),
			'the default cutoff leaves created_after out',
		);
		assert.equal(await wb.treeItems().count(), 1, 'the 3-day-old batch is outside the API’s default 24 hours');

		const started = new Date();
		const since = started.getTime();
		await pickCutoff(wb, 'Last 7 days');
		await eventually(() => wb.sideBarTitle(), (t) => t === 'Woodpecker: Last 7 days', 'the side bar title naming "last 7 days"');
		assert.equal(await wb.viewDescription(), 'last 7 days');
		const expected = datesDaysAgo(7, started);
		const request = await eventually(
			async () => wb.listRequests(since).find((r) => r.query.created_after !== undefined),
			(r) => r !== undefined,
			'a list request with created_after',
		);
		assert.ok(expected.has(request!.query.created_after), `created_after=${request!.query.created_after}, expected ${[...expected].join(' or ')}`);
		await wb.treeRow(rowLabel(lastWeek)).waitFor();
		await wb.screenshot('cutoff-last-7-days'); // the default 300 px side bar, as a new user has it

		// The quick pick says what is in force, too.
		await wb.viewTitleButton('Set Cutoff…').click();
		await eventually(() => wb.quickInputBox().getAttribute('placeholder'), (p) => p === 'Now: last 7 days', 'the placeholder "Now: last 7 days"');
		await wb.page.keyboard.press('Escape');
	});

	it('A specific date: an impossible one is refused with the reason, a real one is applied', async () => {
		const wb = workbench();
		const recent = batch('c1000000-0000-4000-8000-000000000001', 60, [lead('recent_0001', 'converted')]);
		const older = batch('c1000000-0000-4000-8000-000000000002', 9 * 24 * 60, [lead('older_0001', 'pending')]);
		wb.serve([recent, older]);
		await wb.signIn();
		const since = Date.now();

		await pickCutoff(wb, 'A specific date…');
		const input = wb.quickInputBox();
		await input.waitFor();
		await input.fill('2026-02-30');
		const message = wb.quickInput().locator('.quick-input-message');
		await message.filter({ hasText: '2026-02-30 does not exist: that month has 28 days.' }).waitFor();
		assert.ok(await message.isVisible());
		await input.press('Enter');
		// Enter on an invalid value leaves the box open with the reason; fill() below would fail on a closed box.
		assert.ok(await input.isVisible(), 'Enter closed the box on an impossible date');
		assert.equal(await input.inputValue(), '2026-02-30');
		assert.match(await message.innerText(), /does not exist/);

		const date = isoDateDaysAgo(10);
		await wb.answerInputBox(date);
		await eventually(() => wb.sideBarTitle(), (t) => t === `Woodpecker: Since ${date}`, `the side bar title naming "since ${date}"`);
		assert.equal(await wb.viewDescription(), `since ${date}`);
		await eventually(async () => wb.listRequests(since).some((r) => r.query.created_after === date), Boolean, `a list request with created_after=${date}`);
		assert.ok(!wb.listRequests().some((r) => r.query.created_after === '2026-02-30'), 'the impossible date reached the API');
		await wb.treeRow(rowLabel(older)).waitFor();
		assert.equal(await wb.treeItems().count(), 2);
	});
});
