// Headless Debian Chromium through playwright-core, with the flags that keep it quiet and
// offline-friendly on CI machines.
import { loadPlaywright } from './install';
import { onCleanup } from './processes';
import type { Browser, BrowserContext } from './playwrightTypes';

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox', // CI runs as root
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/** Launches Chromium and registers its closing with the harness cleanup. */
export async function launchBrowser(executablePath: string): Promise<Browser> {
	const { chromium } = loadPlaywright();
	// The harness owns signal handling, so playwright must not exit the process on its own.
	const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, timeout: 60_000 });
	onCleanup('browser', () => browser.close());
	return browser;
}

/** A fresh browser profile for one test, with clipboard access to the workbench's origin. */
export async function newWorkbenchContext(browser: Browser, workbenchUrl: string): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(workbenchUrl).origin });
	return context;
}
