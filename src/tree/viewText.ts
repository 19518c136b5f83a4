// The view's words: its title, description and message for each state. Pure, unit-tested.
import { formatTime } from '../common/formatTime';
import type { ViewState } from '../enrichments/enrichmentStore';
import { type Cutoff, describeCutoff } from '../settings/cutoff';

export interface ViewTextInput {
	state: ViewState;
	cutoff: Cutoff;
	cached: boolean;
	receivedAt?: Date;
	refreshing: boolean;
	failure?: { message: string; at: Date };
	now?: Date;
}

/** The view's description: the cutoff in force, and whether the data is cached. */
export function viewDescription(i: ViewTextInput): string {
	const base = describeCutoff(i.cutoff);
	return i.cached && i.state !== 'no-key' ? `${base} · cached` : base;
}

/**
 * The view's title is the cutoff: with the view alone in its container VS Code shows only the
 * title ("WOODPECKER: LAST 24 HOURS"), not the description, and a longer title is cut off at the
 * side bar's default width.
 */
export function viewTitle(i: Pick<ViewTextInput, 'cutoff'>): string {
	const c = describeCutoff(i.cutoff);
	return c.charAt(0).toUpperCase() + c.slice(1);
}

/**
 * The view's message line, or undefined. It must stay undefined where the welcome content
 * speaks (no key, loading, nothing within the cutoff): VS Code hides welcome content while a
 * message is set. A failure is said here once; its way out is the action row below it.
 */
export function viewMessage(i: ViewTextInput): string | undefined {
	const now = i.now ?? new Date();
	if (i.state === 'no-key') return undefined;
	if (i.failure) {
		if (i.state === 'error') return `Could not load enrichment batches: ${i.failure.message}`;
		const shown = i.receivedAt ? ` Showing the batches received at ${formatTime(i.receivedAt, now)}.` : '';
		return `Refresh failed at ${formatTime(i.failure.at, now)}: ${i.failure.message}${shown}`;
	}
	if (i.state === 'loaded' && i.cached && i.receivedAt) {
		return `Showing cached data from ${formatTime(i.receivedAt, now)}${i.refreshing ? '; refreshing…' : '. Refresh to update it.'}`;
	}
	return undefined;
}
