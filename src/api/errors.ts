// The one error type the API layer throws, and every way one is made, with wording a user can act on.
import * as l10n from '@vscode/l10n';
import { STATUS_CODES } from 'node:http';

/** What kind of failure this is; the UI picks its actions from it, never from the wording. */
export type WoodpeckerErrorKind =
	| 'http' // the server answered with an error status (3xx included: redirects are not followed)
	| 'network' // no HTTP answer: refused, reset, DNS, TLS, cut off
	| 'timeout' // no complete answer within the per-attempt timeout
	| 'aborted' // the caller cancelled
	| 'invalid-response' // a 2xx whose body is not the documented JSON
	| 'too-large' // the body is over the client's size bound
	| 'no-key' // no API key, or one no HTTP header can carry
	| 'bad-address' // woodpecker.apiBaseUrl is not a URL, or would send the key in clear text
	| 'invalid-request' // refused before sending: a bad date, an empty uuid or an impossible company id
	| 'unexpected'; // not the API's doing: a fault in the extension itself

export interface WoodpeckerApiErrorInit {
	kind: WoodpeckerErrorKind;
	status?: number;
	title: string;
	details?: string;
	message: string;
	retryAfterMs?: number;
}

/** A failed Woodpecker call: HTTP status (0 without an HTTP answer), title, and the server's `details`. */
export class WoodpeckerApiError extends Error {
	readonly kind: WoodpeckerErrorKind;
	readonly status: number;
	readonly title: string;
	readonly details: string | undefined;
	/** The server's Retry-After, in ms, when it sent one. */
	readonly retryAfterMs: number | undefined;

	constructor(init: WoodpeckerApiErrorInit) {
		super(init.message);
		this.name = 'WoodpeckerApiError';
		this.kind = init.kind;
		this.status = init.status ?? 0;
		this.title = init.title;
		this.details = init.details;
		this.retryAfterMs = init.retryAfterMs;
	}

	/** True for failures worth another attempt: 429, 5xx gateways, network faults and timeouts. */
	get retryable(): boolean {
		if (this.kind === 'network' || this.kind === 'timeout') return true;
		return this.kind === 'http' && RETRYABLE_STATUSES.has(this.status);
	}

	/** The same error with `text` replaced by `mask` in every field a person could read. */
	masked(text: string, mask: string): WoodpeckerApiError {
		if (!text || ![this.message, this.title, this.details].some((s) => s?.includes(text))) return this;
		const clean = (s: string) => s.split(text).join(mask);
		return new WoodpeckerApiError({
			kind: this.kind,
			status: this.status,
			title: clean(this.title),
			details: this.details === undefined ? undefined : clean(this.details),
			message: clean(this.message),
			retryAfterMs: this.retryAfterMs,
		});
	}
}

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

// A function, not a constant: the words are looked up once the bundle of the display language is loaded.
const statusHints = (): Record<number, string> => ({
	400: l10n.t('Woodpecker refused the request as malformed.'),
	401: l10n.t('Woodpecker did not accept the API key. Set a valid key (Woodpecker → Marketplace → Integrations → API keys).'),
	403: l10n.t('This API key is not allowed to list lead enrichments.'),
	404: l10n.t('Woodpecker does not know this address. Check the woodpecker.apiBaseUrl setting.'),
	429: l10n.t('Woodpecker is busy with other requests from this account. Try again in a moment.'),
	500: l10n.t('Woodpecker had an internal error. Try again later.'),
	502: l10n.t('A gateway between you and Woodpecker failed. Try again later.'),
	503: l10n.t('Woodpecker is unavailable right now. Try again later.'),
	504: l10n.t('A gateway between you and Woodpecker timed out. Try again later.'),
});

/** The usual reason phrase for an HTTP status. */
function statusTitle(status: number): string {
	// Stryker disable next-line EqualityOperator: 500 has a reason phrase in STATUS_CODES, so the fallback never sees it
	return STATUS_CODES[status] ?? (status >= 500 ? l10n.t('Server Error') : l10n.t('HTTP Error'));
}

