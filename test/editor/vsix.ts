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
export async function packageVsix(outFile: string, log: (line: string) => void = console.log): Promise<string> {
	const started = Date.now();
	fs.mkdirSync(path.dirname(outFile), { recursive: true });
	const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
	if (!fs.existsSync(vsce)) throw new Error(`@vscode/vsce is not installed (${vsce}); run npm ci.`);
	// --no-dependencies: esbuild already bundled them. package.json has no repository field, so
	// --allow-missing-repository (else a y/N prompt; stdin is closed here) and
	// --no-rewrite-relative-links (else vsce refuses README's relative image links: it cannot
	// make them absolute without a repository; the README's looks do not matter to a test).
	const args = [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', outFile];
	const code = await runToEnd(process.execPath, args, {
		cwd: repoRoot,
		stdio: ['ignore', 'inherit', 'inherit'],
		timeoutMs: 5 * 60_000,
	});
	if (code !== 0 || !fs.existsSync(outFile)) throw new Error(`vsce package failed (exit ${code})`);
	log(`[editor] Packaged ${path.relative(repoRoot, outFile)} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
	return outFile;
}
