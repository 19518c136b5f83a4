// A loopback fake of Woodpecker's lead-enrichment endpoints (node:http only), with fault
// injection and request recording, so the client can be tested against real sockets; and of an
// agency (an HQ key, its client companies, x-company-id), see FakeAgency.
//
// Choices where the docs are silent:
// - The API key is checked before the path, so a wrong key gets 401 on any path.
// - No created_after: batches created within the 24 hours before now(). With created_after=D:
//   batches created at or after D's midnight, read as `createdAfterReading` says (by default
//   inclusive, in UTC; the docs say neither). An ill-formed or impossible D (2026-02-30) → 400.
// - A batch whose `created` does not parse is always listed, so odd values can be fed through.
// - Batches are listed in the order they were given.
// Agency (NOTES.md "Agency"; where the docs are silent, what a real server most plausibly does):
// - The server's `apiKey` is an account without the agency add-on: GET /rest/v2/agency/companies,
//   or any request with x-company-id, gets 403 "No Agency addon" (the third-party reports' answer).
// - The agency's HQ key (`agency.apiKey`, 'agency-key' by default) is an account of its own with its
//   own batches. With x-company-id: <id> it acts as that client company: that company's batches.
// - An id that is not a client of the agency, or no longer one (removeCompany), gets 403 Forbidden:
//   the header says whom the key acts as, so a foreign id is a question of permission, not a
//   resource missing at the path (404). An id that is not a positive decimal number gets 400.
// - Acting as a client company, the HQ key is that company's, which has no add-on: the company list
//   gets 403 "No Agency addon".
// - The list: `pageSize` companies a page (2 by default, so the demo's 3 take two pages), `page`
//   1-based (absent: 1; past the end: `content: []`), `active=true|false` filters, a company
//   without an `active` field counting as active. total_pages is 0 for an agency without clients.
import * as http from 'node:http';
import type { Socket } from 'node:net';
import * as zlib from 'node:zlib';
import type { AgencyCompany, EnrichmentBatch } from '../../src/api/types';
import { demoAgency } from './data';

export const ENRICHMENTS_PATH = '/rest/v2/lead_finder/leads/enrichments';
export const COMPANIES_PATH = '/rest/v2/agency/companies';

