// Batches opened by uuid outside the cutoff: remembered per source (bounded, checked on reading),
// and with the store against the fake API: shown apart from the list, fetched again by a refresh
// while pending (in the same single flight), forgotten with the account.
import * as assert from 'node:assert/strict';
import type { EnrichmentBatch } from '../../../src/api/types';
import { EnrichmentStore } from '../../../src/enrichments/enrichmentStore';
import { MAX_OPENED, OpenedBatches, type OpenedEntry, type OpenedMemory } from '../../../src/enrichments/openedBatches';
import { ENRICHMENTS_PATH, FakeWoodpeckerServer } from '../../fake/server';

const KEY = 'wpk_opened_test_key_0000000000000001';
const pending = (uid: string) => ({ uid, status: 'PENDING', processing_result: null });
const converted = (uid: string) => ({ uid, status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' });
const uuid = (n: number) => `0b000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

class RecordingMemory implements OpenedMemory {
	writes = 0;
	constructor(public value: unknown = undefined) {}
	get() {
		return this.value;
	}
	async set(entries: readonly OpenedEntry[]) {
		this.writes++;
		this.value = JSON.parse(JSON.stringify(entries));
	}
}

describe('opened batches', () => {
	const at = new Date('2026-11-20T09:00:00.000Z');

	it('remembers the most recently opened first, once per uuid, and at most MAX_OPENED', async () => {
		const memory = new RecordingMemory();
		const opened = new OpenedBatches(memory);
		for (let i = 1; i <= 22; i++) await opened.add({ uuid: uuid(i), created: '2026-10-01T10:00:00+02:00', leads: [] }, at);
		await opened.add({ uuid: uuid(5), created: '2026-10-01T10:00:00+02:00', leads: [pending('x')] }, at);
		assert.equal(MAX_OPENED, 20);
		assert.equal(opened.all.length, 20);
		assert.deepEqual(
			opened.all.slice(0, 3).map((e) => e.batch.uuid),
			[uuid(5), uuid(22), uuid(21)],
		);
		assert.ok(!opened.has(uuid(1)) && !opened.has(uuid(2)) && opened.has(uuid(3)), 'the two oldest opened went');
		assert.equal(opened.all[0].batch.leads.length, 1, 'opened again: its new content');
		// What a reload reads back.
		const again = new OpenedBatches(new RecordingMemory(memory.value));
		assert.deepEqual(
			again.all.map((e) => e.batch.uuid),
			opened.all.map((e) => e.batch.uuid),
		);
		assert.equal(again.all[0].receivedAt, '2026-11-20T09:00:00.000Z');
	});

	it('reads what is well-formed from its memory and drops the rest', () => {
		const good = { batch: { uuid: uuid(1), created: '2026-10-01T10:00:00Z', leads: [] }, receivedAt: '2026-11-20T09:00:00.000Z' };
		const opened = new OpenedBatches(new RecordingMemory([good, null, 'x', { batch: { uuid: uuid(2) }, receivedAt: '2026-11-20T09:00:00.000Z' }, { batch: good.batch, receivedAt: 'yesterday' }, good]));
		assert.deepEqual(opened.all, [good]);
		assert.deepEqual(new OpenedBatches(new RecordingMemory({ not: 'a list' })).all, []);
	});

	it('counts pending leads and names the pending batches, leaving out those the list shows', async () => {
		const opened = new OpenedBatches(new RecordingMemory());
		await opened.add({ uuid: uuid(1), created: '2026-10-01T10:00:00Z', leads: [pending('a'), pending('b'), converted('c')] }, at);
		await opened.add({ uuid: uuid(2), created: '2026-10-02T10:00:00Z', leads: [converted('d')] }, at);
		await opened.add({ uuid: uuid(3), created: '2026-10-03T10:00:00Z', leads: [pending('e')] }, at);
		assert.equal(opened.pendingLeads(), 3);
		assert.deepEqual(opened.pendingUuids().sort(), [uuid(1), uuid(3)]);
		const list = { findBatch: (u: string) => (u === uuid(3) ? {} : undefined) };
		assert.equal(opened.pendingLeads(list), 2);
		assert.deepEqual(opened.pendingUuids(list), [uuid(1)]);
		assert.deepEqual(
			opened.model.rows.map((r) => r.batch.uuid),
			[uuid(3), uuid(2), uuid(1)],
			'newest created first',
		);
	});

	it('update replaces only batches it remembers; remove and clear forget', async () => {
		const memory = new RecordingMemory();
		const opened = new OpenedBatches(memory);
		await opened.add({ uuid: uuid(1), created: '2026-10-01T10:00:00Z', leads: [pending('a')] }, at);
		const writes = memory.writes;
		await opened.update([{ uuid: uuid(9), created: '2026-10-01T10:00:00Z', leads: [] }], at);
		assert.equal(memory.writes, writes, 'nothing of its own: no write');
		await opened.update([{ uuid: uuid(1), created: '2026-10-01T10:00:00Z', leads: [converted('a')] }], new Date('2026-11-20T09:01:00.000Z'));
		assert.equal(opened.pendingLeads(), 0);
		assert.equal(opened.all[0].receivedAt, '2026-11-20T09:01:00.000Z');
		await opened.remove(uuid(1));
		assert.ok(opened.isEmpty);
		assert.deepEqual(memory.value, []);
	});
});

describe('opened batches in the store', () => {
	const now = new Date('2026-11-20T09:00:00.000Z');
	const inside: EnrichmentBatch = { uuid: uuid(10), created: '2026-11-19T09:00:00.000Z', leads: [converted('in1')] };
	const outside: EnrichmentBatch = { uuid: uuid(11), created: '2026-10-01T09:00:00.000Z', leads: [pending('out1'), converted('out2')] };
	let fake: FakeWoodpeckerServer;
	let store: EnrichmentStore;
	let memory: RecordingMemory;
	let key: string | undefined;
	const requests = () => fake.requests.map((r) => (r.path === ENRICHMENTS_PATH ? 'list' : `get ${r.path.slice(ENRICHMENTS_PATH.length + 1)}`));

	beforeEach(async () => {
		fake = new FakeWoodpeckerServer({ apiKey: KEY, batches: [inside, outside] });
		const url = await fake.start();
		memory = new RecordingMemory();
		key = KEY;
		store = new EnrichmentStore({
			keys: { get: async () => key },
			cutoffs: { get: () => ({ kind: 'days', days: 7 }) },
			config: () => ({ apiBaseUrl: url, timeoutMs: 5000 }),
			cache: { load: async () => undefined, save: async () => undefined, clear: async () => undefined },
			log: { info() {}, warn() {}, error() {}, setSecret() {} },
			opened: memory,
			now: () => now,
		});
		await store.initialize();
		await store.refresh();
	});
	afterEach(async () => {
		store.dispose();
		await fake.stop();
	});

	it('a batch the list shows is not remembered; one outside the cutoff is, and its pending leads count', async () => {
		assert.equal(store.pendingShown, 0);
		assert.deepEqual(await store.openBatch(inside.uuid), { batch: inside, inList: true });
		assert.ok(store.opened.isEmpty);
		const { inList } = await store.openBatch(outside.uuid);
		assert.equal(inList, false);
		assert.deepEqual(
			store.opened.all.map((e) => e.batch.uuid),
			[outside.uuid],
		);
		assert.equal(store.pendingShown, 1);
		assert.equal((memory.value as OpenedEntry[])[0].batch.uuid, outside.uuid, 'kept for the next session');
	});

	it('a refresh fetches the pending opened batches again, after the list, in the same refresh; once processed, no more', async () => {
		await store.openBatch(outside.uuid);
		fake.requests.length = 0;
		fake.setBatches([inside, { ...outside, leads: [converted('out1'), converted('out2')] }]);
		await store.refresh();
		assert.deepEqual(requests(), ['list', `get ${outside.uuid}`]);
		assert.equal(store.pendingShown, 0);
		assert.equal(store.opened.model.rows[0].converted, 2);
		fake.requests.length = 0;
		await store.refresh();
		assert.deepEqual(requests(), ['list'], 'nothing pending: only the list');
	});

	it('an opened batch that fails to load again keeps what it showed; the refresh still succeeds', async () => {
		await store.openBatch(outside.uuid);
		fake.setBatches([inside]);
		const outcome = await store.refresh();
		assert.deepEqual(outcome, { ok: true });
		assert.equal(store.opened.all[0].batch.leads.length, 2, 'the 404 left the batch as it was');
		assert.equal(store.pendingShown, 1);
	});

	it('a new key forgets the opened batches, here and in the memory', async () => {
		await store.openBatch(outside.uuid);
		key = 'wpk_other';
		await store.resetAccount('the API key changed');
		assert.ok(store.opened.isEmpty);
		assert.deepEqual(memory.value, []);
		assert.equal(store.pendingShown, 0);
	});

	it('removeOpened forgets one, or all', async () => {
		await store.openBatch(outside.uuid);
		let changes = 0;
		store.onDidChange(() => changes++);
		await store.removeOpened(outside.uuid);
		assert.ok(store.opened.isEmpty);
		assert.equal(changes, 1);
	});
});
