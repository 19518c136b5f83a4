import * as assert from 'node:assert/strict';
import type { EnrichmentBatch } from '../../../src/api/types';
import { EnrichmentModel } from '../../../src/tree/enrichmentModel';

const b = (uuid: string, created: string, uids: string[] = []): EnrichmentBatch => ({
	uuid,
	created,
	leads: uids.map((uid) => ({ uid, status: 'PENDING', processing_result: null })),
});

describe('enrichment model', () => {
	it('sorts batches newest first, comparing instants across offsets, unparsable last', () => {
		const model = new EnrichmentModel([
			b('old', '2026-05-01T10:00:00+02:00'),
			b('broken', 'yesterday'),
			b('new', '2026-05-01T10:10:00+02:00'),
			b('newest-by-offset', '2026-05-01T09:00:00Z'),
		]);
		assert.deepEqual(
			model.rows.map((r) => r.batch.uuid),
			['newest-by-offset', 'new', 'old', 'broken'],
		);
	});

	it('gives stable ids that do not depend on position', () => {
		const first = new EnrichmentModel([b('u1', '2026-05-01T10:00:00Z', ['l1'])]);
		const second = new EnrichmentModel([b('u0', '2026-05-02T10:00:00Z'), b('u1', '2026-05-01T10:00:00Z', ['l1'])]);
		assert.equal(first.rows[0].id, second.rows[1].id);
		assert.equal(first.leadRows(first.rows[0])[0].id, second.leadRows(second.rows[1])[0].id);
	});

	it('makes duplicate uuids and uids unique instead of breaking the tree', () => {
		const model = new EnrichmentModel([b('dup', '2026-05-01T10:00:00Z', ['x', 'x']), b('dup', '2026-05-01T09:00:00Z')]);
		const ids = model.rows.map((r) => r.id);
		assert.equal(new Set(ids).size, 2);
		const leadIds = model.leadRows(model.rows[0]).map((r) => r.id);
		assert.equal(new Set(leadIds).size, 2);
	});

	it('sums totals over all batches and finds a batch by uuid', () => {
		const model = new EnrichmentModel([b('a', '2026-05-01T10:00:00Z', ['1', '2']), b('c', '2026-05-01T11:00:00Z', ['3'])]);
		assert.equal(model.totals.total, 3);
		assert.equal(model.totals.pending, 3);
		assert.equal(model.findBatch('a')?.batch.uuid, 'a');
		assert.equal(model.findBatch('zzz'), undefined);
		assert.equal(new EnrichmentModel([]).isEmpty, true);
	});

	it('does not reorder the caller\'s array', () => {
		const input = [b('old', '2026-05-01T10:00:00Z'), b('new', '2026-05-02T10:00:00Z')];
		new EnrichmentModel(input);
		assert.deepEqual(input.map((x) => x.uuid), ['old', 'new']);
	});
});
