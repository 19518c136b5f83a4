// Playwright-core helpers that speak the workbench's language: the Woodpecker view, its welcome
// buttons and tree rows, the command palette, input boxes, notifications, webviews, clipboard.
// Each Workbench is a fresh browser profile, so the extension starts without a stored key.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EnrichmentBatch } from '../../src/api/types';
import { newWorkbenchContext } from '../editor/browser';
import type { Box, BrowserContext, FrameLocator, Locator, Page } from '../editor/playwrightTypes';
import { demoBatches } from '../fake/data';
import { type UiHarness, harness } from './harness';

export const VIEW_CONTAINER_TITLE = 'Woodpecker';
export const VIEW_NAME = 'Enrichments';

/** The window size of the README's screenshots. */
export const README_WINDOW = { width: 1280, height: 800 };

interface RowElement {
	getAttribute(name: string): string | null;
	parentElement: { querySelector(selector: string): RowElement | null } | null;
}

/** Page code for Locator.evaluate: the row is expanded and the row after it is its child. */
function showsFirstChild(element: unknown): boolean {
	const row = element as RowElement;
	if (row.getAttribute('aria-expanded') !== 'true') return false;
	const next = row.parentElement?.querySelector(`[data-index="${Number(row.getAttribute('data-index')) + 1}"]`);
	return Number(next?.getAttribute('aria-level')) === Number(row.getAttribute('aria-level')) + 1;
}

/** One rendered row of the Enrichments tree, as the user sees it. */
export interface TreeRow {
	/** The row's index in the whole (virtual) list; treeRowAt(index) finds it again. */
	index: number;
	label: string;
	description: string;
	/** The row's codicon id, e.g. "sync", "pass-filled". */
	icon: string;
	/** 1 for batches (and action rows), 2 for leads. */
	level: number;
	/** undefined for rows that cannot expand. */
	expanded: boolean | undefined;
	selected: boolean;
	/** The row has the keyboard focus (the tree's Find moves it to the first match). */
	focused: boolean;
	/** The label's parts the tree's Find highlights, joined; '' when it does not match. */
	highlight: string;
	/** aria-posinset and aria-setsize: where the row sits among its siblings. */
	position: number;
	siblings: number;
}

// Page code (the tests have no DOM types): the box of a hover (tooltip) on screen, or null.
const OPEN_HOVER_BOX = `(() => {
	const hover = [...document.querySelectorAll('.monaco-hover')].map((h) => h.getBoundingClientRect()).find((r) => r.width > 0 && r.height > 0);
	return hover ? { x: hover.x, y: hover.y, width: hover.width, height: hover.height } : null;
})()`;

/** The little of a DOM node that page code below uses (the tests compile without the DOM's types). */
interface PageNode {
	getRootNode(): { activeElement: PageNode | null };
	contains(other: PageNode): boolean;
}

/** Page code, given an element: whether it (or its menu entry) holds the focus of its document or shadow root. */
function holdsFocus(element: unknown): boolean {
	const e = element as PageNode;
	const active = e.getRootNode().activeElement;
	return !!active && (active === e || e.contains(active) || active.contains(e));
}

// Page code: the sidebar tree's rendered rows in index order.
const SIDEBAR = '#workbench\\.parts\\.sidebar';
const READ_TREE_ROWS = `[...document.querySelectorAll(${JSON.stringify(`${SIDEBAR} .monaco-list-row[role="treeitem"]`)})]
	.sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
	.map((row) => {
		const icon = row.querySelector('.custom-view-tree-node-item-icon');
		const codicon = icon ? [...icon.classList].find((c) => c.startsWith('codicon-')) : undefined;
		const expanded = row.getAttribute('aria-expanded');
		return {
			index: Number(row.dataset.index),
			label: row.querySelector('.label-name')?.textContent ?? '',
			description: row.querySelector('.label-description')?.textContent ?? '',
			icon: codicon ? codicon.slice('codicon-'.length) : '',
			level: Number(row.getAttribute('aria-level')),
			expanded: expanded === null ? undefined : expanded === 'true',
			selected: row.getAttribute('aria-selected') === 'true',
			focused: row.classList.contains('focused'),
			highlight: [...row.querySelectorAll('.label-name .highlight')].map((h) => h.textContent).join(''),
			position: Number(row.getAttribute('aria-posinset')),
			siblings: Number(row.getAttribute('aria-setsize')),
		};
	})`;

