// The panel's HTML shell. No data goes in here: it arrives by message and is set as text.
import * as l10n from '@vscode/l10n';
import { randomBytes } from 'node:crypto';

export interface RawJsonHtmlInput {
	cspSource: string;
	scriptUri: string;
	styleUri: string;
}

/** A strict-CSP page: nothing but our stylesheet and one nonce'd script may load. */
export function renderRawJsonHtml(input: RawJsonHtmlInput): string {
	const nonce = randomBytes(16).toString('base64');
	// The words the page's script writes itself ({0}: a number, a size), in the display language.
	const strings = escapeHtml(
		JSON.stringify({
			lines: l10n.t('{0} lines · {1}'),
			formatting: l10n.t('Formatting… {0}% ({1} lines so far)'),
			noResults: l10n.t('No results'),
			line: l10n.t('Line {0}'),
		}),
	);
	const csp = [`default-src 'none'`, `style-src ${input.cspSource}`, `script-src 'nonce-${nonce}'`, `font-src ${input.cspSource}`, `img-src ${input.cspSource}`].join('; ');
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${input.styleUri}">
<title>${escapeHtml(l10n.t('Raw JSON'))}</title>
</head>
<body data-strings="${strings}">
<header class="toolbar">
	<div class="heading"><span id="title" class="title">${escapeHtml(l10n.t('Loading…'))}</span><span id="subtitle" class="subtitle"></span></div>
	<div class="actions">
		<input id="find" type="search" placeholder="${escapeHtml(l10n.t('Find in JSON'))}" aria-label="${escapeHtml(l10n.t('Find in JSON'))}">
		<span id="find-status" class="find-status" aria-live="polite"></span>
		<button id="copy" type="button" title="${escapeHtml(l10n.t('Copy the whole JSON, pretty-printed'))}">${escapeHtml(l10n.t('Copy All'))}</button>
	</div>
</header>
<div id="status" class="status" aria-live="polite"></div>
<main id="viewport" class="viewport" tabindex="0" aria-label="${escapeHtml(l10n.t('JSON text'))}">
	<div id="spacer" class="spacer"></div>
	<pre id="lines" class="lines"></pre>
</main>
<script nonce="${nonce}" src="${input.scriptUri}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
