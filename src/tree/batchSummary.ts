// Counts, labels and tooltips of a batch row. Pure, so labels are unit-tested without VS Code.
import type { EnrichmentBatch } from '../api/types';
import { leadState } from './leadStatus';
import { markdownCode, visibleText } from './visibleText';

export interface BatchCounts {
	total: number;
	pending: number;
	converted: number;
	notConverted: number;
	unknown: number;
}

export function countLeads(batch: EnrichmentBatch): BatchCounts {
	const counts: BatchCounts = { total: batch.leads.length, pending: 0, converted: 0, notConverted: 0, unknown: 0 };
	for (const lead of batch.leads) {
		switch (leadState(lead)) {
			case 'pending':
				counts.pending++;
				break;
			case 'converted':
				counts.converted++;
				break;
			case 'not-converted':
				counts.notConverted++;
				break;
			default:
				counts.unknown++;
		}
	}
	return counts;
}

/** "3 leads · 1 pending · 1 converted · 1 not converted" (zero parts left out, except the total). */
export function describeCounts(c: BatchCounts): string {
	const parts = [`${c.total} ${c.total === 1 ? 'lead' : 'leads'}`];
	if (c.pending) parts.push(`${c.pending} pending`);
	if (c.converted) parts.push(`${c.converted} converted`);
	if (c.notConverted) parts.push(`${c.notConverted} not converted`);
	if (c.unknown) parts.push(`${c.unknown} other`);
	return parts.join(' · ');
}

/** Milliseconds since the epoch, or NaN when `created` is not a date. */
export function createdTime(batch: EnrichmentBatch): number {
	return Date.parse(batch.created);
}

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

export function batchIcon(c: BatchCounts): { icon: string; color: string } {
	if (c.pending) return { icon: 'sync', color: 'charts.yellow' };
	if (c.unknown) return { icon: 'warning', color: 'charts.purple' };
	if (c.total === 0) return { icon: 'circle-outline', color: 'disabledForeground' };
	return { icon: 'check-all', color: 'charts.green' };
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
