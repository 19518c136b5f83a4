// One HTTP attempt: the GET, its timeout, the body read within a size bound, the JSON parsed.
// Redirects are answered, never followed. Knows nothing of retries or of Woodpecker's shapes.
import * as l10n from '@vscode/l10n';
import { isAscii } from 'node:buffer';
import { aborted, errorFromBody, httpError, invalidResponse, redirected, timeoutError, tooLarge } from './errors';
import { parseRetryAfter } from './retry';

/** The parts of a fetch Response the client reads; node-fetch's and Node's global fetch both fit. */
export interface FetchResponseLike {
	status: number;
	statusText?: string;
	headers: { get(name: string): string | null };
	body?: unknown;
	text(): Promise<string>;
}

export interface FetchInit {
	method: 'GET';
	headers: Record<string, string>;
	signal: AbortSignal;
	/** A redirect is answered, not followed: following one would send the key to another address. */
	redirect: 'manual';
}

/** Any fetch-compatible function (node-fetch, Node's global fetch, a test double). */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;

export interface AttemptOptions {
	headers: Record<string, string>;
	timeoutMs: number;
	/** Bodies longer than this are refused rather than held in memory. */
	maxBytes: number;
	signal?: AbortSignal;
}

export interface AttemptResult {
	json: unknown;
	/** The decoded body's length in bytes. */
	bytes: number;
	status: number;
}

/**
 * The last response, its body read (its reader's listeners removed, so it holds no bytes and no
 * text). Kept on purpose: once the last of node-fetch's response and stream objects is collected,
 * V8 drops its optimised code for them and the next refresh runs it cold. `npm run bench`: S
 * 1.21 → 1.12 of the floor with it (M, L within noise); it costs no memory (the bench's heap column).
 */
const kept: { lastResponse?: FetchResponseLike } = {};

/** An error page only needs reading as far as its sentence; a huge one is not a huge answer. */
const ERROR_BODY_LIMIT = 1024 * 1024;

/**
 * One GET of `url`. No agent is passed: Node's global agents keep connections alive, and VS Code
 * routes requests through the user's proxy only when they bring no agent of their own
 * (`http.proxySupport: "on"`). Throws WoodpeckerApiError for HTTP errors, timeouts, aborts and
 * bodies that are too large or not JSON; anything else (network faults) as the fetch threw it.
 */
export async function attempt(fetchFn: FetchLike, url: string, options: AttemptOptions): Promise<AttemptResult> {
	const outer = options.signal;
	if (outer?.aborted) throw aborted();
	const controller = new AbortController();
	const onOuterAbort = () => controller.abort();
	// Removed in `finally`; a signal aborts only once.
	outer?.addEventListener('abort', onOuterAbort);
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		controller.abort();
	}, options.timeoutMs);
	try {
		const response = await fetchFn(url, { method: 'GET', headers: options.headers, signal: controller.signal, redirect: 'manual' });
		kept.lastResponse = response;
		const status = response.status;
		if (status >= 300 && status < 400) {
			discardBody(response);
			throw redirected(status, response.statusText, response.headers.get('location'), url);
		}
		// Stryker disable next-line EqualityOperator: a 300 is a redirect, answered above
		const ok = status >= 200 && status < 300;
		const limit = ok ? options.maxBytes : Math.min(options.maxBytes, ERROR_BODY_LIMIT);
		// Left undefined when the body is over the limit: declared so, or found so while reading.
		let read: BodyText | undefined;
		if (Number(response.headers.get('content-length')) > limit) discardBody(response);
		else read = await readBody(response, limit);
		if (!ok) {
			const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
			throw read ? errorFromBody(status, response.statusText, read.text, retryAfterMs) : httpError(status, response.statusText, undefined, undefined, retryAfterMs);
		}
		if (!read) throw tooLarge(options.maxBytes);
		return { json: parseJson(read.text), bytes: read.bytes, status };
	} catch (e) {
		if (timedOut) throw timeoutError(options.timeoutMs);
		if (outer?.aborted) throw aborted();
		throw e;
	} finally {
		clearTimeout(timer);
		outer?.removeEventListener('abort', onOuterAbort);
	}
}

