// Runs every bundled unit test (out/test/unit/**/*.test.js) with mocha and leaves a summary in
// test-results/unit.json. Run from the repo root: node out/test/runUnit.js [--grep PATTERN]
import Mocha from 'mocha';
import { STRICT_MOCHA } from './mochaOptions';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = process.cwd();
// Overridable so the runner's own rules can be tested on fixtures (test/unit/runner.test.ts).
const unitDir = process.env.WOODPECKER_UNIT_DIR ?? path.join(root, 'out', 'test', 'unit');
const resultFile = process.env.WOODPECKER_UNIT_RESULT ?? path.join(root, 'test-results', 'unit.json');

function listTestFiles(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) return listTestFiles(p);
		return entry.name.endsWith('.test.js') ? [p] : [];
	});
}

function writeResult(passed: number, failed: number): void {
	fs.mkdirSync(path.dirname(resultFile), { recursive: true });
	fs.writeFileSync(resultFile, `${JSON.stringify({ suite: 'unit', passed, failed })}\n`);
}

/** How long the process may stay alive after the last test before what keeps it alive counts as a leak. */
const LEAK_GRACE_MS = 2000;

function finish(passed: number, failed: number): void {
	writeResult(passed, failed);
	process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
	// A socket, server or timer a test left behind keeps the process alive: that fails the run.
	setTimeout(() => {
		// The process's own stdio (TTYWrap, PipeWrap) never keeps it alive: leave it out of the list.
		const left = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap' && r !== 'PipeWrap');
		console.error(`runUnit: 1 failed: the tests left ${left.join(', ') || 'something'} running ${LEAK_GRACE_MS} ms after the last one ended. Close what each test opens.`);
		writeResult(passed, failed + 1);
		process.exit(1);
	}, LEAK_GRACE_MS).unref();
}

function main(): void {
	const grepAt = process.argv.indexOf('--grep');
	// .only would silently skip the rest, it.skip or a test without a body would count as nothing.
	const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 10_000, color: process.stdout.isTTY, ...STRICT_MOCHA });
	if (grepAt >= 0 && process.argv[grepAt + 1]) mocha.grep(process.argv[grepAt + 1]);
	const files = listTestFiles(unitDir).sort();
	if (files.length === 0) console.error(`runUnit: no *.test.js under ${path.relative(root, unitDir)}; run node esbuild.js --tests first.`);
	for (const file of files) mocha.addFile(file);
	let passed = 0;
	let failed = 0;
	try {
		const runner = mocha.run(() => finish(passed, failed));
		runner.on('pass', () => passed++);
		runner.on('fail', () => failed++);
	} catch (e) {
		// A test file that throws while loading fails the run rather than vanishing.
		console.error(e);
		finish(passed, failed + 1);
	}
}

main();
