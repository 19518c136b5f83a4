// The pseudo-locale run's files, generated at test time: every string of l10n/bundle.l10n.json and
// package.nls.json accented and wrapped in "«!! … !!»" (placeholders, codicons, link targets and
// code kept), and a language pack for VS Code's pseudo locale so code-server takes it as the
// display language and the extension host loads the extension's qps-ploc bundles.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** VS Code's pseudo-locale id. */
export const PSEUDO_LOCALE = 'qps-ploc';

const ACCENTS: Record<string, string> = {
	a: 'á',
	e: 'é',
	i: 'í',
	o: 'ó',
	u: 'ú',
	c: 'ç',
	n: 'ñ',
	s: 'š',
	y: 'ý',
	z: 'ž',
	A: 'Á',
	E: 'É',
	I: 'Í',
	O: 'Ó',
	U: 'Ú',
	C: 'Ç',
	N: 'Ñ',
	S: 'Š',
	Y: 'Ý',
	Z: 'Ž',
};
// What must stay as it is: {0} and {name} placeholders, $(codicon), a link's (target), `code`, #setting#.
const KEPT = /(\{\w+\}|\$\([^)]*\)|\]\([^)]*\)|`[^`]*`|#[\w.]+#)/;

function accent(text: string): string {
	return text
		.split(KEPT)
		.map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (c) => ACCENTS[c] ?? c)))
		.join('');
}

/**
 * One string in the pseudo locale: each line wrapped in "«!! … !!»" (no square brackets: they would
 * join a markdown link on the line); a line that is a lone link (a welcome-view button) only accented.
 */
export function pseudoText(text: string): string {
	return text
		.split('\n')
		.map((line) => (line === '' ? line : /^\[[^\]]*\]\([^)]*\)$/.test(line) ? accent(line) : `«!! ${accent(line)} !!»`))
		.join('\n');
}

function pseudoFile(from: string, to: string): void {
	const strings = JSON.parse(fs.readFileSync(from, 'utf8')) as Record<string, string | { message: string }>;
	const out = Object.fromEntries(Object.entries(strings).map(([key, value]) => [key, pseudoText(typeof value === 'string' ? value : value.message)]));
	fs.writeFileSync(to, `${JSON.stringify(out, null, '\t')}\n`);
}

/** Writes package.nls.qps-ploc.json and l10n/bundle.l10n.qps-ploc.json beside their English files; returns their paths. */
export function writePseudoBundles(extensionDir: string): string[] {
	const files = [
		[path.join(extensionDir, 'package.nls.json'), path.join(extensionDir, `package.nls.${PSEUDO_LOCALE}.json`)],
		[path.join(extensionDir, 'l10n', 'bundle.l10n.json'), path.join(extensionDir, 'l10n', `bundle.l10n.${PSEUDO_LOCALE}.json`)],
	];
	for (const [from, to] of files) pseudoFile(from, to);
	return files.map(([, to]) => to);
}

/**
 * Registers a language pack for the pseudo locale in code-server's user data (languagepacks.json,
 * as an installed language pack leaves it), with no translation of VS Code's own strings: they
 * stay English, but the display language is qps-ploc, so extensions get their qps-ploc bundles.
 */
export function writePseudoLanguagePack(userDataDir: string): void {
	const translations = path.join(userDataDir, 'pseudo-language-pack', 'main.i18n.json');
	fs.mkdirSync(path.dirname(translations), { recursive: true });
	fs.writeFileSync(translations, `${JSON.stringify({ version: '1.0.0', contents: {} })}\n`);
	const packs = {
		[PSEUDO_LOCALE]: {
			hash: 'woodpecker-test-pseudo',
			extensions: [{ extensionIdentifier: { id: 'woodpecker-test.pseudo-language-pack' }, version: '1.0.0' }],
			translations: { vscode: translations },
			label: 'Pseudo Language',
		},
	};
	fs.mkdirSync(userDataDir, { recursive: true });
	fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), `${JSON.stringify(packs)}\n`);
}
