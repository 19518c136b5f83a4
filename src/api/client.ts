// Woodpecker's lead-enrichment endpoints, and an agency's company list. Knows nothing of VS Code,
// so plain mocha tests it.
// The pieces behind it: transport.ts (one HTTP attempt), retry.ts, baseUrl.ts, errors.ts, validate.ts,
// companies.ts (an agency's client companies).
import * as l10n from '@vscode/l10n';
import nodeFetch from 'node-fetch';
import { DEFAULT_BASE_URL, describeUnsafeBaseUrl, hostOf, normalizeBaseUrl } from './baseUrl';
import { describeInvalidCompanyId, readAllCompanies } from './companies';
import { describeInvalidDate } from './dates';
import { WoodpeckerApiError, aborted, badAddress, formatBytes, invalidRequest, networkError, noKey, toApiError } from './errors';
import { RequestQueue } from './requestQueue';
import { DEFAULT_RETRY, type RetryPolicy, withRetries } from './retry';
import { type AttemptResult, type FetchLike, attempt } from './transport';
import type { AgencyCompany, EnrichmentBatch, ListEnrichmentsResponse } from './types';
import { parseBatch, parseListResponse } from './validate';

export { DEFAULT_BASE_URL, normalizeBaseUrl } from './baseUrl';
export { WoodpeckerApiError } from './errors';
export type { WoodpeckerErrorKind } from './errors';
export { RequestQueue } from './requestQueue';
export type { RetryPolicy } from './retry';
export type { FetchInit, FetchLike, FetchResponseLike } from './transport';
export type { AgencyCompany, EnrichmentBatch, Lead, LeadStatus, ListEnrichmentsResponse, ProcessingResult } from './types';

const ENRICHMENTS_PATH = '/rest/v2/lead_finder/leads/enrichments';

/** Where the client reports what it does; a LogOutputChannel fits. The key is never passed here. */
export interface ClientLogger {
	info(message: string): void;
	warn(message: string): void;
}

export interface WoodpeckerClientOptions {
	apiKey: string;
	baseUrl?: string;
	/** Per attempt, in milliseconds. */
	timeoutMs?: number;
	fetch?: FetchLike;
	retry?: Partial<RetryPolicy>;
	/** Bodies longer than this are refused rather than held in memory. */
	maxResponseBytes?: number;
	log?: ClientLogger;
	/**
	 * The account's one-request-at-a-time queue. Woodpecker serves one request per account at a
	 * time: clients made for the same account (after a settings change, say) must share it.
	 */
	queue?: RequestQueue;
	/**
	 * Act as this client company of an agency: every request carries `x-company-id: <companyId>`,
	 * which makes an HQ key act as that company. A positive whole number, or a request is refused.
	 */
	companyId?: number;
}

export interface RequestOptions {
	signal?: AbortSignal;
}

export interface ListOptions extends RequestOptions {
	/** YYYY-MM-DD; without it Woodpecker returns the last 24 hours. */
	createdAfter?: string;
}

export interface CompanyListOptions extends RequestOptions {
	/** Only active (true) or inactive (false) companies; all without it. */
	active?: boolean;
}

/** A list answer with what is known about how it arrived. */
export interface ListResult {
	/** The whole answer as parsed and checked. */
	body: ListEnrichmentsResponse;
	bytes: number;
	receivedAt: Date;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RESPONSE_BYTES = 200 * 1024 * 1024;

/** A Woodpecker API client: one request in flight at a time, bounded retries, per-attempt timeout. */
export class WoodpeckerClient {
	/** The base URL in canonical form (see normalizeBaseUrl). */
	readonly baseUrl: string;
	private readonly apiKey: string;
	private readonly timeoutMs: number;
	private readonly fetchFn: FetchLike;
	private readonly retry: RetryPolicy;
	private readonly maxBytes: number;
	private readonly log: ClientLogger | undefined;
	private readonly queue: RequestQueue;
	/** Why the base URL must not receive the key, if it must not; found once, it cannot change. */
	private readonly urlProblem: string | undefined;
	private readonly companyId: number | undefined;
	/** Why companyId cannot be sent, if it cannot; every request is then refused, none sent. */
	private readonly companyProblem: string | undefined;
	/** What the log calls a request's target: its URL, and the company it acts as. */
	private readonly logSuffix: string;

