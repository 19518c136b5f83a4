// Where the harness keeps things: the repo, the git-ignored code-server cache, the test results.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The extension's folder: the nearest parent of this bundle (out/test/<dir>/) holding package.json. */
export const repoRoot = findRepoRoot(__dirname);

/** code-server and playwright-core are installed here on first use, like test-electron caches VS Code. */
export const cacheDir = path.join(repoRoot, '.vscode-test', 'code-server');

export const resultsDir = path.join(repoRoot, 'test-results');

export const screenshotsDir = path.join(resultsDir, 'screenshots');

function findRepoRoot(start: string): string {
	for (let dir = start; ; dir = path.dirname(dir)) {
		if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'esbuild.js'))) return dir;
		if (path.dirname(dir) === dir) return process.cwd();
	}
}
