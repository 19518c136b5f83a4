// Entry point the extension host loads (extensionTestsPath): runs every integration test with
// mocha inside the real VS Code, then leaves {"suite":"integration",...} where the runner reads it.
// The runner passes the result and log paths through the environment; code-server's extension
// host inherits it. Mocha's own console output reaches the browser console with its %s
// placeholders unfilled, so the readable log goes to a file the runner prints as it grows.
import Mocha from 'mocha';
import { STRICT_MOCHA } from '../mochaOptions';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resultFile, writeResult } from '../editor/results';

export const RESULT_FILE_ENV = 'WOODPECKER_TEST_RESULT_FILE';
export const LOG_FILE_ENV = 'WOODPECKER_TEST_LOG_FILE';

export function run(): Promise<void> {
	// test:electron runs this same suite and reports it under its own name.
	const suite = process.env.WOODPECKER_TEST_SUITE ?? 'integration';
	const resultPath = process.env[RESULT_FILE_ENV] ?? resultFile(suite);
	const log = openLog(process.env[LOG_FILE_ENV]);
	const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, reporter: 'spec', color: false, ...STRICT_MOCHA });
	if (process.env.WOODPECKER_TEST_GREP) mocha.grep(process.env.WOODPECKER_TEST_GREP);
	const files = listTestFiles(__dirname).sort();
	for (const file of files) mocha.addFile(file);
	if (files.length === 0) log(`No *.test.js under ${__dirname}.`);

	let passed = 0;
	let failed = 0;
	return new Promise((resolve, reject) => {
		const finish = () => {
			writeResult(resultPath, { suite, passed, failed });
			log(`${passed} passed, ${failed} failed`);
			// A failing run must fail the host's test run (exit code 1 via codeAutomationExit).
			if (failed > 0 || passed === 0) reject(new Error(`${failed} integration test(s) failed, ${passed} passed`));
			else resolve();
		};
		try {
			const runner = mocha.run(finish);
			runner.on('suite', (suite) => {
				if (suite.title) log(`${'  '.repeat(depth(suite) - 1)}${suite.title}`);
			});
			runner.on('pass', (test) => {
				passed++;
				log(`${'  '.repeat(depth(test.parent))}✓ ${test.title} (${test.duration ?? 0} ms)`);
			});
			runner.on('fail', (test, err: unknown) => {
				failed++;
				const e = err instanceof Error ? err : new Error(String(err));
				log(`${'  '.repeat(depth(test.parent))}✗ ${test.title}\n${indent(e.stack ?? e.message, 6)}`);
			});
		} catch (e) {
			// A test file that throws while loading fails the run instead of vanishing.
			failed++;
			log(`Could not load the integration tests: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
			finish();
		}
	});
}

function depth(suite: Mocha.Suite | undefined): number {
	let n = 0;
	for (let s = suite; s && !s.root; s = s.parent) n++;
	return n;
}

function indent(text: string, spaces: number): string {
	return text
		.split('\n')
		.map((line) => ' '.repeat(spaces) + line)
		.join('\n');
}

function openLog(file: string | undefined): (line: string) => void {
	if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
	return (line) => {
		console.log(line);
		if (file) fs.appendFileSync(file, `${line}\n`);
	};
}

function listTestFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) return listTestFiles(p);
		return entry.name.endsWith('.test.js') ? [p] : [];
	});
}
