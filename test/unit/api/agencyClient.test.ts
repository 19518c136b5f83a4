// The client for an agency: the x-company-id header on every request (and what it refuses to
// send), and listCompanies against the fake API's agency.
import * as assert from 'node:assert/strict';
import { WoodpeckerClient, type FetchInit, type FetchLike } from '../../../src/api/client';
import { referenceBatches } from '../../fake/data';
import { COMPANIES_PATH, ENRICHMENTS_PATH } from '../../fake/server';
import { assertNoKey, delay, FAST_RETRY, HQ_KEY, KEY, rejection, testAgency, useFakeServer, waitFor } from './support';

const BASE = 'https://api.example.test';
const LIST_URL = `${BASE}${ENRICHMENTS_PATH}`;
const BATCH = { uuid: 'u-1', created: '2026-05-01T10:00:00Z', leads: [] };

/** A fetch double answering `text` with 200, recording each call's URL and headers. */
function recordingFetch(text: (url: string) => string): { fetch: FetchLike; calls: Array<{ url: string; init: FetchInit }> } {
	const calls: Array<{ url: string; init: FetchInit }> = [];
	const fetch: FetchLike = async (url, init) => {
		calls.push({ url, init });
		return { status: 200, statusText: 'OK', headers: { get: () => null }, text: async () => text(url) };
	};
	return { fetch, calls };
}

const answerFor = (url: string) => (url === LIST_URL ? '{"lead_enrichments":[]}' : JSON.stringify(BATCH));

describe('WoodpeckerClient for a client company (x-company-id)', () => {
	it('sends x-company-id in decimal with the list and the lookup, beside the usual headers', async () => {
		const { fetch, calls } = recordingFetch(answerFor);
		const client = new WoodpeckerClient({ apiKey: 'not-a-real-key', baseUrl: BASE, fetch, companyId: 12345678 });
		await client.listEnrichments();
		await client.getEnrichment('u-1');
		assert.deepEqual(
			calls.map((c) => [c.url, c.init.headers]),
			[
				[LIST_URL, { 'x-api-key': 'not-a-real-key', accept: 'application/json', 'accept-encoding': 'gzip, deflate', connection: 'keep-alive', 'x-company-id': '12345678' }],
				[`${LIST_URL}/u-1`, { 'x-api-key': 'not-a-real-key', accept: 'application/json', 'accept-encoding': 'gzip, deflate', connection: 'keep-alive', 'x-company-id': '12345678' }],
			],
		);
	});

	it('sends no x-company-id without a companyId', async () => {
		const { fetch, calls } = recordingFetch(answerFor);
		const client = new WoodpeckerClient({ apiKey: KEY, baseUrl: BASE, fetch });
		await client.listEnrichments();
		await client.getEnrichment('u-1');
		assert.equal(calls.length, 2);
		for (const call of calls) assert.equal('x-company-id' in call.init.headers, false, call.url);
	});

	for (const [id, header] of [
		[1, '1'],
		[Number.MAX_SAFE_INTEGER, '9007199254740991'],
	] as const) {
		it(`writes the company id ${header} as plain digits`, async () => {
			const { fetch, calls } = recordingFetch(answerFor);
			await new WoodpeckerClient({ apiKey: KEY, baseUrl: BASE, fetch, companyId: id }).listEnrichments();
			assert.equal(calls[0].init.headers['x-company-id'], header);
		});
	}

	const impossible: Array<[number, string]> = [
		[0, '0'],
		[-5, '-5'],
		[1.5, '1.5'],
		[Number.NaN, 'NaN'],
		[Number.POSITIVE_INFINITY, 'Infinity'],
		[2 ** 53, '9007199254740992'],
		['42' as unknown as number, 'a string'],
	];
	for (const [id, shown] of impossible) {
		it(`refuses the company id ${shown} on every request kind, sending nothing`, async () => {
			const { fetch, calls } = recordingFetch(answerFor);
			const client = new WoodpeckerClient({ apiKey: KEY, baseUrl: BASE, fetch, companyId: id });
			for (const call of [() => client.listEnrichments(), () => client.getEnrichment('u-1')]) {
				const err = await rejection(call());
				assert.deepEqual(
					[err.kind, err.status, err.title, err.message],
					['invalid-request', 0, 'Invalid company id', `A Woodpecker company id is a positive whole number, not ${shown}. Choose the company again from the agency's list.`],
				);
			}
			assert.equal(calls.length, 0);
		});
	}

	it('names the company in its log lines, and never the key', async () => {
		const logged: Array<[string, string]> = [];
		const log = { info: (m: string) => logged.push(['info', m]), warn: (m: string) => logged.push(['warn', m]) };
		const answers = ['{"details":"Busy"}', '{"lead_enrichments":[]}'];
		const fetch: FetchLike = async () => {
			const text = answers.shift()!;
			const status = text.includes('Busy') ? 503 : 200;
			return { status, statusText: status === 200 ? 'OK' : 'Service Unavailable', headers: { get: (name: string) => (name === 'retry-after' ? '0' : null) }, text: async () => text };
		};
		await new WoodpeckerClient({ apiKey: KEY, baseUrl: BASE, fetch, log, companyId: 77 }).listEnrichments();
		assert.deepEqual(
			logged.map(([level, m]) => [level, m.replace(/ -?\d+ ms/, ' N ms')]),
			[
				['warn', `GET ${LIST_URL} (company 77) failed (attempt 1/3) after N ms: Busy. (HTTP 503 Service Unavailable)`],
				['info', 'Retrying in N ms'],
				['info', `GET ${LIST_URL} (company 77) → 200 in N ms (23 B)`],
			],
		);
		logged.forEach(([, line], i) => assert.ok(!line.includes(KEY), `log line ${i} contains the API key`));
	});
});

