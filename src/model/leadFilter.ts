// Which leads the view shows: all of them, or those in one state. How many of a batch's leads a
// filter keeps (from the counts the model made), whether a lead matches, and what the view says
// of it. Pure (no vscode), so it is unit-tested in plain Node.
import * as l10n from '@vscode/l10n';
import type { EnrichmentBatch, Lead } from '../api/types';
import type { BatchCounts } from './enrichmentModel';
import { type LeadState, leadState } from './leadState';

/** 'all', or the one lead state shown. */
export type LeadFilter = 'all' | LeadState;

export const DEFAULT_FILTER: LeadFilter = 'all';

/** The choices, in the order the quick pick offers them. */
export const LEAD_FILTERS: readonly LeadFilter[] = ['all', 'pending', 'converted', 'not-converted', 'other'];

// A function, not a constant: the words are looked up once the display language's bundle is loaded.
const labels = (): Record<LeadFilter, string> => ({
	all: l10n.t('All'),
	pending: l10n.t('Pending'),
	converted: l10n.t('Converted'),
	'not-converted': l10n.t('Not converted'),
	other: l10n.t('Other'),
});

/** "Pending", "Not converted": how the view and the quick pick name a filter. */
export function filterLabel(filter: LeadFilter): string {
	return labels()[filter];
}

/** A stored (or a script's) value as a filter; anything unknown is 'all', so a bad value never hides leads. */
export function parseFilter(value: unknown): LeadFilter {
	return typeof value === 'string' && (LEAD_FILTERS as readonly string[]).includes(value) ? (value as LeadFilter) : DEFAULT_FILTER;
}

/** How many of the counted leads the filter keeps. */
export function matchingLeads(c: BatchCounts, filter: LeadFilter): number {
	switch (filter) {
		case 'all':
			return c.total;
		case 'pending':
			return c.pending;
		case 'converted':
			return c.converted;
		case 'not-converted':
			return c.notConverted;
		case 'other':
			return c.other;
	}
}

/** Whether a lead in `state` is shown under the filter. */
export function stateMatches(state: LeadState, filter: LeadFilter): boolean {
	return filter === 'all' || state === filter;
}

/** The batch with only its matching leads (the batch itself under 'all'); undefined when none match. */
export function filterBatch(batch: EnrichmentBatch, filter: LeadFilter): EnrichmentBatch | undefined {
	if (filter === 'all') return batch;
	const leads = batch.leads.filter((l: Lead) => leadState(l) === filter);
	return leads.length ? { ...batch, leads } : undefined;
}

/** "3 of 10 leads": a filtered batch's (or day's) description. */
export function describeMatching(matching: number, total: number): string {
	return l10n.t('{0} of {1} {2}', matching, total, total === 1 ? 'lead' : 'leads');
}

/** For each filter, how many leads it keeps and in how many batches (the quick pick's descriptions). */
export function countByFilter(rows: Iterable<BatchCounts>): Record<LeadFilter, { leads: number; batches: number }> {
	const out = Object.fromEntries(LEAD_FILTERS.map((f) => [f, { leads: 0, batches: 0 }])) as Record<LeadFilter, { leads: number; batches: number }>;
	for (const row of rows) {
		for (const f of LEAD_FILTERS) {
			const n = matchingLeads(row, f);
			out[f].leads += n;
			if (n) out[f].batches++;
		}
	}
	return out;
}
