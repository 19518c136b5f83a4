// Shared pieces of the API unit tests: a fake server per suite, a fast client, key-leak checks.
import * as assert from 'node:assert/strict';
import { WoodpeckerApiError, WoodpeckerClient, type WoodpeckerClientOptions } from '../../../src/api/client';
import type { EnrichmentBatch } from '../../../src/api/types';
import { referenceBatches } from '../../fake/data';
import { FakeWoodpeckerServer, type FakeAgency, type FakeServerOptions } from '../../fake/server';

/** Looks like a real key, so a leak would be recognisable; assertions never print it. */
export const KEY = 'wpk_7d1f3c9e0b2a4c68SECRET5e1a9b7c3d';

/** The fake server's clock: the reference batches (08:00Z and 08:10Z that day) are 12 h old. */
export const NOW = new Date('2026-05-01T20:00:00Z');

/** Older than the default 24 hours, so only a created_after cutoff lists them. */
export function olderBatches(): EnrichmentBatch[] {
	return [
		{
			uuid: '5b0e7c1a-3f2d-4e8b-9a61-0c7d2e4f8a10',
			created: '2026-04-20T09:30:00+02:00',
			leads: [
				{ uid: 'Xq3vR8sT1uVw2xYz4AbCdE_0012', status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' },
				{ uid: 'Xq3vR8sT1uVw2xYz4AbCdE_0013', status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' },
			],
		},
		{
			uuid: '9c4d2b8e-6a1f-4c3d-8e2b-7f5a1d9c3e60',
			created: '2026-04-28T16:45:00+02:00',
			leads: [{ uid: 'Lm9nO0pQ1rS2tU3vW4xY5z_0000', status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' }],
		},
	];
}

/** The agency HQ key of testAgency(); like KEY, assertions never print it. */
export const HQ_KEY = 'wpk_0a9b8c7d6e5f4a3bHQSECRET2c1d0e9f8a';

/**
 * An agency small enough to write out: its HQ's own batch, and three companies two a page
 * (Acme active, Globex inactive, Initech active with no batches).
 */
export function testAgency(): FakeAgency {
	return {
		apiKey: HQ_KEY,
		batches: [{ uuid: '0d6c1f4e-hq00-4a1b-9c2d-000000000001', created: '2026-05-01T18:00:00Z', leads: [{ uid: 'HqLeadAaaaaaaaaaaaaaaa_0000', status: 'PENDING', processing_result: null }] }],
		companies: [
			{
				company: { id: 12345678, name: 'Acme Ltd', owner: 'maria@acme.example.com', active: true, running_campaigns: 2, email_slots: 2, linkedin_slots: 0 },
				batches: [{ uuid: '7a1e2b3c-acme-4d5e-8f60-000000000001', created: '2026-05-01T19:00:00Z', leads: [{ uid: 'AcmeLeadBbbbbbbbbbbbbb_0000', status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' }] }],
			},
			{
				company: { id: 23456789, name: 'Globex Corporation', owner: 'hank@globex.example.com', active: false },
				batches: [{ uuid: '9b2c3d4e-glbx-4f60-9a71-000000000001', created: '2026-05-01T17:00:00Z', leads: [] }],
			},
			{ company: { id: 34567890, name: 'Initech', active: true }, batches: [] },
		],
		pageSize: 2,
	};
}

/** Every batch the suites' server holds, oldest first. */
export function allBatches(): EnrichmentBatch[] {
	return [...olderBatches(), ...referenceBatches()];
}

/** Retries fast enough for a unit suite; Retry-After still honoured up to 1.5 s. */
export const FAST_RETRY = { baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 1500 };

export interface FakeServerHandle {
	readonly server: FakeWoodpeckerServer;
	readonly url: string;
	/** A client for this server with the test key and fast retries. */
	client(overrides?: Partial<WoodpeckerClientOptions>): WoodpeckerClient;
}

/** Starts one fake server for the enclosing describe(), reset before each test, stopped after. */
export function useFakeServer(options: FakeServerOptions = {}): FakeServerHandle {
	let server: FakeWoodpeckerServer | undefined;
	let url = '';
	const handle: FakeServerHandle = {
		get server() {
			assert.ok(server, 'fake server not started');
			return server;
		},
		get url() {
			return url;
		},
		client: (overrides = {}) => new WoodpeckerClient({ apiKey: KEY, baseUrl: url, timeoutMs: 5000, retry: FAST_RETRY, ...overrides }),
	};
	before(async () => {
		server = new FakeWoodpeckerServer({ apiKey: KEY, batches: allBatches(), now: () => NOW, ...options });
		url = await server.start();
	});
	beforeEach(() => {
		const s = handle.server;
		s.reset();
		s.apiKey = options.apiKey ?? KEY;
		s.latencyMs = options.latencyMs ?? 0;
		s.wrapSingle = options.wrapSingle ?? false;
		s.setBatches(options.batches ?? allBatches());
	});
	after(async () => {
		await server?.stop();
	});
	return handle;
}

/** Awaits `promise`, asserts it rejected with a WoodpeckerApiError, and returns that error. */
export async function rejection(promise: Promise<unknown>): Promise<WoodpeckerApiError> {
	try {
		await promise;
	} catch (e) {
		assert.ok(e instanceof WoodpeckerApiError, `expected a WoodpeckerApiError, got ${e instanceof Error ? e.name : typeof e}`);
		return e;
	}
	assert.fail('expected the call to reject');
}

/** Asserts the key appears nowhere a user, a log or a crash report could see it. Never prints it. */
export function assertNoKey(err: WoodpeckerApiError, key = KEY): void {
	const views: Record<string, string> = {
		'err.message': err.message,
		'String(err)': String(err),
		'JSON.stringify(err)': JSON.stringify(err),
		'err.stack': err.stack ?? '',
		'err.details': err.details ?? '',
		'err.title': err.title,
	};
	for (const [where, text] of Object.entries(views)) assert.ok(!text.includes(key), `${where} contains the API key`);
}

/** Asserts every request the server saw carried the test key, without printing it on failure. */
export function assertSentKey(server: FakeWoodpeckerServer, key = KEY): void {
	assert.ok(server.requests.length > 0, 'no request reached the server');
	server.requests.forEach((r, i) => assert.ok(r.apiKey === key, `request ${i} did not carry the configured x-api-key`));
}

/** Resolves after `ms`. */
export function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `condition` holds (or fails after `timeoutMs`). */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
		await delay(5);
	}
}
