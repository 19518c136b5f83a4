// The store against the fake API over real sockets: exact cutoffs whatever the server's reading of
// created_after, and the races a user can cause (restart, key or cutoff changed mid-request).
import * as assert from 'node:assert/strict';
import type { FetchLike } from '../../../src/api/client';
import type { EnrichmentBatch } from '../../../src/api/types';
import { EnrichmentStore, type RefreshEnd, type StoreCache } from '../../../src/enrichments/enrichmentStore';
import type { CachedResponse } from '../../../src/enrichments/responseCache';
import type { Cutoff } from '../../../src/settings/cutoff';
import { ENRICHMENTS_PATH, FakeWoodpeckerServer, type CreatedAfterReading } from '../../fake/server';
import { inTimeZone } from '../timeZone';

const KEY_A = 'wpk_store_test_key_A_0000000000000001';
const KEY_B = 'wpk_store_test_key_B_0000000000000002';

const lead = (uid: string) => ({ uid, status: 'PENDING', processing_result: null });
const batch = (uuid: string, created: string): EnrichmentBatch => ({ uuid, created, leads: [lead(`${uuid}_lead`)] });

/** A cache that remembers what was done to it, in order. */
class RecordingCache implements StoreCache {
	readonly ops: string[] = [];
	stored: CachedResponse | undefined;
	async load() {
		this.ops.push('load');
		return this.stored;
	}
	async save(entry: CachedResponse) {
		this.ops.push(`save ${entry.body.lead_enrichments.map((b) => b.uuid).join(',')}`);
		this.stored = entry;
	}
	async clear() {
		this.ops.push('clear');
		this.stored = undefined;
	}
}

interface Setup {
	store: EnrichmentStore;
	fake: FakeWoodpeckerServer;
	cache: RecordingCache;
	key: { value: string | undefined };
	cutoff: { value: Cutoff };
	ends: RefreshEnd[];
	lists(): number;
}

function useStore(options: { now?: Date; fetch?: FetchLike } = {}): () => Setup {
	let setup: Setup | undefined;
	beforeEach(async () => {
		const fake = new FakeWoodpeckerServer({ apiKey: KEY_A, batches: [] });
		const url = await fake.start();
		const cache = new RecordingCache();
		const key = { value: KEY_A as string | undefined };
		const cutoff = { value: { kind: 'days', days: 7 } as Cutoff };
		const store = new EnrichmentStore({
			keys: { get: async () => key.value },
			cutoffs: { get: () => cutoff.value },
			config: () => ({ apiBaseUrl: url, timeoutMs: 5000 }),
			cache,
			log: { info() {}, warn() {}, error() {}, setSecret() {} },
			now: options.now ? () => options.now! : undefined,
			fetch: options.fetch,
		});
		const ends: RefreshEnd[] = [];
		store.onDidFinishRefresh((e) => ends.push(e));
		setup = { store, fake, cache, key, cutoff, ends, lists: () => fake.requests.filter((r) => r.path === ENRICHMENTS_PATH).length };
	});
	afterEach(async () => {
		setup?.store.dispose();
		await setup?.fake.stop();
		setup = undefined;
	});
	return () => {
		assert.ok(setup, 'no store outside a test');
		return setup;
	};
}

const shown = (store: EnrichmentStore) => store.data?.model.rows.map((r) => r.batch.uuid);

