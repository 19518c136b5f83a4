// Bounded retries: how often, how long between attempts, and when the server's Retry-After wins.
import { type WoodpeckerApiError, aborted, waitLonger } from './errors';

export interface RetryPolicy {
	/** Attempts in all, the first included. */
	attempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Longest Retry-After the client will wait for. */
	maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 30_000 };

export interface RetryHooks {
	signal?: AbortSignal;
	/** Turns whatever an attempt threw into the error to report. */
	toError(e: unknown): WoodpeckerApiError;
	/** Told of every failed attempt before the next one (or the final throw). */
	onFailure?(error: WoodpeckerApiError, attempt: number): void;
	onRetry?(delayMs: number): void;
	/** In [0, 1); Math.random by default. */
	random?: () => number;
}

/** Runs `attempt` until it succeeds, fails for good, runs out of attempts, or the signal aborts. */
export async function withRetries<T>(attempt: () => Promise<T>, policy: RetryPolicy, hooks: RetryHooks): Promise<T> {
	for (let n = 1; ; n++) {
		try {
			return await attempt();
		} catch (e) {
			const error = hooks.toError(e);
			hooks.onFailure?.(error, n);
			if (!error.retryable || n >= policy.attempts || hooks.signal?.aborted) throw error;
			if ((error.retryAfterMs ?? 0) > policy.maxRetryAfterMs) throw waitLonger(error);
			const delay = delayBefore(n + 1, error, policy, hooks.random ?? Math.random);
			hooks.onRetry?.(delay);
			await sleep(delay, hooks.signal);
		}
	}
}

/** The wait before attempt `next` (2 for the first retry): the server's Retry-After, else exponential backoff with jitter. */
export function delayBefore(next: number, error: { retryAfterMs?: number }, policy: RetryPolicy, random: () => number): number {
	if (error.retryAfterMs !== undefined) return error.retryAfterMs;
	const exp = Math.min(policy.baseDelayMs * 2 ** (next - 2), policy.maxDelayMs);
	// Half fixed, half random: several windows' retries do not arrive together.
	return Math.round(exp / 2 + random() * (exp / 2));
}

/** Retry-After as milliseconds (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
	if (!value) return undefined;
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	// An HTTP date names its day and month ("Wed, 21 Oct 2026 07:28:00 GMT"); Date.parse would also take "-5".
	if (!/[a-z]/i.test(text)) return undefined;
	const at = Date.parse(text);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Resolves after `ms`, or rejects with an abort error as soon as `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(aborted());
		const onAbort = () => {
			clearTimeout(timer);
			reject(aborted());
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}
