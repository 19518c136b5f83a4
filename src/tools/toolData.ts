// What the language model tools read, and how: through each source's store, as the view does.
// Data fresher than 60 s is reused; older data (or none) is loaded by one refresh through
// Sources.refresh, which goes through the account's one-request-at-a-time queue and joins a
// refresh already running, so the view updates too and no second request is sent.
// No `vscode` import.
import type { Source, Sources } from '../accounts/sources';
import { toApiError } from '../api/errors';
import type { EnrichmentBatch } from '../api/types';
import type { LoadedData } from '../enrichments/enrichmentStore';
import { EnrichmentModel, type BatchRow } from '../model/enrichmentModel';
import { type Cutoff, describeCutoff, sameCutoff, windowStart } from '../settings/cutoff';
import type { Failure } from './toolAnswers';

export const FRESH_MS = 60_000;

/** One source as a tool reads it: its data (if any) and why it could not be refreshed. */
export interface ReadSource {
	source: Source;
	label: string | undefined;
	data: LoadedData | undefined;
	failure: Failure | undefined;
}

export type Targets = { ok: true; sources: Source[] } | { ok: false; kind: 'no-key' } | { ok: false; kind: 'unknown-account'; labels: string[] };

export interface ToolDataDeps {
	sources: Sources;
	cutoffs: { get(): Cutoff };
	now?: () => Date;
}

export class ToolData {
	private readonly now: () => Date;

	constructor(private readonly deps: ToolDataDeps) {
		this.now = deps.now ?? (() => new Date());
	}

	/** How the view names its cutoff, and its first instant. */
	get viewCutoff(): { text: string; startMs: number } {
		const cutoff = this.deps.cutoffs.get();
		return { text: describeCutoff(cutoff), startMs: windowStart(cutoff, this.now()) };
	}

	/** The label a source has in answers: undefined while it is the only one. */
	label(source: Source): string | undefined {
		return this.deps.sources.several ? this.deps.sources.label(source) : undefined;
	}

	/**
	 * The sources a question is about: those with a key, or the one `account` names (an account's
	 * name, "Agency › Company", or a company's name alone; any case).
	 */
	targets(account: string | undefined): Targets {
		const all = this.deps.sources.sources;
		if (account !== undefined) {
			const wanted = account.toLocaleLowerCase();
			const named = all.filter((s) => this.deps.sources.label(s).toLocaleLowerCase() === wanted);
			const byCompany = named.length ? named : all.filter((s) => s.company?.name.toLocaleLowerCase() === wanted);
			if (byCompany.length !== 1) return { ok: false, kind: 'unknown-account', labels: all.map((s) => this.deps.sources.label(s)) };
			return byCompany[0].store.hasKey ? { ok: true, sources: byCompany } : { ok: false, kind: 'no-key' };
		}
		const withKey = all.filter((s) => s.store.hasKey);
		return withKey.length ? { ok: true, sources: withKey } : { ok: false, kind: 'no-key' };
	}

	/** Each source's data, refreshed first (all in one Sources.refresh) where it is older than 60 s or for another cutoff. */
	async read(sources: readonly Source[]): Promise<ReadSource[]> {
		const stale = sources.filter((s) => !this.isFresh(s.store.data));
		const outcomes = stale.length ? await this.deps.sources.refresh({ trigger: 'background', sourceIds: stale.map((s) => s.id) }) : [];
		return sources.map((source) => {
			const outcome = outcomes.find((o) => o.source === source)?.outcome;
			const error = outcome && !outcome.ok ? outcome.error : undefined;
			const failure = error && { kind: error.kind, status: error.status, message: error.message, isCompany: !!source.company };
			return { source, label: this.label(source), data: source.store.data, failure };
		});
	}

	/**
	 * Looks one batch up directly in each source in turn (one request each, through its account's
	 * queue) until one has it; a 404 means "not in this one". Any other failure ends the search.
	 */
	async lookUp(sources: readonly Source[], uuid: string, signal?: AbortSignal): Promise<{ found: { source: Source; row: BatchRow } } | { missing: true } | { failure: Failure; source: Source }> {
		for (const source of sources) {
			let batch: EnrichmentBatch;
			try {
				batch = await source.store.lookUpBatch(uuid, signal);
			} catch (e) {
				const error = toApiError(e);
				if (error.kind === 'http' && error.status === 404) continue;
				return { source, failure: { kind: error.kind, status: error.status, message: error.message, isCompany: !!source.company } };
			}
			// The model counts its leads exactly as the view would.
			return { found: { source, row: new EnrichmentModel([batch]).rows[0] } };
		}
		return { missing: true };
	}

	private isFresh(data: LoadedData | undefined): boolean {
		return !!data && !data.cached && this.now().getTime() - data.receivedAt.getTime() < FRESH_MS && sameCutoff(data.cutoff, this.deps.cutoffs.get());
	}
}
