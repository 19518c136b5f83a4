// Text from the API shown in rows and tooltips: control and bidi-override characters are written
// as \uXXXX, so they can neither hide text nor reorder it to mislead (a uid must read as it is).

const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `s` with control and bidi characters spelled out as \uXXXX. */
export function visibleText(s: string): string {
	return s.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `s` as a Markdown code span for tooltips: spelled out, and a backtick in the data cannot close the span. */
export function markdownCode(s: string): string {
	return '`' + visibleText(s).replace(/`/g, 'ˋ') + '`';
}

/** `s` as plain Markdown text: spelled out, and every character Markdown reads as syntax escaped (no link, no emphasis). */
export function markdownText(s: string): string {
	return visibleText(s).replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, '\\$&');
}
