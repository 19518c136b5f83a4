import * as assert from 'node:assert/strict';
import type { EnrichmentBatch } from '../../../src/api/types';
import { EnrichmentModel } from '../../../src/model/enrichmentModel';
import { LEAD_FILTERS, countByFilter, describeMatching, filterBatch, filterLabel, matchingLeads, parseFilter, stateMatches } from '../../../src/model/leadFilter';

const batch: EnrichmentBatch = {
	uuid: 'e345310f-cfa7-42e3-b2fc-d888a332a899',
	created: '2026-05-01T10:00:00+02:00',
	extra: { kept: true },
	leads: [
		{ uid: 'a_0000', status: 'PENDING', processing_result: null },
		{ uid: 'a_0001', status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' },
		{ uid: 'a_0002', status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' },
		{ uid: 'a_0003', status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' },
		{ uid: 'a_0004', status: 'WEIRD', processing_result: null },
		{ uid: 'a_0005', status: 'PENDING', processing_result: null },
	],
} as EnrichmentBatch;

describe('lead filter', () => {
	it('offers All, Pending, Converted, Not converted and Other, in that order', () => {
		assert.deepEqual(LEAD_FILTERS.map(filterLabel), ['All', 'Pending', 'Converted', 'Not converted', 'Other']);
	});

	it('reads a stored value, taking anything unknown for All so a bad value never hides leads', () => {
		assert.equal(parseFilter('converted'), 'converted');
		assert.equal(parseFilter('not-converted'), 'not-converted');
		for (const bad of [undefined, null, '', 'Converted', 'none', 3, { filter: 'pending' }]) assert.equal(parseFilter(bad), 'all', JSON.stringify(bad));
	});

	it("counts a batch's matching leads from its row's counts", () => {
		const row = new EnrichmentModel([batch]).rows[0];
		assert.deepEqual(
			LEAD_FILTERS.map((f) => matchingLeads(row, f)),
			[6, 2, 1, 2, 1],
		);
	});

	it('matches a lead state to the filter', () => {
		assert.equal(stateMatches('pending', 'all'), true);
		assert.equal(stateMatches('other', 'all'), true);
		assert.equal(stateMatches('pending', 'pending'), true);
		assert.equal(stateMatches('converted', 'pending'), false);
		assert.equal(stateMatches('not-converted', 'converted'), false);
		assert.equal(stateMatches('other', 'other'), true);
	});

	it('keeps only the matching leads of a batch, the rest of the batch as received', () => {
		assert.equal(filterBatch(batch, 'all'), batch, 'All is the batch itself, not a copy');
		assert.deepEqual(filterBatch(batch, 'pending'), {
			uuid: 'e345310f-cfa7-42e3-b2fc-d888a332a899',
			created: '2026-05-01T10:00:00+02:00',
			extra: { kept: true },
			leads: [
				{ uid: 'a_0000', status: 'PENDING', processing_result: null },
				{ uid: 'a_0005', status: 'PENDING', processing_result: null },
			],
		});
		assert.deepEqual(filterBatch(batch, 'other')?.leads, [{ uid: 'a_0004', status: 'WEIRD', processing_result: null }]);
		assert.equal(batch.leads.length, 6, 'the batch as received is left alone');
		assert.equal(filterBatch({ ...batch, leads: [batch.leads[0]] }, 'converted'), undefined, 'no match, no batch');
		assert.equal(filterBatch({ ...batch, leads: [] }, 'pending'), undefined);
	});

	it('says "3 of 10 leads"', () => {
		assert.equal(describeMatching(3, 10), '3 of 10 leads');
		assert.equal(describeMatching(0, 10), '0 of 10 leads');
		assert.equal(describeMatching(1, 1), '1 of 1 lead');
	});

	it('counts, for each filter, its leads and the batches that have any', () => {
		const model = new EnrichmentModel([
			batch,
			{ uuid: 'b', created: '2026-05-01T11:00:00Z', leads: [{ uid: 'b1', status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' }] },
			{ uuid: 'c', created: '2026-05-01T12:00:00Z', leads: [] },
		]);
		assert.deepEqual(countByFilter(model.rows), {
			all: { leads: 7, batches: 2 },
			pending: { leads: 2, batches: 1 },
			converted: { leads: 2, batches: 2 },
			'not-converted': { leads: 2, batches: 1 },
			other: { leads: 1, batches: 1 },
		});
		assert.deepEqual(countByFilter([]).pending, { leads: 0, batches: 0 });
	});
});
