// `npm run test:electron`: the integration suite (out/test/integration) in desktop VS Code through
// @vscode/test-electron, for contributors with internet access: it downloads VS Code into
// .vscode-test/ on first use (CI machines cannot; they run the same suite in code-server with
// `npm run test:integration`). On a Linux machine without a display, run it under xvfb-run.
// Writes test-results/electron.json.
import { runTests } from '@vscode/test-electron';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../editor/paths';
import { readResult, resultFile, writeResult } from '../editor/results';

async function main(): Promise<number> {
	const file = resultFile('electron');
	fs.rmSync(file, { force: true });
	const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'woodpecker-electron-'));
	try {
		await runTests({
			extensionDevelopmentPath: repoRoot,
			extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
			launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
			extensionTestsEnv: { WOODPECKER_TEST_RESULT_FILE: file, WOODPECKER_TEST_SUITE: 'electron' },
		});
	} catch (e) {
		console.error(`test:electron: ${e instanceof Error ? e.message : String(e)}`);
		if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo/.test(String(e))) {
			console.error('test:electron needs to download VS Code from update.code.visualstudio.com; without internet use `npm run test:integration`.');
		}
	} finally {
		fs.rmSync(workspace, { recursive: true, force: true });
	}
	const result = readResult(file) ?? { suite: 'electron', passed: 0, failed: 1 };
	writeResult(file, result);
	console.log(`${result.passed} passed, ${result.failed} failed`);
	return result.failed > 0 || result.passed === 0 ? 1 : 0;
}

main().then((code) => process.exit(code));
