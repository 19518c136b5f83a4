// StrykerJS config for `npm run test:mutation` (scripts/test-mutation.js runs it from the repo root).
// Stryker itself is not a devDependency: the script installs it into .vscode-test/stryker.

/**
 * The pure layers: code that runs under plain mocha, without `vscode`. Edit freely while src/ moves:
 * a glob that matches nothing only warns, and the script warns about any match that imports vscode.
 */
export const mutate = [
	'src/api/**/*.ts',
	'src/model/**/*.ts',
	'src/settings/cutoff.ts',
	'src/settings/bounds.ts',
	'src/tree/batchSummary.ts',
	'src/tree/viewText.ts',
	'src/tree/visibleText.ts',
	'src/tree/sourceText.ts',
	'src/accounts/**/*.ts',
	'src/enrichments/processedBatches.ts',
	'src/commands/processedText.ts',
];

/** Below this mutation score (percent) the command fails. */
export const breakThreshold = 85;

export const reportDir = 'test-results/mutation';

export default {
	mutate,
	// Run from core's bin in the cache, so this bare name resolves there too.
	plugins: ['@stryker-mutator/mocha-runner'],
	testRunner: 'mocha',
	// The tests run as `npm run test:unit` runs them: bundled by esbuild with the same node-fetch stubs.
	buildCommand: 'node esbuild.js --tests',
	mochaOptions: {
		// Not .mocharc.json: its spec and reporter are for plain mocha runs.
		'no-config': true,
		'no-package': true,
		spec: ['out/test/unit/**/*.test.js'],
		ui: 'bdd',
		// Points each bundled test back at its .ts source, so the report can show it.
		require: ['./test/mutation/testSources.cjs'],
	},
	coverageAnalysis: 'perTest',
	// A fresh test process per mutant: module state such as batchSummary's text cache, warmed by
	// earlier runs, would otherwise skip the mutated code and let the mutant survive (8 did).
	maxTestRunnerReuse: 1,
	// The machine has 2 cores, shared.
	concurrency: 2,
	thresholds: { high: 90, low: breakThreshold, break: breakThreshold },
	reporters: ['clear-text', 'progress', 'json', 'html'],
	// Survivors as diffs, then the per-file table; the list of every test is in the HTML report.
	clearTextReporter: { logTests: false, reportTests: false },
	jsonReporter: { fileName: `${reportDir}/mutation.json` },
	htmlReporter: { fileName: `${reportDir}/mutation.html` },
	// Sandboxes go inside the git-ignored cache folder rather than a new .stryker-tmp/ at the root.
	tempDirName: '.vscode-test/stryker-tmp',
	// Used only with --incremental: results kept between runs, so only changed code is tested again.
	incrementalFile: '.vscode-test/stryker-incremental.json',
	// The sandbox needs src/, test/ and the build files; the rest is copied for nothing.
	ignorePatterns: ['/.vscode-test', '/out', '/dist', '/test-results', '/media', '/.bench', '*.vsix'],
};
