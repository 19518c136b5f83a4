// The panel's HTML shell. No data goes in here: it arrives by message and is set as text.
import { randomBytes } from 'node:crypto';

export interface RawJsonHtmlInput {
	cspSource: string;
	scriptUri: string;
	styleUri: string;
}

/** A strict-CSP page: nothing but our stylesheet and one nonce'd script may load. */
export function renderRawJsonHtml(input: RawJsonHtmlInput): string {
	const nonce = randomBytes(16).toString('base64');
	const csp = [`default-src 'none'`, `style-src ${input.cspSource}`, `script-src 'nonce-${nonce}'`, `font-src ${input.cspSource}`, `img-src ${input.cspSource}`].join('; ');
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${input.styleUri}">
<title>Raw JSON</title>
</head>
<body>
<header class="toolbar">
	<div class="heading"><span id="title" class="title">Loading…</span><span id="subtitle" class="subtitle"></span></div>
	<div class="actions">
		<input id="find" type="search" placeholder="Find in JSON" aria-label="Find in JSON">
		<span id="find-status" class="find-status" aria-live="polite"></span>
		<button id="copy" type="button" title="Copy the whole JSON, pretty-printed">Copy All</button>
	</div>
</header>
<div id="status" class="status" aria-live="polite"></div>
<main id="viewport" class="viewport" tabindex="0" aria-label="JSON text">
	<div id="spacer" class="spacer"></div>
	<pre id="lines" class="lines"></pre>
</main>
<script nonce="${nonce}" src="${input.scriptUri}"></script>
</body>
</html>`;
}
