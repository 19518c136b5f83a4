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

	it('orders oldest-first, newest-first and tied input the same way a stable sort would', () => {
		const t = (h: number) => `2026-05-01T${String(h).padStart(2, '0')}:00:00Z`;
		const order = (input: EnrichmentBatch[]) => new EnrichmentModel(input).rows.map((r) => r.batch.uuid);
		assert.deepEqual(order([b('a', t(1)), b('b', t(2)), b('c', t(3))]), ['c', 'b', 'a']);
		assert.deepEqual(order([b('c', t(3)), b('b', t(2)), b('a', t(1))]), ['c', 'b', 'a']);
		// Ties keep the order they came in, whichever way the rest runs.
		assert.deepEqual(order([b('a', t(1)), b('b1', t(2)), b('b2', t(2)), b('c', t(3))]), ['c', 'b1', 'b2', 'a']);
		assert.deepEqual(order([b('c', t(3)), b('b1', t(2)), b('b2', t(2)), b('a', t(1))]), ['c', 'b1', 'b2', 'a']);
		assert.deepEqual(order([b('x', 'never'), b('a', t(1)), b('b', t(2))]), ['b', 'a', 'x']);
		assert.deepEqual(order([b('b', t(2)), b('a', t(1)), b('x', 'never'), b('y', '')]), ['b', 'a', 'x', 'y']);
		const model = new EnrichmentModel([b('a', t(1)), b('b', t(2))]);
		assert.deepEqual(model.rows.map((r) => [r.index, r.time]), [[0, Date.parse(t(2))], [1, Date.parse(t(1))]]);
		assert.ok(Number.isNaN(new EnrichmentModel([b('x', 'never')]).rows[0].time));
	});

	it('counts each batch\'s leads on its row', () => {
		const batch = b('a', '2026-05-01T10:00:00Z', ['1', '2']);
		batch.leads.push({ uid: '3', status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' }, { uid: '4', status: 'FAILED', processing_result: null });
		const [row] = new EnrichmentModel([batch]).rows;
		assert.deepEqual({ ...row, batch: undefined, id: undefined }, { total: 4, pending: 2, converted: 1, notConverted: 0, unknown: 1, batch: undefined, id: undefined, time: Date.parse('2026-05-01T10:00:00Z'), index: 0 });
	});

	it('takes the counts and times the client found while checking the answer, by answer position', () => {
		const counts = Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
		const model = new EnrichmentModel([b('old', '2026-05-01T10:00:00Z', ['1']), b('new', '2026-05-02T10:00:00Z', ['2', '3'])], counts);
		assert.deepEqual(
			model.rows.map((r) => [r.batch.uuid, r.total, r.pending, r.converted, r.notConverted, r.unknown]),
			[['new', 2, 5, 6, 7, 8], ['old', 1, 1, 2, 3, 4]],
		);
		assert.deepEqual(model.totals, { total: 3, pending: 6, converted: 8, notConverted: 10, unknown: 12 });
		// Times from the checks order the rows, without reading `created` again.
		const timed = new EnrichmentModel([b('a', 'x'), b('b', 'y')], undefined, Float64Array.from([2000, 1000]));
		assert.deepEqual(timed.rows.map((r) => [r.batch.uuid, r.time]), [['a', 2000], ['b', 1000]]);
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
