// Accessibility as a user meets it: a whole flow with the keyboard alone (no click, no pointer),
// lead rows that say their status in words at the default side-bar width, screen-reader labels,
// and the tree readable in a high-contrast theme (README: media/screenshots/high-contrast.png).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { eventually, useWorkbench } from './workbench';

/** WCAG's contrast ratio of two "rgb(r, g, b)" colors. */
function contrast(a: string, b: string): number {
	const lum = (c: string) => {
		const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
			const x = Number(v) / 255;
			return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
	};
	const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

/** Just enough of the page's DOM for the checks below (the tests' types have no DOM library). */
interface PageEl {
	classList: { contains(c: string): boolean };
	getRootNode(): { activeElement: PageEl | null };
	contains(other: PageEl): boolean;
	closest(selector: string): PageEl | null;
	querySelector(selector: string): PageEl | null;
	getBoundingClientRect(): { right: number; width: number };
	scrollWidth: number;
	parentElement: PageEl | null;
}
type PageWindow = { getComputedStyle(e: PageEl): { color: string; backgroundColor: string } };

/** Whether the menu entry (or something in it) holds the keyboard focus. */
function focusedEntry(element: unknown): boolean {
	const e = element as PageEl;
	const active = e.getRootNode().activeElement;
	return e.classList.contains('focused') || (!!active && (active === e || e.contains(active)));
}

/** Whether a label is shown whole: inside its row and not clipped. */
function shownWhole(element: unknown): boolean {
	const e = element as PageEl;
	const box = e.getBoundingClientRect();
	const row = e.closest('.monaco-list-row')!.getBoundingClientRect();
	return box.right <= row.right && e.scrollWidth <= Math.ceil(box.width) + 1;
}

/** A tree row's label color and the first opaque background behind it. */
function rowColors(rows: unknown[]): Array<{ text: string; bg: string }> {
	const w = globalThis as unknown as PageWindow;
	return (rows as PageEl[]).slice(0, 8).map((r) => {
		const text = w.getComputedStyle(r.querySelector('.label-name')!).color;
		let el: PageEl | null = r;
		let bg = 'rgba(0, 0, 0, 0)';
		while (el && /rgba\(0, 0, 0, 0\)|transparent/.test(bg)) {
			bg = w.getComputedStyle(el).backgroundColor;
			el = el.parentElement;
		}
		return { text, bg };
	});
}

describe('Accessibility', () => {
	const workbench = useWorkbench();

	it('a whole flow with the keyboard alone: set the key, focus the view, open a batch, copy a lead uid from its context menu', async () => {
		const wb = workbench();
		await wb.runCommand('Woodpecker: Set API Key');
		await wb.answerInputBox(wb.h.apiKey);
		// Set API Key brings the view into sight: once its rows are in, the palette has the keyboard again.
		await wb.treeItems().first().waitFor();
		await wb.runCommand('Woodpecker: Focus on Enrichments View');
		await wb.treeItems().first().waitFor();
		// The keys go to the tree once it holds the focus (Home puts it on the first row).
		await eventually(
			async () => {
				await wb.page.keyboard.press('Home');
				return (await wb.treeRows())[0]?.focused;
			},
			(f) => f === true,
			'the first row focused',
		);
		const newest = wb.served.filter((b) => b.leads.length > 0).sort((a, b) => Date.parse(b.created) - Date.parse(a.created))[0];
		await wb.page.keyboard.press('ArrowRight');
		await eventually(
			() => wb.treeRows(),
			(rows) => rows.some((r) => r.level === 2),
			'the first batch open',
		);
		await wb.page.keyboard.press('ArrowDown');
		const focused = await eventually(
			() => wb.treeRows(),
			(rows) => rows.some((r) => r.focused && r.level === 2),
			'its first lead focused',
		);
		assert.equal(focused.find((r) => r.focused)?.description, newest.leads[0].uid);
		await wb.page.keyboard.press('Shift+F10');
		const entry = wb.page.locator('.context-view .monaco-menu').getByRole('menuitem', { name: 'Copy Lead UID' });
		await entry.waitFor();
		// Down through the menu until its first entry, Copy Lead UID, holds the focus.
		await eventually(
			async () => {
				if (!(await entry.evaluate(focusedEntry))) await wb.page.keyboard.press('ArrowDown');
				return entry.evaluate(focusedEntry);
			},
			(f) => f,
			'Copy Lead UID focused',
		);
		await wb.page.keyboard.press('Enter');
		await eventually(
			() => wb.readClipboard(),
			(text) => text === newest.leads[0].uid,
			'the uid on the clipboard',
		);
	});

	it('lead rows say their status in words first, also at the default side-bar width; screen readers hear "Lead …: pending"', async () => {
		const wb = workbench();
		await wb.signIn();
		const pendingBatch = wb.served.filter((b) => Date.now() - Date.parse(b.created) < 24 * 3_600_000 && b.leads.some((l) => l.status === 'PENDING')).sort((a, b) => Date.parse(b.created) - Date.parse(a.created))[0];
		const row = wb.treeItems().first();
		await wb.expand(row);
		const lead = wb.leadRow(pendingBatch.leads[0].uid);
		await lead.waitFor();
		assert.equal(await lead.getAttribute('aria-label'), `Lead ${pendingBatch.leads[0].uid}: pending`);
		// The status word is whole on screen: its label is not cut off (only the uid after it is).
		const label = lead.locator('.label-name');
		assert.equal(await label.textContent(), 'Pending');
		const fits = await label.evaluate(shownWhole);
		assert.ok(fits, 'the status label fits in the row');
		const batchLabel = await row.getAttribute('aria-label');
		assert.match(batchLabel ?? '', /^Batch created .+: \d+ leads?, /);
	});

	it('in a high-contrast theme the tree text is readable (contrast ≥ 7:1)', async () => {
		const wb = workbench();
		await wb.signIn();
		await wb.expand(wb.treeItems().first());
		// The theme as a workspace setting the workbench applies when the file changes (the theme
		// picker's search also asks the unreachable marketplace here).
		const settingsFile = path.join(wb.h.workspaceDir, '.vscode', 'settings.json');
		fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
		fs.writeFileSync(settingsFile, JSON.stringify({ 'workbench.colorTheme': 'Default High Contrast' }));
		try {
			await eventually(
				() => wb.page.locator('.monaco-workbench.hc-black').count(),
				(n) => n === 1,
				'the high-contrast theme on',
			);
			await wb.parkPointer();
			await wb.readmeScreenshot('high-contrast', await wb.sideBarClip());
			const colors = await wb.treeItems().evaluateAll(rowColors);
			assert.ok(colors.length > 2);
			for (const c of colors) assert.ok(contrast(c.text, c.bg) >= 7, `tree text ${c.text} on ${c.bg}: ratio ${contrast(c.text, c.bg).toFixed(1)}`);
		} finally {
			fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
			await eventually(
				() => wb.page.locator('.monaco-workbench.hc-black').count(),
				(n) => n === 0,
				'the usual theme back',
			);
		}
	});
});
