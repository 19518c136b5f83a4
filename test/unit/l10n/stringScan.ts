// Finds the string literals in TypeScript source that read as user-visible text (a letter next to
// whitespace) but do not pass through l10n.t: what the localization check fails on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/** One literal that bypasses localization, where it is. */
export interface Bypass {
	file: string;
	line: number;
	text: string;
}

/** A literal allowed to stay English: the file it is in, its text, and why. */
export interface Allowed {
	file: string;
	text: RegExp;
	why: string;
}

// Text: a letter beside whitespace ("Show Log", " · {0} pending"), not an identifier or a key.
const READS_AS_TEXT = /\p{L}\s|\s\p{L}/u;
// Log lines stay English (they are read with the maintainers, and searched for): log.info(...), this.log?.warn(...).
const LOG_CALL = /(^|\.)(log|logger)\??\.(info|warn|error|debug|trace)$/i;

function calleeText(node: ts.CallExpression, source: ts.SourceFile): string {
	return node.expression.getText(source).replace(/\s+/g, '');
}

/** The literals in `text` (TypeScript source of `file`) that read as text outside l10n.t and log calls. */
export function findBypasses(file: string, text: string, allowed: readonly Allowed[] = []): Bypass[] {
	const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
	const found: Bypass[] = [];
	const visit = (node: ts.Node): void => {
		if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
		if (ts.isCallExpression(node)) {
			const callee = calleeText(node, source);
			if (LOG_CALL.test(callee)) return;
			// count(n, 'batch', 'batches'): single words, but the user reads them.
			if (callee === 'count') {
				for (const a of node.arguments) {
					if (ts.isStringLiteral(a)) found.push({ file, line: source.getLineAndCharacterOfPosition(a.getStart(source)).line + 1, text: a.text });
				}
			}
			// The message is l10n.t's first argument; what fills its placeholders must be localized too.
			if (/(^|\.)l10n\.t$/.test(callee)) return node.arguments.slice(1).forEach(visit);
		}
		let literal: string | undefined;
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literal = node.text;
		else if (ts.isTemplateExpression(node)) literal = node.head.text + node.templateSpans.map((s) => `{}${s.literal.text}`).join('');
		if (literal !== undefined && READS_AS_TEXT.test(literal) && !allowed.some((a) => a.file === file && a.text.test(literal))) {
			found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: literal });
		}
		if (ts.isTemplateExpression(node)) node.templateSpans.forEach((s) => visit(s.expression));
		else ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

/** Every .ts file under `dir`, as paths relative to `root` with forward slashes. */
export function listSources(root: string, dir: string): string[] {
	return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
		const rel = `${dir}/${e.name}`;
		if (e.isDirectory()) return listSources(root, rel);
		return e.name.endsWith('.ts') ? [rel] : [];
	});
}
