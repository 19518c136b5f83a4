// Every place the view loads batches from: each account, and each client company an agency
// account watches (its requests made with the agency's key). One EnrichmentStore per source, so
// data, cache and failure never mix; one request queue per account, shared with its companies.
// No `vscode` import: unit-tested in plain Node.
import * as l10n from '@vscode/l10n';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { RequestQueue } from '../api/requestQueue';
import type { FetchLike } from '../api/transport';
import { Disposable } from '../common/disposable';
import { type Disposable as DisposableLike, Emitter } from '../common/emitter';
import { EnrichmentStore, type RefreshEnd, type RefreshOutcome, type RefreshTrigger, type StoreCache, type StoreConfig, type StoreLog } from '../enrichments/enrichmentStore';
import type { OpenedMemory } from '../enrichments/openedBatches';
import { ResponseCache } from '../enrichments/responseCache';
import type { Cutoff } from '../settings/cutoff';
import type { Account, AccountStore, ClientCompany } from './accountStore';

export interface Source {
	/** `<accountId>` for an account, `<accountId>/company-<id>` for a client company. */
	readonly id: string;
	readonly accountId: string;
	/** Set for a client company seen through its agency's (the account's) key. */
	readonly company?: ClientCompany;
	readonly store: EnrichmentStore;
}

export interface SourceOutcome {
	readonly source: Source;
	readonly outcome: RefreshOutcome;
}

export interface SourcesLog {
	info(message: string): void;
	warn(message: string): void;
	error(message: string): void;
	/** Masks `secret` in every line while `owner` uses it; undefined stops masking it. */
	setSecret(owner: string, secret: string | undefined): void;
}

export interface SourcesDeps {
	accounts: AccountStore;
	cutoffs: { get(): Cutoff };
	config: () => StoreConfig;
	log: SourcesLog;
	/** Where each account keeps its cached answer: `<folder>/accounts/<id>/…`. */
	storageFolder: string;
	/** Shows a refresh's progress (one for all sources); `cancel` aborts it. */
	progress?: (task: Promise<unknown>, options: { trigger: RefreshTrigger; cancel: () => void }) => void;
	now?: () => Date;
	/** For tests: the clients' fetch. */
	fetch?: FetchLike;
	/** Where each source's batches opened by uuid are kept (the extension's global state). */
	state?: { get<T>(key: string): T | undefined; update(key: string, value: unknown): PromiseLike<void> };
	/** For tests and the bench: a cache other than the file in the source's folder. */
	makeCache?: (folder: string) => StoreCache;
}

export interface RefreshRequest {
	trigger?: RefreshTrigger;
	restart?: boolean;
	/** Only these sources (by id); all when left out. */
	sourceIds?: readonly string[];
	/** Only this account's sources (itself and its companies). */
	accountId?: string;
}

/** Global state: `{ [sourceId]: OpenedEntry[] }`, the batches each source opened by uuid. */
export const OPENED_STATE_KEY = 'woodpecker.openedBatches';

export function companySourceId(accountId: string, companyId: number): string {
	return `${accountId}/company-${companyId}`;
}

/** The folder an account's caches live in (its companies' in sub-folders). */
export function accountFolder(storageFolder: string, accountId: string): string {
	return path.join(storageFolder, 'accounts', accountId);
}

export class Sources extends Disposable {
	private readonly changed = this._register(new Emitter<void>());
	/** Fires when any source's data or state changed, or sources came or went. */
	readonly onDidChange = this.changed.event;
	private readonly added = this._register(new Emitter<readonly Source[]>());
	/** Fires with sources made after start-up (an account added, a company chosen): they have not loaded yet. */
	readonly onDidAdd = this.added.event;
	private readonly finished = this._register(new Emitter<RefreshEnd & { source: Source }>());
	readonly onDidFinishRefresh = this.finished.event;
	private readonly finishedAll = this._register(new Emitter<readonly SourceOutcome[]>());
	/** Fires once per refresh() that refreshed anything, when all of its sources have ended: one refresh, however many sources. */
	readonly onDidFinishAll = this.finishedAll.event;
	private readonly forgot = this._register(new Emitter<{ source: Source; reason: string }>());
	/** Fires when a source dropped its data because its account changed, or went away. */
	readonly onDidForget = this.forgot.event;

