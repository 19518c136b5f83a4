// The UI suite runs in Pacific/Kiritimati (UTC+14, no DST), so the dates below are literal.
import * as assert from 'node:assert/strict';
import { batch, batchAt, lead, rowLabel } from './scenes';
import { type Workbench, eventually, useWorkbench } from './workbench';

/** Opens Set Cutoff… from the view's title bar and picks `choice`. */
async function pickCutoff(wb: Workbench, choice: string): Promise<void> {
	await wb.viewTitleButton('Set Cutoff…').click();
	const row = wb.quickInput().locator('.monaco-list-row', { hasText: choice });
	await row.waitFor();
	await row.click();
}

const HOUR_MS = 3_600_000;

/** created_after reaches back at least a day and a half before a window starting `hoursAgo` hours ago, at most three days. */
function assertCovers(createdAfter: string | undefined, hoursAgo: number): void {
	assert.match(createdAfter ?? '', /^\d{4}-\d{2}-\d{2}$/);
	const before = (Date.now() - hoursAgo * HOUR_MS - Date.parse(`${createdAfter}T00:00:00Z`)) / HOUR_MS;
	assert.ok(before >= 36 && before <= 72, `created_after=${createdAfter} starts ${before.toFixed(1)} h before the window`);
}

describe('Cutoff', () => {
	const workbench = useWorkbench();

	it('Last 7 days from the quick pick: the title names it, and exactly the last 7 × 24 hours are shown', async () => {
		const wb = workbench();
		const recent = batch('c0000000-0000-4000-8000-000000000001', 60, [lead('recent_0001', 'converted')]);
		const lastWeek = batch('c0000000-0000-4000-8000-000000000002', 3 * 24 * 60, [lead('week_0001', 'not-converted')]);
		const justOutside = batch('c0000000-0000-4000-8000-000000000003', 7 * 24 * 60 + 15, [lead('outside_0001', 'converted')]);
		wb.serve([justOutside, lastWeek, recent]);
		await wb.signIn();
		assert.equal(await wb.sideBarTitle(), 'Woodpecker: Last 24 hours');
		assert.equal(await wb.viewDescription(), 'last 24 hours');
		assertCovers(wb.listRequests()[0]?.query.created_after, 24);
		assert.equal(await wb.treeItems().count(), 1, 'the 3-day-old batch came with the answer, and is outside the last 24 hours');

		const since = Date.now();
		await pickCutoff(wb, 'Last 7 days');
		await eventually(
			() => wb.sideBarTitle(),
			(t) => t === 'Woodpecker: Last 7 days',
			'the side bar title naming "last 7 days"',
		);
		assert.equal(await wb.viewDescription(), 'last 7 days');
		const request = await eventually(
			async () => wb.listRequests(since)[0],
			(r) => r !== undefined,
			'the list request for the new cutoff',
		);
		assertCovers(request.query.created_after, 7 * 24);
		await wb.treeRow(rowLabel(lastWeek)).waitFor();
		assert.deepEqual(
			(await wb.treeRows()).map((r) => r.label),
			[rowLabel(recent), rowLabel(lastWeek)],
			'the batch 15 minutes older than 7 days is not shown',
		);
		await wb.screenshot('cutoff-last-7-days'); // the default 300 px side bar, as a new user has it

		// The quick pick says what is in force, too.
		await wb.viewTitleButton('Set Cutoff…').click();
		await eventually(
			() => wb.quickInputBox().getAttribute('placeholder'),
			(p) => p === 'Now: last 7 days',
			'the placeholder "Now: last 7 days"',
		);
		await wb.page.keyboard.press('Escape');
	});

	it('A specific date: an impossible one is refused with the reason; a real one shows that day from its local midnight', async () => {
		const wb = workbench();
		const recent = batch('c1000000-0000-4000-8000-000000000001', 60, [lead('recent_0001', 'converted')]);
		// Around midnight of 15 January 2026 in Kiritimati (10:00 UTC the day before).
		const firstMinutes = batchAt('c1000000-0000-4000-8000-000000000002', '2026-01-15T00:05:00+14:00', [lead('first_0001', 'pending')]);
		const dayBefore = batchAt('c1000000-0000-4000-8000-000000000003', '2026-01-14T09:55:00Z', [lead('before_0001', 'converted')]);
		wb.serve([dayBefore, firstMinutes, recent]);
		await wb.signIn();
		const since = Date.now();

		await pickCutoff(wb, 'A specific date…');
		const input = wb.quickInput().locator('input.input');
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

		await wb.answerInputBox('2026-01-15');
		await eventually(
			() => wb.sideBarTitle(),
			(t) => t === 'Woodpecker: Since 2026-01-15',
			'the side bar title naming "since 2026-01-15"',
		);
		assert.equal(await wb.viewDescription(), 'since 2026-01-15');
		const request = await eventually(
			async () => wb.listRequests(since)[0],
			(r) => r !== undefined,
			'the list request for the date',
		);
		assert.equal(request.query.created_after, '2026-01-12', 'the UTC date 36 hours before 2026-01-14T10:00Z');
		assert.ok(!wb.listRequests().some((r) => r.query.created_after === '2026-02-30'), 'the impossible date reached the API');
		await wb.treeRow(rowLabel(firstMinutes)).waitFor();
		assert.deepEqual(
			(await wb.treeRows()).map((r) => r.label),
			[rowLabel(recent), rowLabel(firstMinutes)],
			'the batch from 23:55 the day before is not shown',
		);
		assert.equal(rowLabel(firstMinutes), 'Jan 15, 2026, 12:05 AM', "labels are in the user's time zone");
	});
});
