// Checks that a 200's JSON has the documented shape, so a drifted or foreign answer becomes a
// clear error instead of an empty tree. Unknown enum values and extra fields pass untouched.
import * as l10n from '@vscode/l10n';
import { unexpectedShape } from './errors';
import type { EnrichmentBatch, ListEnrichmentsResponse } from './types';

/** The list answer, checked: `{ lead_enrichments: [{ uuid, created, leads: [{ uid, ... }] }] }`. */
export function parseListResponse(json: unknown): ListEnrichmentsResponse {
	if (!isObject(json) || !Array.isArray(json.lead_enrichments)) throw unexpectedShape(l10n.t('it has no "lead_enrichments" list'));
	const batches = json.lead_enrichments as unknown[];
	for (let i = 0; i < batches.length; i++) checkBatch(batches[i], i);
	return json as ListEnrichmentsResponse;
}

/** One batch, bare (`{ uuid, ... }`) or wrapped (`{ lead_enrichment: {...} }`, `{ data: {...} }`, a one-item list). */
export function parseBatch(json: unknown): EnrichmentBatch {
	const batch = unwrapBatch(json);
	if (batch === undefined) throw unexpectedShape(l10n.t('it holds no enrichment batch'));
	checkBatch(batch, -1);
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

/** `where` is the batch's index in the list, or -1 for a single batch. */
function checkBatch(value: unknown, where: number): void {
	const path = where < 0 ? 'batch' : `lead_enrichments[${where}]`;
	if (!isObject(value)) throw unexpectedShape(l10n.t('{0} is not an object', path));
	if (typeof value.uuid !== 'string' || !value.uuid) throw unexpectedShape(l10n.t('{0} has no "uuid"', path));
	if (typeof value.created !== 'string') throw unexpectedShape(l10n.t('{0} has no "created" timestamp', path));
	if (!Array.isArray(value.leads)) throw unexpectedShape(l10n.t('{0} has no "leads" list', path));
	const leads = value.leads as unknown[];
	for (let j = 0; j < leads.length; j++) {
		const lead = leads[j];
		if (!isObject(lead)) throw unexpectedShape(l10n.t('{0}.leads[{1}] is not an object', path, j));
		if (typeof lead.uid !== 'string' || !lead.uid) throw unexpectedShape(l10n.t('{0}.leads[{1}] has no "uid"', path, j));
	}
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}
