// One request at a time, in call order, and cancellation that takes effect at once.
import * as assert from 'node:assert/strict';
import { referenceBatches } from '../../fake/data';
import { allBatches, delay, FAST_RETRY, olderBatches, rejection, useFakeServer, waitFor } from './support';

describe('WoodpeckerClient concurrency and cancellation', () => {
	const fake = useFakeServer({ latencyMs: 40 });

	it('serialises parallel callers: never two requests in flight, results in call order', async () => {
		const client = fake.client();
		const cutoffs = ['2026-04-01', '2026-05-01', '2026-04-25', undefined, '2026-04-21'];
		const started = Date.now();
		const results = await Promise.all(cutoffs.map((createdAfter) => client.listEnrichments({ createdAfter })));
		assert.equal(fake.server.maxInFlight, 1);
		assert.deepEqual(
			fake.server.requests.map((r) => r.query.created_after),
			cutoffs,
		);
		assert.deepEqual(
			results.map((r) => r.length),
			[4, 2, 3, 2, 3],
		);
		assert.deepEqual(results[0], allBatches());
		assert.deepEqual(results[1], referenceBatches());
		assert.ok(Date.now() - started >= 5 * 40 - 5, 'five 40 ms answers cannot overlap');
	});

	it('queues getEnrichment behind listEnrichments on the same client', async () => {
		const client = fake.client();
		const [uuid] = olderBatches().map((b) => b.uuid);
		const [list, one] = await Promise.all([client.listEnrichments(), client.getEnrichment(uuid)]);
		assert.equal(list.length, 2);
		assert.equal(one.uuid, uuid);
		assert.equal(fake.server.maxInFlight, 1);
		assert.deepEqual(
			fake.server.requests.map((r) => r.path.split('/').pop()),
			['enrichments', uuid],
		);
	});

	it('a failing call does not block the ones queued behind it', async () => {
		const client = fake.client();
		fake.server.failNext({ kind: 'status', status: 401 });
		const [first, second] = await Promise.allSettled([client.listEnrichments(), client.listEnrichments()]);
		assert.equal(first.status, 'rejected');
		assert.equal(second.status, 'fulfilled');
		assert.equal(fake.server.maxInFlight, 1);
	});

	it('an already-aborted signal rejects with kind aborted and sends nothing', async () => {
		const err = await rejection(fake.client().listEnrichments({ signal: AbortSignal.abort() }));
		assert.equal(err.kind, 'aborted');
		assert.equal(fake.server.requests.length, 0);
	});

	it('abort while queued: rejects at once, is never sent, and the queue goes on', async () => {
		fake.server.latencyMs = 1000;
		const client = fake.client();
		const running = client.listEnrichments();
		const controller = new AbortController();
		const queued = rejection(client.listEnrichments({ signal: controller.signal }));
		await waitFor(() => fake.server.requests.length === 1, 'the first request');
		const abortedAt = Date.now();
		controller.abort();
		const err = await queued;
		assert.equal(err.kind, 'aborted');
		assert.ok(Date.now() - abortedAt < 250, `took ${Date.now() - abortedAt} ms to reject`);
		assert.equal(fake.server.requests.length, 1, 'the aborted call must not be sent');
		assert.deepEqual(await running, referenceBatches());
		fake.server.latencyMs = 0;
		assert.deepEqual(await client.listEnrichments(), referenceBatches());
		assert.equal(fake.server.requests.length, 2);
		assert.equal(fake.server.maxInFlight, 1);
	});

	it('abort in flight: rejects at once and frees the queue', async () => {
		fake.server.latencyMs = 2000;
		const client = fake.client();
		const controller = new AbortController();
		const call = rejection(client.listEnrichments({ signal: controller.signal }));
		await waitFor(() => fake.server.requests.length === 1, 'the request');
		const abortedAt = Date.now();
		controller.abort();
		const err = await call;
		assert.equal(err.kind, 'aborted');
		assert.ok(Date.now() - abortedAt < 250, `took ${Date.now() - abortedAt} ms to reject`);
		await waitFor(() => fake.server.inFlight === 0, 'the server to see the connection close');
		fake.server.latencyMs = 0;
		assert.deepEqual(await client.listEnrichments(), referenceBatches());
		assert.equal(fake.server.requests.length, 2);
	});

	it('abort mid-retry: rejects at once and sends no further attempt', async () => {
		fake.server.latencyMs = 0;
		fake.server.failAlways({ kind: 'status', status: 503 });
		const controller = new AbortController();
		let abortedAt = 0;
		const log = {
			warn: () => undefined,
			info: (message: string) => {
				// The client is about to sleep before attempt 2: cancel during that sleep.
				if (message.startsWith('Retrying in')) {
					setTimeout(() => {
						abortedAt = Date.now();
						controller.abort();
					}, 20);
				}
			},
		};
		const client = fake.client({ log, retry: { ...FAST_RETRY, baseDelayMs: 5000, maxDelayMs: 5000 } });
		const err = await rejection(client.listEnrichments({ signal: controller.signal }));
		assert.equal(err.kind, 'aborted');
		assert.ok(abortedAt > 0, 'the client never announced a retry');
		assert.ok(Date.now() - abortedAt < 250, `took ${Date.now() - abortedAt} ms to reject`);
		await delay(150);
		assert.equal(fake.server.requests.length, 1);
	});
});
