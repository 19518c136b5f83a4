// Holds what the view shows: the last good answer, the state, the last failure; runs refreshes.
// No `vscode` import: the editor hands it what it needs, so races are unit-tested in plain Node.
import { type ClientLogger, RequestQueue, WoodpeckerApiError, WoodpeckerClient } from '../api/client';
import { aborted, noKey, toApiError } from '../api/errors';
import type { FetchLike } from '../api/transport';
import type { AgencyCompany, EnrichmentBatch, ListEnrichmentsResponse } from '../api/types';
import { Disposable } from '../common/disposable';
import { Emitter } from '../common/emitter';
import { EnrichmentModel } from '../model/enrichmentModel';
import { type Cutoff, createdAfterFor, sameCutoff, windowStart } from '../settings/cutoff';
import { OpenedBatches, type OpenedMemory } from './openedBatches';
import type { CachedResponse } from './responseCache';

export type ViewState = 'no-key' | 'idle' | 'loading' | 'loaded' | 'empty' | 'error';

/** Who asked for a refresh: the user (a command, a button) is told of a failure; a background one only shows it in the view. */
export type RefreshTrigger = 'user' | 'background';

export interface LoadedData {
	/** The whole answer, as parsed; the tree and the raw JSON view share this one copy. */
	readonly response: ListEnrichmentsResponse;
	readonly model: EnrichmentModel;
	readonly receivedAt: Date;
	readonly cutoff: Cutoff;
	/** True while the data comes from the cache of an earlier session. */
	readonly cached: boolean;
}

export interface RefreshFailure {
	readonly error: WoodpeckerApiError;
	readonly at: Date;
}

export type RefreshOutcome = { ok: true } | { ok: false; error: WoodpeckerApiError };

export interface RefreshEnd {
	readonly outcome: RefreshOutcome;
	readonly trigger: RefreshTrigger;
}

export interface StoreConfig {
	/** Normalized base URL. */
	apiBaseUrl: string;
	timeoutMs: number;
}

export interface StoreLog extends ClientLogger {
	error(message: string): void;
	/** The key in use, so no line can show it. */
	setSecret(secret: string | undefined): void;
}

export interface StoreCache {
	load(): Promise<CachedResponse | undefined>;
	save(entry: CachedResponse, bytes: number): Promise<void>;
	clear(): Promise<void>;
}

export interface StoreDeps {
	keys: { get(): Promise<string | undefined> };
	cutoffs: { get(): Cutoff };
	config: () => StoreConfig;
	cache: StoreCache;
	log: StoreLog;
	/**
	 * The account's one-request-at-a-time queue: Woodpecker serves one request per account at a
	 * time, so every store that uses the account's key shares it. Without one, the store has its own.
	 */
	queue?: RequestQueue;
	/** A client company seen through its agency's key: every request names it (x-company-id). */
	companyId?: number;
	/** Where the batches opened by uuid are kept across reloads; in memory only without it. */
	opened?: OpenedMemory;
	now?: () => Date;
	/** For tests: the client's fetch. */
	fetch?: FetchLike;
}

/** An in-memory OpenedMemory, for a store given none. */
function memoryOnly(): OpenedMemory {
	let kept: unknown;
	return { get: () => kept, set: async (entries) => void (kept = entries) };
}

export class EnrichmentStore extends Disposable {
	private readonly changed = this._register(new Emitter<void>());
	readonly onDidChange = this.changed.event;
	private readonly finished = this._register(new Emitter<RefreshEnd>());
	/** Fires once per refresh that ran, with how it ended and who asked for it. */
	readonly onDidFinishRefresh = this.finished.event;
	private readonly forgot = this._register(new Emitter<string>());
	/** Fires with the reason when data is dropped because the account changed (key or address). */
	readonly onDidForget = this.forgot.event;

	private _data: LoadedData | undefined;
	private _failure: RefreshFailure | undefined;
	private _hasKey = false;
	private _initialized = false;
	private running: { promise: Promise<RefreshOutcome>; abort: AbortController; trigger: RefreshTrigger } | undefined;
	/** Bumped when the account changes: work started before then must not land. */
	private epoch = 0;
	private readonly queue: RequestQueue;
	private client: { client: WoodpeckerClient; key: string; config: StoreConfig } | undefined;
	private readonly now: () => Date;
	/** Batches opened by uuid that the list leaves out (see openBatch). */
	readonly opened: OpenedBatches;

