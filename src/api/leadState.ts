// What state a lead is in, from the two fields the API documents. Shared by the answer's checks,
// which count leads per state while they walk them, and the tree, which shows the states.
import type { Lead } from './types';

/** 0 pending, 1 converted to prospect, 2 not converted, 3 anything the docs do not list. */
export type LeadStateCode = 0 | 1 | 2 | 3;
export const PENDING = 0;
export const CONVERTED = 1;
export const NOT_CONVERTED = 2;
export const OTHER = 3;

/** Classifies a lead; values outside the documented enums are OTHER and kept as they came. */
export function leadStateCode(lead: Pick<Lead, 'status' | 'processing_result'>): LeadStateCode {
	const status = lead.status;
	const result = lead.processing_result;
	// Most leads are processed; 'PROCESSED' and 'PENDING' come out of JSON.parse as interned strings.
	if (status === 'PROCESSED') return result === 'NOT_CONVERTED_TO_PROSPECT' ? NOT_CONVERTED : result === 'CONVERTED_TO_PROSPECT' ? CONVERTED : OTHER;
	return status === 'PENDING' && (result === null || result === undefined) ? PENDING : OTHER;
}

/**
 * Leads per state for each batch, four numbers per batch in the batches' order: pending,
 * converted, not converted, other. For answers that did not come through the client's checks.
 */
export function countLeadStates(batches: readonly { leads: readonly Lead[] }[]): Uint32Array {
	const counts = new Uint32Array(batches.length * 4);
	for (let i = 0; i < batches.length; i++) {
		const leads = batches[i].leads;
		for (let j = 0; j < leads.length; j++) counts[i * 4 + leadStateCode(leads[j])]++;
	}
	return counts;
}
