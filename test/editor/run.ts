// Runs a test suite in a real VS Code: code-server from the cache, driven by Debian Chromium.
//
//   node out/test/editor/run.js integration   mocha inside the extension host (the development
//                                             folder loaded through the workbench's payload)
//   node out/test/editor/run.js ui            the packaged .vsix installed; playwright-core tests
//                                             from this process against the workbench
// Options: --grep PATTERN (only matching tests), --keep (leave the temp folder for a look).
// Build first: node esbuild.js --tests. Writes test-results/<suite>.json, exits non-zero when a
// test failed or none ran, and stops everything it started in every case.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { demoBatches } from '../fake/data';
import { FakeWoodpeckerServer } from '../fake/server';
import type { UiHarness } from '../ui/harness';
import type { UiRunResult } from '../ui/index';
import { launchBrowser, launchPersistentWorkbench } from './browser';
import { CodeServer } from './codeServer';
import { ensureEditorTools } from './install';
import { repoRoot, resultsDir, screenshotsDir } from './paths';
import { cleanupAll, errorText, installExitHandlers, onCleanup, sleep, withTimeout } from './processes';
import { type SuiteResult, readResult, resultFile, writeResult } from './results';
import { SetupError } from './systemPackages';
import { PSEUDO_LOCALE, writePseudoBundles, writePseudoLanguagePack } from './pseudoLocale';
import { packageVsix } from './vsix';

type Suite = 'integration' | 'ui';

interface Options {
	suite: Suite;
	grep?: string;
	keep: boolean;
}

const FAKE_API_KEY = 'test-key';
const INTEGRATION_TIMEOUT_MS = 5 * 60_000;
const logsDir = path.join(resultsDir, 'logs');

function parseArgs(argv: string[]): Options {
	const [suite, ...rest] = argv;
	if (suite !== 'integration' && suite !== 'ui') {
		console.error('Usage: node out/test/editor/run.js integration|ui [--grep PATTERN] [--keep]');
		process.exit(2);
	}
	const grepAt = rest.indexOf('--grep');
	return { suite, grep: grepAt >= 0 ? rest[grepAt + 1] : undefined, keep: rest.includes('--keep') };
}

/**
 * Each editor suite runs in a fixed time zone far from UTC, set before anything starts so code-server,
 * its extension host, Chromium and the UI tests' own formatting all share it: cutoffs and labels are
 * then checked in the real editor with literal dates. WOODPECKER_TEST_TZ overrides it.
 */
const SUITE_TIME_ZONES: Record<Suite, string> = { integration: 'America/Los_Angeles', ui: 'Pacific/Kiritimati' };

async function main(): Promise<number> {
	process.setSourceMapsEnabled(true); // UI test failures point at test/ui/*.ts.
	const options = parseArgs(process.argv.slice(2));
	process.env.TZ = process.env.WOODPECKER_TEST_TZ || SUITE_TIME_ZONES[options.suite];
	console.log(`[editor] ${options.suite} suite in time zone ${process.env.TZ}`);
	installExitHandlers();
	const started = Date.now();
	const file = resultFile(options.suite);
	fs.rmSync(file, { force: true }); // A stale file must not stand in for this run.
	fs.mkdirSync(logsDir, { recursive: true });

	let result: SuiteResult;
	try {
		result = options.suite === 'integration' ? await runIntegration(options) : await runUi(options);
	} catch (e) {
		console.error(`[editor] ${options.suite} suite could not run: ${failureText(e)}`);
		result = { suite: options.suite, passed: 0, failed: 1 };
	}
	writeResult(file, result);
	await cleanupAll();
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	console.log(`[editor] ${options.suite}: ${result.passed} passed, ${result.failed} failed (${seconds} s)`);
	if (result.passed === 0 && result.failed === 0) console.error(`[editor] ${options.suite}: no test ran.`);
	return result.failed > 0 || result.passed === 0 ? 1 : 0;
}

/** A set-up problem says what to do; anything else keeps its stack for whoever debugs the harness. */
function failureText(e: unknown): string {
	if (e instanceof SetupError) return e.message;
	return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** A private temp folder for one run, removed afterwards unless --keep. */
function makeStateDir(options: Options): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `woodpecker-${options.suite}-`));
	onCleanup('temp folder', () => {
		if (options.keep) console.log(`[editor] Kept ${dir}`);
		else fs.rmSync(dir, { recursive: true, force: true });
	});
	return dir;
}

