// The tree's data: batches newest first with their counts and stable ids. Pure (no vscode),
// built once per response; lead rows are made only when a batch is expanded.
//
// Built right after the parse, while the new answer is still young in V8's heap: every object
// made here can trigger a scavenge that copies that answer, so a batch gets one object (its row,
// counts inline) and no per-batch strings beyond its id.
import { CONVERTED, NOT_CONVERTED, OTHER, PENDING, countLeadStates } from '../api/leadState';
import { parseTimestamp } from '../api/timestamps';
import type { EnrichmentBatch, Lead } from '../api/types';
import type { BatchCounts } from './batchSummary';
import { FirstIndex } from './uuidIndex';

/** One batch as the tree shows it: the batch as received, its lead counts, its place. */
export class BatchRow implements BatchCounts {
	total = 0;
	pending = 0;
	converted = 0;
	notConverted = 0;
	unknown = 0;

	constructor(
		/** Stable across refreshes, so VS Code keeps the row's expansion and selection. */
		readonly id: string,
		readonly batch: EnrichmentBatch,
		/** `created` in ms since the epoch; NaN when it does not parse. */
		readonly time: number,
		/** Position in view order (EnrichmentModel.rows). */
		readonly index: number,
	) {}
}

export interface LeadRow {
	readonly id: string;
	readonly lead: Lead;
	readonly batch: BatchRow;
}

export class EnrichmentModel {
	readonly rows: readonly BatchRow[];
	readonly totals: BatchCounts;
	/** The first row of each uuid. */
	private readonly byUuid: FirstIndex;

	/**
	 * `leadStates` and `createdTimes` as the client's checks found them (see CheckedList), so the
	 * batches are not walked again; worked out here when absent.
	 */
	constructor(batches: readonly EnrichmentBatch[], leadStates: Uint32Array = countLeadStates(batches), createdTimes?: Float64Array) {
		const { order, times } = viewOrder(batches, createdTimes);
		const totals: BatchCounts = { total: 0, pending: 0, converted: 0, notConverted: 0, unknown: 0 };
		const rows = new Array<BatchRow>(order.length);
		this.byUuid = new FirstIndex(order.length, (j) => rows[j].batch.uuid);
		let repeats: Map<string, number> | undefined;
		for (let i = 0; i < order.length; i++) {
			const batch = batches[order[i]];
			let id = 'batch/' + batch.uuid;
			if (this.byUuid.addFirst(batch.uuid, i) >= 0) {
				// Duplicate uuids in one answer would otherwise make VS Code refuse the whole tree.
				repeats ??= new Map();
				const n = (repeats.get(batch.uuid) ?? 1) + 1;
				repeats.set(batch.uuid, n);
				id = `${id}#${n}`;
			}
			const row = new BatchRow(id, batch, times[i], i);
			const k = order[i] * 4;
			row.total = batch.leads.length;
			row.pending = leadStates[k + PENDING];
			row.converted = leadStates[k + CONVERTED];
			row.notConverted = leadStates[k + NOT_CONVERTED];
			row.unknown = leadStates[k + OTHER];
			totals.total += row.total;
			totals.pending += row.pending;
			totals.converted += row.converted;
			totals.notConverted += row.notConverted;
			totals.unknown += row.unknown;
			rows[i] = row;
		}
		this.rows = rows;
		this.totals = totals;
	}

	get isEmpty(): boolean {
		return this.rows.length === 0;
	}

	/** The first row for a batch uuid. */
	findBatch(uuid: string): BatchRow | undefined {
		const i = this.byUuid.get(uuid);
		return i < 0 ? undefined : this.rows[i];
	}

	/** The batch's leads as rows, in the order the server sent them. */
	leadRows(row: BatchRow): LeadRow[] {
		const seen = new Map<string, number>();
		return row.batch.leads.map((lead) => ({ id: uniqueId(`${row.id}/lead/${lead.uid}`, seen), lead, batch: row }));
	}
}

/**
 * Indexes of `batches` newest first; an unparsable time sorts last, ties keep the order they came
 * in. Woodpecker sends batches oldest first, so the usual case is a reversal, with no sort at all.
 */
function viewOrder(batches: readonly EnrichmentBatch[], createdTimes: Float64Array | undefined): { order: Int32Array; times: Float64Array } {
	const n = batches.length;
	const keys = new Float64Array(n);
	let ascending = true;
	let descending = true;
	for (let i = 0; i < n; i++) {
		const t = createdTimes ? createdTimes[i] : parseTimestamp(batches[i].created);
		keys[i] = t === t ? t : -Infinity;
		if (i > 0) {
			if (!(keys[i] > keys[i - 1])) ascending = false;
			if (!(keys[i] <= keys[i - 1])) descending = false;
		}
	}
	const order = new Int32Array(n);
	if (descending) for (let i = 0; i < n; i++) order[i] = i;
	else if (ascending) for (let i = 0; i < n; i++) order[i] = n - 1 - i;
	else {
		for (let i = 0; i < n; i++) order[i] = i;
		order.sort((a, b) => keys[b] - keys[a] || a - b);
	}
	const times = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const k = keys[order[i]];
		times[i] = k === -Infinity ? NaN : k;
	}
	return { order, times };
}

// Duplicate uuids or uids in one answer would otherwise make VS Code refuse the whole tree.
function uniqueId(base: string, seen: Map<string, number>): string {
	const n = seen.get(base) ?? 0;
	seen.set(base, n + 1);
	return n === 0 ? base : `${base}#${n + 1}`;
}
