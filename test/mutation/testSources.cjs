// Mocha root hooks for the mutation run only (stryker.config.mjs requires this file). The tests
// run from esbuild's bundles, out/test/**/*.js; this names each test's .ts source instead, so that
// Stryker's report finds and shows the test file rather than warning that it is no project file.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

// Stryker starts its test runners in the sandbox, a copy of the repo, so cwd is its root.
const bundleDir = path.resolve('out', 'test');
const sourceDir = path.resolve('test');
const sources = new Map();

/** out/test/unit/api/x.test.js → test/unit/api/x.test.ts, the layout esbuild.js --tests writes. */
function sourceOf(file) {
	if (!file || !file.startsWith(bundleDir + path.sep)) return file;
	if (!sources.has(file)) {
		const source = path.join(sourceDir, path.relative(bundleDir, file)).replace(/\.js$/, '.ts');
		sources.set(file, fs.existsSync(source) ? source : file);
	}
	return sources.get(file);
}

function renameFiles(suite) {
	suite.file = sourceOf(suite.file);
	for (const test of suite.tests) test.file = sourceOf(test.file);
	for (const child of suite.suites) renameFiles(child);
}

exports.mochaHooks = {
	beforeAll() {
		let root = this.test.parent;
		while (root.parent) root = root.parent;
		renameFiles(root);
	},
};
