// What the runner (test/editor/run.ts) hands the UI tests: the browser, the code-server
// workbench and the fake API it started. Test files are bundled separately from the runner,
// so the hand-over goes through one well-known global rather than a shared module.
import type { FakeWoodpeckerServer } from '../fake/server';
import type { Browser } from '../editor/playwrightTypes';

export interface UiHarness {
	browser: Browser;
	/** http://127.0.0.1:PORT of code-server. */
	serverUrl: string;
	/** The workbench address with the test workspace folder open. */
	workbenchUrl: string;
	/** The workspace folder the workbench has open (on this machine: code-server runs here). */
	workspaceDir: string;
	/** The fake Woodpecker API the workbench's woodpecker.apiBaseUrl points at. */
	fake: FakeWoodpeckerServer;
	/** The key the fake accepts. */
	apiKey: string;
	/** Where tests and failures leave PNGs (test-results/screenshots/ui). */
	screenshotsDir: string;
	/** Set (to media/screenshots) when UPDATE_SCREENSHOTS=1: the README's screenshots are copied there too. */
	readmeScreenshotsDir?: string;
}

const HARNESS = Symbol.for('woodpecker-enrichments.uiHarness');

export function setHarness(harness: UiHarness | undefined): void {
	(globalThis as Record<symbol, unknown>)[HARNESS] = harness;
}

export function harness(): UiHarness {
	const h = (globalThis as Record<symbol, unknown>)[HARNESS] as UiHarness | undefined;
	if (!h) throw new Error('No UI harness: run the UI tests through `npm run test:ui` (out/test/editor/run.js ui).');
	return h;
}
