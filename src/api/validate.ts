// Checks that a 200's JSON has the documented shape, so a drifted or foreign answer
// becomes a clear error instead of an empty tree. Unknown enum values and extra fields pass.
import { WoodpeckerApiError } from './errors';
import { leadStateCode } from './leadState';
import { parseTimestamp } from './timestamps';
import type { EnrichmentBatch, Lead, ListEnrichmentsResponse } from './types';

/** A list answer that passed the checks. */
export interface CheckedList {
	body: ListEnrichmentsResponse;
	/**
	 * Leads per state, four numbers per batch in answer order (pending, converted, not converted,
	 * other; see leadState.ts), counted while the checks walk the leads, so no one walks them again.
	 */
	leadStates: Uint32Array;
	/** Each batch's `created` in ms since the epoch (NaN when it is not a date), in answer order. */
	createdTimes: Float64Array;
}

/** The list answer, checked: `{ lead_enrichments: [{ uuid, created, leads: [{ uid, ... }] }] }`. */
export function parseListResponse(json: unknown): CheckedList {
	if (!isObject(json) || !Array.isArray(json.lead_enrichments)) {
		throw unexpected('it has no "lead_enrichments" list');
	}
	const batches = json.lead_enrichments as unknown[];
	const leadStates = new Uint32Array(batches.length * 4);
	const createdTimes = new Float64Array(batches.length);
	for (let i = 0; i < batches.length; i++) {
		const leads = checkBatch(batches[i], i);
		// Read now, while the batch is in the CPU's cache: a second walk over 10k batches costs more than the parsing.
		createdTimes[i] = parseTimestamp((batches[i] as EnrichmentBatch).created);
		// One walk over the leads does both: every lead is checked, then counted by state.
		for (let j = 0; j < leads.length; j++) {
			const lead = leads[j] as Lead;
			// Only an object can have a string uid (a primitive's .uid is undefined): one test for both.
			const uid = (lead as Partial<Lead> | null | undefined)?.uid;
			if (typeof uid !== 'string' || uid.length === 0) checkLead(lead, i, j);
			leadStates[i * 4 + leadStateCode(lead)]++;
		}
	}
	return { body: json as ListEnrichmentsResponse, leadStates, createdTimes };
}

/** One batch, bare (`{ uuid, ... }`) or wrapped (`{ lead_enrichment: {...} }`, `{ data: {...} }`, a one-item list). */
export function parseBatch(json: unknown): EnrichmentBatch {
	const batch = unwrapBatch(json);
	if (batch === undefined) throw unexpected('it holds no enrichment batch');
	const leads = checkBatch(batch, -1);
	for (let j = 0; j < leads.length; j++) checkLead(leads[j], -1, j);
	return batch as EnrichmentBatch;
}

function unwrapBatch(json: unknown): unknown {
	if (!isObject(json)) return undefined;
	if ('uuid' in json) return json;
	for (const value of Object.values(json)) {
		if (isObject(value) && 'uuid' in value) return value;
		if (Array.isArray(value) && value.length === 1 && isObject(value[0]) && 'uuid' in value[0]) return value[0];
	}
	return undefined;
}

/** `where` is the batch's index in the list, or -1 for a single batch. Returns its leads, not yet checked. */
function checkBatch(value: unknown, where: number): unknown[] {
	if (!isObject(value)) throw unexpected(`${batchPath(where)} is not an object`);
	if (typeof value.uuid !== 'string' || !value.uuid) throw unexpected(`${batchPath(where)} has no "uuid"`);
	if (typeof value.created !== 'string') throw unexpected(`${batchPath(where)} has no "created" timestamp`);
	if (!Array.isArray(value.leads)) throw unexpected(`${batchPath(where)} has no "leads" list`);
	return value.leads as unknown[];
}

/** Throws what is wrong with a lead that is not an object with a non-empty string uid. */
function checkLead(lead: unknown, batch: number, j: number): void {
	if (!isObject(lead)) throw unexpected(`${batchPath(batch)}.leads[${j}] is not an object`);
	if (typeof lead.uid !== 'string' || !lead.uid) throw unexpected(`${batchPath(batch)}.leads[${j}] has no "uid"`);
}

function batchPath(index: number): string {
	return index < 0 ? 'batch' : `lead_enrichments[${index}]`;
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function unexpected(what: string): WoodpeckerApiError {
	return new WoodpeckerApiError({
		kind: 'invalid-response',
		status: 200,
		title: 'Unexpected response',
		message: `Woodpecker sent an unexpected response: ${what}. Check the woodpecker.apiBaseUrl setting; if it points at Woodpecker, the API may have changed.`,
	});
}