describe('enrichment store', () => {
	describe('shows exactly what the cutoff says, whatever the server makes of created_after', () => {
		const readings: Array<[string, CreatedAfterReading]> = [
			['inclusive, UTC', { exclusive: false, utcOffsetMinutes: 0 }],
			['exclusive, UTC', { exclusive: true, utcOffsetMinutes: 0 }],
			['inclusive, UTC+14', { exclusive: false, utcOffsetMinutes: 14 * 60 }],
			['exclusive, UTC−12', { exclusive: true, utcOffsetMinutes: -12 * 60 }],
			['exclusive, Warsaw summer time (UTC+2)', { exclusive: true, utcOffsetMinutes: 120 }],
		];
		// Per zone: the cutoff, its first instant written out by hand, and batches just before and after it.
		const zones: Array<{ zone: string; cutoff: Cutoff; now: string; before: string; atStart: string; after: string }> = [
			{ zone: 'Pacific/Kiritimati', cutoff: { kind: 'date', date: '2026-05-01' }, now: '2026-05-02T00:00:00Z', before: '2026-04-30T23:59:59+14:00', atStart: '2026-05-01T00:00:00+14:00', after: '2026-04-30T12:00:00Z' },
			// The day Los Angeles springs forward: midnight is still PST (−8).
			{ zone: 'America/Los_Angeles', cutoff: { kind: 'date', date: '2026-03-08' }, now: '2026-03-09T00:00:00Z', before: '2026-03-07T23:59:59-08:00', atStart: '2026-03-08T08:00:00Z', after: '2026-03-08T03:30:00-07:00' },
			// The last 7 × 24 hours before 5 Apr 12:00 in Sydney, across the end of its summer time.
			{ zone: 'Australia/Sydney', cutoff: { kind: 'days', days: 7 }, now: '2026-04-05T02:00:00Z', before: '2026-03-29T12:59:59+11:00', atStart: '2026-03-29T13:00:00+11:00', after: '2026-04-05T11:00:00+10:00' },
		];
		for (const z of zones) {
			describe(z.zone, () => {
				inTimeZone(z.zone);
				const setup = useStore({ now: new Date(z.now) });
				for (const [name, reading] of readings) {
					it(`${name}: the batch at the window's first instant and after it, never the one before`, async () => {
						const { store, fake, cutoff } = setup();
						cutoff.value = z.cutoff;
						fake.createdAfterReading = reading;
						// Also one from days before, which any reading may send and none may show.
						fake.setBatches([batch('long-before', '2026-01-01T00:00:00Z'), batch('before', z.before), batch('at-start', z.atStart), batch('after', z.after)]);
						const outcome = await store.refresh();
						assert.deepEqual(outcome, { ok: true });
						assert.deepEqual(shown(store), ['after', 'at-start']);
						assert.equal(store.data?.model.totals.total, 2, 'counts follow what is shown');
						assert.ok((store.data?.model.received ?? 0) >= 2);
					});
				}
			});
		}
	});

	describe('races', () => {
		const setup = useStore();
		const recent = () => [batch('a1', new Date(Date.now() - 3_600_000).toISOString())];

		it('sends one request for two refreshes asked at once', async () => {
			const { store, fake, lists } = setup();
			fake.setBatches(recent());
			fake.latencyMs = 100;
			const [first, second] = await Promise.all([store.refresh(), store.refresh()]);
			assert.deepEqual([first, second], [{ ok: true }, { ok: true }]);
			assert.equal(lists(), 1);
		});

		it('a restart mid-request aborts the first: the second lands, never two in flight', async () => {
			const { store, fake, lists, ends } = setup();
			fake.setBatches(recent());
			fake.failNext({ kind: 'delay', ms: 400 });
			const first = store.refresh();
			await waitUntil(() => fake.inFlight === 1);
			const second = store.refresh({ restart: true, trigger: 'user' });
			assert.equal((await first).ok, false);
			assert.deepEqual(await second, { ok: true });
			assert.equal(lists(), 2);
			assert.equal(fake.maxInFlight, 1);
			assert.deepEqual(shown(store), ['a1']);
			assert.equal(store.failure, undefined, 'an aborted refresh is no failure');
			assert.deepEqual(
				ends.map((e) => [e.outcome.ok, e.trigger]),
				[
					[false, 'background'],
					[true, 'user'],
				],
			);
		});

		it('a cutoff changed mid-request: the new one is asked for and shown', async () => {
			const { store, fake, cutoff } = setup();
			fake.setBatches([batch('recent', new Date(Date.now() - 3_600_000).toISOString()), batch('old', new Date(Date.now() - 20 * 86_400_000).toISOString())]);
			fake.failNext({ kind: 'delay', ms: 300 });
			const first = store.refresh();
			await waitUntil(() => fake.inFlight === 1);
			cutoff.value = { kind: 'days', days: 30 };
			await store.refresh({ restart: true });
			await first;
			assert.deepEqual(shown(store), ['recent', 'old']);
			assert.deepEqual(store.data?.cutoff, { kind: 'days', days: 30 });
		});

		it('a key changed mid-request: nothing of the old key is shown or cached, even if its answer arrives', async () => {
			const { store, fake, cache, key } = setup();
			fake.setBatches(recent());
			// The old key's answer arrives after the change, though the request was aborted.
			fake.failNext({ kind: 'delay', ms: 300 });
			const first = store.refresh();
			await waitUntil(() => fake.inFlight === 1);
			key.value = KEY_B;
			fake.apiKey = KEY_B;
			await store.resetAccount('the API key changed');
			assert.equal(store.data, undefined);
			assert.equal((await first).ok, false);
			assert.deepEqual(cache.ops, ['clear']);
			await store.refresh();
			assert.deepEqual(cache.ops, ['clear', 'save a1']);
			assert.deepEqual(
				fake.requests.map((r) => r.apiKey === KEY_B),
				[false, true],
			);
		});

		it('a key cleared mid-request: no data, no key, the cache cleared and never written again', async () => {
			const { store, fake, cache, key } = setup();
			fake.setBatches(recent());
			await store.refresh();
			assert.deepEqual(shown(store), ['a1']);
			fake.failNext({ kind: 'delay', ms: 300 });
			const second = store.refresh();
			await waitUntil(() => fake.inFlight === 1);
			key.value = undefined;
			const forgotten: string[] = [];
			store.onDidForget((reason) => forgotten.push(reason));
			await store.resetAccount('the API key changed');
			await second;
			assert.equal(store.state, 'no-key');
			assert.equal(store.data, undefined);
			assert.deepEqual(forgotten, ['the API key changed']);
			assert.deepEqual(cache.ops, ['save a1', 'clear']);
		});

		it('an answer that arrives after the account changed is dropped, even when the fetch ignored the abort', async () => {
			let release!: () => void;
			const gate = new Promise<void>((r) => (release = r));
			const stubborn: FetchLike = async () => {
				await gate;
				return { status: 200, headers: { get: () => null }, text: async () => JSON.stringify({ lead_enrichments: [batch('stale', new Date().toISOString())] }) };
			};
			const cache = new RecordingCache();
			const store = new EnrichmentStore({
				keys: { get: async () => KEY_A },
				cutoffs: { get: () => ({ kind: 'days', days: 1 }) },
				config: () => ({ apiBaseUrl: 'http://127.0.0.1:9', timeoutMs: 5000 }),
				cache,
				log: { info() {}, warn() {}, error() {}, setSecret() {} },
				fetch: stubborn,
			});
			const first = store.refresh();
			await store.resetAccount('woodpecker.apiBaseUrl changed');
			release();
			assert.equal((await first).ok, false);
			assert.equal(store.data, undefined);
			assert.deepEqual(cache.ops, ['clear']);
			store.dispose();
		});

		it('one queue for the session: a lookup on the old client and a refresh on a new one never overlap', async () => {
			const fake = new FakeWoodpeckerServer({ apiKey: KEY_A, batches: recent() });
			const url = await fake.start();
			let timeoutMs = 5000;
			const store = new EnrichmentStore({
				keys: { get: async () => KEY_A },
				cutoffs: { get: () => ({ kind: 'days', days: 1 }) },
				config: () => ({ apiBaseUrl: url, timeoutMs }),
				cache: new RecordingCache(),
				log: { info() {}, warn() {}, error() {}, setSecret() {} },
			});
			try {
				fake.failNext({ kind: 'delay', ms: 300 });
				const lookup = store.lookUpBatch('a1');
				await waitUntil(() => fake.inFlight === 1);
				timeoutMs = 6000; // a settings change: the next call gets a new client
				const refresh = store.refresh();
				assert.equal((await lookup).uuid, 'a1');
				assert.deepEqual(await refresh, { ok: true });
				assert.equal(fake.requests.length, 2);
				assert.equal(fake.maxInFlight, 1);
			} finally {
				store.dispose();
				await fake.stop();
			}
		});

		it('a lookup answered after the key changed is dropped, not shown', async () => {
			const { store, fake, key } = setup();
			fake.setBatches(recent());
			fake.failNext({ kind: 'delay', ms: 200 });
			const lookup = store.lookUpBatch('a1');
			await waitUntil(() => fake.inFlight === 1);
			key.value = KEY_B;
			// The reset does not abort a lookup (it has its own cancel): its answer must still not land.
			const reset = store.resetAccount('the API key changed');
			await assert.rejects(lookup, (e: { kind?: string }) => e.kind === 'aborted');
			await reset;
		});

		it('a user asking during a background refresh is told how it ends', async () => {
			const { store, fake, ends, lists } = setup();
			fake.failAlways({ kind: 'status', status: 500 });
			fake.latencyMs = 100;
			const background = store.refresh({ trigger: 'background' });
			const user = store.refresh({ trigger: 'user' });
			assert.equal(await background, await user);
			assert.equal(lists(), 3, 'one refresh: its three attempts');
			assert.deepEqual(
				ends.map((e) => e.trigger),
				['user'],
			);
			assert.equal(store.state, 'error');
			assert.match(store.failure?.error.message ?? '', /HTTP 500/);
		});
	});

	describe('start-up from the cache', () => {
		const setup = useStore();

		it('shows a cached answer saved under an equivalent spelling of the address', async () => {
			const { store, cache, fake } = setup();
			const receivedAt = new Date(Date.now() - 60_000);
			cache.stored = { body: { lead_enrichments: [batch('cached', new Date(Date.now() - 3_600_000).toISOString())] }, receivedAt, cutoff: { kind: 'days', days: 7 }, baseUrl: fake.url };
			await store.initialize();
			assert.deepEqual(shown(store), ['cached']);
			assert.equal(store.data?.cached, true);
			assert.equal(store.state, 'loaded');
		});

		it('ignores a cached answer of another address or another cutoff', async () => {
			const { store, cache } = setup();
			const body = { lead_enrichments: [batch('cached', new Date().toISOString())] };
			cache.stored = { body, receivedAt: new Date(), cutoff: { kind: 'days', days: 7 }, baseUrl: 'https://api.woodpecker.co' };
			await store.initialize();
			assert.equal(store.data, undefined);
			assert.equal(store.state, 'idle');
		});

		it('reads "no key" when there is none, without touching the cache', async () => {
			const { store, key, cache } = setup();
			key.value = undefined;
			await store.initialize();
			assert.equal(store.state, 'no-key');
			assert.equal(store.initialized, true);
			assert.deepEqual(cache.ops, []);
		});
	});
});

async function waitUntil(condition: () => boolean, timeoutMs = 3000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 5));
	}
}