	private list: Source[] = [];
	private readonly queues = new Map<string, RequestQueue>();
	/** Per source id: its cache, and what it listens to. */
	private readonly parts = new Map<string, { cache: StoreCache; subscriptions: DisposableLike }>();
	private _initialized = false;

	constructor(private readonly deps: SourcesDeps) {
		super();
		this._register(deps.accounts.onDidChange(() => void this.reconcile()));
		this._register({ dispose: () => this.list.splice(0).forEach((s) => this.drop(s, false)) });
	}

	/** In view order: each account, then its companies. */
	get sources(): readonly Source[] {
		return this.list;
	}

	get(id: string): Source | undefined {
		return this.list.find((s) => s.id === id);
	}

	/** The account's own source and its companies'. */
	ofAccount(accountId: string): Source[] {
		return this.list.filter((s) => s.accountId === accountId);
	}

	account(source: Source): Account | undefined {
		return this.deps.accounts.find(source.accountId);
	}

	/** The account's name, or "Agency › Company" for a company. */
	label(source: Source): string {
		const account = this.account(source)?.name ?? source.accountId;
		return source.company ? `${account} › ${source.company.name}` : account;
	}

	/** Whether several sources share the view (rows and texts then name their source). */
	get several(): boolean {
		return this.list.length > 1;
	}

	get accountCount(): number {
		return this.deps.accounts.accounts.length;
	}

	get initialized(): boolean {
		return this._initialized;
	}

	get hasKey(): boolean {
		return this.list.some((s) => s.store.hasKey);
	}

	/** The sources with a lead shown that is still pending: the ones polling refreshes. */
	pendingSourceIds(): string[] {
		return this.list.filter((s) => s.store.hasKey && s.store.pendingShown > 0).map((s) => s.id);
	}

	get isRefreshing(): boolean {
		return this.list.some((s) => s.store.isRefreshing);
	}

	/** Makes a store per source and reads each key and cache. */
	async initialize(): Promise<void> {
		this.reconcileNow();
		await Promise.all(this.list.map((s) => s.store.initialize()));
		this._initialized = true;
		this.changed.fire();
	}

	/**
	 * Refreshes the sources side by side: each shows its rows when its answer arrives, whatever
	 * the others do (a company waits only for its own agency's queue).
	 */
	async refresh(request: RefreshRequest = {}): Promise<SourceOutcome[]> {
		const { sourceIds, accountId } = request;
		const targets = this.list.filter((s) => (!sourceIds || sourceIds.includes(s.id)) && (accountId === undefined || s.accountId === accountId));
		const withKey = targets.filter((s) => s.store.hasKey);
		if (!withKey.length) return [];
		const trigger = request.trigger ?? 'background';
		const all = Promise.all(withKey.map(async (source) => ({ source, outcome: await source.store.refresh({ trigger, restart: request.restart }) })));
		this.deps.progress?.(all, { trigger, cancel: () => withKey.forEach((s) => s.store.cancel()) });
		// Before the caller's await resumes: whoever listens has seen the whole refresh by then.
		void all.then((outcomes) => this.finishedAll.fire(outcomes));
		return all;
	}

	cancel(): void {
		for (const s of this.list) s.store.cancel();
	}

	/** The account's key changed (or the address): its sources forget what they showed and read the key again. */
	async resetAccount(accountId: string | undefined, reason: string): Promise<void> {
		const targets = accountId === undefined ? this.list : this.ofAccount(accountId);
		await Promise.all(targets.map((s) => s.store.resetAccount(reason)));
	}

	/** Makes the sources the accounts now name and drops the ones they no longer do (their caches too). */
	private async reconcile(): Promise<void> {
		const { made, dropped } = this.reconcileNow();
		// Made now, by the user: nothing of theirs can be cached yet.
		await Promise.all(made.map((s) => s.store.initialize({ fresh: this._initialized })));
		// Companies first: their folders sit inside their account's.
		for (const s of [...dropped].sort((a, b) => Number(!a.company) - Number(!b.company))) await this.deleteCache(s);
		this.changed.fire();
		if (made.length && this._initialized) this.added.fire(made);
	}

