#!/usr/bin/env node
// `npm test`: the quality gates (types, lint with no warnings, formatting), then the unit,
// integration and UI suites in that order, each one even when an earlier one failed, then one
// summary line, `N passed, N failed`, summed from test-results/<suite>.json; each gate counts as
// one passed or failed check. A suite that died before writing its file counts as one failed test.
// Exits 1 when anything failed or nothing passed.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const resultsDir = path.join(root, 'test-results');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Quality gates: each is one check, passed when its script exits 0. */
const GATES = ['check-types', 'lint', 'format:check'];

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

/** Runs every gate, even after one failed, and returns the summary row for them. */
function runGates() {
	const started = Date.now();
	const failed = [];
	for (const gate of GATES) {
		console.log(`\n=== check: ${gate} (npm run ${gate}) ===`);
		const run = spawnSync(npm, ['run', '--silent', gate], { cwd: root, stdio: 'inherit' });
		if (run.status !== 0) failed.push(gate);
	}
	const note = failed.length ? ` (${failed.join(', ')})` : '';
	return { name: 'checks', passed: GATES.length - failed.length, failed: failed.length, seconds: (Date.now() - started) / 1000, note };
}

function main() {
	const rows = [runGates()];
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
