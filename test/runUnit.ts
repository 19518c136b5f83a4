// Runs every bundled unit test (out/test/unit/**/*.test.js) with mocha and leaves a summary in
// test-results/unit.json. Run from the repo root: node out/test/runUnit.js [--grep PATTERN]
import Mocha from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = process.cwd();
const unitDir = path.join(root, 'out', 'test', 'unit');
const resultFile = path.join(root, 'test-results', 'unit.json');

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

function finish(passed: number, failed: number): void {
	writeResult(passed, failed);
	process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
	// Exit on our own if a test left a socket or timer behind, but say so: that is a leak to fix.
	setTimeout(() => {
		console.error('runUnit: something kept the process alive after the tests ended; exiting.');
		process.exit(process.exitCode ?? 1);
	}, 2000).unref();
}

function main(): void {
	const grepAt = process.argv.indexOf('--grep');
	const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 10_000, color: process.stdout.isTTY });
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
