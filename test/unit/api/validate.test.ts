// The shape checks on a 200's JSON, on their own: what passes untouched, and what each refusal says.
import * as assert from 'node:assert/strict';
import type { EnrichmentBatch } from '../../../src/api/types';
import { parseBatch, parseListResponse } from '../../../src/api/validate';

const batch: EnrichmentBatch = { uuid: 'u-1', created: '2026-05-01T10:00:00Z', leads: [{ uid: 'l-1', status: 'PENDING', processing_result: null }] };
const other: EnrichmentBatch = { uuid: 'u-2', created: '2026-05-01T11:00:00Z', leads: [] };

/** The whole message for an unexpected shape, `what` being the part named. */
const shape = (what: string) => ({
	kind: 'invalid-response',
	status: 200,
	message: `Woodpecker sent an unexpected response: ${what}. Check the woodpecker.apiBaseUrl setting; if it points at Woodpecker, the API may have changed.`,
});

describe('api/validate', () => {
	describe('parseListResponse', () => {
		it('returns the answer itself, extra fields and values included', () => {
			const answer = { lead_enrichments: [batch, { ...other, extra: true }], next: 'x' };
			assert.equal(parseListResponse(answer), answer);
			assert.deepEqual(parseListResponse({ lead_enrichments: [] }), { lead_enrichments: [] });
		});

		it('refuses an answer without the list', () => {
			for (const json of [null, 'x', [batch], { lead_enrichments: { 0: batch } }, {}]) {
				assert.throws(() => parseListResponse(json), shape('it has no "lead_enrichments" list'), JSON.stringify(json));
			}
		});

		const refusals: Array<[string, unknown[], string]> = [
			['a number', [batch, 5], 'lead_enrichments[1] is not an object'],
			['a string', ['x'], 'lead_enrichments[0] is not an object'],
			['null', [null], 'lead_enrichments[0] is not an object'],
			['a list', [[batch]], 'lead_enrichments[0] is not an object'],
			['an empty uuid', [{ ...batch, uuid: '' }], 'lead_enrichments[0] has no "uuid"'],
			['a uuid that is a number', [{ ...batch, uuid: 5 }], 'lead_enrichments[0] has no "uuid"'],
			['no created', [{ uuid: 'u', leads: [] }], 'lead_enrichments[0] has no "created" timestamp'],
			['a created that is a number', [{ ...batch, created: 1_777_000_000 }], 'lead_enrichments[0] has no "created" timestamp'],
			['no leads', [other, { uuid: 'u', created: batch.created }], 'lead_enrichments[1] has no "leads" list'],
			['a lead that is a string', [{ ...batch, leads: [batch.leads[0], 'x'] }], 'lead_enrichments[0].leads[1] is not an object'],
			['a lead that is null', [{ ...batch, leads: [null] }], 'lead_enrichments[0].leads[0] is not an object'],
			['an empty uid', [{ ...batch, leads: [{ uid: '', status: 'PENDING', processing_result: null }] }], 'lead_enrichments[0].leads[0] has no "uid"'],
			['a uid that is a number', [other, { ...batch, leads: [{ uid: 7, status: 'PENDING', processing_result: null }] }], 'lead_enrichments[1].leads[0] has no "uid"'],
		];
		for (const [what, list, where] of refusals) {
			it(`refuses a list holding ${what}, naming where`, () => {
				assert.throws(() => parseListResponse({ lead_enrichments: list }), shape(where));
			});
		}
	});

	describe('parseBatch', () => {
		it('takes the batch bare, as the very object', () => {
			assert.equal(parseBatch(batch), batch);
		});

		it('unwraps it from an object or a one-item list, past fields that are no batch', () => {
			assert.equal(parseBatch({ lead_enrichment: batch }), batch);
			assert.equal(parseBatch({ data: [batch] }), batch);
			assert.equal(parseBatch({ status: 'ok', count: 1, meta: { page: 1 }, tags: ['x'], lead_enrichment: batch }), batch);
			assert.equal(parseBatch({ status: 'ok', data: [other] }), other);
		});

		it('refuses what holds no batch', () => {
			for (const json of [null, 'x', 5, [batch], {}, { data: [] }, { data: [batch, other] }, { data: ['x'] }, { data: [{ id: 1 }] }, { lead_enrichment: { id: 'x' } }]) {
				assert.throws(() => parseBatch(json), shape('it holds no enrichment batch'), JSON.stringify(json));
			}
		});

		it('checks the batch it found, naming it "batch"', () => {
			assert.throws(() => parseBatch({ ...batch, uuid: 5 }), shape('batch has no "uuid"'));
			assert.throws(() => parseBatch({ data: { uuid: 'u', created: 1, leads: [] } }), shape('batch has no "created" timestamp'));
			assert.throws(() => parseBatch({ data: [{ uuid: 'u', created: 'c' }] }), shape('batch has no "leads" list'));
			assert.throws(() => parseBatch({ ...batch, leads: [batch.leads[0], { uid: '' }] }), shape('batch.leads[1] has no "uid"'));
			assert.throws(() => parseBatch({ ...batch, leads: [5] }), shape('batch.leads[0] is not an object'));
		});
	});
});
