// Which batches finished processing between one answer and the next, per source: a batch that
// had pending leads in the answer seen before and now has none. And the memory of batches
// already announced, so none is announced twice, also across reloads.
// No `vscode` import: unit-tested in plain Node.
import type { BatchRow, EnrichmentModel } from '../model/enrichmentModel';

/** A batch that finished, in the source (account or client company) that shows it. */
export interface FinishedBatch {
	readonly sourceId: string;
	readonly row: BatchRow;
}

/** How many announced batches are remembered; the oldest are forgotten first. */
export const NOTIFIED_LIMIT = 500;

/** The uuids of the batches that have at least one pending lead. */
export function pendingUuids(model: EnrichmentModel): Set<string> {
	const pending = new Set<string>();
	for (const row of model.rows) if (row.pending > 0) pending.add(row.batch.uuid);
	return pending;
}

/**
 * The batches of `now` (its rows: inside the cutoff's window) that were pending before and have
 * no pending lead now, in view order. A batch first seen already processed is not among them, nor
 * one that left the window. A uuid shown in several rows finishes when none of them is pending.
 */
export function finishedBatches(pendingBefore: ReadonlySet<string>, now: EnrichmentModel): BatchRow[] {
	// Stryker disable next-line ConditionalExpression: with nothing pending before nothing can finish; the check only spares the walk
	if (!pendingBefore.size) return [];
	const stillPending = pendingUuids(now);
	const finished: BatchRow[] = [];
	const seen = new Set<string>();
	for (const row of now.rows) {
		const uuid = row.batch.uuid;
		if (!pendingBefore.has(uuid) || stillPending.has(uuid) || seen.has(uuid)) continue;
		seen.add(uuid);
		finished.push(row);
	}
	return finished;
}

/** The memory's key for a batch: source ids hold no "|", so no two (source, uuid) pairs share one. */
function memoryKey(sourceId: string, uuid: string): string {
	return `${sourceId}|${uuid}`;
}

/**
 * The batches already announced, per source (the same uuid in two accounts is two batches), as
 * kept in global state: a list of keys, oldest first, at most `limit` long.
 */
export class NotifiedMemory {
	private readonly keys: string[];
	private readonly set: Set<string>;

	/** `stored`: what global state holds; anything but a list of strings counts as nothing remembered. */
	constructor(
		stored: unknown,
		private readonly limit = NOTIFIED_LIMIT,
	) {
		const list = Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : [];
		this.keys = list.slice(Math.max(0, list.length - limit));
		this.set = new Set(this.keys);
	}

	has(sourceId: string, uuid: string): boolean {
		return this.set.has(memoryKey(sourceId, uuid));
	}

	/** Remembers the batches; past the limit, the oldest are forgotten. */
	add(batches: readonly FinishedBatch[]): void {
		for (const { sourceId, row } of batches) {
			const key = memoryKey(sourceId, row.batch.uuid);
			if (this.set.has(key)) continue;
			this.set.add(key);
			this.keys.push(key);
		}
		while (this.keys.length > this.limit) this.set.delete(this.keys.shift()!);
	}

	/** What to store in global state. */
	toJSON(): string[] {
		return [...this.keys];
	}
}

/**
 * Follows each source's answers. `observe` is told every source's current model whenever anything
 * may have changed; a new model is compared with the one seen before it, and what finished waits
 * until `take` (at the end of a refresh), so batches finishing in one refresh are announced together.
 * The first model seen of a source (the cached answer at start-up, say) is the "before" of the next.
 */
export class ProcessedTracker {
	/** Per source: the model last seen, and the uuids it had pending. */
	private readonly seen = new Map<string, { model: EnrichmentModel; pending: Set<string> }>();
	private waiting: FinishedBatch[] = [];

	observe(sources: ReadonlyArray<{ readonly id: string; readonly model: EnrichmentModel | undefined }>): void {
		for (const id of [...this.seen.keys()]) if (!sources.some((s) => s.id === id)) this.seen.delete(id);
		for (const { id, model } of sources) {
			const before = this.seen.get(id);
			// Stryker disable next-line ConditionalExpression: the same model again finishes nothing; the check only spares the walk
			if (before?.model === model) continue;
			// No answer now (the account changed, or was reset): the next answer is seen for the first time.
			if (!model) {
				this.seen.delete(id);
				continue;
			}
			if (before) for (const row of finishedBatches(before.pending, model)) this.waiting.push({ sourceId: id, row });
			this.seen.set(id, { model, pending: pendingUuids(model) });
		}
	}

	/**
	 * The batches that finished since the last call, each once, leaving out those `memory` already
	 * holds; in the order they finished (source by source, then view order).
	 */
	take(memory: Pick<NotifiedMemory, 'has'>): FinishedBatch[] {
		const waiting = this.waiting;
		this.waiting = [];
		const taken = new Set<string>();
		return waiting.filter(({ sourceId, row }) => {
			const key = memoryKey(sourceId, row.batch.uuid);
			if (taken.has(key) || memory.has(sourceId, row.batch.uuid)) return false;
			taken.add(key);
			return true;
		});
	}
}