/** code-server's usual noise: resources it does not ship (vsda) and the unreachable Open VSX gallery. */
const HARMLESS_CONSOLE_ERRORS = /Failed to load resource|ENOTFOUND open-vsx\.org/;

export class Workbench {
	/** Browser console errors, for the failure message when something goes wrong. */
	readonly consoleErrors: string[] = [];
	/** alert/confirm/prompt messages any frame tried to show (dismissed at once). */
	readonly dialogs: string[] = [];
	/**
	 * What the fake API serves now. Tests read expected values from here, never from a second
	 * demoBatches() call: the demo's times are relative to when it is made, so a minute may turn between two calls.
	 */
	served: EnrichmentBatch[] = [];

	private constructor(
		readonly page: Page,
		private readonly context: BrowserContext,
		readonly h: UiHarness,
	) {}

	/** Opens the workbench in a new browser profile and waits until it is ready to click. */
	static async open(h: UiHarness = harness()): Promise<Workbench> {
		const context = await newWorkbenchContext(h.browser, h.workbenchUrl);
		context.setDefaultTimeout(15_000);
		const page = await context.newPage();
		const wb = new Workbench(page, context, h);
		page.on('console', (m) => {
			if (m.type() === 'error' && !HARMLESS_CONSOLE_ERRORS.test(m.text())) wb.consoleErrors.push(m.text());
		});
		page.on('dialog', (dialog) => {
			wb.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
			void dialog.dismiss().catch(() => undefined);
		});
		await page.goto(h.workbenchUrl);
		await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
		// The activity bar entry exists once the extension's contributions are known.
		await wb.activityBarTab().waitFor({ timeout: 60_000 });
		return wb;
	}

	activityBarTab(): Locator {
		return this.page.locator('.activitybar').getByRole('tab', { name: new RegExp(`^${VIEW_CONTAINER_TITLE}`) });
	}

	/** The Woodpecker side bar, shown by openView(). */
	view(): Locator {
		return this.page.locator('#workbench\\.parts\\.sidebar');
	}

	/** Shows the Woodpecker view container (a click on an active container would hide it). */
	async openView(): Promise<void> {
		const tab = this.activityBarTab();
		const title = this.view().locator('.composite.title', { hasText: new RegExp(VIEW_CONTAINER_TITLE, 'i') });
		if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
		// After a reload the tab was seen selected while the side bar stayed hidden (CI, once):
		// then a click shows it, as it would for a user.
		const shown = await title.waitFor({ timeout: 5_000 }).then(
			() => true,
			() => false,
		);
		if (!shown) {
			await tab.click();
			await title.waitFor();
		}
	}

	/** A button of the view's welcome content ("Set API Key", "Retry", ...). */
	welcomeButton(name: string | RegExp): Locator {
		return this.view().locator('.welcome-view-content').getByRole('button', { name });
	}

	/** The view's message line above the tree ('' when none is shown). */
	async viewMessage(): Promise<string> {
		const message = this.view().locator('.tree-explorer-viewlet-tree-view > .message:not(.hide)');
		return (await message.count()) ? ((await message.innerText()) ?? '').trim() : '';
	}

	/** The texts of the view's welcome content (paragraphs and buttons), '' when none is shown. */
	async welcomeText(): Promise<string> {
		const welcome = this.view().locator('.welcome-view-content');
		return (await welcome.count()) && (await welcome.first().isVisible()) ? ((await welcome.first().innerText()) ?? '').trim() : '';
	}

	/** The Enrichments tree's rows (batches, expanded leads, action rows). */
	treeItems(): Locator {
		return this.view().getByRole('treeitem');
	}

	treeItem(name: string | RegExp): Locator {
		return this.view().getByRole('treeitem', { name });
	}

	/** The tree row whose label is exactly `label` (its accessible name also holds the description). */
	treeRow(label: string): Locator {
		return this.treeItems().filter({ has: this.page.locator('.label-name').getByText(label, { exact: true }) });
	}

	/** A lead's row: its status is the label, its uid (exactly `uid`) the description. */
	leadRow(uid: string): Locator {
		return this.treeItems().filter({ has: this.page.locator('.label-description').getByText(uid, { exact: true }) });
	}

	/** The row at `index` of the whole list (see TreeRow.index), for labels no text match can pin down. */
	treeRowAt(index: number): Locator {
		return this.view().locator(`.monaco-list-row[role="treeitem"][data-index="${index}"]`);
	}

