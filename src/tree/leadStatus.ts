// How a lead's status reads and looks. Pure: icons are codicon ids, colors theme color ids.
import { leadStateCode } from '../api/leadState';
import type { Lead } from '../api/types';

export type LeadState = 'pending' | 'converted' | 'not-converted' | 'unknown';

export interface LeadLook {
	state: LeadState;
	/** Short text for the tree row's description. */
	text: string;
	icon: string;
	color: string;
}

const LOOKS: Record<Exclude<LeadState, 'unknown'>, Omit<LeadLook, 'state'>> = {
	pending: { text: 'Pending', icon: 'clock', color: 'charts.yellow' },
	converted: { text: 'Converted to prospect', icon: 'pass-filled', color: 'charts.green' },
	'not-converted': { text: 'Not converted', icon: 'circle-slash', color: 'charts.red' },
};

const STATES: readonly LeadState[] = ['pending', 'converted', 'not-converted', 'unknown'];

/** Classifies a lead; values outside the documented enums are 'unknown' and shown as they came. */
export function leadState(lead: Pick<Lead, 'status' | 'processing_result'>): LeadState {
	return STATES[leadStateCode(lead)];
}

export function leadLook(lead: Pick<Lead, 'status' | 'processing_result'>): LeadLook {
	const state = leadState(lead);
	if (state !== 'unknown') return { state, ...LOOKS[state] };
	return { state, text: rawStatusText(lead), icon: 'question', color: 'charts.purple' };
}

/** "FAILED · DUPLICATE": the raw values, for states the extension does not know. */
export function rawStatusText(lead: Pick<Lead, 'status' | 'processing_result'>): string {
	const parts = [shown(lead.status, 'no status'), ...(lead.processing_result === null || lead.processing_result === undefined ? [] : [shown(lead.processing_result, '')])];
	return parts.filter(Boolean).join(' · ');
}

function shown(value: unknown, missing: string): string {
	if (value === undefined || value === null) return missing;
	return typeof value === 'string' ? value : JSON.stringify(value);
}
