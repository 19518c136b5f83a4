// The client acting for an agency's client company: the x-company-id header on every request,
// and what it refuses to send.
import * as assert from 'node:assert/strict';
import { WoodpeckerClient, type FetchInit, type FetchLike } from '../../../src/api/client';
import { ENRICHMENTS_PATH } from '../../fake/server';
import { KEY, rejection } from './support';

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
