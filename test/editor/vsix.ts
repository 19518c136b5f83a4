// Packages the extension the way it is published, so the UI tests exercise the .vsix users get
// (production bundle, .vscodeignore applied), not the development folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';
import { runToEnd } from './processes';

/**
 * `vsce package` into `outFile`. vsce runs `vscode:prepublish` (type check, lint, production
 * bundle) first, so a type or lint error fails the UI suite too.
 */
export async function packageVsix(outFile: string, logFile: string, log: (line: string) => void = console.log): Promise<string> {
	const started = Date.now();
	log('[editor] Packaging the .vsix (vsce runs vscode:prepublish: type check, lint, production bundle)…');
	fs.mkdirSync(path.dirname(outFile), { recursive: true });
	const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
	if (!fs.existsSync(vsce)) throw new Error(`@vscode/vsce is not installed (${vsce}); run npm ci.`);
	// The same as `npm run package`: --no-dependencies, esbuild already bundled them. No other
	// flag: the manifest's repository lets vsce make README's relative image links absolute.
	const args = [vsce, 'package', '--no-dependencies', '--out', outFile];
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const out = fs.openSync(logFile, 'w');
	let code: number;
	try {
		code = await runToEnd(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', out, out], timeoutMs: 5 * 60_000 });
	} finally {
		fs.closeSync(out);
	}
	if (code !== 0 || !fs.existsSync(outFile)) {
		const output = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-40).join('\n');
		throw new Error(`vsce package failed (exit ${code}); its output (${path.relative(repoRoot, logFile)}):\n${output}`);
	}
	log(`[editor] Packaged in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
	return outFile;
}
