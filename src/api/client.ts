// Woodpecker's lead-enrichment endpoints over HTTP. Knows nothing of VS Code, so plain mocha tests it.
import { isAscii } from 'node:buffer';
import * as http from 'node:http';
import * as https from 'node:https';
import nodeFetch from 'node-fetch';
import { describeInvalidDate } from './dates';
import { WoodpeckerApiError, httpError, statusTitle } from './errors';
import { RequestQueue } from './requestQueue';
import { type CheckedList, parseBatch, parseListResponse } from './validate';
import type { EnrichmentBatch, WoodpeckerErrorBody } from './types';

export { WoodpeckerApiError } from './errors';
export type { WoodpeckerErrorKind } from './errors';
export type { EnrichmentBatch, Lead, LeadStatus, ListEnrichmentsResponse, ProcessingResult } from './types';

export const DEFAULT_BASE_URL = 'https://api.woodpecker.co';
const ENRICHMENTS_PATH = '/rest/v2/lead_finder/leads/enrichments';

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
	/** node-fetch's connection agent; other fetch implementations ignore it. */
	agent?: (url: URL) => http.Agent;
	/** A redirect is answered, not followed: following one would send the key to another address. */
	redirect: 'manual';
}

/** Any fetch-compatible function (node-fetch, Node's global fetch, a test double). */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;

/** Where the client reports what it does; a LogOutputChannel fits. The key is never passed here. */
export interface ClientLogger {
	info(message: string): void;
	warn(message: string): void;
}

export interface RetryPolicy {
	/** Attempts in all, the first included. */
	attempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Longest Retry-After the client will wait for. */
	maxRetryAfterMs: number;
}

export interface WoodpeckerClientOptions {
	apiKey: string;
	baseUrl?: string;
	timeoutMs?: number;
	fetch?: FetchLike;
	retry?: Partial<RetryPolicy>;
	/** Bodies longer than this are refused rather than held in memory. */
	maxResponseBytes?: number;
	log?: ClientLogger;
}

export interface RequestOptions {
	signal?: AbortSignal;
}

export interface ListOptions extends RequestOptions {
	/** YYYY-MM-DD; without it Woodpecker returns the last 24 hours. */
	createdAfter?: string;
}

/** A list answer with what is known about how it arrived. */
export interface ListResult extends CheckedList {
	bytes: number;
	receivedAt: Date;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 30_000 };
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 200 * 1024 * 1024;
const ERROR_BODY_LIMIT = 1024 * 1024;

/** A Woodpecker API client: one request in flight at a time, bounded retries, per-attempt timeout. */
export class WoodpeckerClient {
	readonly baseUrl: string;
	private readonly apiKey: string;
	private readonly timeoutMs: number;
	private readonly fetchFn: FetchLike;
	private readonly retry: RetryPolicy;
	private readonly maxBytes: number;
	private readonly log: ClientLogger | undefined;
	private readonly queue = new RequestQueue(aborted);
	/**
	 * The last response, its body read. Kept on purpose: V8 ties its optimised code for Node's
	 * stream internals to the hidden classes of these objects, and once the last of them is
	 * collected that code is thrown away, so the next refresh would push its first hundred chunks
	 * through unoptimised code (measured: +15 ms on a 10 MB answer). It holds no body bytes.
	 */
	private readonly kept: { lastResponse?: FetchResponseLike } = {};

	constructor(options: WoodpeckerClientOptions) {
		// A pasted key often carries a trailing newline, which no HTTP header may hold.
		this.apiKey = options.apiKey.trim();
		// Woodpecker's docs give the base as ".../rest"; the client adds "/rest/v2/..." itself.
		this.baseUrl = (options.baseUrl?.trim() || DEFAULT_BASE_URL).replace(/\/+$/, '').replace(/\/rest(\/v2)?$/i, '');
		this.timeoutMs = options.timeoutMs && options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_TIMEOUT_MS;
		this.fetchFn = options.fetch ?? (nodeFetch as unknown as FetchLike);
		this.retry = { ...DEFAULT_RETRY, ...options.retry };
		this.maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
		this.log = options.log;
	}

	/** Lists enrichment batches created after `createdAfter` (default: the last 24 hours). */
	async listEnrichments(options: ListOptions = {}): Promise<EnrichmentBatch[]> {
		return (await this.listEnrichmentsResponse(options)).body.lead_enrichments;
	}

	/** Like listEnrichments, but returns the whole answer object as received, with its size. */
	async listEnrichmentsResponse(options: ListOptions = {}): Promise<ListResult> {
		let query = '';
		if (options.createdAfter !== undefined) {
			const invalid = describeInvalidDate(options.createdAfter);
			if (invalid) throw invalidRequest('Invalid cutoff date', invalid);
			query = `?created_after=${options.createdAfter}`;
		}
		const { json, bytes } = await this.get(`${ENRICHMENTS_PATH}${query}`, options.signal);
		return { ...parseListResponse(json), bytes, receivedAt: new Date() };
	}