/** An error for an HTTP error answer, preferring the server's own `details` sentence. */
export function httpError(status: number, title: string | undefined, details: string | undefined, note?: string, retryAfterMs?: number): WoodpeckerApiError {
	const shownTitle = title?.trim() || statusTitle(status);
	const serverDetails = details?.trim() || undefined;
	const sentence = endSentence(serverDetails ?? statusHints()[status] ?? l10n.t('Woodpecker answered with HTTP {0}.', status));
	// The server's own 401 sentence ("Invalid api key") does not say what to do.
	const advice = status === 401 && serverDetails ? l10n.t(' Set a valid API key.') : '';
	return new WoodpeckerApiError({
		kind: 'http',
		status,
		title: shownTitle,
		details: serverDetails,
		message: l10n.t('{0}{1}{2} (HTTP {3} {4})', sentence, advice, note ? ` ${note}` : '', status, shownTitle),
		retryAfterMs,
	});
}

/** The error for an error answer's body: Woodpecker's JSON `{title, details}`, a proxy's HTML page, or nothing. */
export function errorFromBody(status: number, statusText: string | undefined, text: string, retryAfterMs?: number): WoodpeckerApiError {
	let body: { title?: unknown; details?: unknown } | undefined;
	try {
		const parsed: unknown = JSON.parse(text);
		// Stryker disable next-line ConditionalExpression,LogicalOperator: a JSON value that is no object has neither field, and its text is neither blank nor HTML, so taking it as the body would change nothing
		if (parsed && typeof parsed === 'object') body = parsed as typeof body;
	} catch {
		// Not JSON: a proxy's HTML page or nothing at all. Say so rather than dump it.
	}
	const details = typeof body?.details === 'string' ? body.details : undefined;
	const title = typeof body?.title === 'string' ? body.title : statusText || undefined;
	let note: string | undefined;
	if (!body && looksLikeHtml(text)) note = l10n.t("The answer was an HTML page, not Woodpecker's JSON (a proxy or gateway in between?).");
	else if (!body && !text.trim()) note = l10n.t('The answer had no body.');
	return httpError(status, title, details, note, retryAfterMs);
}

/**
 * A 3xx. Following it would send every header, the key included, to wherever it points, even
 * over plain http; so the client stops and says where the server pointed (its origin only).
 */
export function redirected(status: number, statusText: string | undefined, location: string | null, url: string): WoodpeckerApiError {
	let to = '';
	try {
		if (location) to = l10n.t(' to {0}', new URL(location, url).origin);
	} catch {
		// An unparsable Location: say only that it redirected.
	}
	const title = statusText?.trim() || statusTitle(status);
	return new WoodpeckerApiError({
		kind: 'http',
		status,
		title,
		message: l10n.t(
			"Woodpecker's address answered with a redirect{0}. The API key is only sent to the address in woodpecker.apiBaseUrl: if Woodpecker has moved, set that setting to its new address. (HTTP {1} {2})",
			to,
			status,
			title,
		),
	});
}

/** A failure with no HTTP answer, worded by the system's error code. */
export function networkError(e: unknown, host: string): WoodpeckerApiError {
	const err = e as { code?: unknown; message?: unknown; cause?: { code?: unknown } } | null | undefined;
	const rawCode = err?.code ?? err?.cause?.code;
	const code = typeof rawCode === 'string' ? rawCode : '';
	let message: string;
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		message = l10n.t('Could not find {0}. Make sure you are online; behind a proxy, set http.proxy.', host);
	} else if (code === 'ECONNREFUSED') {
		message = l10n.t('{0} refused the connection. Make sure woodpecker.apiBaseUrl is right and, behind a proxy, that http.proxy is set.', host);
	} else if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || saysCutOff(err?.message)) {
		message = l10n.t('The connection to {0} closed before the answer was complete. Retry in a moment.', host);
	} else if (/CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code)) {
		message = l10n.t('The certificate of {0} could not be verified ({1}). A proxy that inspects secure traffic may be in the way: ask your IT team for its certificate, or set http.proxy.', host, code);
	} else if (code === 'ETIMEDOUT' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH') {
		message = l10n.t('Could not reach {0} ({1}). Make sure you are online; behind a proxy, set http.proxy.', host, code);
	} else {
		message = l10n.t('Could not reach {0}{1}. Make sure you are online and that woodpecker.apiBaseUrl and, behind a proxy, http.proxy are right.', host, code ? ` (${code})` : '');
	}
	return new WoodpeckerApiError({ kind: 'network', title: l10n.t('Network error'), message });
}