describe('WoodpeckerClient.listCompanies against the fake agency', () => {
	const fake = useFakeServer({ batches: referenceBatches(), agency: testAgency() });
	const hq = (overrides: Parameters<typeof fake.client>[0] = {}) => fake.client({ apiKey: HQ_KEY, ...overrides });

	const ACME = { id: 12345678, name: 'Acme Ltd', owner: 'maria@acme.example.com', active: true, running_campaigns: 2, email_slots: 2, linkedin_slots: 0 };
	const GLOBEX = { id: 23456789, name: 'Globex Corporation', owner: 'hank@globex.example.com', active: false };
	const INITECH = { id: 34567890, name: 'Initech', active: true };
	const asked = () => fake.server.requests.map((r) => [r.path, r.query]);

	it('reads both pages, in order, and returns every company as it came', async () => {
		assert.deepEqual(await hq().listCompanies(), [ACME, GLOBEX, INITECH]);
		assert.deepEqual(asked(), [
			[COMPANIES_PATH, { page: '1' }],
			[COMPANIES_PATH, { page: '2' }],
		]);
		fake.server.requests.forEach((r, i) => {
			assert.ok(r.apiKey === HQ_KEY, `request ${i} did not carry the HQ key`);
			assert.equal(r.companyId, undefined);
		});
	});

	it('passes active=true and active=false with every page', async () => {
		assert.deepEqual(await hq().listCompanies({ active: true }), [ACME, INITECH]);
		assert.deepEqual(await hq().listCompanies({ active: false }), [GLOBEX]);
		assert.deepEqual(asked(), [
			[COMPANIES_PATH, { page: '1', active: 'true' }],
			[COMPANIES_PATH, { page: '1', active: 'false' }],
		]);
		fake.server.setAgency({ ...testAgency(), pageSize: 1 });
		fake.server.requests.length = 0;
		assert.deepEqual(await hq().listCompanies({ active: true }), [ACME, INITECH]);
		assert.deepEqual(asked(), [
			[COMPANIES_PATH, { page: '1', active: 'true' }],
			[COMPANIES_PATH, { page: '2', active: 'true' }],
		]);
	});

	it('stops at total_pages: three pages of one, and no fourth request', async () => {
		fake.server.setAgency({ ...testAgency(), pageSize: 1 });
		assert.deepEqual(await hq().listCompanies(), [ACME, GLOBEX, INITECH]);
		assert.deepEqual(
			asked().map(([, q]) => q),
			[{ page: '1' }, { page: '2' }, { page: '3' }],
		);
	});

	it('returns [] for an agency without clients, after one request', async () => {
		fake.server.setAgency({ ...testAgency(), companies: [] });
		assert.deepEqual(await hq().listCompanies(), []);
		assert.equal(fake.server.requests.length, 1);
	});

	it('queues each page on its own: never two requests in flight, other calls taking turns between pages', async () => {
		fake.server.latencyMs = 30;
		const client = hq();
		const [companies, batches] = await Promise.all([client.listCompanies(), client.listEnrichments()]);
		assert.deepEqual(companies, [ACME, GLOBEX, INITECH]);
		assert.deepEqual(
			batches.map((b) => b.uuid),
			['0d6c1f4e-hq00-4a1b-9c2d-000000000001'],
		);
		assert.equal(fake.server.maxInFlight, 1);
		assert.deepEqual(asked(), [
			[COMPANIES_PATH, { page: '1' }],
			[ENRICHMENTS_PATH, {}],
			[COMPANIES_PATH, { page: '2' }],
		]);
	});

	it('retries a page that failed on its own, and goes on', async () => {
		fake.server.failNext({ kind: 'delay', ms: 0 });
		fake.server.failNext({ kind: 'status', status: 503 });
		assert.deepEqual(await hq().listCompanies(), [ACME, GLOBEX, INITECH]);
		assert.deepEqual(
			asked().map(([, q]) => q),
			[{ page: '1' }, { page: '2' }, { page: '2' }],
		);
	});

	it('rejects a 200 that is no company list as an unexpected response', async () => {
		fake.server.failNext({ kind: 'json', body: { lead_enrichments: [] } });
		const err = await rejection(hq().listCompanies());
		assert.deepEqual(
			[err.kind, err.status, err.title, err.message],
			[
				'invalid-response',
				200,
				'Unexpected response',
				'Woodpecker sent an unexpected response: it is not a list of agency companies (it has no "content" list). Check the woodpecker.apiBaseUrl setting; if it points at Woodpecker, the API may have changed.',
			],
		);
		assert.equal(fake.server.requests.length, 1);
	});

	it('rejects a bad second page, though the first was good', async () => {
		fake.server.failNext({ kind: 'delay', ms: 0 });
		fake.server.failNext({ kind: 'json', body: { content: [{ id: '34567890', name: 'Initech' }], pagination_data: { total_pages: 2, current_page_number: 2 } } });
		const err = await rejection(hq().listCompanies());
		assert.equal(err.kind, 'invalid-response');
		assert.equal(err.message, 'Woodpecker sent an unexpected response: content[0] has no numeric "id". Check the woodpecker.apiBaseUrl setting; if it points at Woodpecker, the API may have changed.');
	});

	it("rejects a key without the agency add-on with the server's 403 and its details, asked once", async () => {
		const err = await rejection(fake.client().listCompanies());
		assert.deepEqual([err.kind, err.status, err.title, err.details, err.message], ['http', 403, 'Forbidden', 'No Agency addon', 'No Agency addon. (HTTP 403 Forbidden)']);
		assert.equal(err.retryable, false);
		assert.equal(fake.server.requests.length, 1);
		assertNoKey(err);
	});

	it('an already-aborted signal sends nothing', async () => {
		const err = await rejection(hq().listCompanies({ signal: AbortSignal.abort() }));
		assert.equal(err.kind, 'aborted');
		assert.equal(fake.server.requests.length, 0);
	});

	it('an abort during the second page rejects at once and asks for nothing more', async () => {
		fake.server.setAgency({ ...testAgency(), pageSize: 1 });
		fake.server.failNext({ kind: 'delay', ms: 0 });
		fake.server.failNext({ kind: 'delay', ms: 2000 });
		const controller = new AbortController();
		const call = rejection(hq().listCompanies({ signal: controller.signal }));
		await waitFor(() => fake.server.requests.length === 2, 'the second page');
		const abortedAt = Date.now();
		controller.abort();
		const err = await call;
		assert.equal(err.kind, 'aborted');
		assert.ok(Date.now() - abortedAt < 250, `took ${Date.now() - abortedAt} ms to reject`);
		await delay(50);
		assert.equal(fake.server.requests.length, 2);
	});

	it('logs each page like any request, without the key and without the body', async () => {
		const logged: string[] = [];
		const log = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m) };
		await hq({ log }).listCompanies({ active: true });
		assert.deepEqual(
			logged.map((m) => m.replace(/ \d+ ms \(\d+(\.\d)? K?B\)$/, ' N ms (size)')),
			[`GET ${fake.url}${COMPANIES_PATH}?page=1&active=true → 200 in N ms (size)`],
		);
		for (const line of logged) {
			assert.ok(!line.includes(HQ_KEY), 'a log line contains the API key');
			assert.ok(!line.includes('Acme'), 'a log line contains the body');
		}
	});
});

