// What state a lead is in, from the two fields the API documents, and how each state reads and
// looks. Pure: icons are codicon ids, colors theme color ids.
import * as l10n from '@vscode/l10n';
import type { Lead } from '../api/types';

export type LeadState = 'pending' | 'converted' | 'not-converted' | 'other';

/** Classifies a lead; values outside the documented enums are 'other', and kept as they came. */
export function leadState(lead: Pick<Lead, 'status' | 'processing_result'>): LeadState {
	const result = lead.processing_result;
	if (lead.status === 'PROCESSED') return result === 'CONVERTED_TO_PROSPECT' ? 'converted' : result === 'NOT_CONVERTED_TO_PROSPECT' ? 'not-converted' : 'other';
	return lead.status === 'PENDING' && (result === null || result === undefined) ? 'pending' : 'other';
}

export interface LeadLook {
	state: LeadState;
	/** The status in words, as the tooltip, quick picks and exports say it. */
	text: string;
	/** The tree row's label: short, so the status shows first even in a narrow side bar. */
	label: string;
	/** What a screen reader says of the status ("pending"). */
	spoken: string;
	icon: string;
	color: string;
}

// A function, not a constant: the words are looked up once the display language's bundle is loaded.
const looks = (): Record<Exclude<LeadState, 'other'>, Omit<LeadLook, 'state'>> => ({
	pending: { text: l10n.t('Pending'), label: l10n.t('Pending'), spoken: l10n.t('pending'), icon: 'clock', color: 'charts.yellow' },
	converted: { text: l10n.t('Converted to prospect'), label: l10n.t('Converted'), spoken: l10n.t('converted to prospect'), icon: 'pass-filled', color: 'charts.green' },
	'not-converted': { text: l10n.t('Not converted'), label: l10n.t('Not converted'), spoken: l10n.t('not converted to prospect'), icon: 'circle-slash', color: 'charts.red' },
});

export function leadLook(lead: Pick<Lead, 'status' | 'processing_result'>): LeadLook {
	const state = leadState(lead);
	if (state !== 'other') return { state, ...looks()[state] };
	const raw = rawStatusText(lead);
	return { state, text: raw, label: raw, spoken: l10n.t('status {0}', raw), icon: 'question', color: 'charts.purple' };
}

/** "FAILED · DUPLICATE": the raw values, for states the extension does not know. */
export function rawStatusText(lead: Pick<Lead, 'status' | 'processing_result'>): string {
	return [shown(lead.status) ?? l10n.t('no status'), shown(lead.processing_result) ?? ''].filter(Boolean).join(' · ');
}

function shown(value: unknown): string | undefined {
	if (value == null) return undefined;
	return typeof value === 'string' ? value : JSON.stringify(value);
}
