// One HTTP attempt against a fetch double: what it sends, its size bounds exactly at the limit,
// how each kind of body is read or left unread, and that it leaves nothing behind.
import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { Readable } from 'node:stream';
import type { WoodpeckerApiError } from '../../../src/api/errors';
import { type AttemptOptions, type FetchInit, type FetchLike, type FetchResponseLike, attempt } from '../../../src/api/transport';

const ADDRESS = 'https://api.woodpecker.co/rest/v2/lead_finder/leads/enrichments';
const HEADERS = { 'x-api-key': 'k', accept: 'application/json' };
const options = (o: Partial<AttemptOptions> = {}): AttemptOptions => ({ headers: HEADERS, timeoutMs: 5000, maxBytes: 1024, ...o });

interface Answer {
	status?: number;
	statusText?: string;
	headers?: Record<string, string>;
	/** Read by text() when there is no stream body. */
	text?: string;
	body?: unknown;
}

/** A fetch double that answers `answer` and counts what is done to the response. */
function fetchOf(answer: Answer) {
	const seen = { calls: 0, textCalls: 0, init: undefined as FetchInit | undefined };
	const fetch: FetchLike = async (_url, init) => {
		seen.calls++;
		seen.init = init;
		const res: FetchResponseLike = {
			status: answer.status ?? 200,
			statusText: answer.statusText,
			headers: { get: (name) => answer.headers?.[name] ?? null },
			body: answer.body,
			text: async () => {
				seen.textCalls++;
				return answer.text ?? '';
			},
		};
		return res;
	};
	return { fetch, seen };
}

/** A body with a destroy() that counts its calls, and no stream events (so text() is read). */
function destroyable() {
	const body = { destroyed: 0, destroy: () => void body.destroyed++ };
	return body;
}

/** A Node stream body that sends `chunks` one per tick, then ends (or does `ending`). */
function streamOf(chunks: Buffer[], ending: 'end' | 'close' | Error = 'end'): Readable {
	const body = new Readable({ read() {} });
	let i = 0;
	const next = () => {
		if (i < chunks.length) {
			body.push(chunks[i++]);
			return void setImmediate(next);
		}
		if (ending === 'end') body.push(null);
		else if (ending === 'close') body.destroy();
		else body.destroy(ending);
	};
	setImmediate(next);
	return body;
}

async function failure(promise: Promise<unknown>): Promise<WoodpeckerApiError> {
	try {
		await promise;
	} catch (e) {
		return e as WoodpeckerApiError;
	}
	assert.fail('expected the attempt to fail');
}

