// The localization check: every manifest string users see is a %key% of package.nls.json, the
// l10n/ bundle matches the source, and no user-visible literal in src/ bypasses l10n.t.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Allowed, findBypasses, listSources } from './stringScan';

const root = process.cwd();
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

/**
 * Files whose text is not for the user's eyes. The tools' answers and input checks are read by the
 * language model (which answers the user in the user's language); testApi.ts is test hooks, never shipped.
 */
const EXCLUDED_FILES = new Set(['src/testApi.ts', 'src/tools/toolAnswers.ts', 'src/tools/toolInput.ts']);

/** Literals that read as text but are not: protocol values and markup. */
const ALLOWED: Allowed[] = [
	{ file: 'src/api/client.ts', text: /^gzip, deflate$/, why: 'an Accept-Encoding header value' },
	{ file: 'src/webview/rawJsonHtml.ts', text: /^(default-src 'none'|style-src |script-src 'nonce-|font-src |img-src )/, why: 'Content-Security-Policy directives' },
	{ file: 'src/webview/rawJsonHtml.ts', text: /^<!DOCTYPE html>/, why: 'the page markup; its words come in through l10n.t' },
];

/** The manifest's fields a user reads, as [where, value]: command titles, views, welcome texts, settings, tools. */
function visibleManifestStrings(pkg: Record<string, unknown>): Array<[string, unknown]> {
	type Obj = Record<string, unknown>;
	const c = (pkg.contributes ?? {}) as Obj;
	const out: Array<[string, unknown]> = [
		['displayName', pkg.displayName],
		['description', pkg.description],
		['capabilities.untrustedWorkspaces.description', ((pkg.capabilities as Obj | undefined)?.untrustedWorkspaces as Obj | undefined)?.description],
	];
	for (const v of ((c.viewsContainers as Obj | undefined)?.activitybar ?? []) as Obj[]) out.push([`viewsContainers ${v.id} title`, v.title]);
	for (const list of Object.values((c.views ?? {}) as Record<string, Obj[]>)) {
		for (const v of list) out.push([`view ${v.id} name`, v.name], [`view ${v.id} contextualTitle`, v.contextualTitle]);
	}
	for (const w of (c.viewsWelcome ?? []) as Obj[]) out.push([`viewsWelcome ${w.when}`, w.contents]);
	for (const cmd of (c.commands ?? []) as Obj[]) {
		out.push([`command ${cmd.command} title`, cmd.title], [`command ${cmd.command} category`, cmd.category]);
		if (cmd.shortTitle !== undefined) out.push([`command ${cmd.command} shortTitle`, cmd.shortTitle]);
	}
	for (const t of (c.languageModelTools ?? []) as Obj[]) {
		for (const f of ['displayName', 'userDescription', 'modelDescription']) out.push([`tool ${t.name} ${f}`, t[f]]);
	}
	const configs = Array.isArray(c.configuration) ? (c.configuration as Obj[]) : c.configuration ? [c.configuration as Obj] : [];
	for (const config of configs) {
		out.push(['configuration title', config.title]);
		for (const [key, p] of Object.entries((config.properties ?? {}) as Record<string, Obj>)) {
			for (const f of ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage']) {
				if (p[f] !== undefined) out.push([`setting ${key} ${f}`, p[f]]);
			}
			for (const [i, d] of ((p.enumDescriptions ?? p.markdownEnumDescriptions ?? []) as unknown[]).entries()) out.push([`setting ${key} enum ${i}`, d]);
		}
	}
	for (const w of (c.walkthroughs ?? []) as Obj[]) {
		out.push([`walkthrough ${w.id} title`, w.title], [`walkthrough ${w.id} description`, w.description]);
		for (const s of (w.steps ?? []) as Obj[]) {
			out.push([`walkthrough step ${s.id} title`, s.title], [`walkthrough step ${s.id} description`, s.description]);
			const media = (s.media ?? {}) as Obj;
			if (media.altText !== undefined) out.push([`walkthrough step ${s.id} altText`, media.altText]);
		}
	}
	return out;
}

describe('localization', () => {
	const pkg = readJson('package.json') as Record<string, unknown>;
	const nls = readJson('package.nls.json') as Record<string, string>;

	it('has every manifest string a user reads as a %key% of package.nls.json', () => {
		const wrong = visibleManifestStrings(pkg)
			.filter(([, value]) => typeof value !== 'string' || !/^%[^%]+%$/.test(value) || nls[value.slice(1, -1)] === undefined)
			.map(([where, value]) => `${where}: ${JSON.stringify(value)}`);
		assert.deepEqual(wrong, [], 'put these in package.nls.json and write "%key%" in package.json');
	});

	it('uses every key of package.nls.json in package.json', () => {
		const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
		assert.deepEqual(Object.keys(nls).filter((key) => !manifest.includes(`"%${key}%"`)), []);
	});

	it('declares the l10n folder the bundle is in', () => {
		assert.equal(pkg.l10n, './l10n');
	});

	it('has l10n/bundle.l10n.json as the source makes it (run npm run l10n:export)', function () {
		this.timeout(60_000);
		const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wp-l10n-'));
		try {
			const cli = path.join(root, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
			const run = spawnSync(process.execPath, [cli, 'export', '--outDir', out, './src'], { cwd: root, encoding: 'utf8' });
			assert.equal(run.status, 0, run.stderr);
			const fresh = JSON.parse(fs.readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
			assert.ok(Object.keys(fresh).length > 100, `only ${Object.keys(fresh).length} strings exported`);
			assert.deepEqual(readJson('l10n/bundle.l10n.json'), fresh);
		} finally {
			fs.rmSync(out, { recursive: true, force: true });
		}
	});

	it('finds no user-visible literal in src/ outside l10n.t', () => {
		const bypasses = listSources(root, 'src')
			.filter((file) => !EXCLUDED_FILES.has(file))
			.flatMap((file) => findBypasses(file, fs.readFileSync(path.join(root, file), 'utf8'), ALLOWED))
			.map((b) => `${b.file}:${b.line}: ${JSON.stringify(b.text)}`);
		assert.deepEqual(bypasses, [], 'wrap these in vscode.l10n.t (or l10n.t from @vscode/l10n in modules without vscode)');
	});
});

describe('the localization check on planted literals', () => {
	it('flags a message, a quick pick label, a template literal and the nouns given to count that bypass l10n.t', () => {
		const fixture = [
			"vscode.window.showInformationMessage('Copied the lead UID.');",
			'const item = { label: `Batch ${uuid} opened`, description: "no status" };',
			"const shown = count(n, 'batch', 'batches');",
		].join('\n');
		assert.deepEqual(findBypasses('src/planted.ts', fixture), [
			{ file: 'src/planted.ts', line: 1, text: 'Copied the lead UID.' },
			{ file: 'src/planted.ts', line: 2, text: 'Batch {} opened' },
			{ file: 'src/planted.ts', line: 2, text: 'no status' },
			{ file: 'src/planted.ts', line: 3, text: 'batch' },
			{ file: 'src/planted.ts', line: 3, text: 'batches' },
		]);
	});

	it('lets through l10n.t, vscode.l10n.t, log lines, imports, single words and allowed literals', () => {
		const fixture = [
			"import { x } from './some module';",
			"vscode.window.showInformationMessage(vscode.l10n.t('Copied {0}.', uid));",
			"const a = l10n.t('Batch {0} opened', uuid), b = 'woodpecker.refresh', c = 'pending';",
			"this.log?.warn(`GET ${url} failed after ${ms} ms`); log.info('Started up');",
			"const header = 'gzip, deflate';",
		].join('\n');
		assert.deepEqual(findBypasses('src/planted.ts', fixture, [{ file: 'src/planted.ts', text: /^gzip, deflate$/, why: 'a header' }]), []);
	});

	it('still flags text inside a call nested in l10n.t arguments', () => {
		assert.deepEqual(findBypasses('src/planted.ts', "vscode.l10n.t('Copied {0}.', pick('the lead UID'));").map((b) => b.text), ['the lead UID']);
	});
});
