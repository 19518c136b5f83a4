// Counts, labels and tooltips of a batch row. Pure, so labels are unit-tested without VS Code.
import * as l10n from '@vscode/l10n';
import type { EnrichmentBatch } from '../api/types';
import type { BatchCounts } from '../model/enrichmentModel';
import { type LeadFilter, describeMatching, filterLabel, matchingLeads } from '../model/leadFilter';
import { markdownCode, visibleText } from './visibleText';

/** "3 leads · 1 pending · 1 converted · 1 not converted" (zero parts left out, except the total). */
export function describeCounts(c: BatchCounts): string {
	let text = `${c.total} ${c.total === 1 ? 'lead' : 'leads'}`;
	if (c.pending) text += l10n.t(' · {0} pending', c.pending);
	if (c.converted) text += l10n.t(' · {0} converted', c.converted);
	if (c.notConverted) text += l10n.t(' · {0} not converted', c.notConverted);
	if (c.other) text += l10n.t(' · {0} other', c.other);
	return text;
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
		if (Number.isNaN(time)) return visibleText(created) || l10n.t('(no creation time)');
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
	other: { icon: 'warning', color: 'charts.purple' },
	empty: { icon: 'circle-outline', color: 'disabledForeground' },
	done: { icon: 'check-all', color: 'charts.green' },
} as const satisfies Record<string, BatchLook>;

/** The batch's icon from its worst state; one shared object per look. */
export function batchIcon(c: BatchCounts): BatchLook {
	if (c.pending) return BATCH_LOOKS.pending;
	if (c.other) return BATCH_LOOKS.other;
	if (c.total === 0) return BATCH_LOOKS.empty;
	return BATCH_LOOKS.done;
}

/** Markdown for the batch row's tooltip: uuid, ISO timestamp, counts (and, under a filter, how many it shows). */
export function batchTooltip(batch: EnrichmentBatch, c: BatchCounts, filter: LeadFilter = 'all'): string {
	const lines = [
		l10n.t('**Enrichment batch**'),
		'',
		`UUID: ${markdownCode(batch.uuid)}`,
		'',
		`Created: ${markdownCode(batch.created)}`,
		'',
		l10n.t('Leads: {0} — {1} pending, {2} converted to prospect, {3} not converted{4}', c.total, c.pending, c.converted, c.notConverted, c.other ? l10n.t(', {0} other', c.other) : ''),
	];
	if (filter !== 'all') lines.push('', l10n.t('Shown: {0} (filter "{1}")', describeMatching(matchingLeads(c, filter), c.total), filterLabel(filter)));
	return lines.join('\n');
}
