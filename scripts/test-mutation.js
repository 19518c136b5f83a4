#!/usr/bin/env node
// `npm run test:mutation [-- STRYKER_ARGS]`: mutation testing of the pure layers with StrykerJS,
// config in test/mutation/stryker.config.mjs. Installs Stryker into the git-ignored
// .vscode-test/stryker on first use (it stays out of devDependencies), warns about mutated files
// that import vscode, runs `stryker run` with any extra arguments (e.g. `--mutate src/api/x.ts`),
// then prints `mutation score N% (break M%)`. Exits non-zero below the break threshold.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const root = path.resolve(__dirname, '..');
const configFile = path.join(root, 'test', 'mutation', 'stryker.config.mjs');
const cacheDir = path.join(root, '.vscode-test', 'stryker');
const markerFile = path.join(cacheDir, '.installed.json');
const strykerBin = path.join(cacheDir, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// Pinned: a version change means a fresh install. minimatch expands the mutate globs here the way Stryker does.
const PACKAGES = {
	'@stryker-mutator/core': '9.6.1',
	'@stryker-mutator/mocha-runner': '9.6.1',
	minimatch: '10.2.4',
};

// Folders never searched for files to mutate.
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'test-results']);

// Stryker's `file:line[:col]-line[:col]` form of a mutate pattern.
const MUTATION_RANGE = /(.*?):((\d+)(?::(\d+))?-(\d+)(?::(\d+))?)$/;

// What a module loads at run time: `import|export … from 'x'`, `import 'x'`, `require('x')`, `import('x')`.
// Group 1 marks `import type`/`export type`, which the build erases.
const IMPORT_SPECIFIER = /^\s*(?:import|export)\s+(type\s)?(?:[^;'"]*?\sfrom\s*)?['"]([^'"]+)['"]|\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]/gm;

function isInstalled() {
	try {
		const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8'));
		return JSON.stringify(marker) === JSON.stringify(PACKAGES) && fs.existsSync(strykerBin);
	} catch {
		return false;
	}
}

/** Installs the pinned packages into the cache unless there already (a marker-file check). */
function ensureStryker() {
	if (isInstalled()) return;
	const started = Date.now();
	console.log(`[mutation] Installing StrykerJS ${PACKAGES['@stryker-mutator/core']} into ${path.relative(root, cacheDir)} (once, under a minute)…`);
	// Install next to the cache and rename at the end, so a half-finished install never looks done.
	const staging = `${cacheDir}.staging-${process.pid}`;
	fs.rmSync(staging, { recursive: true, force: true });
	fs.mkdirSync(staging, { recursive: true });
	try {
		fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify(cachePackageJson(), null, '\t')}\n`);
		// --legacy-peer-deps: mocha-runner's peer `mocha` is the repo's devDependency, found by walking up from the cache.
		const args = ['install', '--no-audit', '--no-fund', '--no-update-notifier', '--legacy-peer-deps', '--loglevel=warn'];
		const run = spawnSync(npm, args, { cwd: staging, stdio: 'inherit', timeout: 10 * 60_000 });
		if (run.status !== 0) throw new Error(`npm install in ${staging} failed: ${run.error ? run.error.message : `exit ${run.status ?? run.signal}`}`);
		fs.writeFileSync(path.join(staging, path.basename(markerFile)), `${JSON.stringify(PACKAGES)}\n`);
		fs.rmSync(cacheDir, { recursive: true, force: true });
		fs.renameSync(staging, cacheDir);
	} catch (e) {
		fs.rmSync(staging, { recursive: true, force: true });
		throw e;
	}
	console.log(`[mutation] Installed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

function cachePackageJson() {
	return {
		name: 'woodpecker-mutation-test-tools',
		private: true,
		description: 'StrykerJS for npm run test:mutation; installed by scripts/test-mutation.js.',
		dependencies: PACKAGES,
	};
}

/** Fails early with the fix when the repo's own packages (esbuild, mocha) are missing. */
function checkRepoPackages() {
	const missing = ['esbuild', 'mocha'].filter((name) => !fs.existsSync(path.join(root, 'node_modules', name, 'package.json')));
	if (missing.length) throw new Error(`${missing.join(', ')} not installed in node_modules; run npm ci first.`);
}

/** The --mutate patterns given on the command line, if any (Stryker's own flag replaces the config's list). */
function mutateArg(args) {
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--mutate' || args[i] === '-m') return args[i + 1]?.split(',');
		if (args[i].startsWith('--mutate=')) return args[i].slice('--mutate='.length).split(',');
	}
	return undefined;
}

function listFiles(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) return entry.name.startsWith('.') || SKIP_DIRS.has(entry.name) ? [] : listFiles(p);
		return [p];
	});
}

