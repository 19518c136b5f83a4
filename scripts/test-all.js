#!/usr/bin/env node
// `npm test`: the unit, integration and UI suites in that order, each one even when an earlier
// one failed, then one summary line, `N passed, N failed`, summed from test-results/<suite>.json.
// A suite that died before writing its file counts as one failed test. Exits 1 when anything
// failed or nothing passed.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const resultsDir = path.join(root, 'test-results');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const SUITES = [
	{ name: 'unit', script: 'test:unit' },
	{ name: 'integration', script: 'test:integration' },
	{ name: 'ui', script: 'test:ui' },
];

function readResult(name) {
	try {
		const r = JSON.parse(fs.readFileSync(path.join(resultsDir, `${name}.json`), 'utf8'));
		if (Number.isInteger(r.passed) && Number.isInteger(r.failed)) return { passed: r.passed, failed: r.failed };
	} catch {
		// Missing or unreadable: the suite crashed before reporting.
	}
	return undefined;
}

function main() {
	const rows = [];
	for (const suite of SUITES) {
		// A file left by an earlier run must not stand in for this one.
		fs.rmSync(path.join(resultsDir, `${suite.name}.json`), { force: true });
		const started = Date.now();
		console.log(`\n=== ${suite.name} (npm run ${suite.script}) ===`);
		const run = spawnSync(npm, ['run', '--silent', suite.script], { cwd: root, stdio: 'inherit' });
		const seconds = (Date.now() - started) / 1000;
		const result = readResult(suite.name);
		const row = result ?? { passed: 0, failed: 1 };
		// Tests all passed but the command failed (build error, crash after writing): not a pass.
		if (result && result.failed === 0 && run.status !== 0) row.failed = 1;
		const note = result ? '' : ` (no test-results/${suite.name}.json: ${run.error ? run.error.message : `exit ${run.status ?? run.signal}`})`;
		rows.push({ name: suite.name, ...row, seconds, note });
	}

	console.log('\n=== summary ===');
	for (const r of rows) {
		console.log(`${r.name.padEnd(12)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(4)} failed ${r.seconds.toFixed(1).padStart(7)} s${r.note}`);
	}
	const passed = rows.reduce((n, r) => n + r.passed, 0);
	const failed = rows.reduce((n, r) => n + r.failed, 0);
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

main();
