// The failure matrix: what the client retries, what it gives up on, and what each failure says.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { Readable } from 'node:stream';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as zlib from 'node:zlib';
import { generateBatches, referenceBatches } from '../../fake/data';
import { FakeWoodpeckerServer } from '../../fake/server';
import { type FetchLike, WoodpeckerClient } from '../../../src/api/client';
import { assertNoKey, FAST_RETRY, KEY, NOW, rejection, useFakeServer } from './support';

describe('WoodpeckerClient under faults', () => {
	const fake = useFakeServer();

	describe('retried', () => {
		it('429 with Retry-After: waits that long, then succeeds', async () => {
			fake.server.failNext({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });
			const started = Date.now();
			assert.deepEqual(await fake.client().listEnrichments(), referenceBatches());
			const [first, second] = fake.server.requests;
			assert.equal(fake.server.requests.length, 2);
			assert.ok(second.at - first.at >= 950, `retried after ${second.at - first.at} ms, Retry-After said 1000`);
			assert.ok(Date.now() - started < 5000);
		});

		it('503 with Retry-After as an HTTP date: waits until then, then succeeds', async () => {
			// HTTP dates have whole seconds: two seconds ahead, at most 1.5 s of it is left after rounding down.
			const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);
			fake.server.failNext({ kind: 'status', status: 503, headers: { 'retry-after': at.toUTCString() } });
			const batches = await fake.client({ retry: { ...FAST_RETRY, maxRetryAfterMs: 3000 } }).listEnrichments();
			assert.equal(batches.length, 2);
			const [first, second] = fake.server.requests;
			assert.equal(fake.server.requests.length, 2);
			assert.ok(second.at >= at.getTime() - 20, `retried ${at.getTime() - second.at} ms before the date it was given`);
			assert.ok(second.at - first.at < 2500);
		});

		it('429 with a Retry-After beyond maxRetryAfterMs fails at once, saying how long to wait', async () => {
			fake.server.failNext({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
			const started = Date.now();
			const err = await rejection(fake.client({ retry: { ...FAST_RETRY, maxRetryAfterMs: 200 } }).listEnrichments());
			assert.ok(Date.now() - started < 1000, 'it did not wait');
			assert.equal(err.status, 429);
			assert.match(err.message, /Woodpecker asked to wait 60 minutes before trying again\./);
			assert.equal(fake.server.requests.length, 1);
		});

		it('a 500 with a huge error page is reported as the 500, not as too large', async () => {
			fake.server.failNext({ kind: 'status', status: 500, body: 'x'.repeat(3 * 1024 * 1024) }, 3);
			const err = await rejection(fake.client().listEnrichments());
			assert.equal(err.kind, 'http');
			assert.equal(err.status, 500);
		});

		it('500 then success: two requests, the batches returned', async () => {
			fake.server.failNext({ kind: 'status', status: 500 });
			assert.deepEqual(await fake.client().listEnrichments(), referenceBatches());
			assert.equal(fake.server.requests.length, 2);
		});

		it("500 forever: exactly 3 attempts, then the server's 500", async () => {
			fake.server.failAlways({ kind: 'status', status: 500 });
			const err = await rejection(fake.client().listEnrichments());
			assert.equal(err.kind, 'http');
			assert.equal(err.status, 500);
			assert.equal(err.details, 'An unexpected error has occurred. Please try again later.');
			assert.equal(fake.server.requests.length, 3);
		});

		it('a retry policy of 5 attempts makes 5', async () => {
			fake.server.failAlways({ kind: 'status', status: 503 });
			await rejection(fake.client({ retry: { ...FAST_RETRY, attempts: 5 } }).listEnrichments());
			assert.equal(fake.server.requests.length, 5);
		});

		it('502 HTML page: status kept, no HTML in the message, retried', async () => {
			fake.server.failAlways({ kind: 'html', status: 502 });
			const err = await rejection(fake.client().listEnrichments());
			assert.equal(err.kind, 'http');
			assert.equal(err.status, 502);
			assert.equal(err.title, 'Bad Gateway');
			assert.equal(err.details, undefined);
			assert.ok(!/<[a-z/!]|nginx/i.test(err.message), `HTML leaked into the message: ${err.message}`);
			assert.match(err.message, /HTML page/);
			assert.equal(fake.server.requests.length, 3);
		});

		it('503 with no body: says so, retried', async () => {
			fake.server.failAlways({ kind: 'empty', status: 503 });
			const err = await rejection(fake.client().listEnrichments());
			assert.equal(err.status, 503);
			assert.match(err.message, /no body/);
			assert.equal(fake.server.requests.length, 3);
		});

		it('connection reset, then success', async () => {
			fake.server.failNext({ kind: 'reset' });
			assert.deepEqual(await fake.client().listEnrichments(), referenceBatches());
			assert.equal(fake.server.requests.length, 2);
		});

		it('connection reset forever: kind network after 3 attempts', async () => {
			fake.server.failAlways({ kind: 'reset' });
			const err = await rejection(fake.client().listEnrichments());
			assert.equal(err.kind, 'network');
			assert.equal(err.status, 0);
			assert.match(err.message, /closed before the answer was complete/);
			assert.equal(fake.server.requests.length, 3);
		});

		it('truncated body (content-length not met), then success', async () => {
			fake.server.failNext({ kind: 'truncated' });
			assert.deepEqual(await fake.client().listEnrichments(), referenceBatches());
			assert.equal(fake.server.requests.length, 2);
		});

		it('truncated forever: kind network, not a JSON parse error', async () => {
			fake.server.failAlways({ kind: 'truncated' });
			const err = await rejection(fake.client().listEnrichments());
			assert.equal(err.kind, 'network');
			assert.match(err.message, /closed before the answer was complete/);
			assert.equal(fake.server.requests.length, 3);
		});

		it('a slow answer within the timeout is simply waited for', async () => {
			fake.server.failNext({ kind: 'delay', ms: 300 });
			assert.deepEqual(await fake.client({ timeoutMs: 1000 }).listEnrichments(), referenceBatches());
			assert.equal(fake.server.requests.length, 1);
		});

		it('one unanswered attempt times out and the retry succeeds', async () => {
			fake.server.failNext({ kind: 'hang' });
			assert.deepEqual(await fake.client({ timeoutMs: 300 }).listEnrichments(), referenceBatches());
			assert.equal(fake.server.requests.length, 2);
		});
	});

	describe('given up on', () => {
		for (const status of [400, 401, 404]) {
			it(`${status} is never retried: one request`, async () => {
				fake.server.failAlways({ kind: 'status', status });
				const err = await rejection(fake.client().listEnrichments());
				assert.equal(err.status, status);
				assert.equal(err.retryable, false);
				assert.equal(fake.server.requests.length, 1);
			});
		}

		for (const [status, location] of [
			[302, 'OTHER/rest/v2/lead_finder/leads/enrichments'],
			[301, 'http://203.0.113.9/rest/v2/x'],
			[307, '/elsewhere'],
			[308, 'http://[bad'],
		] as const) {
			it(`a ${status} redirect is not followed: the key goes nowhere else, the message names where it pointed`, async () => {
				// The place it points at is a second server that must never see a request.
				const other = new FakeWoodpeckerServer({ apiKey: KEY, batches: referenceBatches(), now: () => NOW });
				const otherUrl = await other.start();
				try {
					const target = location.replace('OTHER', otherUrl);
					fake.server.failAlways({ kind: 'status', status, headers: { location: target }, body: '<html>Moved</html>' });
					const err = await rejection(fake.client().listEnrichments());
					assert.equal(err.kind, 'http');
					assert.equal(err.status, status);
					assert.equal(err.retryable, false);
					assert.equal(fake.server.requests.length, 1);
					assert.equal(other.requests.length, 0, 'the redirect must not be followed');
					const origin = target.startsWith('/') ? new URL(fake.url).origin : target.includes('[bad') ? '' : new URL(target).origin;
					assert.ok(err.message.startsWith(`Woodpecker's address answered with a redirect${origin ? ` to ${origin}` : ''}. `), err.message);
					assert.match(err.message, /set that setting to its new address\. \(HTTP 3\d\d /);
					assert.ok(!err.message.includes('/rest/v2/x') && !err.message.includes('Moved</html>'), 'origin only, no body');
					assertNoKey(err);
				} finally {
					await other.stop();
				}
			});
		}

		it('a body that stops half-way: kind timeout, and cancelling mid-body stops at once', async () => {
			// Headers and half the body, then silence: the reader must not wait for ever.
			const sockets = new Set<import('node:net').Socket>();
			const stalling = http.createServer((_req, res) => {
				res.writeHead(200, { 'content-type': 'application/json', 'content-length': 1000 });
				res.write('{"lead_enrichments":[');
			});
			stalling.on('connection', (s) => sockets.add(s));
			await new Promise<void>((r) => stalling.listen(0, '127.0.0.1', r));
			const url = `http://127.0.0.1:${(stalling.address() as import('node:net').AddressInfo).port}`;
			try {
				const client = new WoodpeckerClient({ apiKey: KEY, baseUrl: url, timeoutMs: 200, retry: { ...FAST_RETRY, attempts: 2 } });
				const err = await rejection(client.listEnrichments());
				assert.equal(err.kind, 'timeout');
				const controller = new AbortController();
				const pending = rejection(new WoodpeckerClient({ apiKey: KEY, baseUrl: url, timeoutMs: 60_000 }).listEnrichments({ signal: controller.signal }));
				await new Promise((r) => setTimeout(r, 100));
				const abortedAt = Date.now();
				controller.abort();
				assert.equal((await pending).kind, 'aborted');
				assert.ok(Date.now() - abortedAt < 250, 'stopped at once');
			} finally {
				for (const s of sockets) s.destroy();
				await new Promise((r) => stalling.close(r));
			}
		});

		it('a server that never answers: kind timeout once every attempt has used timeoutMs', async () => {
			fake.server.failAlways({ kind: 'hang' });
			const started = Date.now();
			const err = await rejection(fake.client({ timeoutMs: 1000, retry: { ...FAST_RETRY, attempts: 2 } }).listEnrichments());
			const elapsed = Date.now() - started;
			assert.equal(err.kind, 'timeout');
			assert.equal(err.status, 0);
			assert.match(err.message, /did not answer within 1 s/);
			assert.equal(fake.server.requests.length, 2);
			assert.ok(elapsed >= 1900 && elapsed < 4000, `took ${elapsed} ms for 2 attempts of 1 s`);
			assertNoKey(err);
		});

		it('a 200 that is not JSON: kind invalid-response, not retried', async () => {
			fake.server.failAlways({ kind: 'badJson' });
			const err = await rejection(fake.client().listEnrichments());
			assert.equal(err.kind, 'invalid-response');
			assert.equal(err.status, 200);
			assert.match(err.message, /not valid JSON/);
			assert.equal(fake.server.requests.length, 1);
		});

		it('a 200 HTML page (captive portal): kind invalid-response naming HTML', async () => {
			fake.server.failAlways({ kind: 'html', status: 200 });
			const err = await rejection(fake.client().listEnrichments());
			assert.equal(err.kind, 'invalid-response');
			assert.match(err.message, /HTML page/);
			assert.ok(!/<[a-z/!]/i.test(err.message));
		});

		const [batch] = referenceBatches();
		const wrongShapes: Array<[string, unknown, RegExp]> = [
			['no lead_enrichments', { data: [] }, /no "lead_enrichments" list/],
			['lead_enrichments not a list', { lead_enrichments: { 0: batch } }, /no "lead_enrichments" list/],
			['a JSON array', [batch], /no "lead_enrichments" list/],
			['null', null, /no "lead_enrichments" list/],
			['a batch without uuid', { lead_enrichments: [{ created: batch.created, leads: batch.leads }] }, /lead_enrichments\[0\] has no "uuid"/],
			['a batch without leads', { lead_enrichments: [batch, { uuid: 'x', created: batch.created }] }, /lead_enrichments\[1\] has no "leads" list/],
			['a lead without uid', { lead_enrichments: [{ ...batch, leads: [{ status: 'PENDING', processing_result: null }] }] }, /lead_enrichments\[0\]\.leads\[0\] has no "uid"/],
		];
		for (const [what, body, message] of wrongShapes) {
			it(`wrong shape (${what}): kind invalid-response, not retried`, async () => {
				fake.server.failAlways({ kind: 'json', body });
				const err = await rejection(fake.client().listEnrichments());
				assert.equal(err.kind, 'invalid-response');
				assert.match(err.message, message);
				assert.equal(fake.server.requests.length, 1);
			});
		}

		it('getEnrichment of something that is no batch: kind invalid-response', async () => {
			fake.server.failAlways({ kind: 'json', body: { lead_enrichment: { id: 'x' } } });
			const err = await rejection(fake.client().getEnrichment('x'));
			assert.equal(err.kind, 'invalid-response');
			assert.match(err.message, /holds no enrichment batch/);
		});
	});

	describe('size bound', () => {
		it('a streamed body over maxResponseBytes: kind too-large, not retried, without reading it all', async () => {
			fake.server.failAlways({ kind: 'huge', bytes: 512 * 1024 * 1024 });
			const started = Date.now();
			const err = await rejection(fake.client({ maxResponseBytes: 1024 * 1024 }).listEnrichments());
			assert.equal(err.kind, 'too-large');
			assert.match(err.message, /larger than 1\.0 MB/);
			assert.equal(fake.server.requests.length, 1);
			assert.ok(Date.now() - started < 3000, 'the client should stop reading at the bound, not drain 512 MB');
		});

		for (const ending of ['read whole', 'over the bound', 'cut off'] as const) {
			it(`keeps no bytes of an answer once it is ${ending} (the client keeps its last response object)`, async () => {
				// A collector reachable from a mocha test: the flag can be set at run time.
				v8.setFlagsFromString('--expose-gc');
				const collect = vm.runInNewContext('gc') as () => void;
				let chunk: WeakRef<Buffer> | undefined;
				let stream: Readable | undefined;
				const fetch: FetchLike = async () => {
					// A stream that lets go of each chunk once it is read (Readable.from would keep its array).
					const body = new Readable({ read() {} });
					stream = body;
					setImmediate(() => {
						const first = Buffer.from('{"lead_enrichments":[');
						chunk = new WeakRef(first);
						body.push(first);
						if (ending === 'cut off') return void setImmediate(() => body.destroy(new Error('socket hang up')));
						body.push(ending === 'over the bound' ? Buffer.alloc(64 * 1024, 0x20) : Buffer.from(']}'));
						body.push(null);
					});
					return { status: 200, headers: { get: () => null }, body, text: async () => '' };
				};
				const client = new WoodpeckerClient({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9', fetch, maxResponseBytes: 32 * 1024, retry: { attempts: 1 } });
				if (ending === 'read whole') assert.deepEqual((await client.listEnrichmentsResponse()).body, { lead_enrichments: [] });
				else assert.equal((await rejection(client.listEnrichmentsResponse())).kind, ending === 'over the bound' ? 'too-large' : 'network');
				// WeakRefs hold their target to the end of the current job: collect on a later one.
				await new Promise((r) => setImmediate(r));
				collect();
				assert.equal(chunk?.deref(), undefined, 'a chunk of the answer is still reachable');
				// Through a listener the kept stream would hold the read's promise, and with it the text.
				assert.deepEqual(
					['data', 'end', 'close'].map((e) => stream!.listenerCount(e)),
					[0, 0, 0],
					'the reader left listeners on the stream',
				);
				assert.ok(stream!.listenerCount('error') <= 1, 'only the shared guard against a late error may stay');
				stream!.destroy(new Error('a late error')); // must not throw: the guard takes it
			});
		}

		it('a streamed body under the bound is read whole', async () => {
			fake.server.failNext({ kind: 'huge', bytes: 300_000 });
			const { body, bytes } = await fake.client({ maxResponseBytes: 1024 * 1024 }).listEnrichmentsResponse();
			assert.equal(bytes, 300_000);
			assert.deepEqual(body.lead_enrichments, []);
			assert.equal(typeof body.padding, 'string');
		});

		it('a gzipped body small on the wire but over the bound once decoded: too-large', async () => {
			const batches = generateBatches({ count: 2000, leadsPerBatch: 20, seed: 5, now: NOW });
			const raw = Buffer.byteLength(JSON.stringify({ lead_enrichments: batches }));
			const wire = zlib.gzipSync(JSON.stringify({ lead_enrichments: batches })).length;
			const bound = Math.floor((raw + wire) / 2);
			assert.ok(wire < bound && bound < raw);
			fake.server.setBatches(batches);
			const err = await rejection(fake.client({ maxResponseBytes: bound }).listEnrichments());
			assert.equal(err.kind, 'too-large');
			assert.equal(fake.server.requests[0].responseEncoding, 'gzip');
			assert.equal(fake.server.requests.length, 1);
		});

		it('after a too-large answer the connection is free for the next request', async () => {
			fake.server.failNext({ kind: 'huge', bytes: 64 * 1024 * 1024 });
			await rejection(fake.client({ maxResponseBytes: 1024 * 1024 }).listEnrichments());
			assert.deepEqual(await fake.client({ timeoutMs: 2000 }).listEnrichments(), referenceBatches());
		});

		it('after a declared content-length over the bound the connection is free for the next request', async () => {
			const big = generateBatches({ count: 3000, leadsPerBatch: 20, seed: 8, now: NOW });
			const plain = new FakeWoodpeckerServer({ apiKey: KEY, batches: big, now: () => NOW, gzip: false });
			const url = await plain.start();
			try {
				const err = await rejection(fake.client({ baseUrl: url, maxResponseBytes: 1024 * 1024 }).listEnrichments());
				assert.equal(err.kind, 'too-large');
				const next = await fake.client({ baseUrl: url, timeoutMs: 2000, retry: { ...FAST_RETRY, attempts: 1 } }).listEnrichments();
				assert.equal(next.length, 3000);
				assert.equal(plain.requests.length, 2);
			} finally {
				await plain.stop();
			}
		});

		it('a declared content-length over the bound: too-large before reading', async () => {
			const plain = new FakeWoodpeckerServer({ apiKey: KEY, batches: referenceBatches(), now: () => NOW, gzip: false });
			const url = await plain.start();
			try {
				const err = await rejection(fake.client({ baseUrl: url, maxResponseBytes: 100 }).listEnrichments());
				assert.equal(err.kind, 'too-large');
				assert.equal(plain.requests.length, 1);
			} finally {
				await plain.stop();
			}
		});
	});
});