/** The fake API every run points the extension at, so no test ever reaches the real Woodpecker. */
async function startFakeApi(): Promise<{ fake: FakeWoodpeckerServer; url: string }> {
	const fake = new FakeWoodpeckerServer({ apiKey: FAKE_API_KEY, batches: demoBatches() });
	const url = await fake.start();
	onCleanup('fake API', () => fake.stop());
	return { fake, url };
}

/** The pseudo-locale pass's tests (test/locale/), run after the others in an editor whose display language is qps-ploc. */
const LOCALE_PASS = 'locale';

async function runIntegration(options: Options): Promise<SuiteResult> {
	// --grep pseudo-locale runs that pass alone; any other --grep leaves it out.
	if (options.grep && /pseudo-locale/.test(options.grep)) return runIntegrationPass({ ...options, grep: undefined }, LOCALE_PASS);
	const main = await runIntegrationPass(options, 'integration');
	if (options.grep) return main;
	// The pseudo-locale pass: a second, short editor session after the first one stopped.
	const pseudo = await runIntegrationPass(options, LOCALE_PASS);
	return { suite: 'integration', passed: main.passed + pseudo.passed, failed: main.failed + pseudo.failed };
}

/** One editor session running one folder of in-host tests: out/test/integration, or out/test/locale in the pseudo locale. */
async function runIntegrationPass(options: Options, pass: 'integration' | typeof LOCALE_PASS): Promise<SuiteResult> {
	const tools = await ensureEditorTools();
	const stateDir = makeStateDir(options);
	const { url: fakeUrl } = await startFakeApi();
	const testsDir = path.join(repoRoot, 'out', 'test', pass);
	if (!fs.existsSync(path.join(testsDir, 'index.js'))) throw new Error(`${testsDir}/index.js is missing: run node esbuild.js --tests first.`);
	if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run node esbuild.js --tests first.');
	const locale = pass === LOCALE_PASS ? PSEUDO_LOCALE : undefined;
	if (locale) {
		// Generated from the English files now, removed after the run (they are never committed).
		const files = writePseudoBundles(repoRoot);
		onCleanup('pseudo-locale bundles', () => files.forEach((f) => fs.rmSync(f, { force: true })));
		writePseudoLanguagePack(path.join(stateDir, 'user-data'));
	}

	const name = pass === LOCALE_PASS ? 'integration-locale' : 'integration';
	const file = resultFile(name);
	const mochaLog = path.join(logsDir, `${name}-mocha.log`);
	fs.rmSync(mochaLog, { force: true });
	// The browser keeps its profile on disk, so the privacy test can search what the workbench stores there.
	const browserProfile = path.join(stateDir, 'browser-profile');
	const server = await CodeServer.start({
		entry: tools.codeServer,
		stateDir,
		locale,
		settings: { 'woodpecker.apiBaseUrl': fakeUrl },
		// The extension host inherits these from code-server; test/integration/index.ts and support.ts read them.
		env: {
			WOODPECKER_TEST_RESULT_FILE: file,
			WOODPECKER_TEST_LOG_FILE: mochaLog,
			WOODPECKER_TEST_BROWSER_PROFILE: browserProfile,
			// In another language the workbench asks the gallery for built-in extensions' translations: let that fail on this machine.
			...(locale ? { EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item' }) } : {}),
			...(options.grep ? { WOODPECKER_TEST_GREP: options.grep } : {}),
		},
		logFile: path.join(logsDir, `${name}-code-server.log`),
	});
	const context = await launchPersistentWorkbench(tools.chromium, browserProfile, server.url);
	const page = context.pages()[0] ?? (await context.newPage());
	recordConsole(page, path.join(logsDir, `${name}-browser.log`));

	// The workbench calls window.codeAutomationExit(code) when the extension tests end.
	let exitCode: (code: number) => void = () => undefined;
	const exited = new Promise<number>((resolve) => (exitCode = resolve));
	await page.exposeFunction('codeAutomationExit', (code: number) => exitCode(code));
	const remote = `vscode-remote://${new URL(server.url).host}`;
	const payload = [
		['extensionDevelopmentPath', `${remote}${repoRoot}`],
		['extensionTestsPath', `${remote}${testsDir}`],
	];
	console.log(`[editor] Running the ${pass === LOCALE_PASS ? `pseudo-locale (${locale}) ` : ''}integration tests in code-server ${server.url}`);
	const stopTail = tail(mochaLog);
	try {
		await page.goto(server.workbenchUrl({ payload: JSON.stringify(payload) }));
		const code = await withTimeout(exited, INTEGRATION_TIMEOUT_MS, `the integration tests did not finish within ${INTEGRATION_TIMEOUT_MS / 60_000} minutes`);
		await screenshot(page, name, 'final');
		// UPDATE_SCREENSHOTS=1: the side bar in the pseudo locale is the README's localization picture.
		if (locale && process.env.UPDATE_SCREENSHOTS === '1') {
			await page.screenshot({ path: path.join(repoRoot, 'media', 'screenshots', 'pseudo-locale.png'), clip: { x: 0, y: 0, width: 345, height: 340 } });
		}
		const result = readResult(file);
		if (!result) return { suite: 'integration', passed: 0, failed: 1 }; // The suite died before reporting.
		// Exit code 1 with no failed test means the run itself broke (e.g. a file failed to load).
		return code !== 0 && result.failed === 0 ? { ...result, failed: 1 } : result;
	} catch (e) {
		await screenshot(page, name, 'aborted');
		throw e;
	} finally {
		stopTail();
		// The next pass (if any) gets the machine to itself.
		await context.close().catch(() => undefined);
		await server.stop();
	}
}

async function runUi(options: Options): Promise<SuiteResult> {
	const tools = await ensureEditorTools();
	const stateDir = makeStateDir(options);
	const { fake, url: fakeUrl } = await startFakeApi();
	const vsix = await packageVsix(path.join(stateDir, 'woodpecker-enrichments.vsix'), path.join(logsDir, 'ui-vsce.log'));
	const server = await CodeServer.start({
		entry: tools.codeServer,
		stateDir,
		vsix,
		settings: { 'woodpecker.apiBaseUrl': fakeUrl },
		logFile: path.join(logsDir, 'ui-code-server.log'),
	});
	const browser = await launchBrowser(tools.chromium);
	const uiIndex = path.join(repoRoot, 'out', 'test', 'ui', 'index.js');
	if (!fs.existsSync(uiIndex)) throw new Error(`${uiIndex} is missing: run node esbuild.js --tests first.`);
	const ui = createRequire(__filename)(uiIndex) as { run(h: UiHarness, o: { grep?: string }): Promise<UiRunResult> };
	const dir = path.join(screenshotsDir, 'ui');
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	// UPDATE_SCREENSHOTS=1 npm run test:ui also refreshes the README's pictures in media/screenshots.
	const readmeScreenshotsDir = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(repoRoot, 'media', 'screenshots') : undefined;
	console.log(`[editor] Running the UI tests against code-server ${server.url}${readmeScreenshotsDir ? ` (README screenshots go to ${path.relative(repoRoot, readmeScreenshotsDir)})` : ''}`);
	const { passed, failed } = await ui.run(
		{ browser, serverUrl: server.url, workbenchUrl: server.workbenchUrl(), workspaceDir: server.workspace, fake, apiKey: FAKE_API_KEY, screenshotsDir: dir, readmeScreenshotsDir },
		{ grep: options.grep },
	);
	return { suite: 'ui', passed, failed };
}

/** Keeps the browser console (workbench and extension host messages) for diagnosing failures. */
function recordConsole(page: { on(event: 'console', l: (m: { type(): string; text(): string }) => void): unknown }, file: string): void {
	fs.writeFileSync(file, '');
	page.on('console', (message) => fs.appendFileSync(file, `[${message.type()}] ${message.text()}\n`));
}

/** Prints what the in-host test run appends to its log file, as it appears. */
function tail(file: string): () => void {
	let offset = 0;
	let stopped = false;
	const pump = () => {
		try {
			const size = fs.statSync(file).size;
			if (size <= offset) return;
			const fd = fs.openSync(file, 'r');
			const buffer = Buffer.alloc(size - offset);
			fs.readSync(fd, buffer, 0, buffer.length, offset);
			fs.closeSync(fd);
			offset = size;
			process.stdout.write(buffer);
		} catch {
			// Not written yet.
		}
	};
	void (async () => {
		while (!stopped) {
			pump();
			await sleep(200);
		}
	})();
	return () => {
		stopped = true;
		pump();
	};
}

async function screenshot(page: { screenshot(o: { path: string }): Promise<unknown> }, suite: string, name: string): Promise<void> {
	const dir = path.join(screenshotsDir, suite);
	fs.mkdirSync(dir, { recursive: true });
	try {
		await page.screenshot({ path: path.join(dir, `${name}.png`) });
	} catch (e) {
		console.error(`[editor] screenshot ${name} failed: ${errorText(e)}`);
	}
}

main().then(
	(code) => process.exit(code),
	async (e: unknown) => {
		console.error(`[editor] ${failureText(e)}`);
		await cleanupAll();
		process.exit(1);
	},
);