	/** Gets one batch by its uuid; accepts the batch bare or wrapped in an object. */
	async getEnrichment(uuid: string, options: RequestOptions = {}): Promise<EnrichmentBatch> {
		const id = uuid.trim();
		if (!id) throw invalidRequest('Missing batch uuid', 'Give the uuid of an enrichment batch.');
		const { json } = await this.get(`${ENRICHMENTS_PATH}/${encodeURIComponent(id)}`, options.signal);
		return parseBatch(json);
	}

	private async get(pathAndQuery: string, signal?: AbortSignal): Promise<{ json: unknown; bytes: number }> {
		const urlProblem = describeUnsafeBaseUrl(this.baseUrl);
		if (urlProblem) throw invalidRequest('Unsafe API address', urlProblem);
		if (!this.apiKey) throw invalidRequest('No API key', 'Set your Woodpecker API key first.');
		if (/[^\t\x20-\x7e\x80-\xff]/.test(this.apiKey)) {
			throw invalidRequest('Invalid API key', 'The API key contains characters an HTTP header cannot carry. Copy it again from Woodpecker and set it anew.');
		}
		const url = `${this.baseUrl}${pathAndQuery}`;
		return this.queue.run(() => this.getWithRetries(url, signal), signal);
	}

	private async getWithRetries(url: string, signal?: AbortSignal): Promise<{ json: unknown; bytes: number }> {
		for (let attempt = 1; ; attempt++) {
			const started = Date.now();
			try {
				const result = await this.attempt(url, signal);
				this.log?.info(`GET ${url} → ${result.status} in ${Date.now() - started} ms (${formatBytes(result.bytes)})`);
				return result;
			} catch (e) {
				const error = this.toApiError(e, signal);
				this.log?.warn(`GET ${url} failed (attempt ${attempt}/${this.retry.attempts}) after ${Date.now() - started} ms: ${error.message}`);
				if (!error.retryable || attempt >= this.retry.attempts || signal?.aborted) throw error;
				if (error.retryAfterMs !== undefined && error.retryAfterMs > this.retry.maxRetryAfterMs) throw waitLonger(error);
				const delay = this.delayBefore(attempt + 1, error);
				this.log?.info(`Retrying in ${delay} ms`);
				await sleep(delay, signal).catch(() => {
					throw aborted();
				});
			}
		}
	}

	private delayBefore(nextAttempt: number, error: WoodpeckerApiError): number {
		if (error.retryAfterMs !== undefined) return error.retryAfterMs;
		const exp = Math.min(this.retry.baseDelayMs * 2 ** (nextAttempt - 2), this.retry.maxDelayMs);
		// Full jitter keeps several windows' retries from arriving together.
		return Math.round(exp / 2 + Math.random() * (exp / 2));
	}

	private async attempt(url: string, outer?: AbortSignal): Promise<{ json: unknown; bytes: number; status: number }> {
		if (outer?.aborted) throw aborted();
		const controller = new AbortController();
		const onOuterAbort = () => controller.abort();
		outer?.addEventListener('abort', onOuterAbort, { once: true });
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			controller.abort();
		}, this.timeoutMs);
		try {
			const response = await this.fetchFn(url, {
				method: 'GET',
				headers: { 'x-api-key': this.apiKey, accept: 'application/json', 'accept-encoding': 'gzip, deflate' },
				signal: controller.signal,
				agent: keepAliveAgent,
				redirect: 'manual',
			});
			this.kept.lastResponse = response;
			if (response.status >= 300 && response.status < 400) {
				discardBody(response);
				throw redirected(response, url);
			}
			const ok = response.status >= 200 && response.status < 300;
			// An error page only needs reading as far as a sentence; a huge one is not a huge answer.
			const limit = ok ? this.maxBytes : Math.min(this.maxBytes, ERROR_BODY_LIMIT);
			const declared = Number(response.headers.get('content-length'));
			if (declared > limit) {
				discardBody(response);
				if (ok) throw tooLarge(this.maxBytes);
				throw errorFromResponse(response, '');
			}
			const { text, bytes } = await readBody(response, limit).catch((e: unknown) => {
				if (ok || !(e instanceof WoodpeckerApiError) || e.kind !== 'too-large') throw e;
				discardBody(response);
				return { text: '', bytes: 0 };
			});
			if (!ok) throw errorFromResponse(response, text);
			return { json: parseJson(text), bytes, status: response.status };
		} catch (e) {
			if (timedOut) throw timeoutError(this.timeoutMs);
			if (outer?.aborted) throw aborted();
			throw e;
		} finally {
			clearTimeout(timer);
			outer?.removeEventListener('abort', onOuterAbort);
		}
	}

	private toApiError(e: unknown, signal?: AbortSignal): WoodpeckerApiError {
		if (e instanceof WoodpeckerApiError) return this.scrub(e);
		if (signal?.aborted) return aborted();
		return this.scrub(networkError(e, this.baseUrl));
	}

	// Belt and braces: nothing the network stack says may carry the key into a message.
	private scrub(error: WoodpeckerApiError): WoodpeckerApiError {
		const key = this.apiKey;
		if (!key || !error.message.includes(key)) return error;
		const clean = (s: string | undefined) => s?.split(key).join('***');
		return new WoodpeckerApiError({
			kind: error.kind,
			status: error.status,
			title: clean(error.title) ?? '',
			details: clean(error.details),
			message: clean(error.message) ?? '',
			retryAfterMs: error.retryAfterMs,
		});
	}
}