	constructor(private readonly deps: StoreDeps) {
		super();
		this.now = deps.now ?? (() => new Date());
		this.queue = deps.queue ?? new RequestQueue();
		this.opened = new OpenedBatches(deps.opened ?? memoryOnly());
	}

	get data(): LoadedData | undefined {
		return this._data;
	}

	get failure(): RefreshFailure | undefined {
		return this._failure;
	}

	get hasKey(): boolean {
		return this._hasKey;
	}

	/** False until the key and the cache have been read, so the view shows no premature welcome. */
	get initialized(): boolean {
		return this._initialized;
	}

	get isRefreshing(): boolean {
		return this.running !== undefined;
	}

	/** Pending leads on screen: the list's, and those of opened batches the list leaves out. */
	get pendingShown(): number {
		const model = this._data?.model;
		return (model?.totals.pending ?? 0) + this.opened.pendingLeads(model);
	}

	get state(): ViewState {
		if (!this._hasKey) return 'no-key';
		if (this._data) return this._data.model.isEmpty ? 'empty' : 'loaded';
		if (this.running) return 'loading';
		return this._failure ? 'error' : 'idle';
	}

	/**
	 * Reads the key and shows the cached answer of the last session, if it fits the current settings.
	 * A store made for an account or company that did not exist before (`fresh`) has no answer of its
	 * own on disk: anything found there is a leftover, deleted unread.
	 */
	async initialize(options: { fresh?: boolean } = {}): Promise<void> {
		const key = await this.deps.keys.get();
		this._hasKey = key !== undefined;
		this.deps.log.setSecret(key);
		if (options.fresh) await this.deps.cache.clear();
		else if (this._hasKey) {
			const epoch = this.epoch;
			const cached = await this.deps.cache.load();
			if (epoch === this.epoch && !this._data && cached && cached.baseUrl === this.deps.config().apiBaseUrl && sameCutoff(cached.cutoff, this.deps.cutoffs.get())) {
				const model = new EnrichmentModel(cached.body.lead_enrichments, windowStart(cached.cutoff, cached.receivedAt));
				this._data = { response: cached.body, model, receivedAt: cached.receivedAt, cutoff: cached.cutoff, cached: true };
				this.deps.log.info(`Showing ${model.rows.length} cached batches from ${cached.receivedAt.toISOString()} until a refresh succeeds.`);
			}
		}
		this._initialized = true;
		this.changed.fire();
	}

	/**
	 * The account changed (another key, or another address): forget what the old one answered,
	 * here and on disk, and read the key again. Does not load: the scheduler decides that.
	 */
	async resetAccount(reason: string): Promise<void> {
		this.epoch++;
		this.cancel();
		const hadData = this._data !== undefined;
		this._data = undefined;
		this._failure = undefined;
		this.client = undefined;
		const key = await this.deps.keys.get();
		this._hasKey = key !== undefined;
		this.deps.log.setSecret(key);
		// Waits for a write of the old account's answer that is under way, then deletes it.
		await this.deps.cache.clear();
		await this.opened.clear();
		if (hadData) this.forgot.fire(reason);
		this.changed.fire();
	}

	/**
	 * Loads the batches for the current cutoff. While one refresh runs, asking again returns it
	 * (no second request) unless `restart` is set, which aborts it and starts over.
	 */
	refresh(options: { trigger?: RefreshTrigger; restart?: boolean } = {}): Promise<RefreshOutcome> {
		const trigger = options.trigger ?? 'background';
		if (this.running) {
			if (!options.restart) {
				// The user asking while a background refresh runs is told how that one ends.
				if (trigger === 'user') this.running.trigger = 'user';
				return this.running.promise;
			}
			this.running.abort.abort();
		}
		const abort = new AbortController();
		const promise = this.load(abort.signal, this.epoch).catch((e: unknown) => ({ ok: false as const, error: toApiError(e) }));
		const running = { promise, abort, trigger };
		this.running = running;
		void promise.then((outcome) => {
			if (this.running === running) this.running = undefined;
			this.changed.fire();
			this.finished.fire({ outcome, trigger: running.trigger });
		});
		this.changed.fire();
		return promise;
	}

	/** Aborts the refresh under way, if any; what is on screen stays. */
	cancel(): void {
		this.running?.abort.abort();
	}

	/** Looks up one batch by uuid through the account's one-request-at-a-time queue; dropped if the account changes meanwhile. */
	async lookUpBatch(uuid: string, signal?: AbortSignal): Promise<EnrichmentBatch> {
		const epoch = this.epoch;
		const client = await this.currentClient();
		if (!client) throw noKey();
		const batch = await client.getEnrichment(uuid, { signal });
		if (epoch !== this.epoch) throw aborted();
		return batch;
	}

