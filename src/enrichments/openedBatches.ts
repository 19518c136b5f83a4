// The batches a user opened by uuid (Open Enrichment Batch…, a link) that the cutoff leaves out of
// the list: kept per source across reloads until removed, shown in the "Opened by uuid" group, and
// fetched again by the source's refresh while they have pending leads. No `vscode` import.
import type { EnrichmentBatch } from '../api/types';
import { parseBatch } from '../api/validate';
import { EnrichmentModel } from '../model/enrichmentModel';

export interface OpenedEntry {
	readonly batch: EnrichmentBatch;
	/** When it was last fetched, ISO 8601. */
	readonly receivedAt: string;
}

/** Where one source's entries are kept (the extension's global state); what it holds is checked on reading. */
export interface OpenedMemory {
	get(): unknown;
	set(entries: readonly OpenedEntry[]): Promise<void>;
}

/** Batches remembered per source; the oldest opened goes first beyond it. Each is one batch of at most 50 queued leads. */
export const MAX_OPENED = 20;

export class OpenedBatches {
	private entries: OpenedEntry[];
	private _model: EnrichmentModel | undefined;

	constructor(private readonly memory: OpenedMemory) {
		this.entries = readEntries(memory.get());
	}

	/** Most recently opened first. */
	get all(): readonly OpenedEntry[] {
		return this.entries;
	}

	get isEmpty(): boolean {
		return this.entries.length === 0;
	}

	/** The opened batches as the tree shows them (newest created first), every one (no window). */
	get model(): EnrichmentModel {
		return (this._model ??= new EnrichmentModel(this.entries.map((e) => e.batch)));
	}

	has(uuid: string): boolean {
		return this.entries.some((e) => e.batch.uuid === uuid);
	}

	/** Remembers the batch (again: it moves to the front, with its new content). */
	add(batch: EnrichmentBatch, at: Date): Promise<void> {
		const rest = this.entries.filter((e) => e.batch.uuid !== batch.uuid);
		return this.save([{ batch, receivedAt: at.toISOString() }, ...rest].slice(0, MAX_OPENED));
	}

	/** New content for batches already remembered (a refresh fetched them again); others are ignored. */
	update(batches: readonly EnrichmentBatch[], at: Date): Promise<void> {
		const fresh = new Map(batches.map((b) => [b.uuid, b]));
		if (!this.entries.some((e) => fresh.has(e.batch.uuid))) return Promise.resolve();
		return this.save(this.entries.map((e) => (fresh.has(e.batch.uuid) ? { batch: fresh.get(e.batch.uuid)!, receivedAt: at.toISOString() } : e)));
	}

	remove(uuid: string): Promise<void> {
		return this.has(uuid) ? this.save(this.entries.filter((e) => e.batch.uuid !== uuid)) : Promise.resolve();
	}

	clear(): Promise<void> {
		return this.entries.length ? this.save([]) : Promise.resolve();
	}

	/** The uuids of opened batches, not among `except` (the list shows those), that still have pending leads. */
	pendingUuids(except?: { findBatch(uuid: string): unknown }): string[] {
		return this.model.rows.filter((r) => r.pending > 0 && !except?.findBatch(r.batch.uuid)).map((r) => r.batch.uuid);
	}

	/** Pending leads of the opened batches not among `except`. */
	pendingLeads(except?: { findBatch(uuid: string): unknown }): number {
		let n = 0;
		for (const r of this.model.rows) if (!except?.findBatch(r.batch.uuid)) n += r.pending;
		return n;
	}

	private save(entries: OpenedEntry[]): Promise<void> {
		this.entries = entries;
		this._model = undefined;
		return this.memory.set(entries);
	}
}

/** What the memory holds, as far as it is well-formed: another version's or a damaged entry is left out. */
function readEntries(raw: unknown): OpenedEntry[] {
	if (!Array.isArray(raw)) return [];
	const entries: OpenedEntry[] = [];
	for (const item of raw as unknown[]) {
		if (!item || typeof item !== 'object') continue;
		const { batch, receivedAt } = item as { batch?: unknown; receivedAt?: unknown };
		try {
			if (typeof receivedAt !== 'string' || Number.isNaN(Date.parse(receivedAt))) continue;
			const parsed = parseBatch(batch);
			if (!entries.some((e) => e.batch.uuid === parsed.uuid)) entries.push({ batch: parsed, receivedAt });
		} catch {
			// Not a batch: dropped.
		}
	}
	return entries.slice(0, MAX_OPENED);
}