describe('WoodpeckerClient acting as a company of the fake agency', () => {
	const fake = useFakeServer({ batches: referenceBatches(), agency: testAgency() });
	const asAcme = () => fake.client({ apiKey: HQ_KEY, companyId: 12345678 });
	const ACME_BATCH = '7a1e2b3c-acme-4d5e-8f60-000000000001';

	it('carries x-company-id on the list, the lookup and the company list alike', async () => {
		const client = asAcme();
		assert.deepEqual(
			(await client.listEnrichments()).map((b) => b.uuid),
			[ACME_BATCH],
		);
		assert.equal((await client.getEnrichment(ACME_BATCH)).uuid, ACME_BATCH);
		// A client company has no agency add-on of its own.
		const err = await rejection(client.listCompanies());
		assert.deepEqual([err.status, err.details], [403, 'No Agency addon']);
		assert.deepEqual(
			fake.server.requests.map((r) => [r.path, r.companyId]),
			[
				[ENRICHMENTS_PATH, '12345678'],
				[`${ENRICHMENTS_PATH}/${ACME_BATCH}`, '12345678'],
				[COMPANIES_PATH, '12345678'],
			],
		);
	});

	it("sees another company's batch as unknown, and the HQ's own without the header", async () => {
		const hidden = await rejection(asAcme().getEnrichment('0d6c1f4e-hq00-4a1b-9c2d-000000000001'));
		assert.equal(hidden.status, 404);
		assert.deepEqual(
			(await fake.client({ apiKey: HQ_KEY }).listEnrichments()).map((b) => b.uuid),
			['0d6c1f4e-hq00-4a1b-9c2d-000000000001'],
		);
		assert.equal(fake.server.requests[1].companyId, undefined);
	});

	it('a company that left the agency: its next request gets the 403 of an unknown id, not retried', async () => {
		const client = asAcme();
		assert.equal((await client.listEnrichments()).length, 1);
		fake.server.removeCompany(12345678);
		const err = await rejection(client.listEnrichments());
		assert.deepEqual([err.kind, err.status, err.details, err.message], ['http', 403, 'No access to company 12345678', 'No access to company 12345678. (HTTP 403 Forbidden)']);
		assert.equal(fake.server.requests.length, 2);
		assert.deepEqual(await fake.client({ apiKey: HQ_KEY, retry: FAST_RETRY }).listCompanies(), [
			{ id: 23456789, name: 'Globex Corporation', owner: 'hank@globex.example.com', active: false },
			{ id: 34567890, name: 'Initech', active: true },
		]);
	});
});
