// The client's ordinary conversation with Woodpecker: what it sends, what it returns, how errors read.
import * as assert from 'node:assert/strict';
import { WoodpeckerApiError, WoodpeckerClient, type FetchLike, type FetchInit } from '../../../src/api/client';
import type { EnrichmentBatch } from '../../../src/api/types';
import { referenceBatches } from '../../fake/data';
import { ENRICHMENTS_PATH, FakeWoodpeckerServer } from '../../fake/server';
import { allBatches, assertNoKey, assertSentKey, FAST_RETRY, KEY, NOW, olderBatches, rejection, useFakeServer } from './support';

describe('WoodpeckerClient against the fake API', () => {
	const fake = useFakeServer();

	describe('listEnrichments', () => {
		it('without a cutoff asks for the default window and returns the batches verbatim', async () => {
			const batches = await fake.client().listEnrichments();
			assert.deepEqual(batches, referenceBatches());
			const [req] = fake.server.requests;
			assert.equal(fake.server.requests.length, 1);
			assert.equal(req.method, 'GET');
			assert.equal(req.path, ENRICHMENTS_PATH);
			assert.deepEqual(req.query, {});
			assertSentKey(fake.server);
		});

		it('with created_after sends exactly that date and returns what it selects', async () => {
			const batches = await fake.client().listEnrichments({ createdAfter: '2026-04-01' });
			assert.deepEqual(batches, allBatches());
			const onlyLate = await fake.client().listEnrichments({ createdAfter: '2026-04-25' });
			assert.deepEqual(
				onlyLate.map((b) => b.uuid),
				['9c4d2b8e-6a1f-4c3d-8e2b-7f5a1d9c3e60', 'e345310f-cfa7-42e3-b2fc-d888a332a899', 'eed003ca-b107-4126-bdb6-b5638737d508'],
			);
			assert.deepEqual(
				fake.server.requests.map((r) => r.query),
				[{ created_after: '2026-04-01' }, { created_after: '2026-04-25' }],
			);
			assertSentKey(fake.server);
		});

		it('offers gzip and decodes a gzipped answer', async () => {
			const result = await fake.client().listEnrichmentsResponse();
			const [req] = fake.server.requests;
			assert.match(req.acceptEncoding ?? '', /\bgzip\b/);
			assert.equal(req.responseEncoding, 'gzip', 'the fake should have gzipped this answer');
			assert.deepEqual(result.body, { lead_enrichments: referenceBatches() });
			assert.equal(result.bytes, Buffer.byteLength(JSON.stringify({ lead_enrichments: referenceBatches() })), 'bytes counts the decoded body');
		});

		it('reads a plain (not gzipped) answer the same way', async () => {
			const plain = new FakeWoodpeckerServer({ apiKey: KEY, batches: allBatches(), now: () => NOW, gzip: false });
			const url = await plain.start();
			try {
				const batches = await new WoodpeckerClient({ apiKey: KEY, baseUrl: url, retry: FAST_RETRY }).listEnrichments();
				assert.deepEqual(batches, referenceBatches());
				assert.equal(plain.requests[0].responseEncoding, undefined);
			} finally {
				await plain.stop();
			}
		});

		it('accepts the documented base URL ending in /rest (or /rest/v2) without doubling it', async () => {
			for (const suffix of ['/rest', '/rest/', '/rest/v2']) {
				fake.server.reset();
				const batches = await new WoodpeckerClient({ apiKey: KEY, baseUrl: fake.url + suffix, retry: FAST_RETRY }).listEnrichments();
				assert.deepEqual(batches, referenceBatches());
				assert.equal(fake.server.requests[0].path, '/rest/v2/lead_finder/leads/enrichments');
			}
		});

		it('returns an empty list as an empty array', async () => {
			fake.server.setBatches(olderBatches());
			assert.deepEqual(await fake.client().listEnrichments(), []);
		});

		for (const bad of ['2026-02-30', '2026-13-01', 'yesterday', '2026-5-1', '2026-05-01T00:00:00Z', '', '2026-02-29']) {
			it(`refuses the impossible or ill-formed date ${JSON.stringify(bad)} before sending anything`, async () => {
				const err = await rejection(fake.client().listEnrichments({ createdAfter: bad }));
				assert.equal(err.kind, 'invalid-request');
				assert.equal(err.status, 0);
				assert.equal(err.title, 'Invalid cutoff date');
				assert.ok(err.message.includes(bad), 'the message names the rejected value');
				assert.equal(fake.server.requests.length, 0);
			});
		}

		it('accepts a leap day that exists (2028-02-29)', async () => {
			assert.deepEqual(await fake.client().listEnrichments({ createdAfter: '2028-02-29' }), []);
			assert.deepEqual(fake.server.requests[0].query, { created_after: '2028-02-29' });
		});

		it('keeps unknown enum values and extra fields as they came', async () => {
			const odd: EnrichmentBatch = {
				uuid: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
				created: '2026-05-01T18:00:00+02:00',
				campaign_ids: [17, 42],
				leads: [
					{ uid: 'Ab1Cd2Ef3Gh4Ij5Kl6Mn7O_0000', status: 'FAILED', processing_result: null, reason: 'quota' },
					{ uid: 'Ab1Cd2Ef3Gh4Ij5Kl6Mn7O_0001', status: 'PROCESSED', processing_result: 'DUPLICATE', email: { found: true } },
				],
			};
			fake.server.failNext({ kind: 'json', body: { lead_enrichments: [odd], next_cursor: 'abc', total: 1 } });
			const { body } = await fake.client().listEnrichmentsResponse();
			assert.deepEqual(body, { lead_enrichments: [odd], next_cursor: 'abc', total: 1 });
			assert.equal(body.lead_enrichments[0].leads[0].status, 'FAILED');
			assert.equal(body.lead_enrichments[0].leads[1].processing_result, 'DUPLICATE');
		});

		it('decodes raw UTF-8 (not only ASCII), also where a character spans two chunks', async () => {
			// 200 KB of 2-, 3- and 4-byte characters arrives in several chunks; some split mid-character.
			const note = 'Zoë Łódź 東京 😀 '.repeat(8000);
			const batch: EnrichmentBatch = { ...referenceBatches()[0], note, leads: [{ uid: 'Zoë_東京_😀', status: 'PENDING', processing_result: null }] };
			const answer = { lead_enrichments: [batch] };
			fake.server.failNext({ kind: 'json', body: answer });
			const result = await fake.client().listEnrichmentsResponse();
			assert.equal(result.body.lead_enrichments[0].leads[0].uid, 'Zoë_東京_😀');
			assert.equal(result.body.lead_enrichments[0].note, note);
			assert.equal(result.bytes, Buffer.byteLength(JSON.stringify(answer)));
		});
	});

	describe('getEnrichment', () => {
		const [first] = referenceBatches();

		it('returns a bare batch', async () => {
			assert.deepEqual(await fake.client().getEnrichment(first.uuid), first);
			assert.equal(fake.server.requests[0].path, `${ENRICHMENTS_PATH}/${first.uuid}`);
			assertSentKey(fake.server);
		});

		it('unwraps {"lead_enrichment": {...}}', async () => {
			fake.server.wrapSingle = true;
			assert.deepEqual(await fake.client().getEnrichment(first.uuid), first);
		});

		it('trims the uuid and escapes what a path cannot hold', async () => {
			await rejection(fake.client().getEnrichment(' a/b?c '));
			assert.equal(fake.server.requests[0].path, `${ENRICHMENTS_PATH}/a%2Fb%3Fc`);
			assert.deepEqual(fake.server.requests[0].query, {});
		});

		it('turns an unknown uuid into the documented 404, asked once', async () => {
			const err = await rejection(fake.client().getEnrichment('00000000-0000-4000-8000-000000000000'));
			assert.equal(err.kind, 'http');
			assert.equal(err.status, 404);
			assert.equal(err.title, 'Not Found');
			assert.equal(err.details, 'Requested resource does not exist');
			assert.equal(fake.server.requests.length, 1);
		});

		it('refuses an empty uuid without a request', async () => {
			const err = await rejection(fake.client().getEnrichment('   '));
			assert.equal(err.kind, 'invalid-request');
			assert.equal(fake.server.requests.length, 0);
		});
	});

	describe('documented error answers', () => {
		const documented = [
			{ status: 400, title: 'Bad Request', details: 'Value of created_after is incorrect.', message: 'Value of created_after is incorrect. (HTTP 400 Bad Request)' },
			{ status: 401, title: 'Unauthorized', details: 'Invalid api key', message: 'Invalid api key. Set a valid API key. (HTTP 401 Unauthorized)' },
			{ status: 404, title: 'Not Found', details: 'Requested resource does not exist', message: 'Requested resource does not exist. (HTTP 404 Not Found)' },
			{
				status: 500,
				title: 'Internal server error',
				details: 'An unexpected error has occurred. Please try again later.',
				message: 'An unexpected error has occurred. Please try again later. (HTTP 500 Internal server error)',
			},
		];
		for (const { status, title, details, message } of documented) {
			it(`${status} becomes a WoodpeckerApiError with the server's title and details and a readable message`, async () => {
				fake.server.failAlways({ kind: 'status', status });
				const err = await rejection(fake.client().listEnrichments());
				assert.ok(err instanceof WoodpeckerApiError);
				assert.equal(err.name, 'WoodpeckerApiError');
				assert.equal(err.kind, 'http');
				assert.equal(err.status, status);
				assert.equal(err.title, title);
				assert.equal(err.details, details);
				assert.equal(err.message, message);
				assert.equal(String(err), `WoodpeckerApiError: ${message}`);
				assertNoKey(err);
			});
		}

		it("a wrong key gets the server's 401, tells the user to set a key, and is not retried", async () => {
			fake.server.apiKey = 'another-key';
			const err = await rejection(fake.client().listEnrichments());
			assert.equal(err.status, 401);
			assert.equal(err.retryable, false);
			assert.match(err.message, /^Invalid api key\. Set a valid API key\./);
			assert.equal(fake.server.requests.length, 1);
			assertNoKey(err);
		});
	});

	describe('API key hygiene', () => {
		it('scrubs the key when the server echoes it back', async () => {
			const echo = JSON.stringify({ title: 'Unauthorized', status: 401, details: `Invalid api key ${KEY}`, timestamp: '2026-05-01 20:00:00' });
			fake.server.failNext({ kind: 'status', status: 401, body: echo });
			const err = await rejection(fake.client().listEnrichments());
			assert.equal(err.status, 401);
			assert.equal(err.details, 'Invalid api key ***');
			assertNoKey(err);
		});

		it('keeps the key out of every error kind and out of the log', async () => {
			const logged: string[] = [];
			const log = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m) };
			const client = fake.client({ log, timeoutMs: 300, retry: { ...FAST_RETRY, attempts: 2 } });
			const faults = [{ kind: 'reset' }, { kind: 'hang' }, { kind: 'html', status: 502 }, { kind: 'badJson' }, { kind: 'json', body: { nope: true } }, { kind: 'status', status: 429, headers: { 'retry-after': '0' } }] as const;
			for (const fault of faults) {
				fake.server.failAlways(fault);
				assertNoKey(await rejection(client.listEnrichments()));
			}
			fake.server.failAlways(undefined);
			assertNoKey(await rejection(client.listEnrichments({ createdAfter: '2026-02-30' })));
			assert.ok(logged.length >= faults.length, 'the client should have logged its attempts');
			logged.forEach((line, i) => assert.ok(!line.includes(KEY), `log line ${i} contains the API key`));
		});

		it("keeps the key out of a refused connection's error", async () => {
			const gone = new FakeWoodpeckerServer();
			const url = await gone.start();
			await gone.stop();
			const err = await rejection(new WoodpeckerClient({ apiKey: KEY, baseUrl: url, retry: { ...FAST_RETRY, attempts: 1 } }).listEnrichments());
			assert.equal(err.kind, 'network');
			assert.match(err.message, /refused/);
			assertNoKey(err);
		});

		it('sends a pasted key without its trailing newline', async () => {
			await fake.client({ apiKey: `  ${KEY}\r\n` }).listEnrichments();
			assertSentKey(fake.server);
		});

		it('refuses a key no HTTP header can carry, without sending it', async () => {
			const err = await rejection(fake.client({ apiKey: 'abc\ndef' }).listEnrichments());
			assert.equal(err.kind, 'no-key');
			assert.equal(err.message, 'The API key contains characters an HTTP header cannot carry. Copy it again from Woodpecker and set it anew.');
			assert.equal(fake.server.requests.length, 0);
			assertNoKey(err, 'abc\ndef');
		});

		it('refuses to call without a key', async () => {
			const err = await rejection(fake.client({ apiKey: ' ' }).listEnrichments());
			assert.equal(err.kind, 'no-key');
			assert.equal(err.title, 'No API key');
			assert.equal(err.message, 'Set your Woodpecker API key first.');
			assert.equal(fake.server.requests.length, 0);
		});
	});

	describe('options, requests and logs (against a fetch double)', () => {
		const BASE = 'https://api.example.test';
		const LIST_URL = `${BASE}${ENRICHMENTS_PATH}`;
		const answer = (status: number, text: string, headers: Record<string, string> = {}) => ({
			status,
			statusText: status === 200 ? 'OK' : 'Service Unavailable',
			headers: { get: (name: string) => headers[name] ?? null },
			text: async () => text,
		});

		it('sends the key and asks for JSON, gzip and a kept-alive connection', async () => {
			const inits: FetchInit[] = [];
			const fetch: FetchLike = async (_url, init) => (inits.push(init), answer(200, '{"lead_enrichments":[]}'));
			await new WoodpeckerClient({ apiKey: 'not-a-real-key', baseUrl: BASE, fetch }).listEnrichments();
			assert.deepEqual(
				inits.map((i) => i.headers),
				[{ 'x-api-key': 'not-a-real-key', accept: 'application/json', 'accept-encoding': 'gzip, deflate', connection: 'keep-alive' }],
			);
		});

		for (const timeoutMs of [0, -1]) {
			it(`takes a timeoutMs of ${timeoutMs} as the default, not as "no time at all"`, async () => {
				// Answers after 30 ms unless its signal aborts first.
				const fetch: FetchLike = (_url, init) =>
					new Promise((resolve, reject) => {
						const timer = setTimeout(() => resolve(answer(200, '{"lead_enrichments":[]}')), 30);
						init.signal.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))));
					});
				assert.deepEqual(await new WoodpeckerClient({ apiKey: KEY, baseUrl: BASE, fetch, timeoutMs, retry: { attempts: 1 } }).listEnrichments(), []);
			});
		}

		it('logs each failed attempt, each wait and the answer, with times that add up', async () => {
			const logged: Array<[string, string]> = [];
			const log = { info: (m: string) => logged.push(['info', m]), warn: (m: string) => logged.push(['warn', m]) };
			const answers = [answer(503, '{"details":"Busy"}', { 'retry-after': '0.2' }), answer(503, '{"details":"Busy"}', { 'retry-after': '0.2' }), answer(200, '{"lead_enrichments":[]}')];
			const fetch: FetchLike = async () => answers.shift()!;
			await new WoodpeckerClient({ apiKey: KEY, baseUrl: BASE, fetch, log }).listEnrichments();
			const ms = (m: string) => Number(/ (-?\d+) ms/.exec(m)?.[1]);
			assert.deepEqual(
				logged.map(([level, m]) => [level, m.replace(/ -?\d+ ms/, ' N ms')]),
				[
					['warn', `GET ${LIST_URL} failed (attempt 1/3) after N ms: Busy. (HTTP 503 Service Unavailable)`],
					['info', 'Retrying in N ms'],
					['warn', `GET ${LIST_URL} failed (attempt 2/3) after N ms: Busy. (HTTP 503 Service Unavailable)`],
					['info', 'Retrying in N ms'],
					['info', `GET ${LIST_URL} → 200 in N ms (23 B)`],
				],
			);
			assert.deepEqual([ms(logged[1][1]), ms(logged[3][1])], [200, 200]);
			// Each attempt's time counts from its own start, after the wait before it.
			for (const i of [0, 2]) assert.ok(ms(logged[i][1]) > -5 && ms(logged[i][1]) < 150, logged[i][1]);
			const total = ms(logged[4][1]);
			assert.ok(total >= 390 && total < 2000, logged[4][1]);
		});

		it('calls whatever else a fetch throws a fault of the extension, and does not retry it', async () => {
			let calls = 0;
			const fetch: FetchLike = () => (calls++, Promise.reject('boom'));
			const err = await rejection(new WoodpeckerClient({ apiKey: KEY, baseUrl: BASE, fetch }).listEnrichments());
			assert.equal(err.kind, 'unexpected');
			assert.equal(err.message, 'Something went wrong in the Woodpecker extension: boom. Show Log has the details.');
			assert.equal(calls, 1);
		});

		it("keeps a fetch's own AbortError an abort, and words a network fault with the host", async () => {
			const abort = Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
			const aborted = await rejection(new WoodpeckerClient({ apiKey: KEY, baseUrl: BASE, fetch: () => Promise.reject(abort) }).listEnrichments());
			assert.equal(aborted.kind, 'aborted');
			const refused = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
			const err = await rejection(new WoodpeckerClient({ apiKey: KEY, baseUrl: `${BASE}:8443/rest`, fetch: () => Promise.reject(refused), retry: { attempts: 1 } }).listEnrichments());
			assert.equal(err.message, 'api.example.test:8443 refused the connection. Make sure woodpecker.apiBaseUrl is right and, behind a proxy, that http.proxy is set.');
		});

		it('says what is missing when the batch uuid is empty', async () => {
			const err = await rejection(new WoodpeckerClient({ apiKey: KEY, baseUrl: BASE, fetch: () => assert.fail('nothing may be sent') }).getEnrichment(' \t'));
			assert.deepEqual([err.kind, err.title, err.message], ['invalid-request', 'Missing batch uuid', 'Give the uuid of an enrichment batch.']);
		});
	});

	describe('base URL safety', () => {
		function spyClient(baseUrl: string): { client: WoodpeckerClient; calls: string[] } {
			const calls: string[] = [];
			const fetch: FetchLike = async (url: string, init: FetchInit) => {
				calls.push(url);
				assert.equal(init.headers['x-api-key'] === KEY, true, 'the spy got the key');
				return { status: 200, headers: { get: () => null }, text: async () => '{"lead_enrichments":[]}' };
			};
			return { client: new WoodpeckerClient({ apiKey: KEY, baseUrl, fetch, retry: FAST_RETRY }), calls };
		}

		for (const unsafe of ['http://example.com', 'http://api.woodpecker.co', 'http://127.0.0.1.nip.io', 'ftp://127.0.0.1', 'not a url']) {
			it(`refuses ${unsafe} before any request`, async () => {
				const { client, calls } = spyClient(unsafe);
				const err = await rejection(client.listEnrichments());
				assert.equal(err.kind, 'bad-address');
				assert.equal(err.title, 'Unusable API address');
				assert.match(err.message, /https:\/\//);
				assert.deepEqual(calls, []);
				assertNoKey(err);
			});
		}

		for (const [safe, expected] of [
			['https://api.example.test', 'https://api.example.test'],
			['https://api.example.test/', 'https://api.example.test'],
			['http://localhost:8080', 'http://localhost:8080'],
			['http://[::1]:8080', 'http://[::1]:8080'],
			['http://127.0.0.1:9', 'http://127.0.0.1:9'],
		]) {
			it(`accepts ${safe}`, async () => {
				const { client, calls } = spyClient(safe);
				assert.deepEqual(await client.listEnrichments(), []);
				assert.deepEqual(calls, [`${expected}${ENRICHMENTS_PATH}`]);
			});
		}

		it('talks to the loopback fake over plain http', async () => {
			assert.match(fake.url, /^http:\/\/127\.0\.0\.1:\d+$/);
			assert.equal((await fake.client().listEnrichments()).length, 2);
		});
	});
});
