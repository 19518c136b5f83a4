// Filter… and Group by Day as a user meets them: the Filter button in the view's title, its quick
// pick, "1 of 3 leads" on the rows, the title naming the filter, the empty view's Clear Filter
// row; Group by Day from the view's "…" menu with Today and Yesterday rows (README screenshot).
// The UI suite runs in Pacific/Kiritimati (UTC+14): local days below are that zone's.
import * as assert from 'node:assert/strict';
import type { EnrichmentBatch } from '../../src/api/types';
import { batch, batchAt, lead, rowLabel } from './scenes';
import { type Workbench, eventually, useWorkbench } from './workbench';

/** Opens the Filter button (plain or filled) of the view's title and picks `choice`. */
async function pickFilter(wb: Workbench, button: 'Filter…' | 'Change Filter…', choice: string): Promise<void> {
	await wb.viewTitleButton(button).click();
	await wb.quickInput().locator('.quick-input-title', { hasText: 'Woodpecker: Filter Leads' }).waitFor();
	const row = filterRow(wb, choice);
	await row.waitFor();
	await row.click();
	await wb.quickInput().waitFor({ state: 'hidden' });
}

/** The quick pick's row for a filter, by its exact name ("Converted" is not "Not converted"). */
function filterRow(wb: Workbench, choice: string) {
	return wb
		.quickInput()
		.locator('.monaco-list-row')
		.filter({ has: wb.page.locator('.label-name').getByText(choice, { exact: true }) });
}

describe('Filter in the workbench', () => {
	const workbench = useWorkbench();

	it('Filter… from the view title: "1 of 3 leads", the title naming it, the filled button; an empty view clears it from its Clear Filter row', async () => {
		const wb = workbench();
		const mixed = batch('f0000000-0000-4000-8000-000000000001', 10, [lead('mix_0001', 'pending'), lead('mix_0002', 'converted'), lead('mix_0003', 'not-converted')]);
		const done = batch('f0000000-0000-4000-8000-000000000002', 90, [lead('done_0001', 'converted'), lead('done_0002', 'converted')]);
		const waiting = batch('f0000000-0000-4000-8000-000000000003', 200, [lead('wait_0001', 'pending')]);
		wb.serve([waiting, done, mixed]);
		await wb.signIn();
		assert.equal(await wb.viewTitleButton('Change Filter…').count(), 0, 'no filter: the plain button');
		assert.match((await wb.viewTitleButton('Filter…').getAttribute('class')) ?? '', /\bcodicon-filter\b/);

		await pickFilter(wb, 'Filter…', 'Converted');
		await eventually(
			() => wb.sideBarTitle(),
			(t) => t === 'Woodpecker: Last 24 hours · Converted',
			'the title naming the filter',
		);
		assert.equal(await wb.viewDescription(), 'last 24 hours · Converted');
		const rows = await eventually(
			async () => (await wb.treeRows()).map((r) => [r.label, r.description]),
			(r) => r.length === 2,
			'the two batches with a converted lead',
		);
		assert.deepEqual(rows, [
			[rowLabel(mixed), '1 of 3 leads'],
			[rowLabel(done), '2 of 2 leads'],
		]);
		await wb.expand(wb.treeRow(rowLabel(mixed)));
		const leads = await eventually(
			() => wb.treeRows(),
			(r) => r.some((row) => row.level === 2),
			'the batch open',
		);
		assert.deepEqual(
			leads.filter((r) => r.level === 2).map((r) => [r.label, r.description]),
			[['Converted', 'mix_0002']],
		);
		assert.equal(await wb.badge(), '2', 'the badge still counts both pending leads');
		// The button follows a context key, set a moment after the title.
		await eventually(
			() => wb.viewTitleButton('Change Filter…').count(),
			(n) => n === 1,
			'the filled button showing a filter is on',
		);
		assert.match((await wb.viewTitleButton('Change Filter…').getAttribute('class')) ?? '', /\bcodicon-filter-filled\b/, 'drawn filled');

		// The quick pick ticks the current filter and counts what each one shows.
		await wb.viewTitleButton('Change Filter…').click();
		const current = filterRow(wb, 'Converted');
		await current.waitFor();
		assert.match(await current.innerText(), /^\s*Converted\s*3 leads in 2 batches$/);
		assert.equal(await current.locator('.codicon-check').count(), 1, 'the current filter is ticked');
		assert.match(await filterRow(wb, 'Pending').innerText(), /2 leads in 2 batches/);
		await wb.page.keyboard.press('Escape');

		await pickFilter(wb, 'Change Filter…', 'Other');
		await eventually(
			() => wb.viewMessage(),
			(m) => m === 'No leads match the filter "Other" in the 3 batches within the cutoff.',
			'the empty view saying why',
		);
		const clear = wb.treeRow('Clear Filter');
		await clear.waitFor();
		await eventually(
			() => wb.treeItems().count(),
			(n) => n === 1,
			'only the Clear Filter row',
		);
		await wb.screenshot('filter-empty'); // the default 300 px side bar
		await clear.click();
		await eventually(
			() => wb.sideBarTitle(),
			(t) => t === 'Woodpecker: Last 24 hours',
			'the title without a filter',
		);
		await eventually(
			async () => (await wb.treeRows()).filter((r) => r.level === 1).map((r) => r.label),
			(l) => l.length === 3,
			'every batch back',
		);
		await eventually(
			() => wb.viewMessage(),
			(m) => m === '',
			'the message gone',
		);
		await eventually(
			() => wb.viewTitleButton('Filter…').count(),
			(n) => n === 1,
			'the plain Filter… button again',
		);
	});
});

