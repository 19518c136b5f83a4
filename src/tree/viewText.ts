// The view's words: its title, description and message for each state. Pure, unit-tested.
import * as l10n from '@vscode/l10n';
import { formatTime } from '../common/formatTime';
import type { ViewState } from '../enrichments/enrichmentStore';
import { type LeadFilter, filterLabel } from '../model/leadFilter';
import { type Cutoff, describeCutoff } from '../settings/cutoff';

export interface ViewTextInput {
	state: ViewState;
	cutoff: Cutoff;
	cached: boolean;
	receivedAt?: Date;
	refreshing: boolean;
	failure?: { message: string; at: Date };
	/** The lead filter in force ('all' when left out). */
	filter?: LeadFilter;
	/** Set when the filter hides every one of this many batches (more than none) within the cutoff. */
	filteredOut?: number;
	now?: Date;
}

/** The view's description: the cutoff in force, the filter, and whether the data is cached. */
export function viewDescription(i: ViewTextInput): string {
	let text = describeCutoff(i.cutoff);
	if (i.filter && i.filter !== 'all') text += ` · ${filterLabel(i.filter)}`;
	return i.cached && i.state !== 'no-key' ? l10n.t('{0} · cached', text) : text;
}

/**
 * The view's title is the cutoff: with the view alone in its container VS Code shows only the
 * title ("WOODPECKER: LAST 24 HOURS"), not the description, and a longer title is cut off at the
 * side bar's default width.
 */
export function viewTitle(i: Pick<ViewTextInput, 'cutoff' | 'filter'>): string {
	const c = describeCutoff(i.cutoff);
	const title = c.charAt(0).toUpperCase() + c.slice(1);
	return i.filter && i.filter !== 'all' ? `${title} · ${filterLabel(i.filter)}` : title;
}

/** What the view says when the filter hides every batch: the filter, and how many batches it hides. */
export function filteredOutMessage(filter: LeadFilter, batches: number): string {
	return l10n.t('No leads match the filter "{0}" in the {1} within the cutoff.', filterLabel(filter), batches === 1 ? 'batch' : l10n.t('{0} batches', batches));
}

/**
 * The view's message line, or undefined. It must stay undefined where the welcome content
 * speaks (no key, loading, nothing within the cutoff): VS Code hides welcome content while a
 * message is set. A failure is said here once; its way out is the action row below it. So is a
 * filter that hides every batch (its way out: Clear Filter), after whatever else there is to say.
 */
export function viewMessage(i: ViewTextInput): string | undefined {
	const message = stateMessage(i);
	if (!i.filteredOut || !i.filter || i.filter === 'all' || i.state === 'no-key') return message;
	const filtered = filteredOutMessage(i.filter, i.filteredOut);
	return message ? `${message} ${filtered}` : filtered;
}

function stateMessage(i: ViewTextInput): string | undefined {
	const now = i.now ?? new Date();
	if (i.state === 'no-key') return undefined;
	if (i.failure) {
		if (i.state === 'error') return l10n.t('Could not load enrichment batches: {0}', i.failure.message);
		const shown = i.receivedAt ? l10n.t(' Showing the batches received at {0}.', formatTime(i.receivedAt, now)) : '';
		return l10n.t('Refresh failed at {0}: {1}{2}', formatTime(i.failure.at, now), i.failure.message, shown);
	}
	if (i.state === 'loaded' && i.cached && i.receivedAt) {
		return l10n.t('Showing cached data from {0}{1}', formatTime(i.receivedAt, now), i.refreshing ? l10n.t('; refreshing…') : l10n.t('. Refresh to update it.'));
	}
	return undefined;
}
