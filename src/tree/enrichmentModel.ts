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
		const order = new Array<number>(batches.length);
		for (let i = 0; i < batches.length; i++) {
			times[i] = createdTime(batches[i]);
			order[i] = i;
		}
		// Newest first; batches whose time does not parse go last, in the order they came.
		order.sort((a, b) => {
			const ta = times[a];
			const tb = times[b];
			if (Number.isNaN(ta)) return Number.isNaN(tb) ? a - b : 1;
			if (Number.isNaN(tb)) return -1;
			return tb - ta || a - b;
		});
		const totals: BatchCounts = { total: 0, pending: 0, converted: 0, notConverted: 0, unknown: 0 };
		const seen = new Map<string, number>();
		this.rows = order.map((index) => {
			const batch = batches[index];
			const counts = countLeads(batch);
			totals.total += counts.total;
			totals.pending += counts.pending;
			totals.converted += counts.converted;
			totals.notConverted += counts.notConverted;
			totals.unknown += counts.unknown;
			const row: BatchRow = { id: uniqueId(`batch/${batch.uuid}`, seen), batch, counts, time: times[index] };
			this.byId.set(row.id, row);
			return row;
		});
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
