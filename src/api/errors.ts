// The one error type the API layer throws, with wording a user can act on.
import { STATUS_CODES } from 'node:http';

/** What kind of failure this is; the UI picks its actions from it. */
export type WoodpeckerErrorKind =
	| 'http' // the server answered with an error status
	| 'network' // no HTTP answer: refused, reset, DNS, cut off
	| 'timeout' // no complete answer within the per-attempt timeout
	| 'aborted' // the caller cancelled
	| 'invalid-response' // a 2xx whose body is not the documented JSON
	| 'too-large' // the body is over the client's size bound
	| 'invalid-request'; // refused before sending (bad date, bad base URL, no key)

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
}

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);


const STATUS_HINTS: Record<number, string> = {
	400: 'Woodpecker refused the request as malformed.',
	401: 'Woodpecker did not accept the API key. Set a valid key (Woodpecker → Marketplace → Integrations → API keys).',
	403: 'This API key is not allowed to list lead enrichments.',
	404: 'Woodpecker does not know this address. Check the woodpecker.apiBaseUrl setting.',
	429: 'Woodpecker is busy with other requests from this account. Try again in a moment.',
	500: 'Woodpecker had an internal error. Try again later.',
	502: 'A gateway between you and Woodpecker failed. Try again later.',
	503: 'Woodpecker is unavailable right now. Try again later.',
	504: 'A gateway between you and Woodpecker timed out. Try again later.',
};

/** The usual reason phrase for an HTTP status. */
export function statusTitle(status: number): string {
	return STATUS_CODES[status] ?? (status >= 500 ? 'Server Error' : 'HTTP Error');
}

/** An error for an HTTP error answer, preferring the server's own `details` sentence. */
export function httpError(status: number, title: string | undefined, details: string | undefined, note?: string, retryAfterMs?: number): WoodpeckerApiError {
	const shownTitle = title?.trim() || statusTitle(status);
	const sentence = endSentence(details?.trim() || STATUS_HINTS[status] || `Woodpecker answered with HTTP ${status}.`);
	const extra = status === 401 && details ? ' Set a valid API key.' : '';
	return new WoodpeckerApiError({
		kind: 'http',
		status,
		title: shownTitle,
		details: details?.trim() || undefined,
		message: `${sentence}${extra}${note ? ` ${note}` : ''} (HTTP ${status} ${shownTitle})`,
		retryAfterMs,
	});
}

// Woodpecker's `details` often lack a full stop ("Invalid api key"); a sentence may follow them.
function endSentence(text: string): string {
	return /[.!?]$/.test(text) ? text : `${text}.`;
}
