// What the published .vsix may hold: the files that run (the bundle, media, manifest, the
// localization bundles) and the documents the marketplace shows. Nothing else: the tests, the
// sources, the test API bundle, and README's screenshots (the marketplace loads them from the repository).
import * as path from 'node:path';
import { createRequire } from 'node:module';

/** Paths (relative, with `/`) that may ship; anything else in the package is a mistake. */
const ALLOWED: readonly RegExp[] = [
	/^dist\/extension\.js$/,
	/^media\/[^/]+$/,
	/^media\/walkthrough\/[^/]+$/,
	/^(README\.md|CHANGELOG\.md|LICENSE|package\.json)$/,
	/^package\.nls(\.[A-Za-z-]+)?\.json$/,
	/^l10n\/bundle\.l10n(\.[A-Za-z-]+)?\.json$/,
];

/** The files among `files` that must not ship. */
export function outsideThePackage(files: readonly string[]): string[] {
	return files.filter((f) => !ALLOWED.some((re) => re.test(f)));
}

/** Every file the manifest points at (icon, view icons, walkthrough media): each must ship. */
export function manifestFiles(manifest: Manifest): string[] {
	const files = new Set<string>(['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE']);
	const add = (p: unknown): void => {
		if (typeof p === 'string' && !p.startsWith('$(')) files.add(path.posix.normalize(p));
	};
	add(manifest.main);
	add(manifest.icon);
	for (const containers of Object.values(manifest.contributes?.viewsContainers ?? {})) for (const c of containers) add(c.icon);
	for (const views of Object.values(manifest.contributes?.views ?? {})) for (const v of views) add(v.icon);
	for (const w of manifest.contributes?.walkthroughs ?? []) {
		for (const s of w.steps) {
			add(s.media.markdown);
			add(s.media.image);
			add(s.media.svg);
		}
	}
	return [...files].sort();
}

export interface Manifest {
	main?: string;
	icon?: string;
	contributes?: {
		viewsContainers?: Record<string, Array<{ icon?: string }>>;
		views?: Record<string, Array<{ icon?: string }>>;
		walkthroughs?: Array<{ steps: Array<{ media: { markdown?: string; image?: string; svg?: string } }> }>;
	};
}

/**
 * The files `vsce package` puts in the .vsix (under extension/), from the folder as it is, with
 * .vscodeignore applied, as `vsce ls --no-dependencies` prints them. Nothing is built or run.
 */
export async function vsceFileList(folder: string): Promise<string[]> {
	// Required at run time from this repository's node_modules: vsce is a tool, not part of any bundle.
	const vsce = createRequire(__filename)('@vscode/vsce') as { listFiles(o: { cwd: string; packageManager: number }): Promise<string[]> };
	// PackageManager.None (2): the bundle has its dependencies inside, none ship beside it.
	const files = await vsce.listFiles({ cwd: folder, packageManager: 2 });
	return files.map((f) => f.split(path.sep).join('/')).sort();
}
