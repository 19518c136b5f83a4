import * as assert from 'node:assert/strict';
import type { EnrichmentBatch, Lead } from '../../../src/api/types';
import { EnrichmentModel } from '../../../src/model/enrichmentModel';

const pending = (uid: string): Lead => ({ uid, status: 'PENDING', processing_result: null });
const b = (uuid: string, created: string, leads: Lead[] = []): EnrichmentBatch => ({ uuid, created, leads });
const uuids = (m: EnrichmentModel) => m.rows.map((r) => r.batch.uuid);

describe('enrichment model', () => {
	it('sorts batches newest first, comparing instants across offsets, unparsable last', () => {
		const model = new EnrichmentModel([b('old', '2026-05-01T10:00:00+02:00'), b('broken', 'yesterday'), b('new', '2026-05-01T10:10:00+02:00'), b('newest-by-offset', '2026-05-01T09:00:00Z')]);
		assert.deepEqual(uuids(model), ['newest-by-offset', 'new', 'old', 'broken']);
		assert.deepEqual(
			model.rows.map((r) => r.index),
			[0, 1, 2, 3],
		);
		assert.equal(model.rows[0].time, Date.UTC(2026, 4, 1, 9, 0));
		assert.ok(Number.isNaN(model.rows[3].time));
	});

	it('orders oldest-first, newest-first and tied input the same way a stable sort would', () => {
		const t = (h: number) => `2026-05-01T${String(h).padStart(2, '0')}:00:00Z`;
		const order = (input: EnrichmentBatch[]) => uuids(new EnrichmentModel(input));
		assert.deepEqual(order([b('a', t(1)), b('b', t(2)), b('c', t(3))]), ['c', 'b', 'a']);
		assert.deepEqual(order([b('c', t(3)), b('b', t(2)), b('a', t(1))]), ['c', 'b', 'a']);
		// Ties keep the order they came in, whichever way the rest runs.
		assert.deepEqual(order([b('a', t(1)), b('b1', t(2)), b('b2', t(2)), b('c', t(3))]), ['c', 'b1', 'b2', 'a']);
		assert.deepEqual(order([b('c', t(3)), b('b1', t(2)), b('b2', t(2)), b('a', t(1))]), ['c', 'b1', 'b2', 'a']);
		assert.deepEqual(order([b('x', 'never'), b('a', t(1)), b('b', t(2))]), ['b', 'a', 'x']);
		assert.deepEqual(order([b('b', t(2)), b('x', 'never'), b('a', t(1)), b('y', '')]), ['b', 'a', 'x', 'y']);
	});

	it("counts each batch's leads on its row, and totals over the rows", () => {
		const batch = b('a', '2026-05-01T10:00:00Z', [
			pending('1'),
			pending('2'),
			{ uid: '3', status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' },
			{ uid: '4', status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' },
			{ uid: '5', status: 'FAILED', processing_result: null },
		]);
		const model = new EnrichmentModel([batch, b('c', '2026-05-01T11:00:00Z', [pending('6')])]);
		const row = model.rows[1];
		assert.deepEqual([row.total, row.pending, row.converted, row.notConverted, row.other], [5, 2, 1, 1, 1]);
		assert.deepEqual(model.totals, { total: 6, pending: 3, converted: 1, notConverted: 1, other: 1 });
	});

	it('leaves out batches created before the window, and counts them as hidden', () => {
		const start = Date.UTC(2026, 4, 1, 10, 0);
		const model = new EnrichmentModel([b('before', '2026-05-01T09:59:59.999Z', [pending('x')]), b('at-start', '2026-05-01T12:00:00+02:00', [pending('y')]), b('after', '2026-05-01T10:30:00Z'), b('no-time', 'soon')], start);
		assert.deepEqual(uuids(model), ['after', 'at-start', 'no-time']);
		assert.equal(model.received, 4);
		assert.equal(model.hidden, 1);
		assert.equal(model.totals.pending, 1, 'counts follow the batches shown');
		assert.equal(model.findBatch('before'), undefined);
	});

	it('gives ids that are stable across answers and do not depend on position', () => {
		const first = new EnrichmentModel([b('u1', '2026-05-01T10:00:00Z', [pending('l1')])]);
		const second = new EnrichmentModel([b('u0', '2026-05-02T10:00:00Z'), b('u1', '2026-05-01T10:00:00Z', [pending('l1')])]);
		assert.equal(first.rows[0].id, 'b2:u1');
		assert.equal(second.rows[1].id, 'b2:u1');
		assert.equal(first.leadRows(first.rows[0])[0].id, 'b2:u1/2:l1');
		assert.equal(second.leadRows(second.rows[1])[0].id, 'b2:u1/2:l1');
	});

	it('makes ids unique by construction, whatever the uuids and uids hold', () => {
		const model = new EnrichmentModel([
			b('X', '2026-05-01T10:00:00Z', [pending('x'), pending('x'), pending('x#2')]),
			b('X', '2026-05-01T09:00:00Z', [pending('y')]),
			b('X#2', '2026-05-01T08:00:00Z'),
			b('X/1:y', '2026-05-01T07:00:00Z'),
		]);
		const ids = model.rows.map((r) => r.id);
		assert.deepEqual(ids, ['b1:X', 'b1:X#2', 'b3:X#2', 'b5:X/1:y']);
		const leads = model.rows.flatMap((r) => model.leadRows(r).map((l) => l.id));
		assert.deepEqual(leads, ['b1:X/1:x', 'b1:X/1:x#2', 'b1:X/3:x#2', 'b1:X#2/1:y']);
		assert.equal(new Set([...ids, ...leads]).size, ids.length + leads.length);
	});

	it('finds the first row of a uuid, and any row by its id', () => {
		const first = b('dup', '2026-05-01T10:00:00Z', [pending('a')]);
		const second = b('dup', '2026-05-01T09:00:00Z', [pending('b')]);
		const model = new EnrichmentModel([first, second]);
		assert.equal(model.findBatch('dup')?.batch, first);
		assert.equal(model.findRow('b3:dup#2')?.batch, second);
		assert.equal(model.findRow('b3:dup')?.batch, first);
		assert.equal(model.findRow('nope'), undefined);
		assert.equal(model.findBatch('zzz'), undefined);
	});

	it('gives each lead row its state and batch, in the order the server sent them', () => {
		const batch = b('a', '2026-05-01T10:00:00Z', [pending('2'), { uid: '1', status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' }]);
		const model = new EnrichmentModel([batch]);
		const leads = model.leadRows(model.rows[0]);
		assert.deepEqual(
			leads.map((l) => [l.lead.uid, l.state]),
			[
				['2', 'pending'],
				['1', 'converted'],
			],
		);
		assert.equal(leads[0].batch, model.rows[0]);
	});

	it("is empty without batches, and does not reorder the caller's array", () => {
		assert.equal(new EnrichmentModel([]).isEmpty, true);
		assert.equal(new EnrichmentModel([b('a', '2026-05-01T10:00:00Z')]).isEmpty, false);
		const input = [b('old', '2026-05-01T10:00:00Z'), b('new', '2026-05-02T10:00:00Z')];
		new EnrichmentModel(input);
		assert.deepEqual(
			input.map((x) => x.uuid),
			['old', 'new'],
		);
	});
});