describe('Group by Day in the workbench', () => {
	const workbench = useWorkbench();

	/** Two batches today and two yesterday, all within the last 24 hours; waits out two minutes either side of midnight. */
	async function dayScene(): Promise<{ today: EnrichmentBatch[]; yesterday: EnrichmentBatch[] }> {
		const first = new Date();
		const sinceMidnight = first.getTime() - new Date(first.getFullYear(), first.getMonth(), first.getDate()).getTime();
		const toMidnight = new Date(first.getFullYear(), first.getMonth(), first.getDate() + 1).getTime() - first.getTime();
		if (sinceMidnight < 2 * 60_000) await new Promise((r) => setTimeout(r, 2 * 60_000 - sinceMidnight + 1000));
		else if (toMidnight < 2 * 60_000) await new Promise((r) => setTimeout(r, toMidnight + 2 * 60_000 + 1000));
		const d = new Date();
		const local = (dayOffset: number, h: number, m: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + dayOffset, h, m);
		const iso = (t: Date) => t.toISOString();
		return {
			today: [
				batch('d0000000-0000-4000-8000-000000000001', 1, [lead('today_0001', 'pending'), lead('today_0002', 'converted'), lead('today_0003', 'pending')]),
				batchAt('d0000000-0000-4000-8000-000000000002', iso(local(0, 0, 1)), [lead('today_0004', 'not-converted')]),
			],
			yesterday: [
				batchAt('d0000000-0000-4000-8000-000000000003', iso(local(-1, 23, 59)), [lead('yday_0001', 'converted'), lead('yday_0002', 'pending')]),
				batchAt('d0000000-0000-4000-8000-000000000004', iso(local(-1, 23, 58)), [lead('yday_0003', 'converted')]),
			],
		};
	}

	it("Group by Day from the view's menu: Today and Yesterday rows with their counts, then ungrouped again (README: media/screenshots/filter.png)", async function () {
		this.timeout(6 * 60_000);
		const wb = workbench();
		const { today, yesterday } = await dayScene();
		wb.serve([...yesterday, ...today]);
		await wb.useReadmeWindow(420);
		await wb.signIn();
		await wb.viewTitleMenu('Group by Day');
		const grouped = await eventually(
			async () => (await wb.treeRows()).map((r) => [r.level, r.label, r.description, r.icon]),
			(r) => r.length === 4 && r[0][1] === 'Today',
			'Today open with its two batches, Yesterday closed',
		);
		assert.deepEqual(grouped, [
			[1, 'Today', '2 batches · 2 pending', 'calendar'],
			[2, rowLabel(today[0]), '3 leads · 2 pending · 1 converted', 'sync'],
			[2, rowLabel(today[1]), '1 lead · 1 not converted', 'check-all'],
			[1, 'Yesterday', '2 batches · 1 pending', 'calendar'],
		]);
		await wb.expand(wb.treeRow('Yesterday'));
		await eventually(
			async () => (await wb.treeRows()).length,
			(n) => n === 6,
			'the batches of yesterday',
		);

		// With a filter the day rows count what they show; this is the README's picture.
		await pickFilter(wb, 'Filter…', 'Converted');
		const filtered = await eventually(
			async () => (await wb.treeRows()).map((r) => [r.level, r.label, r.description]),
			(r) => r.length === 5 && r[0][2] === '1 batch · 1 of 3 leads',
			'the converted leads, day by day',
		);
		assert.deepEqual(filtered, [
			[1, 'Today', '1 batch · 1 of 3 leads'],
			[2, rowLabel(today[0]), '1 of 3 leads'],
			[1, 'Yesterday', '2 batches · 2 of 3 leads'],
			[2, rowLabel(yesterday[0]), '1 of 2 leads'],
			[2, rowLabel(yesterday[1]), '1 of 1 lead'],
		]);
		await wb.expand(wb.treeRow(rowLabel(yesterday[0])));
		await eventually(
			async () => (await wb.treeRows()).length,
			(n) => n === 6,
			"the converted lead of yesterday's first batch",
		);
		await wb.focusEditorArea();
		const last = await wb.treeItems().last().boundingBox();
		await wb.readmeScreenshot('filter', await wb.sideBarClip(last ? last.y + last.height + 44 : undefined));

		await wb.viewTitleMenu('Stop Grouping by Day');
		await eventually(
			async () => (await wb.treeRows()).filter((r) => r.level === 1).map((r) => r.label),
			(l) => l.length === 3 && !l.includes('Today'),
			'the batches ungrouped',
		);
	});
});
