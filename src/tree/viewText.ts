// The view's words: its description and message for each state. Pure, unit-tested.
import { type Cutoff, describeCutoff } from '../settings/cutoff';

export interface ViewTextInput {
	state: 'no-key' | 'idle' | 'loading' | 'loaded' | 'empty' | 'error';
	cutoff: Cutoff;
	batches: number;
	cached: boolean;
	receivedAt?: Date;
	refreshing: boolean;
	failure?: { message: string; at: Date };
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
export function viewTitle(i: ViewTextInput): string {
	const c = describeCutoff(i.cutoff);
	return c.charAt(0).toUpperCase() + c.slice(1);
}

/** The view's message line, or undefined when the rows speak for themselves. */
export function viewMessage(i: ViewTextInput): string | undefined {
	switch (i.state) {
		case 'no-key':
			return undefined;
		case 'idle':
		case 'loading':
			return undefined;
		case 'error':
			return i.failure ? `Could not load enrichment batches: ${i.failure.message}` : undefined;
		case 'empty':
		case 'loaded': {
			const when = i.receivedAt ? formatTime(i.receivedAt) : 'earlier';
			if (i.failure) return `Showing data from ${when} because the last refresh failed: ${i.failure.message}`;
			if (i.cached) return `Showing cached data from ${when}${i.refreshing ? '; refreshing…' : '. Refresh to update it.'}`;
			if (i.state === 'empty') {
				const c = describeCutoff(i.cutoff);
				return `No enrichment batches ${c.startsWith('since') ? c : `in the ${c}`}. Set an earlier cutoff to look further back.`;
			}
			return undefined;
		}
	}
}

/** "14:03" today, otherwise "26 Nov, 14:03", in the user's locale. */
export function formatTime(d: Date, now: Date = new Date()): string {
	const sameDay = d.toDateString() === now.toDateString();
	return sameDay ? d.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' }) : d.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
}