	/**
	 * Opens one batch by uuid: fetched through the queue; when the list (its cutoff) leaves it out it
	 * is remembered in `opened`, shown in its own group and refreshed with the list while pending.
	 */
	async openBatch(uuid: string, signal?: AbortSignal): Promise<{ batch: EnrichmentBatch; inList: boolean }> {
		const batch = await this.lookUpBatch(uuid, signal);
		const inList = this._data?.model.findBatch(batch.uuid) !== undefined;
		if (!inList) await this.opened.add(batch, this.now());
		else await this.opened.remove(batch.uuid);
		this.changed.fire();
		return { batch, inList };
	}

	/** Forgets one opened batch (undefined: all of them). */
	async removeOpened(uuid?: string): Promise<void> {
		await (uuid === undefined ? this.opened.clear() : this.opened.remove(uuid));
		this.changed.fire();
	}

	/** An agency's client companies (every page), through the account's queue; dropped if the account changes meanwhile. */
	async listCompanies(signal?: AbortSignal): Promise<AgencyCompany[]> {
		const epoch = this.epoch;
		const client = await this.currentClient();
		if (!client) throw noKey();
		const companies = await client.listCompanies({ signal });
		if (epoch !== this.epoch) throw aborted();
		return companies;
	}

	private async load(signal: AbortSignal, epoch: number): Promise<RefreshOutcome> {
		const client = await this.currentClient();
		this._hasKey = client !== undefined;
		if (!client) return { ok: false, error: noKey() };
		const cutoff = this.deps.cutoffs.get();
		const start = windowStart(cutoff, this.now());
		try {
			const result = await client.listEnrichmentsResponse({ createdAfter: createdAfterFor(start), signal });
			if (signal.aborted || epoch !== this.epoch) return { ok: false, error: aborted() };
			const model = new EnrichmentModel(result.body.lead_enrichments, start);
			this._data = { response: result.body, model, receivedAt: result.receivedAt, cutoff, cached: false };
			this._failure = undefined;
			void this.deps.cache.save({ body: result.body, receivedAt: result.receivedAt, cutoff, baseUrl: client.baseUrl }, result.bytes);
			await this.refetchOpened(client, model, signal, epoch);
			return { ok: true };
		} catch (e) {
			const error = toApiError(e);
			// A cancelled refresh is the user's choice (or a newer one's), not a failure to report.
			if (error.kind === 'aborted' || epoch !== this.epoch) return { ok: false, error: aborted() };
			this._failure = { error, at: this.now() };
			this.deps.log.error(`Refresh failed: ${error.message}`);
			return { ok: false, error };
		}
	}

	/**
	 * After the list: the opened batches it leaves out that still have pending leads, fetched again
	 * one by one in the same queue (within this refresh, so nothing runs beside it). One that fails
	 * keeps what it showed; the log says why.
	 */
	private async refetchOpened(client: WoodpeckerClient, list: EnrichmentModel, signal: AbortSignal, epoch: number): Promise<void> {
		const fetched: EnrichmentBatch[] = [];
		for (const uuid of this.opened.pendingUuids(list)) {
			try {
				fetched.push(await client.getEnrichment(uuid, { signal }));
			} catch (e) {
				const error = toApiError(e);
				if (error.kind === 'aborted') return;
				this.deps.log.warn(`Could not refresh opened batch ${uuid}: ${error.message}`);
			}
		}
		if (signal.aborted || epoch !== this.epoch) return;
		await this.opened.update(fetched, this.now());
	}

	/** One client while nothing changes; every client of this account shares the account's queue. */
	private async currentClient(): Promise<WoodpeckerClient | undefined> {
		const key = await this.deps.keys.get();
		if (!key) return undefined;
		const config = this.deps.config();
		const c = this.client;
		if (!c || c.key !== key || c.config.apiBaseUrl !== config.apiBaseUrl || c.config.timeoutMs !== config.timeoutMs) {
			const client = new WoodpeckerClient({
				apiKey: key,
				baseUrl: config.apiBaseUrl,
				timeoutMs: config.timeoutMs,
				log: this.deps.log,
				queue: this.queue,
				fetch: this.deps.fetch,
				companyId: this.deps.companyId,
			});
			this.client = { key, config, client };
		}
		return this.client!.client;
	}
}