	/** The rows the tree has rendered (the ones in or near view: the list is virtual), top to bottom. */
	treeRows(): Promise<TreeRow[]> {
		return this.page.evaluate<TreeRow[]>(READ_TREE_ROWS);
	}

	/**
	 * Expands a collapsed row with its twistie and waits until its first child is rendered below it.
	 * The children come from the extension host after the row already says it is expanded; until they
	 * are in, the list is about to re-render, and it reuses row elements: a click aimed at another row
	 * then lands on whatever row the element shows by then (Playwright's hit check sees the same element).
	 */
	async expand(row: Locator): Promise<void> {
		if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
		await eventually(
			() => row.evaluate(showsFirstChild),
			(open) => open,
			'the row to open and show its first child',
		);
	}

	/** Gives the tree keyboard focus without clicking a row (a click would also expand or select it). */
	async focusTree(): Promise<void> {
		await this.view().locator('.monaco-list[role="tree"]').first().focus();
	}

	/** A button of the view's title bar: "Refresh", "Set Cutoff…", "Show Raw JSON", ... */
	viewTitleButton(name: string | RegExp): Locator {
		return this.view().locator('.composite.title').getByRole('button', { name });
	}

	/**
	 * The side bar's title as VS Code writes it (CSS shows it in capitals): with the view alone in its
	 * container, "Woodpecker: " and the view's title, e.g. "Woodpecker: Last 24 hours".
	 */
	async sideBarTitle(): Promise<string> {
		return (await this.view().locator('.composite.title h2').textContent()) ?? '';
	}

	/**
	 * The view's description as VS Code holds it. Alone in its container the view's header is merged
	 * into the container's title, which does not show descriptions: this text is in the DOM, not on screen.
	 */
	async viewDescription(): Promise<string> {
		return (await this.view().locator('.pane-header .description').first().textContent()) ?? '';
	}

	/** The number on the activity bar's Woodpecker icon, or '' without a badge. */
	async badge(): Promise<string> {
		const badge = this.activityBarTab().locator('.badge-content');
		return (await badge.count()) ? ((await badge.textContent()) ?? '') : '';
	}

	/** Replaces what the fake API serves from now on. */
	serve(batches: EnrichmentBatch[]): void {
		this.h.fake.setBatches(batches);
		this.served = batches;
	}

	/** Fake API requests for the batch list, optionally only those after `since` (ms). */
	listRequests(since = 0) {
		return this.h.fake.requests.filter((r) => r.path.endsWith('/enrichments') && r.at >= since);
	}
	/** Stores a key through the welcome view's Set API Key button; waits for rows unless `waitForRows` is false. */
	async signIn(key: string = this.h.apiKey, waitForRows = true): Promise<void> {
		await this.openView();
		await this.welcomeButton('Set API Key').click();
		// Left on the button, the pointer would rest on the rows that appear there and open a tooltip.
		await this.parkPointer();
		await this.answerInputBox(key);
		if (waitForRows) await this.treeItems().first().waitFor();
	}

	/** Right-clicks `target` and picks `item` from its context menu. */
	async contextMenu(target: Locator, item: string | RegExp): Promise<void> {
		await target.click({ button: 'right' });
		await this.chooseMenuEntry(item);
	}

	/** Opens the view title's "More Actions..." (…) menu and picks `item`. */
	async viewTitleMenu(item: string | RegExp): Promise<void> {
		await this.openView();
		// Its label is "Views and More Actions..." while the view is alone in its container; it has no button role.
		await this.view().locator('.composite.title .codicon-toolbar-more').click();
		await this.chooseMenuEntry(item);
	}

	/** Picks `item` from the open menu. */
	private async chooseMenuEntry(item: string | RegExp): Promise<void> {
		const entry = this.page.locator('.context-view .monaco-menu').getByRole('menuitem', { name: item });
		await entry.waitFor();
		// A plain click was seen to leave the menu open with the entry only highlighted;
		// hovering focuses it and Enter runs it, as a keyboard user would.
		// On a loaded machine the hover was seen to land before the menu took it, and Enter then ran
		// the first entry; so the entry must hold the focus before Enter.
		await eventually(
			async () => {
				await entry.hover();
				return entry.evaluate(holdsFocus);
			},
			(focused) => focused,
			`the menu entry ${String(item)} to take the focus`,
		);
		await this.page.keyboard.press('Enter');
		await entry.waitFor({ state: 'hidden' });
	}

