// Counts, labels and tooltips of a batch row. Pure, so labels are unit-tested without VS Code.
import type { EnrichmentBatch } from '../api/types';
import { markdownCode, visibleText } from './visibleText';

export interface BatchCounts {
	total: number;
	pending: number;
	converted: number;
	notConverted: number;
	unknown: number;
}

/** "3 leads · 1 pending · 1 converted · 1 not converted" (zero parts left out, except the total). */
export function describeCounts(c: BatchCounts): string {
	// Thousands of batches share a few hundred count combinations: build each text once. With every
	// count under 64 (a batch holds at most 50 leads) the key is a small integer, cheap to look up.
	const small = (c.total | c.pending | c.converted | c.notConverted | c.unknown) < 64;
	const key = small ? (((c.total * 64 + c.pending) * 64 + c.converted) * 64 + c.notConverted) * 64 + c.unknown : -1;
	let text = small ? countTexts.get(key) : undefined;
	if (text === undefined) {
		const parts = [`${c.total} ${c.total === 1 ? 'lead' : 'leads'}`];
		if (c.pending) parts.push(`${c.pending} pending`);
		if (c.converted) parts.push(`${c.converted} converted`);
		if (c.notConverted) parts.push(`${c.notConverted} not converted`);
		if (c.unknown) parts.push(`${c.unknown} other`);
		text = parts.join(' · ');
		if (small) {
			if (countTexts.size >= 10_000) countTexts.clear();
			countTexts.set(key, text);
		}
	}
	return text;
}
const countTexts = new Map<number, string>();

/**
 * Formats instants to the minute, remembering each minute's text: Intl formatting costs
 * microseconds a call, and tens of thousands of batches share far fewer minutes.
 */
export class MinuteLabels {
	private readonly cache = new Map<number, string>();
	private formatter: Intl.DateTimeFormat | undefined;

	/** The formatter is made on first use: the first Intl formatter in a process costs ~25 ms, too much for activation. */
	constructor(private readonly makeFormatter: () => Intl.DateTimeFormat) {}

	/** The label for `time` (ms), or the raw `created` text when it is not a date. */
	label(time: number, created: string): string {
		if (Number.isNaN(time)) return visibleText(created) || '(no creation time)';
		const minute = Math.floor(time / 60_000);
		let text = this.cache.get(minute);
		if (text === undefined) {
			this.formatter ??= this.makeFormatter();
			text = this.formatter.format(time);
			if (this.cache.size > 100_000) this.cache.clear();
			this.cache.set(minute, text);
		}
		return text;
	}
}

export interface BatchLook {
	readonly icon: string;
	readonly color: string;
}

const BATCH_LOOKS = {
	pending: { icon: 'sync', color: 'charts.yellow' },
	unknown: { icon: 'warning', color: 'charts.purple' },
	empty: { icon: 'circle-outline', color: 'disabledForeground' },
	done: { icon: 'check-all', color: 'charts.green' },
} as const satisfies Record<string, BatchLook>;

/** The batch's icon from its worst state; one shared object per look. */
export function batchIcon(c: BatchCounts): BatchLook {
	if (c.pending) return BATCH_LOOKS.pending;
	if (c.unknown) return BATCH_LOOKS.unknown;
	if (c.total === 0) return BATCH_LOOKS.empty;
	return BATCH_LOOKS.done;
}

/** Markdown for the batch row's tooltip: uuid, ISO timestamp, counts. */
export function batchTooltip(batch: EnrichmentBatch, c: BatchCounts): string {
	return [
		'**Enrichment batch**',
		'',
		`UUID: ${markdownCode(batch.uuid)}`,
		'',
		`Created: ${markdownCode(batch.created)}`,
		'',
		`Leads: ${c.total} — ${c.pending} pending, ${c.converted} converted to prospect, ${c.notConverted} not converted${c.unknown ? `, ${c.unknown} other` : ''}`,
	].join('\n');
}
