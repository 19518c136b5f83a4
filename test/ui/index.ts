// Entry point the runner loads in ui mode: runs every out/test/ui/**/*.test.js with mocha in the
// runner's own process (playwright-core drives the workbench from here) and counts the results.
import Mocha from 'mocha';
import { STRICT_MOCHA } from '../mochaOptions';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type UiHarness, setHarness } from './harness';

export interface UiRunResult {
	passed: number;
	failed: number;
}

export function run(h: UiHarness, options: { grep?: string } = {}): Promise<UiRunResult> {
	setHarness(h);
	const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, reporter: 'spec', color: process.stdout.isTTY, ...STRICT_MOCHA });
	if (options.grep) mocha.grep(options.grep);
	const files = listTestFiles(__dirname).sort();
	for (const file of files) mocha.addFile(file);
	if (files.length === 0) console.error(`No *.test.js under ${__dirname}.`);
	let passed = 0;
	let failed = 0;
	return new Promise((resolve) => {
		const finish = () => {
			setHarness(undefined);
			resolve({ passed, failed });
		};
		try {
			const runner = mocha.run(finish);
			runner.on('pass', () => passed++);
			runner.on('fail', () => failed++);
		} catch (e) {
			// A test file that throws while loading fails the run instead of vanishing.
			console.error(e);
			failed++;
			finish();
		}
	});
}

function listTestFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) return listTestFiles(p);
		return entry.name.endsWith('.test.js') ? [p] : [];
	});
}
