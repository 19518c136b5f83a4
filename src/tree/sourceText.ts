// The words and icon of an account's (or client company's) row when several share the view.
// Pure, so every state is unit-tested without VS Code.
import * as l10n from '@vscode/l10n';
import { formatTime } from '../common/formatTime';
import type { ViewState } from '../enrichments/enrichmentStore';
import { markdownCode, markdownText } from './visibleText';
import { count } from '../common/count';

export interface SourceTextInput {
	/** The account's name, or the company's. */
	name: string;
	kind: 'account' | 'company';
	/** For a company: its agency account's name. */
	agency?: string;
	state: ViewState;
	/** Batches shown (within the cutoff) and their pending leads; undefined before any data. */
	batches?: number;
	/** Under a filter, how many of those batches have a matching lead (undefined without a filter). */
	shownBatches?: number;
	pending?: number;
	cached: boolean;
	refreshing: boolean;
	receivedAt?: Date;
	failure?: { message: string; at: Date };
	/** A company the agency's key no longer reaches (its requests answered 403 or 404): gone from the agency, most likely. */
	outOfReach?: boolean;
	now?: Date;
}

export interface SourceIcon {
	id: string;
	/** A theme color id, or undefined for the default. */
	color?: string;
}

/** "12 batches · 3 pending" ("5 of 12 batches · 3 pending" under a filter), or what stands in the way. */
export function sourceDescription(i: SourceTextInput): string {
	if (i.outOfReach) return l10n.t('no longer reachable');
	switch (i.state) {
		case 'no-key':
			return l10n.t('no API key');
		case 'idle':
			return l10n.t('not loaded yet');
		case 'loading':
			return l10n.t('loading…');
		case 'error':
			return l10n.t('could not load');
	}
	let text = i.batches === 0 ? l10n.t('no batches') : count(i.batches ?? 0, l10n.t('batch'), l10n.t('batches'));
	if (i.shownBatches !== undefined && i.batches) text = l10n.t('{0} of {1}', i.shownBatches, text);
	if (i.pending) text += l10n.t(' · {0} pending', i.pending);
	if (i.failure) text += l10n.t(' · refresh failed');
	else if (i.cached) text += l10n.t(' · cached');
	return text;
}

/** The row's icon says its state first: a key missing or a failure outranks the kind of row. */
export function sourceIcon(i: Pick<SourceTextInput, 'kind' | 'state' | 'failure' | 'refreshing'>): SourceIcon {
	if (i.state === 'no-key') return { id: 'key', color: 'list.warningForeground' };
	if (i.failure) return { id: i.state === 'error' ? 'error' : 'warning', color: i.state === 'error' ? 'list.errorForeground' : 'list.warningForeground' };
	if (i.refreshing) return { id: 'sync~spin' };
	return { id: i.kind === 'company' ? 'organization' : 'account' };
}

/** The hover: who it is, and the whole reason when something failed. */
export function sourceTooltip(i: SourceTextInput): string {
	const now = i.now ?? new Date();
	const who = i.kind === 'company' ? l10n.t('**Client company** {0} of {1}', markdownCode(i.name), markdownCode(i.agency ?? '')) : `**Account** ${markdownCode(i.name)}`;
	const lines = [who, ''];
	if (i.state === 'no-key') lines.push(l10n.t('No API key is set for this account.'));
	if (i.outOfReach) lines.push(l10n.t("The agency's key no longer reaches this company: it may have left the agency. Choose Client Companies… to update the list."), '');
	if (i.failure) lines.push(`${i.state === 'error' ? l10n.t('Could not load') : l10n.t('Refresh failed at {0}', formatTime(i.failure.at, now))}: ${markdownText(i.failure.message)}`, '');
	if (i.receivedAt) lines.push(`${i.cached ? l10n.t('Cached data from') : l10n.t('Received')} ${formatTime(i.receivedAt, now)}`);
	return lines.join('\n').trim();
}

/** What a screen reader says for the row: its name, kind and state in words. */
export function sourceAccessibilityLabel(i: SourceTextInput): string {
	return `${i.kind === 'company' ? l10n.t('Client company') : l10n.t('Account')} ${i.name}, ${sourceDescription(i)}`;
}
