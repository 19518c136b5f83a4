// Holds what the view shows: the last good answer, the state, the last failure; runs refreshes.
import * as vscode from 'vscode';
import { WoodpeckerApiError, WoodpeckerClient } from '../api/client';
import type { EnrichmentBatch, ListEnrichmentsResponse } from '../api/types';
import { Disposable } from '../common/disposable';
import type { Logger } from '../common/logger';
import type { ApiKeyStore } from '../settings/apiKeyStore';
import { readConfig } from '../settings/config';
import { type Cutoff, createdAfterFor, sameCutoff } from '../settings/cutoff';
import type { CutoffStore } from '../settings/cutoffStore';
import { EnrichmentModel } from '../tree/enrichmentModel';
import type { ResponseCache } from './responseCache';

export type ViewState = 'no-key' | 'idle' | 'loading' | 'loaded' | 'empty' | 'error';

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

export class EnrichmentStore extends Disposable {
	private readonly changed = this._register(new vscode.EventEmitter<void>());
	readonly onDidChange = this.changed.event;

	private _data: LoadedData | undefined;
	private _failure: RefreshFailure | undefined;
	private _hasKey = false;
	private _initialized = false;
	private running: { promise: Promise<RefreshOutcome>; abort: AbortController } | undefined;
	/** The cache write under way, so a key change can wait for it before deleting the file. */
	private saving: Promise<void> = Promise.resolve();
	private client: { client: WoodpeckerClient; key: string; baseUrl: string; timeoutMs: number } | undefined;

	constructor(
		private readonly keys: ApiKeyStore,
		private readonly cutoffs: CutoffStore,
		private readonly cache: ResponseCache,
		private readonly log: Logger,
		private readonly showProgress: <T>(task: Promise<T>, cancel: () => void) => Promise<T>,
	) {
		super();
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

	get state(): ViewState {
		if (!this._hasKey) return 'no-key';
		if (this._data) return this._data.model.isEmpty ? 'empty' : 'loaded';
		if (this.running) return 'loading';
		return this._failure ? 'error' : 'idle';
	}

	/** Reads the key and shows the cached answer of the last session, if it fits the current settings. */
	async initialize(): Promise<void> {
		const key = await this.keys.get();
		this._hasKey = key !== undefined;
		this.log.setSecret(key);
		if (this._hasKey) {
			const cached = await this.cache.load();
			if (cached && cached.baseUrl === readConfig().apiBaseUrl && sameCutoff(cached.cutoff, this.cutoffs.get())) {
				this._data = { response: cached.body, model: new EnrichmentModel(cached.body.lead_enrichments, cached.leadStates, cached.createdTimes), receivedAt: cached.receivedAt, cutoff: cached.cutoff, cached: true };
				this.log.info(`Showing ${cached.body.lead_enrichments.length} cached batches from ${cached.receivedAt.toISOString()} until a refresh succeeds.`);
			}
		}
		this._initialized = true;
		this.changed.fire();
	}

	/** The key changed: forget data fetched with the old one, then load with the new one. */
	async onKeyChanged(): Promise<void> {
		this.cancel();
		const key = await this.keys.get();
		this._hasKey = key !== undefined;
		this.log.setSecret(key);
		this._data = undefined;
		this._failure = undefined;
		this.client = undefined;
		// A write of the old account's answer may still be under way: let it finish, then delete it.
		await this.saving;
		await this.cache.clear();
		this.changed.fire();
		if (this._hasKey) await this.refresh();
	}

	/**
	 * Loads the batches for the current cutoff. While one refresh runs, asking again returns it
	 * (no second request) unless `restart` is set, which aborts it and starts over.
	 */
	refresh(options: { restart?: boolean } = {}): Promise<RefreshOutcome> {
		if (this.running) {
			if (!options.restart) return this.running.promise;
			this.running.abort.abort();
		}
		const abort = new AbortController();
		const promise = this.showProgress(this.load(abort.signal), () => abort.abort()).catch((e: unknown) => ({ ok: false as const, error: toApiError(e) }));
		const running = { promise, abort };
		this.running = running;
		void running.promise.finally(() => {
			if (this.running === running) {
				this.running = undefined;
				this.changed.fire();
			}
		});
		this.changed.fire();
		return running.promise;
	}

	/** Aborts the refresh under way, if any; what is on screen stays. */
	cancel(): void {
		this.running?.abort.abort();
	}

	/** Looks up one batch by uuid (shares the client's one-request-at-a-time queue). */
	async lookUpBatch(uuid: string, signal?: AbortSignal): Promise<EnrichmentBatch> {
		const client = await this.getClient();
		if (!client) throw new WoodpeckerApiError({ kind: 'invalid-request', title: 'No API key', message: 'Set your Woodpecker API key first.' });
		return client.getEnrichment(uuid, { signal });
	}

	private async load(signal: AbortSignal): Promise<RefreshOutcome> {
		const client = await this.getClient();
		if (!client) {
			this._hasKey = false;
			return { ok: false, error: new WoodpeckerApiError({ kind: 'invalid-request', title: 'No API key', message: 'Set your Woodpecker API key first.' }) };
		}
		const cutoff = this.cutoffs.get();
		try {
			const result = await client.listEnrichmentsResponse({ createdAfter: createdAfterFor(cutoff), signal });
			if (signal.aborted) return { ok: false, error: toApiError(new Error('aborted')) };
			this._data = { response: result.body, model: new EnrichmentModel(result.body.lead_enrichments, result.leadStates, result.createdTimes), receivedAt: result.receivedAt, cutoff, cached: false };
			this._failure = undefined;
			this.changed.fire();
			this.saving = this.cache.save({ body: result.body, receivedAt: result.receivedAt, cutoff, baseUrl: client.baseUrl }, result.bytes);
			return { ok: true };
		} catch (e) {
			const error = toApiError(e);
			// A cancelled refresh is the user's choice, not a failure to report.
			if (error.kind !== 'aborted') {
				this._failure = { error, at: new Date() };
				this.log.error(`Refresh failed: ${error.message}`);
			}
			return { ok: false, error };
		}
	}

	private async getClient(): Promise<WoodpeckerClient | undefined> {
		const key = await this.keys.get();
		if (!key) return undefined;
		const { apiBaseUrl: baseUrl, timeoutMs } = readConfig();
		// One client while nothing changes, so its one-request-at-a-time queue covers every call.
		const c = this.client;
		if (!c || c.key !== key || c.baseUrl !== baseUrl || c.timeoutMs !== timeoutMs) {
			this.client = { key, baseUrl, timeoutMs, client: new WoodpeckerClient({ apiKey: key, baseUrl, timeoutMs, log: this.log }) };
		}
		return this.client!.client;
	}
}

function toApiError(e: unknown): WoodpeckerApiError {
	if (e instanceof WoodpeckerApiError) return e;
	if (e instanceof Error && (e.name === 'AbortError' || e.message === 'aborted')) {
		return new WoodpeckerApiError({ kind: 'aborted', title: 'Cancelled', message: 'The request was cancelled.' });
	}
	return new WoodpeckerApiError({ kind: 'network', title: 'Unexpected error', message: `Something went wrong: ${e instanceof Error ? e.message : String(e)}` });
}