// Without an agent node-fetch sends "Connection: close", paying a new TCP and TLS handshake on
// every request; one kept-alive connection is also all Woodpecker's one-at-a-time queue needs.
const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 1 }), https: new https.Agent({ keepAlive: true, maxSockets: 1 }) };
function keepAliveAgent(url: URL): http.Agent {
	return url.protocol === 'http:' ? agents.http : agents.https;
}

/** Why a base URL must not receive the key (plain http to a non-loopback host), or undefined if it is fine. */
export function describeUnsafeBaseUrl(baseUrl: string): string | undefined {
	let url: URL;
	try {
		url = new URL(baseUrl);
	} catch {
		return `"${baseUrl}" is not a valid URL. Set woodpecker.apiBaseUrl to an https:// address, or clear it to use ${DEFAULT_BASE_URL}.`;
	}
	if (url.protocol === 'https:') return undefined;
	if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined;
	return `woodpecker.apiBaseUrl must use https:// (plain http is allowed only for localhost), so the API key is never sent in clear text. It is "${url.protocol}//${url.host}".`;
}

function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '');
	return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

// An unread body keeps its kept-alive socket busy, and the agent has only one per host:
// destroying the stream closes the connection instead.
function discardBody(response: FetchResponseLike): void {
	(response.body as { destroy?: () => void } | null | undefined)?.destroy?.();
}

/** The Node stream node-fetch gives as a body; read by events, which costs less per chunk than for await. */
interface NodeBody {
	on(event: 'data', listener: (chunk: Buffer) => void): unknown;
	once(event: 'end' | 'close', listener: () => void): unknown;
	once(event: 'error', listener: (e: unknown) => void): unknown;
	destroy(): void;
}

async function readBody(response: FetchResponseLike, maxBytes: number): Promise<{ text: string; bytes: number }> {
	const body = response.body as NodeBody | null | undefined;
	if (typeof body?.on !== 'function') {
		// Not node-fetch (Node's global fetch, a test double): its own text() will do.
		const text = await response.text();
		const bytes = Buffer.byteLength(text);
		if (bytes > maxBytes) throw tooLarge(maxBytes);
		return { text, bytes };
	}
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let total = 0;
		// The stream outlives this read (see `kept`), and so do its listeners: however the read
		// ends, they must not keep the bytes.
		const fail = (e: unknown) => {
			chunks.length = 0;
			reject(e);
		};
		body.on('data', (chunk) => {
			total += chunk.length;
			if (total > maxBytes) {
				fail(tooLarge(maxBytes));
				body.destroy();
			} else chunks.push(chunk);
		});
		body.once('end', () => {
			const buffer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
			chunks.length = 0;
			resolve({ text: decodeUtf8(buffer), bytes: total });
		});
		body.once('error', fail);
		// Closed with neither end nor error: cut off. (After 'end' this changes nothing.)
		body.once('close', () => fail(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' })));
	});
}

/**
 * UTF-8 text of `buffer`. An answer of uuids, uids, statuses and timestamps is pure ASCII; then a
 * byte-for-byte latin1 copy is the same string, and a vectorised check plus that copy costs about
 * a fifth less than UTF-8 decoding (isAscii is missing before Node 18.15: then decode as UTF-8).
 */
function decodeUtf8(buffer: Buffer): string {
	return isAscii?.(buffer) ? buffer.toString('latin1') : buffer.toString('utf8');
}

function parseJson(text: string): unknown {
	const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (!clean.trim()) throw invalidResponse('Woodpecker sent an empty answer.');
	try {
		return JSON.parse(clean);
	} catch {
		throw invalidResponse(
			looksLikeHtml(clean)
				? 'Woodpecker answered with an HTML page instead of JSON; a proxy or captive portal may be in the way.'
				: 'Woodpecker\'s answer is not valid JSON; it may have been cut off.',
		);
	}
}