/** A Retry-After longer than the client will wait: give up now and say when to try again. */
export function waitLonger(error: WoodpeckerApiError): WoodpeckerApiError {
	const seconds = Math.ceil((error.retryAfterMs ?? 0) / 1000);
	const when = seconds >= 120 ? l10n.t('{0} minutes', Math.ceil(seconds / 60)) : l10n.t('{0} s', seconds);
	return new WoodpeckerApiError({
		kind: error.kind,
		status: error.status,
		title: error.title,
		details: error.details,
		retryAfterMs: error.retryAfterMs,
		message: l10n.t('{0} Woodpecker asked to wait {1} before trying again.', error.message, when),
	});
}

export function noKey(message = l10n.t('Set your Woodpecker API key first.')): WoodpeckerApiError {
	return new WoodpeckerApiError({ kind: 'no-key', title: l10n.t('No API key'), message });
}

export function badAddress(message: string): WoodpeckerApiError {
	return new WoodpeckerApiError({ kind: 'bad-address', title: l10n.t('Unusable API address'), message });
}

export function invalidRequest(title: string, message: string): WoodpeckerApiError {
	return new WoodpeckerApiError({ kind: 'invalid-request', title, message });
}

export function invalidResponse(message: string): WoodpeckerApiError {
	return new WoodpeckerApiError({ kind: 'invalid-response', status: 200, title: l10n.t('Unexpected response'), message });
}

/** A 200 whose JSON lacks what the docs promise; `what` names the part, e.g. 'lead_enrichments[3] has no "uuid"'. */
export function unexpectedShape(what: string): WoodpeckerApiError {
	return invalidResponse(l10n.t('Woodpecker sent an unexpected response: {0}. Check the woodpecker.apiBaseUrl setting; if it points at Woodpecker, the API may have changed.', what));
}

export function tooLarge(maxBytes: number): WoodpeckerApiError {
	return new WoodpeckerApiError({
		kind: 'too-large',
		title: l10n.t('Response too large'),
		message: l10n.t("Woodpecker's answer is larger than {0}, so it was not loaded. Choose a later cutoff to fetch fewer batches.", formatBytes(maxBytes)),
	});
}

export function timeoutError(timeoutMs: number): WoodpeckerApiError {
	return new WoodpeckerApiError({
		kind: 'timeout',
		title: l10n.t('Timed out'),
		message: l10n.t('Woodpecker did not answer within {0} s. Retry, or raise the woodpecker.requestTimeoutSeconds setting.', Math.round(timeoutMs / 100) / 10),
	});
}

export function aborted(): WoodpeckerApiError {
	return new WoodpeckerApiError({ kind: 'aborted', title: l10n.t('Cancelled'), message: l10n.t('The request was cancelled.') });
}

/** Anything thrown as a WoodpeckerApiError: an abort stays an abort, a fault of ours says so. */
export function toApiError(e: unknown): WoodpeckerApiError {
	if (e instanceof WoodpeckerApiError) return e;
	if (e instanceof Error && e.name === 'AbortError') return aborted();
	const text = e instanceof Error ? e.message : String(e);
	return new WoodpeckerApiError({ kind: 'unexpected', title: l10n.t('Unexpected error'), message: l10n.t('Something went wrong in the Woodpecker extension: {0} Show Log has the details.', endSentence(text)) });
}

/** 1536 → "1.5 KB". */
export function formatBytes(n: number): string {
	if (n < 1024) return l10n.t('{0} B', n);
	if (n < 1024 * 1024) return l10n.t('{0} KB', (n / 1024).toFixed(1));
	return l10n.t('{0} MB', (n / 1024 / 1024).toFixed(1));
}

// Woodpecker's `details` often lack a full stop ("Invalid api key"); a sentence may follow them.
function endSentence(text: string): string {
	return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Whether an error's message (Node's, node-fetch's, undici's) says the connection closed mid-answer. */
function saysCutOff(message: unknown): boolean {
	return typeof message === 'string' && /premature close|socket hang up|terminated/i.test(message);
}

function looksLikeHtml(text: string): boolean {
	return /^\s*</.test(text);
}
