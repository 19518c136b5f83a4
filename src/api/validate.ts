// Checks that a 200's JSON has the documented shape, so a drifted or foreign answer
// becomes a clear error instead of an empty tree. Unknown enum values and extra fields pass.
import { WoodpeckerApiError } from './errors';
import type { EnrichmentBatch, ListEnrichmentsResponse } from './types';

/** The list answer, checked: `{ lead_enrichments: [{ uuid, created, leads: [{ uid, ... }] }] }`. */
export function parseListResponse(json: unknown): ListEnrichmentsResponse {
	if (!isObject(json) || !Array.isArray(json.lead_enrichments)) {
		throw unexpected('it has no "lead_enrichments" list');
	}
	const batches = json.lead_enrichments as unknown[];
	for (let i = 0; i < batches.length; i++) checkBatch(batches[i], `lead_enrichments[${i}]`);
	return json as ListEnrichmentsResponse;
}

/** One batch, bare (`{ uuid, ... }`) or wrapped (`{ lead_enrichment: {...} }`, `{ data: {...} }`, a one-item list). */
export function parseBatch(json: unknown): EnrichmentBatch {
	const batch = unwrapBatch(json);
	if (batch === undefined) throw unexpected('it holds no enrichment batch');
	checkBatch(batch, 'batch');
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

function checkBatch(value: unknown, where: string): void {
	if (!isObject(value)) throw unexpected(`${where} is not an object`);
	if (typeof value.uuid !== 'string' || !value.uuid) throw unexpected(`${where} has no "uuid"`);
	if (typeof value.created !== 'string') throw unexpected(`${where} has no "created" timestamp`);
	if (!Array.isArray(value.leads)) throw unexpected(`${where} has no "leads" list`);
	const leads = value.leads as unknown[];
	for (let j = 0; j < leads.length; j++) {
		const lead = leads[j];
		if (!isObject(lead)) throw unexpected(`${where}.leads[${j}] is not an object`);
		if (typeof lead.uid !== 'string' || !lead.uid) throw unexpected(`${where}.leads[${j}] has no "uid"`);
	}
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
