// The fake API and its data are the oracle of the client tests, so they get tests of their own:
// raw HTTP against the fake, no client involved.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { EnrichmentBatch } from '../../../src/api/types';
import { DEMO_AGENCY_KEY, demoAgency, demoBatches, formatWithOffset, generateBatches, referenceBatches } from '../../fake/data';
import { COMPANIES_PATH, ENRICHMENTS_PATH, FakeWoodpeckerServer } from '../../fake/server';
import { HQ_KEY, KEY, NOW, testAgency, useFakeServer, waitFor } from './support';

interface RawAnswer {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

/** One GET without keep-alive; the body is returned as received (still gzipped if it was). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
	return new Promise((resolve, reject) => {
		const req = http.get(url, { headers, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
			res.on('error', reject);
		});
		req.on('error', reject);
	});
}

function json(answer: RawAnswer): unknown {
	const body = answer.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(answer.body) : answer.body;
	return JSON.parse(body.toString('utf8'));
}

const STAMP = '2026-05-01 20:00:00';

describe("fake Woodpecker API (the client tests' oracle)", () => {
	describe('data', () => {
		it("referenceBatches() is the reference doc's 200 example, verbatim", () => {
			const doc = `{"lead_enrichments":[{"uuid":"e345310f-cfa7-42e3-b2fc-d888a332a899","created":"2026-05-01T10:00:00+02:00","leads":[{"uid":"0SVAICGlkzJ5fMrBxUdiQ_0000","status":"PROCESSED","processing_result":"NOT_CONVERTED_TO_PROSPECT"}]},{"uuid":"eed003ca-b107-4126-bdb6-b5638737d508","created":"2026-05-01T10:10:00+02:00","leads":[{"uid":"0SVOUNZGlkzJ5fMcHsUdiQ_0000","status":"PROCESSED","processing_result":"NOT_CONVERTED_TO_PROSPECT"}]}]}`;
			assert.equal(JSON.stringify({ lead_enrichments: referenceBatches() }), doc);
			assert.notEqual(referenceBatches(), referenceBatches(), 'each call returns a fresh copy to mutate');
		});

		it('generateBatches is deterministic for a seed and a now', () => {
			const a = generateBatches({ count: 50, seed: 9, now: NOW });
			assert.deepEqual(generateBatches({ count: 50, seed: 9, now: NOW }), a);
			assert.notDeepEqual(generateBatches({ count: 50, seed: 10, now: NOW }), a);
			assert.equal(a[0].uuid, generateBatches({ count: 50, seed: 9, now: new Date(0) })[0].uuid, 'ids depend on the seed only');
		});

		it('generateBatches writes realistic wire values', () => {
			const batches = generateBatches({ count: 500, seed: 4, now: NOW, spanHours: 48, leadsPerBatch: [3, 7] });
			const uuids = new Set<string>();
			const uids = new Set<string>();
			let previous = -Infinity;
			for (const b of batches) {
				assert.match(b.uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
				assert.match(b.created, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+02:00$/);
				const at = Date.parse(b.created);
				assert.ok(at >= NOW.getTime() - 48 * 3_600_000 - 1000 && at <= NOW.getTime(), b.created);
				assert.ok(at >= previous, 'oldest first');
				previous = at;
				assert.ok(b.leads.length >= 3 && b.leads.length <= 7, `${b.leads.length} leads`);
				uuids.add(b.uuid);
				for (const lead of b.leads) {
					assert.match(lead.uid, /^[A-Za-z0-9_-]{22}_\d{4}$/);
					uids.add(lead.uid);
					if (lead.status === 'PENDING') assert.equal(lead.processing_result, null);
					else {
						assert.equal(lead.status, 'PROCESSED');
						assert.ok(lead.processing_result === 'CONVERTED_TO_PROSPECT' || lead.processing_result === 'NOT_CONVERTED_TO_PROSPECT');
					}
				}
			}
			assert.equal(uuids.size, 500);
			assert.equal(
				uids.size,
				batches.reduce((n, b) => n + b.leads.length, 0),
			);
		});

		it('generateBatches leaves more leads pending in recent batches', () => {
			const batches = generateBatches({ count: 2000, seed: 6, now: NOW, spanHours: 24 * 7 });
			const pendingShare = (list: EnrichmentBatch[]) => {
				const leads = list.flatMap((b) => b.leads);
				return leads.filter((l) => l.status === 'PENDING').length / leads.length;
			};
			const hourAgo = NOW.getTime() - 3_600_000;
			const recent = batches.filter((b) => Date.parse(b.created) >= hourAgo);
			const old = batches.filter((b) => Date.parse(b.created) < NOW.getTime() - 24 * 3_600_000);
			assert.ok(recent.length > 0 && old.length > 0);
			assert.ok(pendingShare(recent) > 0.3, `recent pending share ${pendingShare(recent)}`);
			assert.equal(pendingShare(old), 0);
		});

		it('generateBatches makes 50,000 batches of 20 leads in well under 2 s', function () {
			this.timeout(10_000);
			// CPU time (about 0.5 s here), so a machine busy with other work does not fail the test.
			const started = process.hrtime.bigint();
			const cpu = process.cpuUsage();
			const batches = generateBatches({ count: 50_000, leadsPerBatch: 20, seed: 1, now: NOW });
			const used = process.cpuUsage(cpu);
			const cpuMs = (used.user + used.system) / 1000;
			const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
			assert.equal(batches.length, 50_000);
			assert.equal(batches[49_999].leads.length, 20);
			assert.ok(cpuMs < 2000, `took ${Math.round(cpuMs)} ms of CPU (${Math.round(wallMs)} ms wall)`);
		});

		it('formatWithOffset writes local time at the offset', () => {
			const t = Date.parse('2026-05-01T08:00:00.900Z');
			assert.equal(formatWithOffset(t, 120), '2026-05-01T10:00:00+02:00');
			assert.equal(formatWithOffset(t, -330), '2026-05-01T02:30:00-05:30');
			assert.equal(formatWithOffset(t, 0), '2026-05-01T08:00:00+00:00');
		});

		it('demoBatches spans 30 days, has recent batches in every state, and unknown values', () => {
			const batches = demoBatches(NOW);
			assert.ok(batches.length >= 35 && batches.length <= 45, `${batches.length} batches`);
			const ages = batches.map((b) => (NOW.getTime() - Date.parse(b.created)) / 3_600_000);
			assert.ok(Math.max(...ages) <= 30 * 24 && Math.max(...ages) > 20 * 24);
			assert.ok(Math.min(...ages) >= 0);
			const recent = batches.filter((_b, i) => ages[i] < 24);
			assert.ok(recent.length >= 3 && recent.length <= 8, `${recent.length} recent`);
			const leads = recent.flatMap((b) => b.leads);
			for (const status of ['PENDING', 'PROCESSED', 'FAILED']) {
				assert.ok(
					leads.some((l) => l.status === status),
					status,
				);
			}
			for (const result of [null, 'CONVERTED_TO_PROSPECT', 'NOT_CONVERTED_TO_PROSPECT', 'DUPLICATE']) {
				assert.ok(
					leads.some((l) => l.processing_result === result),
					String(result),
				);
			}
			assert.ok(
				recent.some((b) => b.leads.every((l) => l.status === 'PENDING')),
				'a batch still all pending',
			);
			assert.ok(
				recent.some((b) => b.leads.some((l) => l.status === 'PENDING') && b.leads.some((l) => l.status === 'PROCESSED')),
				'a half-done batch',
			);
			assert.deepEqual(demoBatches(NOW), batches);
		});
		it('demoAgency: key agency-key, three companies two a page, each account with batches of its own', () => {
			const agency = demoAgency(NOW);
			assert.equal(DEMO_AGENCY_KEY, 'agency-key');
			assert.equal(agency.apiKey, 'agency-key');
			assert.equal(agency.pageSize, 2);
			assert.deepEqual(
				agency.companies.map((c) => c.company),
				[
					{ id: 12345678, name: 'Acme Ltd', owner: 'maria@acme.example.com', active: true, running_campaigns: 2, email_slots: 2, linkedin_slots: 0 },
					{ id: 23456789, name: 'Globex Corporation', owner: 'hank@globex.example.com', active: true, running_campaigns: 1, email_slots: 3, linkedin_slots: 1 },
					{ id: 34567890, name: 'Initech', owner: 'bill@initech.example.com', active: false, running_campaigns: 0, email_slots: 1, linkedin_slots: 0 },
				],
			);
			const accounts = [agency.batches, ...agency.companies.map((c) => c.batches)];
			assert.deepEqual(
				accounts.map((b) => b.length),
				[3, 6, 4, 2],
			);
			const dayAgo = NOW.getTime() - 24 * 3_600_000;
			const recent = accounts.map((batches) => batches.filter((b) => Date.parse(b.created) >= dayAgo).length);
			assert.deepEqual(recent, [3, 6, 4, 0], 'Initech, inactive, has only batches older than 24 hours');
			const all = [...accounts.flat(), ...demoBatches(NOW)].map((b) => b.uuid);
			assert.equal(new Set(all).size, all.length, 'no batch uuid shared between accounts');
			assert.deepEqual(demoAgency(NOW), agency);
		});
	});

	describe('server', () => {
		const fake = useFakeServer({ batches: referenceBatches() });
		const list = (query = '') => `${fake.url}${ENRICHMENTS_PATH}${query}`;
		const auth = { 'x-api-key': KEY };

		it('records method, path, query, key and accept-encoding', async () => {
			await rawGet(list('?created_after=2026-05-01&x=1'), { ...auth, 'accept-encoding': 'br, gzip' });
			const [r] = fake.server.requests;
			assert.equal(r.method, 'GET');
			assert.equal(r.path, ENRICHMENTS_PATH);
			assert.deepEqual(r.query, { created_after: '2026-05-01', x: '1' });
			assert.ok(r.apiKey === KEY);
			assert.equal(r.acceptEncoding, 'br, gzip');
			assert.ok(Math.abs(r.at - Date.now()) < 2000);
		});

		it('answers a missing or wrong key with the documented 401, on any path', async () => {
			for (const [url, headers] of [
				[list(), {}],
				[list(), { 'x-api-key': 'nope' }],
				[`${fake.url}/elsewhere`, {}],
			] as const) {
				const answer = await rawGet(url, headers);
				assert.equal(answer.status, 401);
				assert.match(String(answer.headers['content-type']), /^application\/json/);
				assert.deepEqual(json(answer), { title: 'Unauthorized', status: 401, details: 'Invalid api key', timestamp: STAMP });
			}
		});

		it('answers an unknown path and an unknown uuid with the documented 404', async () => {
			for (const url of [`${fake.url}/rest/v2/nothing`, `${list()}/no-such-uuid`, `${list()}/`]) {
				const answer = await rawGet(url, auth);
				assert.equal(answer.status, 404);
				assert.deepEqual(json(answer), { title: 'Not Found', status: 404, details: 'Requested resource does not exist', timestamp: STAMP });
			}
		});

		for (const bad of ['2026-02-30', '2026-13-01', 'yesterday', '2026-5-1', '', '2026-05-01T00:00:00Z']) {
			it(`answers created_after=${JSON.stringify(bad)} with the documented 400`, async () => {
				const answer = await rawGet(list(`?created_after=${encodeURIComponent(bad)}`), auth);
				assert.equal(answer.status, 400);
				assert.deepEqual(json(answer), { title: 'Bad Request', status: 400, details: 'Value of created_after is incorrect.', timestamp: STAMP, extra: null });
			});
		}

		it('lists the last 24 hours by default and from UTC midnight of created_after', async () => {
			const at = (iso: string, uuid: string): EnrichmentBatch => ({ uuid, created: iso, leads: [] });
			fake.server.setBatches([
				at('2026-04-29T23:59:59+00:00', 'a'),
				at('2026-04-30T01:00:00+02:00', 'b'), // 04-29 23:00 UTC: before 04-30 in UTC
				at('2026-04-30T00:00:00Z', 'c'), // exactly midnight: included
				at('2026-04-30T20:00:00Z', 'd'), // exactly 24 h before now: included
				at('2026-05-01T19:59:59+00:00', 'e'),
				at('not a date', 'f'), // always listed
			]);
			const uuids = async (query: string) => (json(await rawGet(list(query), auth)) as { lead_enrichments: EnrichmentBatch[] }).lead_enrichments.map((b) => b.uuid);
			assert.deepEqual(await uuids(''), ['d', 'e', 'f']);
			assert.deepEqual(await uuids('?created_after=2026-04-30'), ['c', 'd', 'e', 'f']);
			assert.deepEqual(await uuids('?created_after=2026-04-29'), ['a', 'b', 'c', 'd', 'e', 'f']);
			assert.deepEqual(await uuids('?created_after=2026-05-02'), ['f']);
		});

		it('serves one batch bare, or wrapped when asked', async () => {
			const [first] = referenceBatches();
			assert.deepEqual(json(await rawGet(`${list()}/${first.uuid}`, auth)), first);
			fake.server.wrapSingle = true;
			assert.deepEqual(json(await rawGet(`${list()}/${first.uuid}`, auth)), { lead_enrichment: first });
		});

		it('gzips only when accept-encoding allows it', async () => {
			const expected = { lead_enrichments: referenceBatches() };
			const cases: Array<[Record<string, string>, string | undefined]> = [
				[{}, undefined],
				[{ 'accept-encoding': 'gzip, deflate' }, 'gzip'],
				[{ 'accept-encoding': 'deflate, gzip;q=0' }, undefined],
				[{ 'accept-encoding': '*' }, 'gzip'],
			];
			for (const [headers, encoding] of cases) {
				const answer = await rawGet(list(), { ...auth, ...headers });
				assert.equal(answer.headers['content-encoding'], encoding, JSON.stringify(headers));
				assert.equal(Number(answer.headers['content-length']), answer.body.length);
				assert.deepEqual(json(answer), expected);
			}
		});

		it('serves a changed list after setBatches, not a stale cached body', async () => {
			const first = await rawGet(list(), auth);
			fake.server.setBatches(referenceBatches().slice(1));
			const second = await rawGet(list(), auth);
			assert.equal((json(first) as { lead_enrichments: unknown[] }).lead_enrichments.length, 2);
			assert.equal((json(second) as { lead_enrichments: unknown[] }).lead_enrichments.length, 1);
		});

		it('applies failNext faults first in first out, then failAlways, and reset() clears both', async () => {
			fake.server.failNext({ kind: 'status', status: 503 }, 2);
			fake.server.failNext({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });
			fake.server.failAlways({ kind: 'empty', status: 504 });
			const statuses: number[] = [];
			let retryAfter: string | string[] | undefined;
			for (let i = 0; i < 5; i++) {
				const answer = await rawGet(list(), auth);
				statuses.push(answer.status);
				if (answer.status === 429) retryAfter = answer.headers['retry-after'];
			}
			assert.deepEqual(statuses, [503, 503, 429, 504, 504]);
			assert.equal(retryAfter, '1');
			fake.server.reset();
			assert.equal(fake.server.requests.length, 0);
			assert.equal((await rawGet(list(), auth)).status, 200);
		});

		it('status faults carry documented bodies, or a generic JSON one', async () => {
			fake.server.failNext({ kind: 'status', status: 500 });
			fake.server.failNext({ kind: 'status', status: 429 });
			fake.server.failNext({ kind: 'status', status: 418, body: '{"custom":true}' });
			assert.deepEqual(json(await rawGet(list(), auth)), {
				title: 'Internal server error',
				status: 500,
				details: 'An unexpected error has occurred. Please try again later.',
				timestamp: STAMP,
			});
			assert.deepEqual(json(await rawGet(list(), auth)), { title: 'Too Many Requests', status: 429, details: 'The server answered with status 429.', timestamp: STAMP, extra: null });
			assert.deepEqual(json(await rawGet(list(), auth)), { custom: true });
		});

		it('html, empty, badJson and json faults send what they say', async () => {
			fake.server.failNext({ kind: 'html', status: 502 });
			fake.server.failNext({ kind: 'empty', status: 503 });
			fake.server.failNext({ kind: 'badJson' });
			fake.server.failNext({ kind: 'json', body: { odd: [1] }, status: 202 });
			const html = await rawGet(list(), auth);
			assert.equal(html.status, 502);
			assert.match(String(html.headers['content-type']), /^text\/html/);
			assert.match(html.body.toString(), /<title>502 Bad Gateway<\/title>/);
			const empty = await rawGet(list(), auth);
			assert.equal(empty.status, 503);
			assert.equal(empty.body.length, 0);
			const bad = await rawGet(list(), auth);
			assert.equal(bad.status, 200);
			assert.throws(() => JSON.parse(bad.body.toString()), SyntaxError);
			const odd = await rawGet(list(), auth);
			assert.equal(odd.status, 202);
			assert.deepEqual(json(odd), { odd: [1] });
		});

		it('a truncated answer declares more bytes than it sends', async () => {
			fake.server.failNext({ kind: 'truncated' });
			const declared = await new Promise<{ length: number; got: number }>((resolve, reject) => {
				http
					.get(list(), { headers: auth, agent: false }, (res) => {
						let got = 0;
						res.on('data', (c: Buffer) => (got += c.length));
						res.on('error', () => resolve({ length: Number(res.headers['content-length']), got }));
						res.on('aborted', () => resolve({ length: Number(res.headers['content-length']), got }));
						res.on('end', () => reject(new Error('the answer should not end normally')));
					})
					.on('error', reject);
			});
			assert.equal(declared.length, JSON.stringify({ lead_enrichments: referenceBatches() }).length);
			assert.equal(declared.got, Math.floor(declared.length / 2));
		});

		it('a reset closes the connection without an answer', async () => {
			fake.server.failNext({ kind: 'reset' });
			await assert.rejects(rawGet(list(), auth), (e: NodeJS.ErrnoException) => e.code === 'ECONNRESET');
		});

		it('a huge answer streams exactly that many bytes of valid JSON', async () => {
			fake.server.failNext({ kind: 'huge', bytes: 1_000_003 });
			const answer = await rawGet(list(), auth);
			assert.equal(answer.body.length, 1_000_003);
			const body = JSON.parse(answer.body.toString()) as { lead_enrichments: unknown[]; padding: string };
			assert.deepEqual(body.lead_enrichments, []);
		});

		it('latency and delay hold the answer back', async () => {
			fake.server.latencyMs = 100;
			fake.server.failNext({ kind: 'delay', ms: 100 });
			const started = Date.now();
			const answer = await rawGet(list(), auth);
			assert.equal(answer.status, 200);
			assert.ok(Date.now() - started >= 190, `answered after ${Date.now() - started} ms`);
		});

		it('counts requests in flight, so parallel ones would show', async () => {
			fake.server.latencyMs = 100;
			await Promise.all([rawGet(list(), auth), rawGet(list(), auth), rawGet(list(), auth)]);
			assert.equal(fake.server.maxInFlight, 3);
			assert.equal(fake.server.inFlight, 0);
			fake.server.reset();
			assert.equal(fake.server.maxInFlight, 0);
		});

		it('stop() does not wait for a request that is never answered', async () => {
			const own = new FakeWoodpeckerServer();
			const url = await own.start();
			own.failAlways({ kind: 'hang' });
			const pending = rawGet(`${url}${ENRICHMENTS_PATH}`, { 'x-api-key': 'test-key' }).then(
				() => 'answered',
				() => 'failed',
			);
			await waitFor(() => own.inFlight === 1, 'the hanging request');
			const started = Date.now();
			await own.stop();
			assert.ok(Date.now() - started < 500);
			assert.equal(await pending, 'failed');
			await assert.rejects(rawGet(`${url}${ENRICHMENTS_PATH}`), (e: NodeJS.ErrnoException) => e.code === 'ECONNREFUSED');
		});
	});

	describe('agency', () => {
		const fake = useFakeServer({ batches: referenceBatches(), agency: testAgency() });
		const companies = (query = '') => `${fake.url}${COMPANIES_PATH}${query}`;
		const list = () => `${fake.url}${ENRICHMENTS_PATH}`;
		const hq = { 'x-api-key': HQ_KEY };
		const asCompany = (id: string) => ({ ...hq, 'x-company-id': id });
		const uuids = async (headers: Record<string, string>) => (json(await rawGet(list(), headers)) as { lead_enrichments: EnrichmentBatch[] }).lead_enrichments.map((b) => b.uuid);

		const ACME = { id: 12345678, name: 'Acme Ltd', owner: 'maria@acme.example.com', active: true, running_campaigns: 2, email_slots: 2, linkedin_slots: 0 };
		const GLOBEX = { id: 23456789, name: 'Globex Corporation', owner: 'hank@globex.example.com', active: false };
		const INITECH = { id: 34567890, name: 'Initech', active: true };
		const paging = (total: number, pages: number, current: number, size = 2) => ({ total_elements: total, total_pages: pages, current_page_number: current, page_size: size });
		const forbidden = (details: string) => ({ title: 'Forbidden', status: 403, details, timestamp: STAMP });
		const badRequest = (details: string) => ({ title: 'Bad Request', status: 400, details, timestamp: STAMP });

		it('lists the companies two a page, page 1 by default', async () => {
			const first = await rawGet(companies('?page=1'), hq);
			assert.equal(first.status, 200);
			assert.match(String(first.headers['content-type']), /^application\/json/);
			assert.deepEqual(json(first), { content: [ACME, GLOBEX], pagination_data: paging(3, 2, 1) });
			assert.deepEqual(json(await rawGet(companies('?page=2'), hq)), { content: [INITECH], pagination_data: paging(3, 2, 2) });
			assert.deepEqual(json(await rawGet(companies(), hq)), { content: [ACME, GLOBEX], pagination_data: paging(3, 2, 1) });
			assert.deepEqual(json(await rawGet(companies('?page=3'), hq)), { content: [], pagination_data: paging(3, 2, 3) });
		});

		it('filters by active=true and active=false', async () => {
			assert.deepEqual(json(await rawGet(companies('?active=true&page=1'), hq)), { content: [ACME, INITECH], pagination_data: paging(2, 1, 1) });
			assert.deepEqual(json(await rawGet(companies('?page=1&active=false'), hq)), { content: [GLOBEX], pagination_data: paging(1, 1, 1) });
		});

		it('counts a company without an "active" field as active', async () => {
			const agency = testAgency();
			agency.companies[2].company = { id: 34567890, name: 'Initech' };
			fake.server.setAgency(agency);
			assert.deepEqual(json(await rawGet(companies('?active=true'), hq)), { content: [ACME, { id: 34567890, name: 'Initech' }], pagination_data: paging(2, 1, 1) });
			assert.deepEqual(json(await rawGet(companies('?active=false'), hq)), { content: [GLOBEX], pagination_data: paging(1, 1, 1) });
		});

		for (const query of ['?page=0', '?page=-1', '?page=abc', '?page=1.5', '?page=', '?page=01']) {
			it(`answers ${query} with a 400`, async () => {
				const answer = await rawGet(companies(query), hq);
				assert.equal(answer.status, 400);
				assert.deepEqual(json(answer), badRequest('Value of page is incorrect.'));
			});
		}

		for (const query of ['?active=yes', '?active=TRUE', '?active=']) {
			it(`answers ${query} with a 400`, async () => {
				const answer = await rawGet(companies(query), hq);
				assert.equal(answer.status, 400);
				assert.deepEqual(json(answer), badRequest('Value of active is incorrect.'));
			});
		}

		it('lists no companies for an agency without clients: content [] and no pages', async () => {
			fake.server.setAgency({ ...testAgency(), companies: [] });
			assert.deepEqual(json(await rawGet(companies('?page=1'), hq)), { content: [], pagination_data: paging(0, 0, 1) });
		});

		it('lists as many companies a page as pageSize says', async () => {
			fake.server.setAgency({ ...testAgency(), pageSize: 1 });
			assert.deepEqual(json(await rawGet(companies('?page=3'), hq)), { content: [INITECH], pagination_data: paging(3, 3, 3, 1) });
		});

		it("serves the HQ key its own batches, and each company's with its x-company-id", async () => {
			assert.deepEqual(await uuids(hq), ['0d6c1f4e-hq00-4a1b-9c2d-000000000001']);
			assert.deepEqual(await uuids(asCompany('12345678')), ['7a1e2b3c-acme-4d5e-8f60-000000000001']);
			assert.deepEqual(await uuids(asCompany('23456789')), ['9b2c3d4e-glbx-4f60-9a71-000000000001']);
			assert.deepEqual(await uuids(asCompany('34567890')), []);
			assert.deepEqual(await uuids({ 'x-api-key': KEY }), ['e345310f-cfa7-42e3-b2fc-d888a332a899', 'eed003ca-b107-4126-bdb6-b5638737d508'], 'the plain account keeps its own');
		});

		it('looks a batch up only in the account the request acts as', async () => {
			const acmeBatch = `${list()}/7a1e2b3c-acme-4d5e-8f60-000000000001`;
			const found = await rawGet(acmeBatch, asCompany('12345678'));
			assert.equal(found.status, 200);
			assert.deepEqual(json(found), testAgency().companies[0].batches[0]);
			for (const headers of [hq, asCompany('23456789'), { 'x-api-key': KEY }]) assert.equal((await rawGet(acmeBatch, headers)).status, 404);
			assert.equal((await rawGet(`${list()}/0d6c1f4e-hq00-4a1b-9c2d-000000000001`, hq)).status, 200);
			assert.equal((await rawGet(`${list()}/0d6c1f4e-hq00-4a1b-9c2d-000000000001`, asCompany('12345678'))).status, 404);
		});

		it('forbids an id that is not a client of the agency, on every path', async () => {
			for (const url of [list(), `${list()}/7a1e2b3c-acme-4d5e-8f60-000000000001`, companies()]) {
				const answer = await rawGet(url, asCompany('99'));
				assert.equal(answer.status, 403, url);
				assert.deepEqual(json(answer), forbidden('No access to company 99'));
			}
		});

		for (const id of ['abc', '0', '-12345678', '012345678', '12345678.0', '1e3', '', '99999999999999999999']) {
			it(`answers the x-company-id ${JSON.stringify(id)} with a 400`, async () => {
				const answer = await rawGet(list(), asCompany(id));
				assert.equal(answer.status, 400);
				assert.deepEqual(json(answer), badRequest('Value of x-company-id is incorrect.'));
			});
		}

		it('answers the company list acting as a client company with 403 No Agency addon', async () => {
			const answer = await rawGet(companies(), asCompany('12345678'));
			assert.equal(answer.status, 403);
			assert.deepEqual(json(answer), forbidden('No Agency addon'));
		});

		it('answers a key without the add-on with 403 No Agency addon, for the list and for x-company-id', async () => {
			for (const [url, headers] of [
				[companies(), { 'x-api-key': KEY }],
				[companies('?page=2&active=true'), { 'x-api-key': KEY }],
				[list(), { 'x-api-key': KEY, 'x-company-id': '12345678' }],
			] as const) {
				const answer = await rawGet(url, headers);
				assert.equal(answer.status, 403, url);
				assert.deepEqual(json(answer), forbidden('No Agency addon'));
			}
		});

		it('answers a wrong key with the documented 401 on the agency path too', async () => {
			const answer = await rawGet(companies(), { 'x-api-key': 'nope', 'x-company-id': '12345678' });
			assert.equal(answer.status, 401);
			assert.deepEqual(json(answer), { title: 'Unauthorized', status: 401, details: 'Invalid api key', timestamp: STAMP });
		});

		it('records the x-company-id header as received', async () => {
			await rawGet(list(), asCompany('12345678'));
			await rawGet(list(), hq);
			assert.deepEqual(
				fake.server.requests.map((r) => r.companyId),
				['12345678', undefined],
			);
		});

		it('removeCompany: gone from the next listing, its id then forbidden; reset() brings it back', async () => {
			assert.deepEqual(json(await rawGet(companies('?page=1'), hq)), { content: [ACME, GLOBEX], pagination_data: paging(3, 2, 1) });
			assert.equal(fake.server.removeCompany(12345678), true);
			assert.deepEqual(json(await rawGet(companies('?page=1'), hq)), { content: [GLOBEX, INITECH], pagination_data: paging(2, 1, 1) });
			const gone = await rawGet(list(), asCompany('12345678'));
			assert.equal(gone.status, 403);
			assert.deepEqual(json(gone), forbidden('No access to company 12345678'));
			assert.deepEqual(await uuids(asCompany('23456789')), ['9b2c3d4e-glbx-4f60-9a71-000000000001'], 'the others stay');
			assert.equal(fake.server.removeCompany(12345678), false, 'already gone');
			assert.equal(fake.server.removeCompany(99), false, 'never a client');
			fake.server.reset();
			assert.deepEqual(await uuids(asCompany('12345678')), ['7a1e2b3c-acme-4d5e-8f60-000000000001']);
			assert.deepEqual(json(await rawGet(companies('?page=1'), hq)), { content: [ACME, GLOBEX], pagination_data: paging(3, 2, 1) });
		});

		it('setAgency(false) drops the HQ key; reset() puts back the agency given at construction', async () => {
			fake.server.setAgency(false);
			assert.equal((await rawGet(companies(), hq)).status, 401);
			assert.equal(fake.server.removeCompany(12345678), false, 'no agency, no company to remove');
			fake.server.reset();
			assert.deepEqual(await uuids(hq), ['0d6c1f4e-hq00-4a1b-9c2d-000000000001']);
			fake.server.setAgency({ ...testAgency(), pageSize: 1 });
			fake.server.reset();
			assert.deepEqual(json(await rawGet(companies(), hq)), { content: [ACME, GLOBEX], pagination_data: paging(3, 2, 1) });
		});

		it("refuses an agency whose HQ key is the plain account's, or a page size below 1", () => {
			assert.throws(() => fake.server.setAgency({ ...testAgency(), apiKey: KEY }), /the agency's HQ key must differ from apiKey/);
			for (const pageSize of [0, -1, 1.5]) {
				assert.throws(() => fake.server.setAgency({ ...testAgency(), pageSize }), new RegExp(`pageSize must be a positive whole number, not ${pageSize}`));
			}
		});

		it('applies faults to the agency endpoints like to any other', async () => {
			fake.server.failNext({ kind: 'status', status: 500 });
			assert.equal((await rawGet(companies('?page=2'), hq)).status, 500);
			assert.equal((await rawGet(companies('?page=2'), hq)).status, 200);
		});

		it('serves no agency when told agency: false, and the demo agency by default', async () => {
			const none = new FakeWoodpeckerServer({ apiKey: KEY, agency: false, now: () => NOW });
			const byDefault = new FakeWoodpeckerServer({ apiKey: KEY, now: () => NOW });
			try {
				const noneUrl = await none.start();
				const defaultUrl = await byDefault.start();
				assert.equal((await rawGet(`${noneUrl}${COMPANIES_PATH}`, { 'x-api-key': DEMO_AGENCY_KEY })).status, 401);
				assert.deepEqual(json(await rawGet(`${noneUrl}${COMPANIES_PATH}`, { 'x-api-key': KEY })), forbidden('No Agency addon'));
				const demo = json(await rawGet(`${defaultUrl}${COMPANIES_PATH}?page=2`, { 'x-api-key': DEMO_AGENCY_KEY })) as { content: Array<{ id: number }>; pagination_data: unknown };
				assert.deepEqual([demo.content.map((c) => c.id), demo.pagination_data], [[34567890], paging(3, 2, 2)]);
			} finally {
				await none.stop();
				await byDefault.stop();
			}
		});
	});

	describe('cli', () => {
		it('prints its URL and key, serves the demo data, and stops on SIGTERM', async function () {
			this.timeout(10_000);
			const cli = path.join(__dirname, '..', '..', 'fake', 'cli.js');
			const child = spawn(process.execPath, [cli, '--port', '0', '--batches', '7', '--key', 'demo-key'], { stdio: ['ignore', 'pipe', 'pipe'] });
			try {
				let out = '';
				child.stdout.on('data', (c: Buffer) => (out += c.toString()));
				await waitFor(() => out.includes('\n'), 'the CLI to print its address', 5000);
				const m = /^Fake Woodpecker API listening on (http:\/\/127\.0\.0\.1:\d+) \(API key: demo-key\)$/m.exec(out);
				assert.ok(m, out);
				const answer = await rawGet(`${m[1]}${ENRICHMENTS_PATH}`, { 'x-api-key': 'demo-key' });
				assert.equal((json(answer) as { lead_enrichments: unknown[] }).lead_enrichments.length, 7);
				await waitFor(() => out.includes('Agency HQ key'), 'the CLI to print the agency key', 5000);
				assert.match(out, /^Agency HQ key: agency-key \(3 client companies, x-company-id 12345678, 23456789, 34567890\)$/m);
				const companies = json(await rawGet(`${m[1]}${COMPANIES_PATH}`, { 'x-api-key': 'agency-key' })) as { pagination_data: { total_elements: number } };
				assert.equal(companies.pagination_data.total_elements, 3);
				const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
				child.kill('SIGTERM');
				assert.equal(await exited, 0);
			} finally {
				if (child.exitCode === null) child.kill('SIGKILL');
			}
		});
	});
});