	constructor(options: WoodpeckerClientOptions) {
		// A pasted key often carries a trailing newline, which no HTTP header may hold.
		this.apiKey = options.apiKey.trim();
		this.baseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
		this.timeoutMs = options.timeoutMs !== undefined && options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_TIMEOUT_MS;
		this.fetchFn = options.fetch ?? (nodeFetch as unknown as FetchLike);
		this.retry = { ...DEFAULT_RETRY, ...options.retry };
		this.maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
		this.log = options.log;
		this.queue = options.queue ?? new RequestQueue();
		this.urlProblem = describeUnsafeBaseUrl(this.baseUrl);
		this.companyId = options.companyId;
		this.companyProblem = describeInvalidCompanyId(options.companyId);
		this.logSuffix = this.companyId === undefined ? '' : l10n.t(' (company {0})', this.companyId);
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
			if (invalid) throw invalidRequest(l10n.t('Invalid cutoff date'), invalid);
			query = `?created_after=${options.createdAfter}`;
		}
		const { json, bytes } = await this.get(`${ENRICHMENTS_PATH}${query}`, options.signal);
		return { body: parseListResponse(json), bytes, receivedAt: new Date() };
	}

	/** Gets one batch by its uuid; accepts the batch bare or wrapped in an object. */
	async getEnrichment(uuid: string, options: RequestOptions = {}): Promise<EnrichmentBatch> {
		const id = uuid.trim();
		if (!id) throw invalidRequest(l10n.t('Missing batch uuid'), l10n.t('Give the uuid of an enrichment batch.'));
		const { json } = await this.get(`${ENRICHMENTS_PATH}/${encodeURIComponent(id)}`, options.signal);
		return parseBatch(json);
	}

	/**
	 * Lists an agency's client companies (an HQ key's), every page of GET /rest/v2/agency/companies,
	 * each page its own request in the queue. A key without the agency add-on gets a 403.
	 */
	async listCompanies(options: CompanyListOptions = {}): Promise<AgencyCompany[]> {
		return readAllCompanies(async (pathAndQuery) => (await this.get(pathAndQuery, options.signal)).json, options.active);
	}

	private get(pathAndQuery: string, signal?: AbortSignal): Promise<AttemptResult> {
		if (this.urlProblem) return Promise.reject(badAddress(this.urlProblem));
		if (!this.apiKey) return Promise.reject(noKey());
		if (/[^\t\x20-\x7e\x80-\xff]/.test(this.apiKey)) {
			return Promise.reject(noKey(l10n.t('The API key contains characters an HTTP header cannot carry. Copy it again from Woodpecker and set it anew.')));
		}
		if (this.companyProblem) return Promise.reject(invalidRequest(l10n.t('Invalid company id'), this.companyProblem));
		const url = `${this.baseUrl}${pathAndQuery}`;
		const headers: Record<string, string> = { 'x-api-key': this.apiKey, accept: 'application/json', 'accept-encoding': 'gzip, deflate', connection: 'keep-alive' };
		if (this.companyId !== undefined) headers['x-company-id'] = String(this.companyId);
		const once = () => attempt(this.fetchFn, url, { headers, timeoutMs: this.timeoutMs, maxBytes: this.maxBytes, signal });
		const target = `${url}${this.logSuffix}`;
		return this.queue.run(() => this.withLog(target, () => withRetries(once, this.retry, this.retryHooks(target, signal))), signal);
	}

	/** `target` is the URL, and the company the request acts as. */
	private async withLog(target: string, run: () => Promise<AttemptResult>): Promise<AttemptResult> {
		const started = Date.now();
		const result = await run();
		this.log?.info(`GET ${target} → ${result.status} in ${Date.now() - started} ms (${formatBytes(result.bytes)})`);
		return result;
	}

	private retryHooks(target: string, signal: AbortSignal | undefined) {
		let attemptStarted = Date.now();
		return {
			signal,
			toError: (e: unknown) => this.scrub(this.toError(e, signal)),
			onFailure: (error: WoodpeckerApiError, n: number) => {
				this.log?.warn(`GET ${target} failed (attempt ${n}/${this.retry.attempts}) after ${Date.now() - attemptStarted} ms: ${error.message}`);
			},
			onRetry: (delayMs: number) => {
				this.log?.info(`Retrying in ${delayMs} ms`);
				attemptStarted = Date.now() + delayMs;
			},
		};
	}

	private toError(e: unknown, signal: AbortSignal | undefined): WoodpeckerApiError {
		if (e instanceof WoodpeckerApiError) return e;
		if (signal?.aborted) return aborted();
		// Anything else a fetch throws is the network's doing (node-fetch's FetchError, a TypeError from Node's fetch).
		return e instanceof Error && e.name !== 'AbortError' ? networkError(e, hostOf(this.baseUrl)) : toApiError(e);
	}

	// Belt and braces: nothing the network stack says may carry the key into a message.
	private scrub(error: WoodpeckerApiError): WoodpeckerApiError {
		return error.masked(this.apiKey, '***');
	}
}
