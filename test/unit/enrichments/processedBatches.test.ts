import * as assert from 'node:assert/strict';
import type { EnrichmentBatch, Lead } from '../../../src/api/types';
import { NOTIFIED_LIMIT, NotifiedMemory, ProcessedTracker, finishedBatches, pendingUuids } from '../../../src/enrichments/processedBatches';
import { EnrichmentModel } from '../../../src/model/enrichmentModel';

const pending = (uid: string): Lead => ({ uid, status: 'PENDING', processing_result: null });
const converted = (uid: string): Lead => ({ uid, status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' });
const notConverted = (uid: string): Lead => ({ uid, status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' });
const batch = (uuid: string, created: string, leads: Lead[]): EnrichmentBatch => ({ uuid, created, leads });

// Literal answers: A and B pending at first, C processed from the start, D created before the window.
const BEFORE = [
	batch('A', '2026-12-02T10:42:00Z', [pending('a1'), converted('a2')]),
	batch('B', '2026-12-02T09:00:00Z', [pending('b1')]),
	batch('C', '2026-12-02T08:00:00Z', [converted('c1')]),
	batch('D', '2026-11-20T08:00:00Z', [pending('d1')]),
];
const WINDOW_START = Date.parse('2026-11-25T00:00:00Z');
const model = (batches: EnrichmentBatch[], start = -Infinity) => new EnrichmentModel(batches, start);

const uuidsOf = (rows: ReadonlyArray<{ row: { batch: { uuid: string } } } | { batch: { uuid: string } }>) => rows.map((r) => ('row' in r ? r.row.batch.uuid : r.batch.uuid));

describe('processed batches', () => {
	it('pendingUuids names the batches with at least one pending lead', () => {
		assert.deepEqual([...pendingUuids(model(BEFORE))].sort(), ['A', 'B', 'D']);
	});

	it('a batch pending before and without pending leads now has finished; one still pending has not', () => {
		const now = model([batch('A', '2026-12-02T10:42:00Z', [converted('a1'), converted('a2')]), batch('B', '2026-12-02T09:00:00Z', [pending('b1')]), BEFORE[2]]);
		assert.deepEqual(uuidsOf(finishedBatches(new Set(['A', 'B', 'D']), now)), ['A']);
	});

	it('a batch first seen already processed has not finished, nor has one that was processed before too', () => {
		const now = model([batch('E', '2026-12-02T11:00:00Z', [converted('e1')]), BEFORE[2]]);
		assert.deepEqual(finishedBatches(new Set(['A']), now), []);
	});

	it('a batch that left the window has not finished: only the rows inside it count', () => {
		const now = model([batch('D', '2026-11-20T08:00:00Z', [converted('d1')]), batch('B', '2026-12-02T09:00:00Z', [notConverted('b1')])], WINDOW_START);
		assert.deepEqual(uuidsOf(finishedBatches(new Set(['B', 'D']), now)), ['B']);
	});

	it('leads in states the extension does not know are not pending: their batch has finished', () => {
		const now = model([batch('B', '2026-12-02T09:00:00Z', [{ uid: 'b1', status: 'FAILED', processing_result: null }])]);
		assert.deepEqual(uuidsOf(finishedBatches(new Set(['B']), now)), ['B']);
	});

	it('a uuid shown in two rows finishes once, and only when neither row is pending', () => {
		const twice = (second: Lead) => model([batch('A', '2026-12-02T10:42:00Z', [converted('a1')]), batch('A', '2026-12-02T10:40:00Z', [second])]);
		assert.deepEqual(finishedBatches(new Set(['A']), twice(pending('a2'))), []);
		assert.deepEqual(uuidsOf(finishedBatches(new Set(['A']), twice(converted('a2')))), ['A']);
	});

	it('lists what finished newest first, as the view does', () => {
		const now = model([batch('B', '2026-12-02T09:00:00Z', [converted('b1')]), batch('A', '2026-12-02T10:42:00Z', [converted('a1'), notConverted('a2')])]);
		assert.deepEqual(uuidsOf(finishedBatches(new Set(['A', 'B']), now)), ['A', 'B']);
	});

	describe('tracker', () => {
		const nothing = new NotifiedMemory(undefined);

		it('compares each new answer with the one seen before it, and hands what finished over once', () => {
			const tracker = new ProcessedTracker();
			tracker.observe([{ id: 'acc', model: model(BEFORE, WINDOW_START) }]);
			assert.deepEqual(tracker.take(nothing), [], 'the first answer seen (the cache at start-up) announces nothing');
			const done = model([batch('A', '2026-12-02T10:42:00Z', [converted('a1'), converted('a2')]), BEFORE[1], BEFORE[2]], WINDOW_START);
			tracker.observe([{ id: 'acc', model: done }]);
			tracker.observe([{ id: 'acc', model: done }]);
			assert.deepEqual(uuidsOf(tracker.take(nothing)), ['A']);
			assert.deepEqual(tracker.take(nothing), [], 'handed over once');
			tracker.observe([{ id: 'acc', model: model([batch('A', '2026-12-02T10:42:00Z', [converted('a1'), converted('a2')]), BEFORE[2]]) }]);
			assert.deepEqual(tracker.take(nothing), [], 'processed in both answers: nothing new');
		});

		it('gathers every source and every answer until taken, each batch once, and names the source of each', () => {
			const tracker = new ProcessedTracker();
			const pendingA = model([batch('A', '2026-12-02T10:42:00Z', [pending('a1')])]);
			const doneA = model([batch('A', '2026-12-02T10:42:00Z', [converted('a1')])]);
			tracker.observe([
				{ id: 'acc1', model: pendingA },
				{ id: 'acc2', model: pendingA },
			]);
			tracker.observe([
				{ id: 'acc1', model: doneA },
				{ id: 'acc2', model: pendingA },
			]);
			tracker.observe([
				{ id: 'acc1', model: pendingA },
				{ id: 'acc2', model: doneA },
			]);
			tracker.observe([
				{ id: 'acc1', model: doneA },
				{ id: 'acc2', model: doneA },
			]);
			assert.deepEqual(
				tracker.take(nothing).map((f) => `${f.sourceId} ${f.row.batch.uuid}`),
				['acc1 A', 'acc2 A'],
			);
		});

		it('leaves out what the memory holds, for that source only', () => {
			const tracker = new ProcessedTracker();
			const pendingA = model([batch('A', '2026-12-02T10:42:00Z', [pending('a1')])]);
			const doneA = model([batch('A', '2026-12-02T10:42:00Z', [converted('a1')])]);
			tracker.observe([
				{ id: 'acc1', model: pendingA },
				{ id: 'acc2', model: pendingA },
			]);
			tracker.observe([
				{ id: 'acc1', model: doneA },
				{ id: 'acc2', model: doneA },
			]);
			assert.deepEqual(
				tracker.take(new NotifiedMemory(['acc1|A'])).map((f) => f.sourceId),
				['acc2'],
			);
		});

		it('an answer dropped (the key changed) makes the next one a first: nothing announced', () => {
			const tracker = new ProcessedTracker();
			tracker.observe([{ id: 'acc', model: model([batch('A', '2026-12-02T10:42:00Z', [pending('a1')])]) }]);
			tracker.observe([{ id: 'acc', model: undefined }]);
			tracker.observe([{ id: 'acc', model: model([batch('A', '2026-12-02T10:42:00Z', [converted('a1')])]) }]);
			assert.deepEqual(tracker.take(nothing), []);
		});

		it('a source that went away and came back starts afresh; the others keep what they showed', () => {
			const tracker = new ProcessedTracker();
			const pendingA = model([batch('A', '2026-12-02T10:42:00Z', [pending('a1')])]);
			const doneA = model([batch('A', '2026-12-02T10:42:00Z', [converted('a1')])]);
			tracker.observe([
				{ id: 'gone', model: pendingA },
				{ id: 'stays', model: pendingA },
			]);
			tracker.observe([{ id: 'stays', model: pendingA }]);
			tracker.observe([
				{ id: 'gone', model: doneA },
				{ id: 'stays', model: doneA },
			]);
			assert.deepEqual(
				tracker.take(nothing).map((f) => f.sourceId),
				['stays'],
			);
		});
	});

	describe('memory', () => {
		const finished = (sourceId: string, uuid: string) => ({ sourceId, row: model([batch(uuid, '2026-12-02T10:42:00Z', [converted('x')])]).rows[0] });

		it('remembers batches per source, and stores them as a list', () => {
			const memory = new NotifiedMemory(undefined);
			memory.add([finished('acc1', 'A'), finished('acc1/company-7', 'A'), finished('acc1', 'A')]);
			assert.equal(memory.has('acc1', 'A'), true);
			assert.equal(memory.has('acc1/company-7', 'A'), true);
			assert.equal(memory.has('acc2', 'A'), false);
			assert.deepEqual(memory.toJSON(), ['acc1|A', 'acc1/company-7|A']);
			assert.equal(new NotifiedMemory(memory.toJSON()).has('acc1', 'A'), true, 'read back from what it stored');
		});

		it('keeps the newest entries up to its limit, forgetting the oldest', () => {
			const memory = new NotifiedMemory(['s|1', 's|2'], 3);
			memory.add([finished('s', '3'), finished('s', '4')]);
			assert.deepEqual(memory.toJSON(), ['s|2', 's|3', 's|4']);
			assert.equal(memory.has('s', '1'), false);
			assert.deepEqual(new NotifiedMemory(['s|1', 's|2', 's|3', 's|4'], 3).toJSON(), ['s|2', 's|3', 's|4'], 'a longer stored list is cut to the newest');
		});

		it('holds 500 by default', () => {
			assert.equal(NOTIFIED_LIMIT, 500);
			const stored = Array.from({ length: 600 }, (_, i) => `s|${i}`);
			const memory = new NotifiedMemory(stored);
			assert.equal(memory.toJSON().length, 500);
			assert.equal(memory.has('s', '99'), false);
			assert.equal(memory.has('s', '100'), true);
		});

		it('reads anything but a list of strings as nothing remembered, and skips entries that are not strings', () => {
			for (const stored of [undefined, null, 'acc|A', { 'acc|A': true }, 42]) assert.deepEqual(new NotifiedMemory(stored).toJSON(), [], JSON.stringify(stored));
			assert.deepEqual(new NotifiedMemory(['acc|A', 7, null, 'acc|B']).toJSON(), ['acc|A', 'acc|B']);
		});
	});
});