/** What to do to a request instead of (or before) answering it normally. */
export type Fault =
	/** Documented body for 400/401/404/500, a generic JSON error body for other statuses. */
	| { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
	/** A proxy's HTML error page. */
	| { kind: 'html'; status: number }
	/** The status and no body at all. */
	| { kind: 'empty'; status: number }
	/** Destroy the socket without answering. */
	| { kind: 'reset' }
	/** Never answer (until stop()). */
	| { kind: 'hang' }
	/** 200 declaring the full body's content-length, half of it sent, then the socket destroyed. */
	| { kind: 'truncated' }
	/** 200, complete, but not JSON. */
	| { kind: 'badJson' }
	/** This JSON (default status 200), e.g. a wrong shape. */
	| { kind: 'json'; body: unknown; status?: number }
	/** 200 streaming `bytes` bytes of valid-looking JSON (a giant string), chunked, never buffered whole. */
	| { kind: 'huge'; bytes: number }
	/** Answer normally, `ms` later. */
	| { kind: 'delay'; ms: number };

export interface RecordedRequest {
	method: string;
	/** The path without the query. */
	path: string;
	query: Record<string, string>;
	/** The x-api-key header as received. Never print it in a test. */
	apiKey: string | undefined;
	/** The x-company-id header as received. */
	companyId?: string;
	acceptEncoding?: string;
	/** 'gzip' once the server answered this request gzipped. */
	responseEncoding?: string;
	/** Date.now() when the request arrived. */
	at: number;
}

export interface FakeServerOptions {
	/** Default 'test-key'. */
	apiKey?: string;
	batches?: EnrichmentBatch[];
	/** The server's clock, for the default 24-hour window and error timestamps. */
	now?: () => Date;
	/** Default true: gzip answers when the request's accept-encoding allows it. */
	gzip?: boolean;
	/** Added before every answer. */
	latencyMs?: number;
	/** Answer GET .../enrichments/{uuid} as {"lead_enrichment": {...}} instead of the bare batch. */
	wrapSingle?: boolean;
	/** How created_after=D is read; default inclusive, in UTC. */
	createdAfterReading?: CreatedAfterReading;
	/** The agency the fake also serves; default demoAgency() (HQ key 'agency-key'); false for none. */
	agency?: FakeAgency | false;
}

/** One client company of a FakeAgency: the list's entry for it, and the batches it holds. */
export interface FakeCompany {
	/** As GET /rest/v2/agency/companies lists it; `id` is what x-company-id takes. */
	company: AgencyCompany;
	batches: EnrichmentBatch[];
}

/** An agency: its HQ key, which is an account of its own, and its client companies, in list order. */
export interface FakeAgency {
	/** The HQ key; it must differ from the server's `apiKey` (an account without the add-on). */
	apiKey: string;
	/** The HQ's own batches, for its key without x-company-id. */
	batches: EnrichmentBatch[];
	companies: FakeCompany[];
	/** Companies a page of the list; default 2. */
	pageSize?: number;
}

/**
 * A reading of created_after=D the docs leave open: batches from D's midnight (inclusive) or
 * from the next midnight (exclusive: "after D"), at a UTC offset (0 = UTC; the server's own zone).
 */
export interface CreatedAfterReading {
	exclusive: boolean;
	utcOffsetMinutes: number;
}

const DAY_MS = 86_400_000;
const DEFAULT_PAGE_SIZE = 2;
const POSITIVE_DECIMAL = /^[1-9]\d*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_CACHED_LISTS = 16;

interface CachedBody {
	json: Buffer;
	gzip?: Buffer;
}

/** Whose data a request reaches: an account without the add-on, the agency's HQ, or a client company. */
interface Caller {
	batches: BatchAccount;
	/** Only for the HQ itself, the one caller that may list the agency's companies. */
	agency?: ServedAgency;
}

/** An agency as served: its companies' batches indexed, and those removed since the last reset(). */
interface ServedAgency {
	apiKey: string;
	hq: BatchAccount;
	companies: Array<{ company: AgencyCompany; batches: BatchAccount }>;
	pageSize: number;
	removed: Set<number>;
}

/** The documented error bodies, field for field (only the 400 carries `extra`). */
export function documentedErrorBody(status: number, now: Date): Record<string, unknown> {
	const timestamp = formatTimestamp(now);
	switch (status) {
		case 400:
			return { title: 'Bad Request', status, details: 'Value of created_after is incorrect.', timestamp, extra: null };
		case 401:
			return { title: 'Unauthorized', status, details: 'Invalid api key', timestamp };
		case 404:
			return { title: 'Not Found', status, details: 'Requested resource does not exist', timestamp };
		case 500:
			return { title: 'Internal server error', status, details: 'An unexpected error has occurred. Please try again later.', timestamp };
		default:
			return { title: http.STATUS_CODES[status] ?? 'Error', status, details: `The server answered with status ${status}.`, timestamp, extra: null };
	}
}

/** A Woodpecker-style error body with these details, for answers the docs give no body for (403). */
export function errorBody(status: number, details: string, now: Date): Record<string, unknown> {
	return { title: http.STATUS_CODES[status] ?? 'Error', status, details, timestamp: formatTimestamp(now) };
}

/** A loopback Woodpecker API: start(), point the client at the URL it returns, stop(). */
export class FakeWoodpeckerServer {
	apiKey: string;
	latencyMs: number;
	wrapSingle: boolean;
	gzip: boolean;
	createdAfterReading: CreatedAfterReading;
	readonly requests: RecordedRequest[] = [];
	/** Requests being answered right now. */
	inFlight = 0;
	/** The most requests ever answered at once since the last reset(). */
	maxInFlight = 0;

	private main: BatchAccount = new BatchAccount([]);
	/** The agency given at construction, which reset() puts back. */
	private readonly initialAgency: FakeAgency | false;
	private agency: ServedAgency | undefined;
	private readonly faults: Fault[] = [];
	private alwaysFault: Fault | undefined;
	private readonly now: () => Date;
	private readonly server: http.Server;
	private readonly sockets = new Set<Socket>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private baseUrl: string | undefined;

	constructor(opts: FakeServerOptions = {}) {
		this.apiKey = opts.apiKey ?? 'test-key';
		this.now = opts.now ?? (() => new Date());
		this.gzip = opts.gzip ?? true;
		this.latencyMs = opts.latencyMs ?? 0;
		this.wrapSingle = opts.wrapSingle ?? false;
		this.createdAfterReading = opts.createdAfterReading ?? { exclusive: false, utcOffsetMinutes: 0 };
		this.setBatches(opts.batches ?? []);
		this.initialAgency = opts.agency ?? demoAgency(this.now());
		this.setAgency(this.initialAgency);
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((e: unknown) => {
				// A bug in the fake (or a fault body JSON cannot hold) must fail the request, not the test run.
				console.error('FakeWoodpeckerServer:', e instanceof Error ? e.message : e);
				res.destroy();
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		// A client that hangs up mid-request is part of the tests, not an error worth a crash.
		this.server.on('clientError', (_err, socket) => socket.destroy());
	}

	/** Listens on 127.0.0.1 (a free port); resolves with the base URL, e.g. http://127.0.0.1:41234. */
	start(port = 0): Promise<string> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => {
				this.server.off('error', reject);
				const address = this.server.address();
				if (!address || typeof address === 'string') return reject(new Error('no TCP address'));
				this.baseUrl = `http://127.0.0.1:${address.port}`;
				resolve(this.baseUrl);
			});
		});
	}

	/** The base URL once started. */
	get url(): string {
		if (!this.baseUrl) throw new Error('FakeWoodpeckerServer is not started');
		return this.baseUrl;
	}

	/** Stops listening and destroys every open socket, hanging requests included. */
	stop(): Promise<void> {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		return new Promise((resolve) => {
			if (!this.server.listening) return resolve();
			this.server.close(() => resolve());
			for (const socket of this.sockets) socket.destroy();
			this.sockets.clear();
		});
	}

	/** Replaces the batches (and drops cached bodies). Call again after mutating a batch in place. */
	setBatches(batches: EnrichmentBatch[]): void {
		this.main = new BatchAccount(batches);
	}

	/**
	 * Serves this agency instead (false: none, its key then gets 401 like any unknown key), until
	 * reset() puts back the one given at construction. Call again after mutating it in place.
	 */
	setAgency(agency: FakeAgency | false): void {
		if (!agency) return void (this.agency = undefined);
		if (agency.apiKey === this.apiKey) throw new Error("FakeWoodpeckerServer: the agency's HQ key must differ from apiKey");
		const pageSize = agency.pageSize ?? DEFAULT_PAGE_SIZE;
		if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new Error(`FakeWoodpeckerServer: pageSize must be a positive whole number, not ${pageSize}`);
		this.agency = {
			apiKey: agency.apiKey,
			hq: new BatchAccount(agency.batches),
			companies: agency.companies.map((c) => ({ company: c.company, batches: new BatchAccount(c.batches) })),
			pageSize,
			removed: new Set(),
		};
	}

	/**
	 * The company leaves the agency: later listings do not show it, and requests acting as it get
	 * the 403 of an unknown id, until reset(). Returns whether it was a client until now.
	 */
	removeCompany(id: number): boolean {
		const agency = this.agency;
		if (!agency || agency.removed.has(id) || !agency.companies.some((c) => c.company.id === id)) return false;
		agency.removed.add(id);
		return true;
	}

	/** The next requests get these faults, first in first out, before any failAlways fault. */
	failNext(fault: Fault, times = 1): void {
		for (let i = 0; i < times; i++) this.faults.push(fault);
	}

	/** Every request gets this fault (once failNext's queue is empty); undefined turns it off. */
	failAlways(fault: Fault | undefined): void {
		this.alwaysFault = fault;
	}

	/**
	 * Clears recorded requests, queued and permanent faults, the counters, and the created_after
	 * reading; puts back the agency given at construction, its removed companies included.
	 */
	reset(): void {
		this.requests.length = 0;
		this.createdAfterReading = { exclusive: false, utcOffsetMinutes: 0 };
		this.faults.length = 0;
		this.alwaysFault = undefined;
		this.maxInFlight = this.inFlight;
		this.setAgency(this.initialAgency);
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const record: RecordedRequest = {
			method: req.method ?? 'GET',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			apiKey: headerValue(req.headers['x-api-key']),
			companyId: headerValue(req.headers['x-company-id']),
			acceptEncoding: headerValue(req.headers['accept-encoding']),
			at: Date.now(),
		};
		this.requests.push(record);
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		let counted = true;
		const done = () => {
			if (counted) this.inFlight--;
			counted = false;
		};
		res.once('finish', done);
		res.once('close', done);
		req.resume();

		const fault = this.faults.shift() ?? this.alwaysFault;
		if (this.latencyMs > 0) await this.sleep(this.latencyMs);
		if (fault?.kind === 'delay') await this.sleep(fault.ms);
		if (res.destroyed) return;
		const gzip = this.gzip && acceptsGzip(record.acceptEncoding);
		if (fault && fault.kind !== 'delay') return this.applyFault(fault, req, res, gzip, record);
		this.answer(url, req, res, gzip, record);
	}

	private answer(url: URL, req: http.IncomingMessage, res: http.ServerResponse, gzip: boolean, record: RecordedRequest): void {
		const isPlain = record.apiKey === this.apiKey;
		const hq = isPlain ? undefined : this.agency;
		if (!isPlain && (hq === undefined || record.apiKey !== hq.apiKey)) return this.sendError(res, 401, gzip, record);
		if (req.method !== 'GET') return this.sendError(res, 405, gzip, record);
		const caller = hq ? this.agencyCaller(hq, res, gzip, record) : this.plainCaller(res, gzip, record);
		if (!caller) return;
		if (url.pathname === COMPANIES_PATH) {
			if (!caller.agency) return this.sendError(res, 403, gzip, record, 'No Agency addon');
			return this.answerCompanies(caller.agency, url, res, gzip, record);
		}
		const batches = caller.batches;
		if (url.pathname === ENRICHMENTS_PATH) return this.answerList(batches, url, res, gzip, record);
		if (url.pathname.startsWith(`${ENRICHMENTS_PATH}/`)) {
			const id = safeDecode(url.pathname.slice(ENRICHMENTS_PATH.length + 1));
			const batch = id === undefined ? undefined : batches.find(id);
			if (!batch) return this.sendError(res, 404, gzip, record);
			const body = Buffer.from(JSON.stringify(this.wrapSingle ? { lead_enrichment: batch } : batch));
			return this.send(res, 200, { json: body }, gzip, record);
		}
		this.sendError(res, 404, gzip, record);
	}

	/** The account without the add-on; acting as a company needs the add-on. Undefined once answered. */
	private plainCaller(res: http.ServerResponse, gzip: boolean, record: RecordedRequest): Caller | undefined {
		if (record.companyId !== undefined) return void this.sendError(res, 403, gzip, record, 'No Agency addon');
		return { batches: this.main };
	}

	/** The HQ, or the client company x-company-id names. Undefined once answered (a bad or foreign id). */
	private agencyCaller(agency: ServedAgency, res: http.ServerResponse, gzip: boolean, record: RecordedRequest): Caller | undefined {
		const header = record.companyId;
		if (header === undefined) return { batches: agency.hq, agency };
		const id = POSITIVE_DECIMAL.test(header) ? Number(header) : Number.NaN;
		if (!Number.isSafeInteger(id)) return void this.sendError(res, 400, gzip, record, 'Value of x-company-id is incorrect.');
		const client = agency.removed.has(id) ? undefined : agency.companies.find((c) => c.company.id === id);
		if (!client) return void this.sendError(res, 403, gzip, record, `No access to company ${id}`);
		return { batches: client.batches };
	}

	private answerCompanies(agency: ServedAgency, url: URL, res: http.ServerResponse, gzip: boolean, record: RecordedRequest): void {
		const pageParam = url.searchParams.get('page') ?? '1';
		const page = POSITIVE_DECIMAL.test(pageParam) ? Number(pageParam) : Number.NaN;
		if (!Number.isSafeInteger(page)) return this.sendError(res, 400, gzip, record, 'Value of page is incorrect.');
		const activeParam = url.searchParams.get('active');
		if (activeParam !== null && activeParam !== 'true' && activeParam !== 'false') return this.sendError(res, 400, gzip, record, 'Value of active is incorrect.');
		const listed = agency.companies.map((c) => c.company).filter((c) => !agency.removed.has(c.id) && (activeParam === null || (c.active ?? true) === (activeParam === 'true')));
		const size = agency.pageSize;
		const body = {
			content: listed.slice((page - 1) * size, page * size),
			pagination_data: { total_elements: listed.length, total_pages: Math.ceil(listed.length / size), current_page_number: page, page_size: size },
		};
		this.send(res, 200, { json: Buffer.from(JSON.stringify(body)) }, gzip, record);
	}

	private answerList(batches: BatchAccount, url: URL, res: http.ServerResponse, gzip: boolean, record: RecordedRequest): void {
		const createdAfter = url.searchParams.get('created_after');
		let cutoff: number;
		if (createdAfter === null) cutoff = this.now().getTime() - DAY_MS;
		else {
			const midnight = utcMidnight(createdAfter);
			if (midnight === undefined) return this.sendError(res, 400, gzip, record);
			const { exclusive, utcOffsetMinutes } = this.createdAfterReading;
			cutoff = midnight + (exclusive ? DAY_MS : 0) - utcOffsetMinutes * 60_000;
		}
		this.send(res, 200, batches.listBody(cutoff), gzip, record);
	}

	private applyFault(fault: Exclude<Fault, { kind: 'delay' }>, req: http.IncomingMessage, res: http.ServerResponse, gzip: boolean, record: RecordedRequest): void {
		switch (fault.kind) {
			case 'status': {
				const body = fault.body ?? JSON.stringify(documentedErrorBody(fault.status, this.now()));
				return this.send(res, fault.status, { json: Buffer.from(body) }, gzip, record, fault.headers);
			}
			case 'html': {
				const reason = http.STATUS_CODES[fault.status] ?? 'Error';
				const page = `<html>\r\n<head><title>${fault.status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${fault.status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
				res.writeHead(fault.status, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(page) });
				res.end(page);
				return;
			}
			case 'empty':
				res.writeHead(fault.status, { 'content-length': 0 });
				res.end();
				return;
			case 'reset':
				return resetSocket(req.socket);
			case 'hang':
				return;
			case 'truncated': {
				const body = this.main.listBody(this.now().getTime() - DAY_MS).json;
				res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
				res.write(body.subarray(0, Math.floor(body.length / 2)), () => req.socket.destroy());
				return;
			}
			case 'badJson':
				return this.send(res, 200, { json: Buffer.from('lead_enrichments: [] # not JSON\n') }, false, record);
			case 'json':
				return this.send(res, fault.status ?? 200, { json: Buffer.from(JSON.stringify(fault.body)) }, gzip, record);
			case 'huge':
				return streamHuge(res, fault.bytes);
		}
	}

	/** The documented body for `status`, or, with `details`, a Woodpecker-style one saying that. */
	private sendError(res: http.ServerResponse, status: number, gzip: boolean, record: RecordedRequest, details?: string): void {
		const now = this.now();
		const body = Buffer.from(JSON.stringify(details === undefined ? documentedErrorBody(status, now) : errorBody(status, details, now)));
		this.send(res, status, { json: body }, gzip, record);
	}

	private send(res: http.ServerResponse, status: number, body: CachedBody, gzip: boolean, record: RecordedRequest, extraHeaders?: Record<string, string>): void {
		const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json; charset=utf-8', ...extraHeaders };
		let payload = body.json;
		if (gzip) {
			payload = body.gzip ??= zlib.gzipSync(body.json);
			headers['content-encoding'] = 'gzip';
			headers.vary = 'accept-encoding';
			record.responseEncoding = 'gzip';
		}
		headers['content-length'] = payload.length;
		res.writeHead(status, headers);
		res.end(payload);
	}

	private sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.add(timer);
		});
	}
}

/** One account's batches, and the list bodies already made of them. */
class BatchAccount {
	private readonly createdMs: number[];
	private readonly sortedCreatedMs: number[];
	private readonly listCache = new Map<string, CachedBody>();

	constructor(private readonly batches: EnrichmentBatch[]) {
		this.createdMs = batches.map((b) => Date.parse(b.created));
		this.sortedCreatedMs = this.createdMs.filter((t) => !Number.isNaN(t)).sort((a, b) => a - b);
	}

	find(uuid: string): EnrichmentBatch | undefined {
		return this.batches.find((b) => b.uuid === uuid);
	}

	// The selection for cutoff t is fixed by the earliest created time ≥ t, so that is the cache key:
	// a moving 24-hour window reuses the body until a batch actually drops out of it.
	listBody(cutoff: number): CachedBody {
		const sorted = this.sortedCreatedMs;
		const first = lowerBound(sorted, cutoff);
		const key = first < sorted.length ? String(sorted[first]) : 'none';
		let cached = this.listCache.get(key);
		if (!cached) {
			const threshold = first < sorted.length ? sorted[first] : Infinity;
			const selected = this.batches.filter((_b, i) => Number.isNaN(this.createdMs[i]) || this.createdMs[i] >= threshold);
			cached = { json: Buffer.from(JSON.stringify({ lead_enrichments: selected })) };
			if (this.listCache.size >= MAX_CACHED_LISTS) this.listCache.clear();
			this.listCache.set(key, cached);
		}
		return cached;
	}
}

/** Writes `bytes` bytes of `{"lead_enrichments":[],"padding":"xxx…"}` in chunks, minding backpressure. */
function streamHuge(res: http.ServerResponse, bytes: number): void {
	const head = Buffer.from('{"lead_enrichments":[],"padding":"');
	const tail = Buffer.from('"}');
	const chunk = Buffer.alloc(64 * 1024, 'x');
	let left = Math.max(0, bytes - head.length - tail.length);
	res.writeHead(200, { 'content-type': 'application/json' });
	res.write(head);
	const pump = () => {
		while (left > 0 && !res.destroyed) {
			const n = Math.min(left, chunk.length);
			left -= n;
			if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once('drain', pump);
		}
		if (!res.destroyed) res.end(tail);
	};
	pump();
}

function resetSocket(socket: Socket): void {
	// An RST (ECONNRESET at the client) where Node supports it, else a plain close.
	const withReset = socket as Socket & { resetAndDestroy?: () => Socket };
	if (typeof withReset.resetAndDestroy === 'function') withReset.resetAndDestroy();
	else socket.destroy();
}

/** The UTC midnight of a real YYYY-MM-DD date, or undefined for anything else. */
function utcMidnight(value: string): number | undefined {
	const m = ISO_DATE.exec(value);
	if (!m) return undefined;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const d = new Date(0);
	d.setUTCFullYear(year, month - 1, day);
	if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
	return d.getTime();
}

function acceptsGzip(header: string | undefined): boolean {
	if (!header) return false;
	return header.split(',').some((part) => {
		const [coding, ...params] = part.trim().toLowerCase().split(';');
		if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return q === undefined || Number(q.slice(2)) > 0;
	});
}

function lowerBound(sorted: number[], value: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

function headerValue(v: string | string[] | undefined): string | undefined {
	return Array.isArray(v) ? v.join(', ') : v;
}

function safeDecode(s: string): string | undefined {
	try {
		return decodeURIComponent(s);
	} catch {
		return undefined;
	}
}

/** "2025-03-05 17:57:00", UTC, as the error bodies write it. */
function formatTimestamp(d: Date): string {
	return d.toISOString().slice(0, 19).replace('T', ' ');
}