// An unread body keeps its kept-alive socket busy: destroying the stream closes the connection instead.
function discardBody(response: FetchResponseLike): void {
	(response.body as { destroy?: () => void } | null | undefined)?.destroy?.();
}

/** The Node stream node-fetch gives as a body. */
interface NodeBody {
	on(event: 'data', listener: (chunk: Buffer) => void): unknown;
	on(event: 'end' | 'close', listener: () => void): unknown;
	on(event: 'error', listener: (e: unknown) => void): unknown;
	off(event: string, listener: (...args: never[]) => void): unknown;
	destroy(): void;
}

interface BodyText {
	text: string;
	/** The text's length in bytes. */
	bytes: number;
}

/**
 * The body as text and its length in bytes, read by 'data' events as Node streams are read. A body
 * over `maxBytes` is not kept: reading stops, the stream is destroyed, and the result is undefined.
 */
async function readBody(response: FetchResponseLike, maxBytes: number): Promise<BodyText | undefined> {
	const body = response.body as NodeBody | null | undefined;
	if (typeof body?.on !== 'function') {
		// A test double or a fetch without a Node stream: its own text() will do.
		const text = await response.text();
		const bytes = Buffer.byteLength(text);
		return bytes > maxBytes ? undefined : { text, bytes };
	}
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let bytes = 0;
		// However the read ends, its listeners go: the stream may outlive it (see `kept`), and through
		// them it would hold this promise and so the whole answer's text. With them gone, no handler
		// can run again, so the read settles once, and nothing keeps `chunks`.
		const stopListening = () => {
			body.off('data', onData);
			body.off('end', onEnd);
			body.off('error', onError);
			body.off('close', onClose);
			// A stream that errors later with no 'error' listener would crash the extension host.
			body.on('error', ignoreLateError);
		};
		const onData = (chunk: Buffer) => {
			bytes += chunk.length;
			if (bytes <= maxBytes) return void chunks.push(chunk);
			stopListening();
			resolve(undefined);
			body.destroy();
		};
		const onEnd = () => {
			stopListening();
			resolve({ text: decode(Buffer.concat(chunks, bytes)), bytes });
		};
		const onError = (e: unknown) => {
			stopListening();
			reject(e);
		};
		// Closed with neither end nor error: cut off.
		const onClose = () => onError(Object.assign(new Error(l10n.t('Premature close')), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
		body.on('data', onData);
		body.on('end', onEnd);
		body.on('error', onError);
		body.on('close', onClose);
	});
}

/** Shared and capturing nothing, so it holds no read's state. */
function ignoreLateError(): void {
	// The read is over; what the stream says now changes nothing.
}

/**
 * UTF-8 text of `buffer`. An answer of uuids, uids, statuses and timestamps is pure ASCII: then a
 * byte-for-byte latin1 copy is the same string, and a vectorised check plus that copy costs less
 * than UTF-8 decoding. `npm run bench`: S 1.29 → 1.21 of the floor, M about 3 % less.
 */
function decode(buffer: Buffer): string {
	return isAscii(buffer) ? buffer.toString('latin1') : buffer.toString('utf8');
}

function parseJson(text: string): unknown {
	const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (!clean.trim()) throw invalidResponse(l10n.t('Woodpecker sent an empty answer.'));
	try {
		return JSON.parse(clean);
	} catch {
		throw invalidResponse(
			/^\s*</.test(clean) ? l10n.t('Woodpecker answered with an HTML page instead of JSON; a proxy or captive portal may be in the way.') : l10n.t("Woodpecker's answer is not valid JSON; it may have been cut off."),
		);
	}
}