	/** Runs a command from the palette by its full title, e.g. "Woodpecker: Refresh". */
	async runCommand(title: string): Promise<void> {
		await this.page.keyboard.press('F1');
		const input = this.quickInputBox();
		await input.fill(`>${title}`);
		await this.quickInput().locator('.monaco-list-row', { hasText: title }).first().waitFor();
		await input.press('Enter');
	}

	quickInput(): Locator {
		return this.page.locator('.quick-input-widget');
	}

	/** The quick input's text box, whether it is a plain or a password box. */
	quickInputBox(): Locator {
		return this.quickInput().locator('input.input');
	}

	/**
	 * Answers an open input box (showInputBox) and submits it; waits until it closes, or, when
	 * another box follows (a command's next step), until the box titled `next` is up.
	 */
	async answerInputBox(text: string, next?: RegExp): Promise<void> {
		const input = this.quickInputBox();
		await input.waitFor();
		await input.fill(text);
		await input.press('Enter');
		if (next) await this.quickInput().locator('.quick-input-title', { hasText: next }).waitFor();
		else await this.quickInput().waitFor({ state: 'hidden' });
	}

	/** Notification toasts containing `text`. */
	notification(text: string | RegExp): Locator {
		return this.page.locator('.notification-toast', { hasText: text });
	}

	/** The content of the active webview (it sits two iframes deep). */
	webview(): FrameLocator {
		return this.webviewHost().frameLocator('#active-frame');
	}

	/** The frame VS Code hosts webviews in (the content's parent). */
	webviewHost(): FrameLocator {
		return this.page.frameLocator('iframe.webview.ready');
	}

	/** Waits until the Raw JSON panel shows `title` and has formatted all of its JSON; returns the text shown. */
	async rawJsonText(title: string | RegExp): Promise<string> {
		const view = this.webview();
		await view
			.locator('#title', { hasText: title })
			.waitFor()
			.catch(async (e: unknown) => {
				// Say what was there instead, so a failure on a CI machine can be read from its log.
				const frames = await this.page.locator('iframe.webview').count();
				const shown =
					frames === 1
						? await view
								.locator('#title')
								.innerText({ timeout: 1000 })
								.catch(() => '(no title)')
						: '(not read)';
				const tabs = await this.page.locator('.tabs-container .tab').allInnerTexts();
				throw new Error(`The Raw JSON panel never showed ${String(title)}: ${frames} webview frame(s), title ${JSON.stringify(shown)}, tabs ${JSON.stringify(tabs)}\n${String(e)}`);
			});
		await view.locator('body[data-state="done"]').waitFor();
		return view.locator('#lines').innerText();
	}

	/** What the extension last wrote with vscode.env.clipboard. */
	readClipboard(): Promise<string> {
		return this.page.evaluate<string>('navigator.clipboard.readText()');
	}

	/** Saves a PNG to test-results/screenshots/ui/<name>.png and returns its path. */
	async screenshot(name: string, clip?: Box): Promise<string> {
		const file = path.join(this.h.screenshotsDir, `${name.replace(/[^\w.-]+/g, '-').slice(0, 120)}.png`);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		await this.page.screenshot({ path: file, clip });
		return file;
	}

	/** The README's window: 1280×800 with a side bar wide enough for whole descriptions. Call before the screenshot's scene is set. */
	async useReadmeWindow(sideBarWidth = 480): Promise<void> {
		await this.page.setViewportSize(README_WINDOW);
		await this.resizeSideBar(sideBarWidth);
	}

	/** Drags the sash between the side bar and the editor so the side bar is `width` px wide. */
	async resizeSideBar(width: number): Promise<void> {
		const box = await this.view().boundingBox();
		if (!box) throw new Error('The side bar is not shown');
		const y = box.y + box.height / 2;
		const mouse = this.page.mouse;
		await mouse.move(box.x + box.width - 1, y);
		await mouse.down();
		await mouse.move(box.x + width, y, { steps: 4 });
		await mouse.up();
		await eventually(
			async () => (await this.view().boundingBox())?.width ?? 0,
			(w) => Math.abs(w - width) <= 2,
			`a side bar ${width} px wide`,
		);
		await this.parkPointer(); // Off the sash, which stays highlighted under the pointer.
	}

