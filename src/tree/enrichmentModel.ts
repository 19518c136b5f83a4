// The tree's data: batches newest first with their counts and stable ids. Pure (no vscode),
// built once per response; lead rows are made only when a batch is expanded.
import type { EnrichmentBatch, Lead } from '../api/types';
import { type BatchCounts, countLeads, createdTime } from './batchSummary';

export interface BatchRow {
	/** Stable across refreshes, so VS Code keeps the row's expansion and selection. */
	readonly id: string;
	readonly batch: EnrichmentBatch;
	readonly counts: BatchCounts;
	/** `created` in ms since the epoch; NaN when it does not parse. */
	readonly time: number;
}

export interface LeadRow {
	readonly id: string;
	readonly lead: Lead;
	readonly batch: BatchRow;
}

export class EnrichmentModel {
	readonly rows: readonly BatchRow[];
	readonly totals: BatchCounts;
	private readonly byId = new Map<string, BatchRow>();

	constructor(batches: readonly EnrichmentBatch[]) {
		const times = new Float64Array(batches.length);
		// Sort keys: an unparsable time sorts last (as -Infinity), ties keep the order they came in.
		const keys = new Float64Array(batches.length);
		const order: number[] = [];
		for (let i = 0; i < batches.length; i++) {
			const t = createdTime(batches[i]);
			times[i] = t;
			keys[i] = Number.isNaN(t) ? -Infinity : t;
			order.push(i);
		}
		order.sort((a, b) => keys[b] - keys[a] || a - b);
		const totals: BatchCounts = { total: 0, pending: 0, converted: 0, notConverted: 0, unknown: 0 };
		const rows: BatchRow[] = [];
		for (const index of order) {
			const batch = batches[index];
			const counts = countLeads(batch);
			totals.total += counts.total;
			totals.pending += counts.pending;
			totals.converted += counts.converted;
			totals.notConverted += counts.notConverted;
			totals.unknown += counts.unknown;
			let id = 'batch/' + batch.uuid;
			// Duplicate uuids in one answer would otherwise make VS Code refuse the whole tree.
			for (let n = 2; this.byId.has(id); n++) id = `batch/${batch.uuid}#${n}`;
			const row: BatchRow = { id, batch, counts, time: times[index] };
			this.byId.set(id, row);
			rows.push(row);
		}
		this.rows = rows;
		this.totals = totals;
	}

	get isEmpty(): boolean {
		return this.rows.length === 0;
	}

	batchRow(id: string): BatchRow | undefined {
		return this.byId.get(id);
	}

	/** The first row for a batch uuid. */
	findBatch(uuid: string): BatchRow | undefined {
		return this.byId.get(`batch/${uuid}`);
	}

	/** The batch's leads as rows, in the order the server sent them. */
	leadRows(row: BatchRow): LeadRow[] {
		const seen = new Map<string, number>();
		return row.batch.leads.map((lead) => ({ id: uniqueId(`${row.id}/lead/${lead.uid}`, seen), lead, batch: row }));
	}
}

// Duplicate uuids or uids in one answer would otherwise make VS Code refuse the whole tree.
function uniqueId(base: string, seen: Map<string, number>): string {
	const n = seen.get(base) ?? 0;
	seen.set(base, n + 1);
	return n === 0 ? base : `${base}#${n + 1}`;
}