	private reconcileNow(): { made: Source[]; dropped: Source[] } {
		const wanted: Array<{ id: string; accountId: string; company?: ClientCompany }> = [];
		for (const a of this.deps.accounts.accounts) {
			wanted.push({ id: a.id, accountId: a.id });
			for (const c of a.companies) wanted.push({ id: companySourceId(a.id, c.id), accountId: a.id, company: c });
		}
		const made: Source[] = [];
		const next = wanted.map((w) => {
			const existing = this.get(w.id);
			// The same source (rows and panels hold it); a company renamed in a new listing keeps it.
			if (existing) return Object.assign(existing, w.company ? { company: w.company } : {});
			const source = this.make(w.id, w.accountId, w.company);
			made.push(source);
			return source;
		});
		const dropped = this.list.filter((s) => !next.some((n) => n.id === s.id));
		for (const s of dropped) this.drop(s, true);
		for (const id of [...this.queues.keys()]) if (!next.some((s) => s.accountId === id)) this.queues.delete(id);
		this.list = next;
		return { made, dropped };
	}

	private make(id: string, accountId: string, company: ClientCompany | undefined): Source {
		let queue = this.queues.get(accountId);
		if (!queue) this.queues.set(accountId, (queue = new RequestQueue()));
		const folder = this.cacheFolder(accountId, company);
		const log = this.deps.log;
		const prefix = () => {
			const s = this.get(id);
			return s ? `[${this.label(s)}] ` : '';
		};
		const storeLog: StoreLog = {
			info: (m) => log.info(prefix() + m),
			warn: (m) => log.warn(prefix() + m),
			error: (m) => log.error(prefix() + m),
			setSecret: (secret) => log.setSecret(id, secret),
		};
		const cache = this.deps.makeCache?.(folder) ?? new ResponseCache(folder, storeLog);
		const store = new EnrichmentStore({
			keys: { get: () => this.deps.accounts.getKey(accountId) },
			cutoffs: this.deps.cutoffs,
			config: this.deps.config,
			cache,
			log: storeLog,
			queue,
			companyId: company?.id,
			opened: this.openedMemory(id),
			now: this.deps.now,
			fetch: this.deps.fetch,
		});
		const source: Source = { id, accountId, company, store };
		const subs = [store.onDidChange(() => this.changed.fire()), store.onDidFinishRefresh((end) => this.finished.fire({ ...end, source })), store.onDidForget((reason) => this.forgot.fire({ source, reason }))];
		this.parts.set(id, { cache, subscriptions: { dispose: () => subs.forEach((d) => d.dispose()) } });
		return source;
	}

	/** One source's part of OPENED_STATE_KEY. */
	private openedMemory(id: string): OpenedMemory | undefined {
		const state = this.deps.state;
		if (!state) return undefined;
		const all = (): Record<string, unknown> => {
			const value = state.get<unknown>(OPENED_STATE_KEY);
			return value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
		};
		return {
			get: () => all()[id],
			set: async (entries) => {
				const next = all();
				if (entries.length) next[id] = entries;
				else delete next[id];
				await state.update(OPENED_STATE_KEY, next);
			},
		};
	}

	private drop(source: Source, tell: boolean): void {
		this.parts.get(source.id)?.subscriptions.dispose();
		source.store.cancel();
		source.store.dispose();
		this.deps.log.setSecret(source.id, undefined);
		if (tell) this.forgot.fire({ source, reason: source.company ? l10n.t('the company is no longer watched') : l10n.t('the account was removed') });
	}

	private cacheFolder(accountId: string, company: ClientCompany | undefined): string {
		const folder = accountFolder(this.deps.storageFolder, accountId);
		return company ? path.join(folder, `company-${company.id}`) : folder;
	}

	/** A dropped source's cache goes with it: after a write under way has landed, then its folder. */
	private async deleteCache(source: Source): Promise<void> {
		const parts = this.parts.get(source.id);
		this.parts.delete(source.id);
		await parts?.cache.clear();
		await this.openedMemory(source.id)?.set([]);
		const folder = this.cacheFolder(source.accountId, source.company);
		await fs.rm(folder, { recursive: true, force: true }).catch((e: unknown) => this.deps.log.warn(`Could not delete ${folder}: ${e instanceof Error ? e.message : String(e)}`));
	}
}
