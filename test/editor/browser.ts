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

// The harness owns signal handling, so playwright must not exit the process on its own.
const LAUNCH = { args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, timeout: 60_000 };

/** Launches Chromium and registers its closing with the harness cleanup. */
export async function launchBrowser(executablePath: string): Promise<Browser> {
	const browser = await loadPlaywright().chromium.launch({ executablePath, ...LAUNCH });
	onCleanup('browser', () => browser.close());
	return browser;
}

/**
 * Chromium with its profile in `profileDir` on disk, so what the workbench keeps in the browser
 * (global state and secrets, in IndexedDB) is written there and can be searched by a test.
 */
export async function launchPersistentWorkbench(executablePath: string, profileDir: string, workbenchUrl: string): Promise<BrowserContext> {
	const context = await loadPlaywright().chromium.launchPersistentContext(profileDir, { executablePath, ...LAUNCH, viewport: { width: 1400, height: 900 } });
	onCleanup('browser', () => context.close());
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(workbenchUrl).origin });
	return context;
}

/** A fresh browser profile for one test, with clipboard access to the workbench's origin. */
export async function newWorkbenchContext(browser: Browser, workbenchUrl: string): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(workbenchUrl).origin });
	return context;
}