	/**
	 * A README picture: test-results/screenshots/ui/readme-<name>.png always, and
	 * media/screenshots/<name>.png too when the run was started with UPDATE_SCREENSHOTS=1.
	 * The pointer is parked first, so no tooltip or hover highlight lands in the picture.
	 */
	async readmeScreenshot(name: string, clip?: Box): Promise<string> {
		await this.parkPointer();
		const file = await this.screenshot(`readme-${name}`, clip);
		if (this.h.readmeScreenshotsDir) {
			fs.mkdirSync(this.h.readmeScreenshotsDir, { recursive: true });
			fs.copyFileSync(file, path.join(this.h.readmeScreenshotsDir, `${name}.png`));
		}
		return file;
	}

	/**
	 * Moves the pointer to the empty editor area's lower left and waits until no hover is shown.
	 * A row's tooltip resolves in the extension host; when it arrives after the pointer left the row,
	 * nothing closes it, so a hover still open is crossed with the pointer, which closes it.
	 */
	async parkPointer(): Promise<void> {
		const editor = await this.page.locator('#workbench\\.parts\\.editor').boundingBox();
		if (!editor) throw new Error('The editor area is not shown');
		const park = { x: editor.x + 40, y: editor.y + editor.height - 40 };
		await this.page.mouse.move(park.x, park.y);
		const hovers = this.page.locator('.monaco-hover').filter({ visible: true });
		// Read in one step in the page: a hover may close between a count and a locator query.
		const open = await this.page.evaluate<Box | null>(OPEN_HOVER_BOX);
		if (open) {
			await this.page.mouse.move(open.x + open.width / 2, open.y + open.height / 2, { steps: 2 });
			await this.page.mouse.move(park.x, park.y, { steps: 2 });
		}
		await eventually(
			() => hovers.count(),
			(n) => n === 0,
			'tooltips to close',
		);
	}

	/** Clicks the editor area, so the tree loses the keyboard focus (and its focus outline). */
	async focusEditorArea(): Promise<void> {
		const editor = await this.page.locator('#workbench\\.parts\\.editor').boundingBox();
		if (!editor) throw new Error('The editor area is not shown');
		await this.page.mouse.click(editor.x + 40, editor.y + editor.height - 40);
		await eventually(
			() => this.view().locator('.monaco-list:focus-within').count(),
			(n) => n === 0,
			'the tree to lose focus',
		);
	}

	/** The activity bar and the side bar, from the side bar's top down to `bottom` (px). */
	async sideBarClip(bottom?: number): Promise<Box> {
		const box = await this.view().boundingBox();
		if (!box) throw new Error('The side bar is not shown');
		const end = Math.min(bottom ?? box.y + box.height, box.y + box.height);
		return { x: 0, y: Math.round(box.y), width: Math.round(box.x + box.width), height: Math.round(end - box.y) };
	}

	async close(): Promise<void> {
		await this.context.close();
	}
}

/** Polls `read` until `accept` holds; throws with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let last: T;
	do {
		last = await read();
		if (accept(last)) return last;
		await new Promise((resolve) => setTimeout(resolve, 100));
	} while (Date.now() < deadline);
	throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)}`);
}

/**
 * Gives each test of the calling `describe` its own Workbench, screenshots it when the test
 * failed (test-results/screenshots/ui/FAILED-*.png) and closes it. The runner's fake API is
 * shared, so each test starts it over: demo batches, no faults, no recorded requests.
 */
export function useWorkbench(): () => Workbench {
	let wb: Workbench | undefined;
	beforeEach(async () => {
		const h = harness();
		h.fake.reset();
		wb = await Workbench.open(h);
		wb.serve(demoBatches());
	});
	afterEach(async function () {
		const test = this.currentTest;
		if (wb && test?.state === 'failed') {
			const file = await wb.screenshot(`FAILED ${test.fullTitle()}`).catch(() => undefined);
			if (file) console.log(`      screenshot: ${path.relative(process.cwd(), file)}`);
			if (wb.consoleErrors.length) {
				console.log(
					`      browser console errors:\n${wb.consoleErrors
						.slice(-10)
						.map((e) => `        ${e.split('\n')[0]}`)
						.join('\n')}`,
				);
			}
		}
		await wb?.close();
		wb = undefined;
		harness().fake.reset(); // No fault of this test may reach the next one.
	});
	return () => {
		if (!wb) throw new Error('useWorkbench(): no workbench outside a test');
		return wb;
	};
}
