// The retry policy on its own: Retry-After in both of its forms, the backoff's bounds, when to stop.
import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { WoodpeckerApiError, toApiError } from '../../../src/api/errors';
import { DEFAULT_RETRY, delayBefore, parseRetryAfter, withRetries } from '../../../src/api/retry';

const NOW = Date.parse('2026-10-21T07:28:00Z');
const http = (status: number, retryAfterMs?: number) => new WoodpeckerApiError({ kind: 'http', status, title: 't', message: `HTTP ${status}`, retryAfterMs });

describe('api/retry', () => {
	describe('parseRetryAfter', () => {
		it('reads delta-seconds, whole or not, around spaces', () => {
			assert.equal(parseRetryAfter('120', NOW), 120_000);
			assert.equal(parseRetryAfter(' 1.5 ', NOW), 1500);
			assert.equal(parseRetryAfter('0', NOW), 0);
			assert.equal(parseRetryAfter('1.25', NOW), 1250);
		});

		it('takes nothing else for delta-seconds: a unit, a sign, a lone point', () => {
			assert.equal(parseRetryAfter('5s', NOW), undefined);
			assert.equal(parseRetryAfter('120 seconds', NOW), undefined);
			assert.equal(parseRetryAfter('+5', NOW), undefined);
			assert.equal(parseRetryAfter('5.', NOW), undefined);
		});

		it('reads an HTTP date as the time left until then', () => {
			assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', NOW), 30_000);
			assert.equal(parseRetryAfter('Wed, 21 Oct 2026 08:28:00 GMT', NOW), 3_600_000);
		});

		it('treats a date already past as "now", and nonsense as absent', () => {
			assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', NOW), 0);
			assert.equal(parseRetryAfter('soon', NOW), undefined);
			assert.equal(parseRetryAfter('', NOW), undefined);
			assert.equal(parseRetryAfter(null, NOW), undefined);
			assert.equal(parseRetryAfter('-5', NOW), undefined);
		});
	});

	describe('delayBefore', () => {
		const policy = { ...DEFAULT_RETRY, baseDelayMs: 500, maxDelayMs: 8000 };
		it('doubles from the base, half fixed and half random, capped', () => {
			assert.equal(
				delayBefore(2, {}, policy, () => 0),
				250,
			);
			assert.equal(
				delayBefore(2, {}, policy, () => 0.999999),
				500,
			);
			assert.equal(
				delayBefore(3, {}, policy, () => 0),
				500,
			);
			assert.equal(
				delayBefore(4, {}, policy, () => 0.5),
				1500,
			);
			assert.equal(
				delayBefore(10, {}, policy, () => 0),
				4000,
				'capped at maxDelayMs',
			);
			assert.equal(
				delayBefore(10, {}, policy, () => 0.999999),
				8000,
			);
		});

		it("takes the server's Retry-After as it is", () => {
			assert.equal(
				delayBefore(2, { retryAfterMs: 1234 }, policy, () => 0.5),
				1234,
			);
			assert.equal(
				delayBefore(2, { retryAfterMs: 0 }, policy, () => 0.5),
				0,
			);
		});
	});

	describe('withRetries', () => {
		const fast = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 50 };
		const hooks = (log: string[]) => ({
			toError: toApiError,
			onFailure: (e: WoodpeckerApiError, n: number) => log.push(`fail ${n}: ${e.message}`),
			onRetry: (ms: number) => log.push(`wait ${ms}`),
			random: () => 0,
		});

		it('stops at the first success', async () => {
			const log: string[] = [];
			let n = 0;
			const result = await withRetries(async () => (++n < 2 ? Promise.reject(http(503)) : 'ok'), fast, hooks(log));
			assert.equal(result, 'ok');
			assert.deepEqual(log, ['fail 1: HTTP 503', 'wait 1']);
		});

		it('gives up after its attempts, with the last error', async () => {
			const log: string[] = [];
			await assert.rejects(
				withRetries(() => Promise.reject(http(500)), fast, hooks(log)),
				/HTTP 500/,
			);
			assert.deepEqual(log, ['fail 1: HTTP 500', 'wait 1', 'fail 2: HTTP 500', 'wait 1', 'fail 3: HTTP 500']);
		});

		it('does not retry what another attempt cannot fix', async () => {
			const log: string[] = [];
			await assert.rejects(
				withRetries(() => Promise.reject(http(401)), fast, hooks(log)),
				/HTTP 401/,
			);
			assert.deepEqual(log, ['fail 1: HTTP 401']);
		});

		it('gives up at once when the server asks to wait longer than it will, saying how long', async () => {
			const log: string[] = [];
			await assert.rejects(
				withRetries(() => Promise.reject(http(429, 600_000)), fast, hooks(log)),
				{ message: 'HTTP 429 Woodpecker asked to wait 10 minutes before trying again.' },
			);
			await assert.rejects(
				withRetries(() => Promise.reject(http(429, 90_000)), fast, hooks([])),
				{ message: 'HTTP 429 Woodpecker asked to wait 90 s before trying again.' },
			);
			assert.deepEqual(log, ['fail 1: HTTP 429']);
		});

		it('waits what Retry-After says when it is within bounds', async () => {
			const log: string[] = [];
			let n = 0;
			const started = Date.now();
			await withRetries(async () => (++n < 2 ? Promise.reject(http(429, 40)) : 'ok'), fast, hooks(log));
			assert.ok(Date.now() - started >= 38);
			assert.deepEqual(log, ['fail 1: HTTP 429', 'wait 40']);
		});

		it('runs without the optional hooks', async () => {
			let n = 0;
			const result = await withRetries(async () => (++n < 3 ? Promise.reject(http(503)) : 'ok'), fast, { toError: toApiError, random: () => 0 });
			assert.equal(result, 'ok');
			assert.equal(n, 3);
		});

		it('waits a Retry-After of exactly maxRetryAfterMs, and gives up on one a millisecond longer', async () => {
			const log: string[] = [];
			let n = 0;
			await withRetries(async () => (++n < 2 ? Promise.reject(http(429, 50)) : 'ok'), fast, hooks(log));
			assert.deepEqual(log, ['fail 1: HTTP 429', 'wait 50']);
			await assert.rejects(
				withRetries(() => Promise.reject(http(429, 51)), fast, hooks([])),
				{ message: 'HTTP 429 Woodpecker asked to wait 1 s before trying again.' },
			);
		});

		it('leaves no listener on the signal after waiting between attempts', async () => {
			const abort = new AbortController();
			let n = 0;
			await withRetries(async () => (++n < 3 ? Promise.reject(http(503)) : 'ok'), fast, { ...hooks([]), signal: abort.signal });
			assert.equal(getEventListeners(abort.signal, 'abort').length, 0);
		});

		it('stops at once when the signal aborts just before the wait', async () => {
			const abort = new AbortController();
			let n = 0;
			const slow = { ...fast, baseDelayMs: 10_000, maxDelayMs: 10_000 };
			const started = Date.now();
			const run = withRetries(() => (n++, Promise.reject(http(503))), slow, { ...hooks([]), signal: abort.signal, onRetry: () => abort.abort() });
			await assert.rejects(run, { kind: 'aborted', message: 'The request was cancelled.' });
			assert.ok(Date.now() - started < 1000);
			assert.equal(n, 1);
		});

		it('stops waiting between attempts as soon as the signal aborts', async () => {
			const abort = new AbortController();
			const slow = { ...fast, baseDelayMs: 10_000, maxDelayMs: 10_000 };
			const started = Date.now();
			const run = withRetries(() => Promise.reject(http(503)), slow, { ...hooks([]), signal: abort.signal, random: () => 1 });
			setTimeout(() => abort.abort(), 20);
			await assert.rejects(run, (e: WoodpeckerApiError) => e.kind === 'aborted');
			assert.ok(Date.now() - started < 1000);
			assert.equal(getEventListeners(abort.signal, 'abort').length, 0, 'the wait left its listener on the signal');
		});
	});
});