/** A JSON error body of exactly `bytes` bytes carrying `details`. */
function errorBodyOf(bytes: number, details: string): string {
	const head = `{"details":"${details}","pad":"`;
	return `${head}${'x'.repeat(bytes - head.length - 2)}"}`;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('api/transport attempt', () => {
	it('sends one GET with the headers and its own signal, and never follows a redirect', async () => {
		const { fetch, seen } = fetchOf({ text: '{"ok":true}' });
		const caller = new AbortController();
		const result = await attempt(fetch, ADDRESS, options({ signal: caller.signal }));
		assert.deepEqual(result, { json: { ok: true }, bytes: 11, status: 200 });
		assert.equal(seen.calls, 1);
		assert.deepEqual({ method: seen.init?.method, headers: seen.init?.headers, redirect: seen.init?.redirect }, { method: 'GET', headers: HEADERS, redirect: 'manual' });
		assert.notEqual(seen.init?.signal, caller.signal);
	});

	it("leaves no listener on the caller's signal and no timer running, however it ends", async () => {
		const caller = new AbortController();
		const good = fetchOf({ text: '{}' });
		await attempt(good.fetch, ADDRESS, options({ signal: caller.signal, timeoutMs: 30 }));
		assert.equal(getEventListeners(caller.signal, 'abort').length, 0);
		await failure(attempt(fetchOf({ status: 500, text: '' }).fetch, ADDRESS, options({ signal: caller.signal })));
		assert.equal(getEventListeners(caller.signal, 'abort').length, 0);
		// Had the timer been left running, it would abort the request's signal after the answer.
		await new Promise((resolve) => setTimeout(resolve, 60));
		assert.equal(good.seen.init?.signal.aborted, false);
	});

	describe('aborts and timeouts', () => {
		it('sends nothing for a signal already aborted', async () => {
			const { fetch, seen } = fetchOf({ text: '{}' });
			const err = await failure(attempt(fetch, ADDRESS, options({ signal: AbortSignal.abort() })));
			assert.equal(err.kind, 'aborted');
			assert.equal(seen.calls, 0);
		});

		/** A fetch that answers only by failing, with `thrown`, once its signal aborts. */
		const waitingFetch =
			(thrown: Error): FetchLike =>
			(_url, init) =>
				new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(thrown)));

		it("reports a caller's abort as aborted, whatever the fetch threw", async () => {
			const caller = new AbortController();
			const pending = failure(attempt(waitingFetch(new Error('network gone')), ADDRESS, options({ signal: caller.signal })));
			setTimeout(() => caller.abort(), 10);
			const err = await pending;
			assert.equal(err.kind, 'aborted');
			assert.equal(err.message, 'The request was cancelled.');
			assert.equal(getEventListeners(caller.signal, 'abort').length, 0);
		});

		it('reports its own timeout as a timeout', async () => {
			const err = await failure(attempt(waitingFetch(new Error('network gone')), ADDRESS, options({ timeoutMs: 50 })));
			assert.equal(err.kind, 'timeout');
			assert.equal(err.message, 'Woodpecker did not answer within 0.1 s. Retry, or raise the woodpecker.requestTimeoutSeconds setting.');
		});

		it('passes anything else the fetch threw through as it was', async () => {
			const thrown = new Error('getaddrinfo ENOTFOUND');
			const err = await failure(attempt(() => Promise.reject(thrown), ADDRESS, options()));
			assert.equal(err, thrown);
		});
	});

	describe('statuses', () => {
		it('answers a redirect (300 to 399) with an error naming it, its body unread and destroyed', async () => {
			for (const status of [300, 302, 399]) {
				const body = destroyable();
				const { fetch, seen } = fetchOf({ status, statusText: 'Moved', headers: { location: 'https://elsewhere.example/x' }, body, text: '{}' });
				const err = await failure(attempt(fetch, ADDRESS, options()));
				assert.equal(err.kind, 'http');
				assert.equal(err.status, status);
				assert.ok(err.message.startsWith("Woodpecker's address answered with a redirect to https://elsewhere.example. "), err.message);
				assert.equal(body.destroyed, 1);
				assert.equal(seen.textCalls, 0);
			}
		});

		it('answers a redirect whose body is missing or cannot be destroyed all the same', async () => {
			for (const body of [null, undefined, {}]) {
				const err = await failure(attempt(fetchOf({ status: 301, body }).fetch, ADDRESS, options()));
				assert.equal(err.status, 301, String(body));
			}
		});

		it('takes 200 to 299 as answers and anything else as errors', async () => {
			assert.equal((await attempt(fetchOf({ status: 299, text: '[]' }).fetch, ADDRESS, options())).status, 299);
			for (const status of [100, 199, 400]) {
				const err = await failure(attempt(fetchOf({ status, text: '[]' }).fetch, ADDRESS, options()));
				assert.equal(err.kind, 'http', String(status));
				assert.equal(err.status, status);
			}
		});

		it("reads an error answer's body and its Retry-After", async () => {
			const err = await failure(attempt(fetchOf({ status: 503, statusText: 'Service Unavailable', headers: { 'retry-after': '2' }, text: '{"details":"Busy"}' }).fetch, ADDRESS, options()));
			assert.equal(err.message, 'Busy. (HTTP 503 Service Unavailable)');
			assert.equal(err.retryAfterMs, 2000);
		});
	});

	describe('size bounds', () => {
		it('reads a body of exactly maxBytes, and refuses one byte more', async () => {
			const exact = `"${'a'.repeat(1022)}"`;
			assert.deepEqual(await attempt(fetchOf({ text: exact }).fetch, ADDRESS, options()), { json: 'a'.repeat(1022), bytes: 1024, status: 200 });
			const err = await failure(attempt(fetchOf({ text: `"${'a'.repeat(1023)}"` }).fetch, ADDRESS, options()));
			assert.equal(err.kind, 'too-large');
			assert.equal(err.message, "Woodpecker's answer is larger than 1.0 KB, so it was not loaded. Choose a later cutoff to fetch fewer batches.");
		});

		it('counts bytes, not characters', async () => {
			const err = await failure(attempt(fetchOf({ text: `"${'é'.repeat(600)}"` }).fetch, ADDRESS, options()));
			assert.equal(err.kind, 'too-large');
			assert.equal((await attempt(fetchOf({ text: '"é"' }).fetch, ADDRESS, options())).bytes, 4);
		});

		it('reads a declared content-length of exactly maxBytes', async () => {
			const exact = `"${'a'.repeat(1022)}"`;
			const body = destroyable();
			const { fetch, seen } = fetchOf({ headers: { 'content-length': '1024' }, body, text: exact });
			assert.equal((await attempt(fetch, ADDRESS, options())).bytes, 1024);
			assert.equal(seen.textCalls, 1);
			assert.equal(body.destroyed, 0);
		});

		it('refuses a declared content-length over maxBytes without reading, and destroys the body', async () => {
			const body = destroyable();
			const { fetch, seen } = fetchOf({ headers: { 'content-length': '1025' }, body, text: '{}' });
			const err = await failure(attempt(fetch, ADDRESS, options()));
			assert.equal(err.kind, 'too-large');
			assert.equal(seen.textCalls, 0);
			assert.equal(body.destroyed, 1);
		});

		it('reads an error body only up to maxBytes, then words the error by its status', async () => {
			const text = errorBodyOf(2000, 'Busy');
			const err = await failure(attempt(fetchOf({ status: 503, statusText: 'Service Unavailable', headers: { 'retry-after': '3' }, text }).fetch, ADDRESS, options()));
			assert.equal(err.message, 'Woodpecker is unavailable right now. Try again later. (HTTP 503 Service Unavailable)');
			assert.equal(err.details, undefined);
			assert.equal(err.retryAfterMs, 3000);
		});

		it('reads an error body of at most 1 MB even when maxBytes allows more', async () => {
			const big = options({ maxBytes: 10 * 1024 * 1024 });
			const read = await failure(attempt(fetchOf({ status: 500, statusText: 'Internal Server Error', text: errorBodyOf(1024 * 1024, 'Disk full') }).fetch, ADDRESS, big));
			assert.equal(read.message, 'Disk full. (HTTP 500 Internal Server Error)');
			const unread = await failure(attempt(fetchOf({ status: 500, statusText: 'Internal Server Error', text: errorBodyOf(1024 * 1024 + 1, 'Disk full') }).fetch, ADDRESS, big));
			assert.equal(unread.message, 'Woodpecker had an internal error. Try again later. (HTTP 500 Internal Server Error)');
			const declared = destroyable();
			const { fetch, seen } = fetchOf({ status: 500, statusText: 'Internal Server Error', headers: { 'content-length': String(1024 * 1024 + 1) }, body: declared });
			assert.equal((await failure(attempt(fetch, ADDRESS, big))).message, 'Woodpecker had an internal error. Try again later. (HTTP 500 Internal Server Error)');
			assert.equal(seen.textCalls, 0);
			assert.equal(declared.destroyed, 1);
		});
	});

	describe('a streamed body', () => {
		const kb = (n: number, fill = 0x20) => Buffer.alloc(n, fill);

		it('is read whole at exactly maxBytes, across chunks, a character split between two', async () => {
			const text = `"${'a'.repeat(1014)}Zoë😀"`;
			const bytes = Buffer.from(text);
			assert.equal(bytes.length, 1024);
			const chunks = [bytes.subarray(0, 500), bytes.subarray(500, 1021), bytes.subarray(1021)];
			assert.deepEqual(await attempt(fetchOf({ body: streamOf(chunks) }).fetch, ADDRESS, options()), { json: `${'a'.repeat(1014)}Zoë😀`, bytes: 1024, status: 200 });
		});

		it('stops at the first byte over maxBytes and destroys the stream', async () => {
			const body = streamOf([kb(1000), kb(25), kb(5000)]);
			const err = await failure(attempt(fetchOf({ body }).fetch, ADDRESS, options()));
			assert.equal(err.kind, 'too-large');
			await tick();
			assert.equal(body.destroyed, true);
		});

		it('fails with the error the stream gave', async () => {
			const broken = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
			const err = await failure(attempt(fetchOf({ body: streamOf([kb(10)], broken) }).fetch, ADDRESS, options()));
			assert.equal(err, broken);
		});

		it('fails as cut off when the stream closes without ending', async () => {
			const err = await failure(attempt(fetchOf({ body: streamOf([kb(10)], 'close') }).fetch, ADDRESS, options()));
			assert.equal(err.message, 'Premature close');
			assert.equal((err as unknown as { code: string }).code, 'ERR_STREAM_PREMATURE_CLOSE');
		});

		for (const [ending, chunks] of [
			['read whole', [Buffer.from('{}')]],
			['over the bound', [kb(2000)]],
		] as const) {
			it(`takes an error the stream gives once it is ${ending} without crashing`, async () => {
				const body = streamOf([...chunks]);
				await attempt(fetchOf({ body }).fetch, ADDRESS, options()).catch(() => undefined);
				assert.equal(body.listenerCount('error'), 1);
				// With no 'error' listener, emitting one throws (and in the extension host, crashes it).
				assert.doesNotThrow(() => body.emit('error', new Error('a late error')));
			});
		}
	});

	describe('the JSON', () => {
		const parse = (text: string) => attempt(fetchOf({ text }).fetch, ADDRESS, options());

		it('reads a body that starts with a byte order mark', async () => {
			assert.deepEqual((await parse('\ufeff{"lead_enrichments":[]}')).json, { lead_enrichments: [] });
		});

		it('says an empty or blank answer is empty', async () => {
			for (const text of ['', ' \r\n\t', '\ufeff']) {
				const err = await failure(parse(text));
				assert.equal(err.kind, 'invalid-response');
				assert.equal(err.message, 'Woodpecker sent an empty answer.', JSON.stringify(text));
			}
		});

		it('says an HTML page is one, even after blank lines', async () => {
			for (const text of ['<html></html>', '\n  <!DOCTYPE html>']) {
				assert.equal((await failure(parse(text))).message, 'Woodpecker answered with an HTML page instead of JSON; a proxy or captive portal may be in the way.');
			}
		});

		it('says other text is not JSON, a "<" inside it or not', async () => {
			for (const text of ['{"lead_enrichments":[', 'a<b', 'OK']) {
				assert.equal((await failure(parse(text))).message, "Woodpecker's answer is not valid JSON; it may have been cut off.", text);
			}
		});
	});
});
