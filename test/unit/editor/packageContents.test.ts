import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Manifest, manifestFiles, outsideThePackage, vsceFileList } from '../../editor/packageContents';
import { repoRoot } from '../../editor/paths';

describe('the published package (.vsix)', () => {
	it('the rule: the bundle, media, manifest, documents and localization bundles pass; tests, sources, the test API and screenshots do not', () => {
		const files = [
			'dist/extension.js',
			'dist/extension.js.map',
			'dist/testApi.js',
			'media/icon.png',
			'media/walkthrough/setKey.md',
			'media/screenshots/sidebar.png',
			'README.md',
			'CHANGELOG.md',
			'LICENSE',
			'package.json',
			'package.nls.json',
			'package.nls.de.json',
			'l10n/bundle.l10n.json',
			'l10n/bundle.l10n.pt-br.json',
			'l10n/notes.txt',
			'src/extension.ts',
			'out/test/runUnit.js',
			'esbuild.js',
			'.vscodeignore',
		];
		assert.deepEqual(outsideThePackage(files), ['dist/extension.js.map', 'dist/testApi.js', 'media/screenshots/sidebar.png', 'l10n/notes.txt', 'src/extension.ts', 'out/test/runUnit.js', 'esbuild.js', '.vscodeignore']);
	});

	it('ships nothing outside that set, and every file the manifest points at (icons, walkthrough media)', async () => {
		const listed = await vsceFileList(repoRoot);
		assert.deepEqual(outsideThePackage(listed), [], `vsce would ship these too:\n${outsideThePackage(listed).join('\n')}`);
		const manifest = JSON.parse(await fs.readFile(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
		const wanted = manifestFiles(manifest);
		assert.ok(wanted.includes('media/icon.png') && wanted.includes('dist/extension.js'), `the manifest's files: ${wanted.join(', ')}`);
		assert.ok(
			wanted.some((f) => f.startsWith('media/walkthrough/')),
			'the walkthrough media are among the manifest files',
		);
		assert.deepEqual(
			wanted.filter((f) => !listed.includes(f)),
			[],
			'files the manifest names that would not ship',
		);
		assert.ok(!listed.some((f) => f.startsWith('media/screenshots/')), 'README screenshots stay in the repository');
	});

	it('.vscodeignore keeps strays out even where a broad media rule would let them in (screenshots, maps, the test API, sources)', async () => {
		const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wp-vsix-'));
		try {
			await fs.copyFile(path.join(repoRoot, '.vscodeignore'), path.join(dir, '.vscodeignore'));
			await fs.writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'fixture', publisher: 'p', version: '0.0.1', engines: { vscode: '^1.95.0' } }));
			const files = [
				'dist/extension.js',
				'dist/extension.js.map',
				'dist/testApi.js',
				'media/icon.png',
				'media/screenshots/sidebar.png',
				'media/walkthrough/a.md',
				'src/a.ts',
				'test/a.ts',
				'README.md',
				'LICENSE',
				'l10n/bundle.l10n.json',
				'package.nls.json',
				'woodpecker-0.0.1.vsix',
			];
			for (const f of files) {
				await fs.mkdir(path.dirname(path.join(dir, f)), { recursive: true });
				await fs.writeFile(path.join(dir, f), 'x');
			}
			assert.deepEqual(await vsceFileList(dir), ['LICENSE', 'README.md', 'dist/extension.js', 'l10n/bundle.l10n.json', 'media/icon.png', 'media/walkthrough/a.md', 'package.json', 'package.nls.json']);
		} finally {
			await fs.rm(dir, { recursive: true, force: true });
		}
	});
});
