// What the view shows of one answer: the batches inside the cutoff's window, newest first, with
// their lead counts and ids that are unique by construction. Pure (no vscode), built once per
// answer; lead rows are made only when a batch is opened.
import type { EnrichmentBatch, Lead } from '../api/types';
import { type LeadState, leadState } from './leadState';

export interface BatchCounts {
	total: number;
	pending: number;
	converted: number;
	notConverted: number;
	other: number;
}

/** One batch as the tree shows it: the batch as received, its lead counts, its place. */
export class BatchRow implements BatchCounts {
	/** Stable across refreshes, so VS Code keeps the row's expansion and selection. */
	id: string;
	total = 0;
	pending = 0;
	converted = 0;
	notConverted = 0;
	other = 0;
	/** Position in view order (EnrichmentModel.rows). */
	index = 0;

	constructor(
		id: string,
		readonly batch: EnrichmentBatch,
		/** `created` in ms since the epoch; NaN when it does not parse. */
		readonly time: number,
		/** Position in the answer, which breaks ties between equal times. */
		readonly seq: number,
	) {
		this.id = id;
	}
}

export interface LeadRow {
	readonly id: string;
	readonly lead: Lead;
	readonly state: LeadState;
	readonly batch: BatchRow;
}

export class EnrichmentModel {
	readonly rows: readonly BatchRow[];
	/** Counts over the rows shown. */
	readonly totals: BatchCounts;
	/** How many batches the answer held, shown or not. */
	readonly received: number;
	private readonly firstByUuid = new Map<string, BatchRow>();
	private byId: Map<string, BatchRow> | undefined;

	/**
	 * `windowStartMs`: the cutoff's first instant; batches created before it are left out (a batch
	 * whose `created` does not parse cannot be placed, so it is shown, last).
	 */
	constructor(batches: readonly EnrichmentBatch[], windowStartMs = -Infinity) {
		const totals: BatchCounts = { total: 0, pending: 0, converted: 0, notConverted: 0, other: 0 };
		const rows: BatchRow[] = [];
		for (let i = 0; i < batches.length; i++) {
			const batch = batches[i];
			const time = Date.parse(batch.created);
			if (time < windowStartMs) continue;
			const row = new BatchRow(batchId(batch.uuid), batch, time, i);
			count(batch.leads, row);
			addCounts(totals, row);
			rows.push(row);
		}
		// Last to first, so the first row of a uuid is the one kept; fewer entries than rows means repeats.
		for (let i = rows.length - 1; i >= 0; i--) this.firstByUuid.set(rows[i].batch.uuid, rows[i]);
		// Stryker disable next-line ConditionalExpression,EqualityOperator: numberRepeats changes nothing when no uuid repeats; the check only spares its walk
		if (this.firstByUuid.size < rows.length) numberRepeats(rows);
		rows.sort(newestFirst);
		for (let i = 0; i < rows.length; i++) rows[i].index = i;
		this.rows = rows;
		this.totals = totals;
		this.received = batches.length;
	}

	get isEmpty(): boolean {
		return this.rows.length === 0;
	}

	/** Batches the answer held that the window leaves out. */
	get hidden(): number {
		return this.received - this.rows.length;
	}

	/** The first row shown for a batch uuid. */
	findBatch(uuid: string): BatchRow | undefined {
		return this.firstByUuid.get(uuid);
	}

	/** The row with this id (see BatchRow.id), duplicates of a uuid included. */
	findRow(id: string): BatchRow | undefined {
		this.byId ??= new Map(this.rows.map((r) => [r.id, r]));
		return this.byId.get(id);
	}

	/** The batch's leads as rows, in the order the server sent them. */
	leadRows(row: BatchRow): LeadRow[] {
		const seen = new Map<string, number>();
		return row.batch.leads.map((lead) => {
			const base = `${row.id}/${lead.uid.length}:${lead.uid}`;
			const n = (seen.get(lead.uid) ?? 0) + 1;
			seen.set(lead.uid, n);
			return { id: n === 1 ? base : `${base}#${n}`, lead, state: leadState(lead), batch: row };
		});
	}
}

/**
 * "b36:<uuid>": the length prefix makes ids unique by construction. A repeated uuid adds "#2",
 * "#3", and a lead adds "/<length>:<uid>": no uuid or uid, whatever it holds, can make one row's
 * id equal another's.
 */
function batchId(uuid: string): string {
	return `b${uuid.length}:${uuid}`;
}

/** A uuid's second, third, … row gets "#2", "#3", …, in answer order. */
function numberRepeats(rows: BatchRow[]): void {
	const seen = new Map<string, number>();
	for (const row of rows) {
		const n = (seen.get(row.batch.uuid) ?? 0) + 1;
		seen.set(row.batch.uuid, n);
		if (n > 1) row.id = `${row.id}#${n}`;
	}
}

function count(leads: readonly Lead[], row: BatchRow): void {
	let pending = 0;
	let converted = 0;
	let notConverted = 0;
	for (let j = 0; j < leads.length; j++) {
		const state = leadState(leads[j]);
		if (state === 'pending') pending++;
		else if (state === 'converted') converted++;
		else if (state === 'not-converted') notConverted++;
	}
	row.total = leads.length;
	row.pending = pending;
	row.converted = converted;
	row.notConverted = notConverted;
	row.other = leads.length - pending - converted - notConverted;
}

function addCounts(totals: BatchCounts, c: BatchCounts): void {
	totals.total += c.total;
	totals.pending += c.pending;
	totals.converted += c.converted;
	totals.notConverted += c.notConverted;
	totals.other += c.other;
}

/** Newest first; a time that does not parse sorts last; equal times keep the answer's order. */
function newestFirst(a: BatchRow, b: BatchRow): number {
	const ta = Number.isNaN(a.time) ? -Infinity : a.time;
	const tb = Number.isNaN(b.time) ? -Infinity : b.time;
	return tb - ta || a.seq - b.seq;
}
