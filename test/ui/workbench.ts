// Playwright-core helpers that speak the workbench's language: the Woodpecker view, its welcome
// buttons and tree rows, the command palette, input boxes, notifications, webviews, clipboard.
// Each Workbench is a fresh browser profile, so the extension starts without a stored key.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newWorkbenchContext } from '../editor/browser';
import type { BrowserContext, FrameLocator, Locator, Page } from '../editor/playwrightTypes';
import { type UiHarness, harness } from './harness';

export const VIEW_CONTAINER_TITLE = 'Woodpecker';
export const VIEW_NAME = 'Enrichments';

/** code-server's usual noise: resources it does not ship (vsda) and the unreachable Open VSX gallery. */
const HARMLESS_CONSOLE_ERRORS = /Failed to load resource|ENOTFOUND open-vsx\.org/;

export class Workbench {
	/** Browser console errors, for the failure message when something goes wrong. */
	readonly consoleErrors: string[] = [];

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
		if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
		await this.view().locator('.composite.title', { hasText: new RegExp(VIEW_CONTAINER_TITLE, 'i') }).waitFor();
	}

	/** A button of the view's welcome content ("Set API Key", "Retry", ...). */
	welcomeButton(name: string | RegExp): Locator {
		return this.view().locator('.welcome-view-content').getByRole('button', { name });
	}

	/** The Enrichments tree's rows (batches, expanded leads, notices). */
	treeItems(): Locator {
		return this.view().getByRole('treeitem');
	}

	treeItem(name: string | RegExp): Locator {
		return this.view().getByRole('treeitem', { name });
	}

	/** Stores the fake API's key through the welcome view's Set API Key button and waits for the rows. */
	async signIn(key: string = this.h.apiKey): Promise<void> {
		await this.openView();
		await this.welcomeButton('Set API Key').click();
		await this.answerInputBox(key);
		await this.treeItems().first().waitFor();
	}

	/** Right-clicks `target` and picks `item` from its context menu. */
	async contextMenu(target: Locator, item: string | RegExp): Promise<void> {
		await target.click({ button: 'right' });
		const entry = this.page.locator('.context-view .monaco-menu').getByRole('menuitem', { name: item });
		await entry.waitFor();
		// A plain click was seen to leave the menu open with the entry only highlighted;
		// hovering focuses it and Enter runs it, as a keyboard user would.
		await entry.hover();
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

	/** Answers an open input box (showInputBox) and submits it. */
	async answerInputBox(text: string): Promise<void> {
		const input = this.quickInputBox();
		await input.waitFor();
		await input.fill(text);
		await input.press('Enter');
		await this.quickInput().waitFor({ state: 'hidden' });
	}

	/** Notification toasts containing `text`. */
	notification(text: string | RegExp): Locator {
		return this.page.locator('.notification-toast', { hasText: text });
	}

	/** The content of the active webview (it sits two iframes deep). */
	webview(): FrameLocator {
		return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
	}

	/** What the extension last wrote with vscode.env.clipboard. */
	readClipboard(): Promise<string> {
		return this.page.evaluate<string>('navigator.clipboard.readText()');
	}

	/** Saves a PNG to test-results/screenshots/ui/<name>.png and returns its path. */
	async screenshot(name: string): Promise<string> {
		const file = path.join(this.h.screenshotsDir, `${name.replace(/[^\w.-]+/g, '-').slice(0, 120)}.png`);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		await this.page.screenshot({ path: file });
		return file;
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
 * failed (test-results/screenshots/ui/FAILED-*.png) and closes it.
 */
export function useWorkbench(): () => Workbench {
	let wb: Workbench | undefined;
	beforeEach(async () => {
		wb = await Workbench.open();
	});
	afterEach(async function () {
		const test = this.currentTest;
		if (wb && test?.state === 'failed') {
			const file = await wb.screenshot(`FAILED ${test.fullTitle()}`).catch(() => undefined);
			if (file) console.log(`      screenshot: ${path.relative(process.cwd(), file)}`);
			if (wb.consoleErrors.length) console.log(`      browser console errors:\n${wb.consoleErrors.slice(-10).map((e) => `        ${e.split('\n')[0]}`).join('\n')}`);
		}
		await wb?.close();
		wb = undefined;
	});
	return () => {
		if (!wb) throw new Error('useWorkbench(): no workbench outside a test');
		return wb;
	};
}