/** Expands mutate patterns like Stryker: in order, `!` removes, a `:line-line` range is dropped. */
function mutatedFiles(patterns) {
	const { minimatch } = require(path.join(cacheDir, 'node_modules', 'minimatch'));
	const files = listFiles(root).map((f) => path.relative(root, f).split(path.sep).join('/'));
	const chosen = new Set();
	for (const raw of patterns) {
		const negated = raw.startsWith('!');
		const pattern = (negated ? raw.slice(1) : raw).replace(MUTATION_RANGE, '$1').replace(/^\.\//, '');
		for (const file of files.filter((f) => minimatch(f, pattern))) {
			if (negated) chosen.delete(file);
			else chosen.add(file);
		}
	}
	return [...chosen].sort();
}

/** Resolves a relative import the way esbuild would (x.ts, x/index.ts); undefined for packages. */
function resolveImport(from, specifier) {
	if (!specifier.startsWith('.')) return undefined;
	const base = path.resolve(path.dirname(from), specifier);
	return [base, `${base}.ts`, path.join(base, 'index.ts')].find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
}

/** The chain of files by which `file` reaches 'vscode', or undefined when it runs without it. */
function vscodeChain(file, seen = new Set()) {
	if (seen.has(file)) return undefined;
	seen.add(file);
	for (const [, typeOnly, staticSpecifier, dynamicSpecifier] of fs.readFileSync(file, 'utf8').matchAll(IMPORT_SPECIFIER)) {
		if (typeOnly) continue;
		const specifier = staticSpecifier ?? dynamicSpecifier;
		if (specifier === 'vscode') return [file];
		const next = resolveImport(file, specifier);
		const chain = next && vscodeChain(next, seen);
		if (chain) return [file, ...chain];
	}
	return undefined;
}

/** Warns about files that cannot run under plain mocha: their mutants would all count as survivors. */
function warnAboutVscode(files) {
	for (const file of files) {
		const chain = vscodeChain(path.join(root, file));
		if (!chain) continue;
		const via = chain.map((f) => path.relative(root, f).split(path.sep).join('/')).join(' → ');
		console.warn(`[mutation] WARNING ${file} imports vscode (${via} → vscode): unit tests cannot load it, so none of its mutants can be killed. Leave it out of mutate in ${path.relative(root, configFile)}.`);
	}
}

/** Runs `stryker run` from the cache with the repo as cwd; resolves to its exit code. */
function runStryker(args) {
	const started = Date.now();
	const child = spawn(process.execPath, [strykerBin, 'run', configFile, ...args], { cwd: root, stdio: 'inherit' });
	return new Promise((resolve) => {
		child.on('close', (code, signal) => {
			console.log(`[mutation] stryker finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
			resolve(code ?? (signal ? 1 : 0));
		});
	});
}

/** The mutation score from Stryker's JSON report: detected / (detected + undetected), as Stryker counts it. */
function scoreOf(reportFile) {
	const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
	const count = { detected: 0, undetected: 0 };
	for (const file of Object.values(report.files)) {
		for (const { status } of file.mutants) {
			if (status === 'Killed' || status === 'Timeout') count.detected++;
			else if (status === 'Survived' || status === 'NoCoverage') count.undetected++;
		}
	}
	const valid = count.detected + count.undetected;
	return valid === 0 ? undefined : (100 * count.detected) / valid;
}

async function main() {
	const args = process.argv.slice(2);
	checkRepoPackages();
	ensureStryker();
	const config = await import(pathToFileURL(configFile).href);
	warnAboutVscode(mutatedFiles(mutateArg(args) ?? config.mutate));
	const reportFile = path.join(root, config.reportDir, 'mutation.json');
	// A report left by an earlier run must not stand in for this one.
	fs.rmSync(reportFile, { force: true });
	const code = await runStryker(args);
	// --dryRunOnly checks the setup: the tests pass unmutated; there is no score to read.
	if (args.includes('--dryRunOnly')) {
		process.exitCode = code;
		return;
	}
	if (!fs.existsSync(reportFile)) {
		console.log(`mutation score unknown: no ${path.relative(root, reportFile)} (stryker exit ${code})`);
		process.exitCode = code || 1;
		return;
	}
	const score = scoreOf(reportFile);
	if (score === undefined) {
		// Stryker passes a run with nothing to mutate; after a move in src/ that means the globs are stale.
		console.log(`mutation score n/a: no mutants in the files matched (check mutate in ${path.relative(root, configFile)} or --mutate)`);
		process.exitCode = 1;
		return;
	}
	// Two decimals, as in Stryker's table.
	console.log(`mutation score ${score.toFixed(2)}% (break ${config.breakThreshold}%)`);
	process.exitCode = code;
}

main().catch((e) => {
	console.error(`[mutation] ${e.message ?? e}`);
	process.exitCode = 1;
});