function errorFromResponse(response: FetchResponseLike, text: string): WoodpeckerApiError {
	const status = response.status;
	const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
	let body: WoodpeckerErrorBody | undefined;
	try {
		const parsed: unknown = JSON.parse(text);
		if (parsed && typeof parsed === 'object') body = parsed as WoodpeckerErrorBody;
	} catch {
		// Not JSON: a proxy's HTML page or nothing at all. Say so rather than dump it.
	}
	const details = typeof body?.details === 'string' ? body.details : undefined;
	const title = typeof body?.title === 'string' ? body.title : response.statusText || undefined;
	let note: string | undefined;
	if (!body) note = looksLikeHtml(text) ? 'The answer was an HTML page, not Woodpecker\'s JSON (a proxy or gateway in between?).' : text.trim() ? undefined : 'The answer had no body.';
	return httpError(status, title, details, note, retryAfterMs);
}

/** Retry-After as milliseconds (delta-seconds or HTTP date), or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
	if (!value) return undefined;
	if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
	const at = Date.parse(value);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function looksLikeHtml(text: string): boolean {
	return /^\s*</.test(text);
}

function networkError(e: unknown, baseUrl: string): WoodpeckerApiError {
	const err = e as { code?: string; type?: string; message?: string; cause?: { code?: string } };
	const code = err?.code ?? err?.cause?.code ?? '';
	let host = baseUrl;
	try {
		host = new URL(baseUrl).host;
	} catch {
		// keep the raw base URL
	}
	let message: string;
	if (code === 'ECONNREFUSED') message = `Could not connect to ${host}: the connection was refused.`;
	else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') message = `Could not find ${host}. Check your internet connection.`;
	else if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || /premature close|socket hang up|terminated/i.test(err?.message ?? ''))
		{message = `The connection to ${host} was closed before the answer was complete.`;}
	else message = `Network error talking to ${host}${code ? ` (${code})` : ''}.`;
	return new WoodpeckerApiError({ kind: 'network', title: 'Network error', message: `${message} Check your network, proxy or the woodpecker.apiBaseUrl setting, then retry.` });
}

/**
 * A 3xx. node-fetch would follow it with every header, the key included, to any host, even over
 * plain http; so the client stops and says where the server pointed (its origin only).
 */
function redirected(response: FetchResponseLike, url: string): WoodpeckerApiError {
	let to = '';
	try {
		const location = response.headers.get('location');
		if (location) to = ` to ${new URL(location, url).origin}`;
	} catch {
		// an unparsable Location: say only that it redirected
	}
	const title = response.statusText?.trim() || statusTitle(response.status);
	return new WoodpeckerApiError({
		kind: 'http',
		status: response.status,
		title,
		message: `Woodpecker's address answered with a redirect${to}. The API key is only sent to the address in woodpecker.apiBaseUrl: if Woodpecker has moved, set that setting to its new address. (HTTP ${response.status} ${title})`,
	});
}

/** A Retry-After longer than the client will wait: give up now and say when to try again. */
function waitLonger(error: WoodpeckerApiError): WoodpeckerApiError {
	const seconds = Math.ceil((error.retryAfterMs ?? 0) / 1000);
	const when = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} s`;
	return new WoodpeckerApiError({
		kind: error.kind,
		status: error.status,
		title: error.title,
		details: error.details,
		retryAfterMs: error.retryAfterMs,
		message: `${error.message} Woodpecker asked to wait ${when} before trying again.`,
	});
}

function invalidRequest(title: string, message: string): WoodpeckerApiError {
	return new WoodpeckerApiError({ kind: 'invalid-request', title, message });
}

function invalidResponse(message: string): WoodpeckerApiError {
	return new WoodpeckerApiError({ kind: 'invalid-response', status: 200, title: 'Unexpected response', message });
}

function tooLarge(maxBytes: number): WoodpeckerApiError {
	return new WoodpeckerApiError({
		kind: 'too-large',
		title: 'Response too large',
		message: `Woodpecker's answer is larger than ${formatBytes(maxBytes)}, so it was not loaded. Choose a later cutoff to fetch fewer batches.`,
	});
}

function timeoutError(timeoutMs: number): WoodpeckerApiError {
	return new WoodpeckerApiError({
		kind: 'timeout',
		title: 'Timed out',
		message: `Woodpecker did not answer within ${Math.round(timeoutMs / 100) / 10} s. Retry, or raise the woodpecker.requestTimeoutSeconds setting.`,
	});
}

function aborted(): WoodpeckerApiError {
	return new WoodpeckerApiError({ kind: 'aborted', title: 'Cancelled', message: 'The request was cancelled.' });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(aborted());
		const onAbort = () => {
			clearTimeout(timer);
			reject(aborted());
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}

/** 1536 → "1.5 KB". */
export function formatBytes(n: number): string {
	if (n < 1024) return `${n} B`;
	if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
	return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
