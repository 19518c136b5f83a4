// Every way the API layer words a failure: the texts are product text, so they are pinned exactly.
import * as assert from 'node:assert/strict';
import {
	WoodpeckerApiError,
	aborted,
	badAddress,
	errorFromBody,
	formatBytes,
	httpError,
	invalidResponse,
	networkError,
	noKey,
	redirected,
	timeoutError,
	toApiError,
	tooLarge,
	unexpectedShape,
	waitLonger,
} from '../../../src/api/errors';

const HOST = 'api.woodpecker.co';
const withCode = (code: unknown, message = 'boom') => Object.assign(new Error(message), { code });

describe('api/errors', () => {
	describe('httpError', () => {
		const hints: Array<[number, string]> = [
			[400, 'Woodpecker refused the request as malformed. (HTTP 400 Bad Request)'],
			[401, 'Woodpecker did not accept the API key. Set a valid key (Woodpecker → Marketplace → Integrations → API keys). (HTTP 401 Unauthorized)'],
			[403, 'This API key is not allowed to list lead enrichments. (HTTP 403 Forbidden)'],
			[404, 'Woodpecker does not know this address. Check the woodpecker.apiBaseUrl setting. (HTTP 404 Not Found)'],
			[429, 'Woodpecker is busy with other requests from this account. Try again in a moment. (HTTP 429 Too Many Requests)'],
			[500, 'Woodpecker had an internal error. Try again later. (HTTP 500 Internal Server Error)'],
			[502, 'A gateway between you and Woodpecker failed. Try again later. (HTTP 502 Bad Gateway)'],
			[503, 'Woodpecker is unavailable right now. Try again later. (HTTP 503 Service Unavailable)'],
			[504, 'A gateway between you and Woodpecker timed out. Try again later. (HTTP 504 Gateway Timeout)'],
		];
		for (const [status, message] of hints) {
			it(`says what an HTTP ${status} without details means`, () => {
				const err = httpError(status, undefined, undefined);
				assert.equal(err.message, message);
				assert.equal(err.kind, 'http');
				assert.equal(err.status, status);
				assert.equal(err.details, undefined);
			});
		}

		it('names a status it has no hint for, with the reason phrase or a generic one', () => {
			assert.equal(httpError(418, undefined, undefined).message, "Woodpecker answered with HTTP 418. (HTTP 418 I'm a Teapot)");
			assert.equal(httpError(599, undefined, undefined).title, 'Server Error');
			assert.equal(httpError(599, undefined, undefined).message, 'Woodpecker answered with HTTP 599. (HTTP 599 Server Error)');
			assert.equal(httpError(499, undefined, undefined).title, 'HTTP Error');
			assert.equal(httpError(520, '', undefined).title, 'Server Error');
		});

		it("prefers the server's title and details, trimmed, and ends the sentence", () => {
			const err = httpError(400, '  Bad date  ', '  Value of created_after is incorrect  ');
			assert.equal(err.title, 'Bad date');
			assert.equal(err.details, 'Value of created_after is incorrect');
			assert.equal(err.message, 'Value of created_after is incorrect. (HTTP 400 Bad date)');
			assert.equal(httpError(400, 'Bad Request', 'Version 1.2 refused').message, 'Version 1.2 refused. (HTTP 400 Bad Request)');
			assert.equal(httpError(400, 'Bad Request', 'Stop!').message, 'Stop! (HTTP 400 Bad Request)');
			assert.equal(httpError(400, 'Bad Request', 'Why?').message, 'Why? (HTTP 400 Bad Request)');
		});

		it('falls back to the reason phrase and the hint when title or details are blank', () => {
			const err = httpError(404, '   ', ' \n ');
			assert.equal(err.title, 'Not Found');
			assert.equal(err.details, undefined);
			assert.equal(err.message, 'Woodpecker does not know this address. Check the woodpecker.apiBaseUrl setting. (HTTP 404 Not Found)');
		});

		it("adds what to do to the server's own 401 sentence, a note, and keeps Retry-After", () => {
			assert.equal(httpError(401, 'Unauthorized', 'Invalid api key').message, 'Invalid api key. Set a valid API key. (HTTP 401 Unauthorized)');
			const err = httpError(503, 'Service Unavailable', undefined, 'The answer had no body.', 2000);
			assert.equal(err.message, 'Woodpecker is unavailable right now. Try again later. The answer had no body. (HTTP 503 Service Unavailable)');
			assert.equal(err.retryAfterMs, 2000);
		});
	});

	describe('errorFromBody', () => {
		it("reads Woodpecker's JSON error body", () => {
			const err = errorFromBody(400, 'Bad Request', '{"title":"Bad Request","status":400,"details":"Value of created_after is incorrect."}');
			assert.equal(err.title, 'Bad Request');
			assert.equal(err.details, 'Value of created_after is incorrect.');
			assert.equal(err.message, 'Value of created_after is incorrect. (HTTP 400 Bad Request)');
		});

		it('ignores fields that are not text', () => {
			const err = errorFromBody(500, 'Internal Server Error', '{"title":5,"details":["x"]}');
			assert.equal(err.title, 'Internal Server Error');
			assert.equal(err.details, undefined);
			assert.equal(err.message, 'Woodpecker had an internal error. Try again later. (HTTP 500 Internal Server Error)');
		});

		it("says an HTML page was no JSON, keeping the proxy's own status text", () => {
			const err = errorFromBody(502, 'Proxy Error', '\n  <!DOCTYPE html><html><body>nginx</body></html>');
			assert.equal(err.title, 'Proxy Error');
			assert.equal(err.details, undefined);
			assert.equal(err.message, "A gateway between you and Woodpecker failed. Try again later. The answer was an HTML page, not Woodpecker's JSON (a proxy or gateway in between?). (HTTP 502 Proxy Error)");
			assert.equal(err.retryAfterMs, undefined);
		});

		it('says when there was no body, blank counting as none', () => {
			for (const text of ['', '  \r\n ']) {
				const err = errorFromBody(503, '', text, 1000);
				assert.equal(err.title, 'Service Unavailable');
				assert.equal(err.message, 'Woodpecker is unavailable right now. Try again later. The answer had no body. (HTTP 503 Service Unavailable)', JSON.stringify(text));
				assert.equal(err.retryAfterMs, 1000);
			}
		});

		it('adds no note to plain text, even with a "<" inside it', () => {
			assert.equal(errorFromBody(503, 'Service Unavailable', 'Down: 1 < 2').message, 'Woodpecker is unavailable right now. Try again later. (HTTP 503 Service Unavailable)');
		});
	});

	describe('redirected', () => {
		const url = 'https://api.woodpecker.co/rest/v2/lead_finder/leads/enrichments';

		it('names where it pointed, origin only', () => {
			const err = redirected(301, undefined, 'https://new.woodpecker.co/rest/v2/x?key=1', url);
			assert.equal(err.kind, 'http');
			assert.equal(err.status, 301);
			assert.equal(err.title, 'Moved Permanently');
			assert.equal(err.retryable, false);
			assert.equal(
				err.message,
				"Woodpecker's address answered with a redirect to https://new.woodpecker.co. The API key is only sent to the address in woodpecker.apiBaseUrl: if Woodpecker has moved, set that setting to its new address. (HTTP 301 Moved Permanently)",
			);
		});

		it('reads a relative Location against the address asked, and trims the status text', () => {
			const err = redirected(307, '  Temporary Redirect  ', '/elsewhere', 'http://127.0.0.1:3000/rest/v2/x');
			assert.equal(err.title, 'Temporary Redirect');
			assert.ok(err.message.startsWith("Woodpecker's address answered with a redirect to http://127.0.0.1:3000. "), err.message);
		});

		it('says only that it redirected when there is no usable Location', () => {
			const tail = '. The API key is only sent to the address in woodpecker.apiBaseUrl: if Woodpecker has moved, set that setting to its new address.';
			assert.equal(redirected(302, 'Found', null, url).message, `Woodpecker's address answered with a redirect${tail} (HTTP 302 Found)`);
			assert.equal(redirected(308, '', 'http://[bad', url).message, `Woodpecker's address answered with a redirect${tail} (HTTP 308 Permanent Redirect)`);
		});
	});

	describe('networkError', () => {
		const cases: Array<[string, unknown, string]> = [
			['ENOTFOUND', withCode('ENOTFOUND'), `Could not find ${HOST}. Make sure you are online; behind a proxy, set http.proxy.`],
			['EAI_AGAIN', withCode('EAI_AGAIN'), `Could not find ${HOST}. Make sure you are online; behind a proxy, set http.proxy.`],
			[
				'ECONNREFUSED in the cause (Node fetch)',
				new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }),
				`${HOST} refused the connection. Make sure woodpecker.apiBaseUrl is right and, behind a proxy, that http.proxy is set.`,
			],
			['ECONNRESET', withCode('ECONNRESET'), `The connection to ${HOST} closed before the answer was complete. Retry in a moment.`],
			['ERR_STREAM_PREMATURE_CLOSE', withCode('ERR_STREAM_PREMATURE_CLOSE'), `The connection to ${HOST} closed before the answer was complete. Retry in a moment.`],
			['"socket hang up" without a code', new Error('socket hang up'), `The connection to ${HOST} closed before the answer was complete. Retry in a moment.`],
			['"Premature close" without a code', new Error('Premature close'), `The connection to ${HOST} closed before the answer was complete. Retry in a moment.`],
			['"terminated" (Node fetch)', new TypeError('terminated'), `The connection to ${HOST} closed before the answer was complete. Retry in a moment.`],
			[
				'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
				withCode('UNABLE_TO_VERIFY_LEAF_SIGNATURE'),
				`The certificate of ${HOST} could not be verified (UNABLE_TO_VERIFY_LEAF_SIGNATURE). A proxy that inspects secure traffic may be in the way: ask your IT team for its certificate, or set http.proxy.`,
			],
			[
				'SELF_SIGNED_CERT_IN_CHAIN',
				withCode('SELF_SIGNED_CERT_IN_CHAIN'),
				`The certificate of ${HOST} could not be verified (SELF_SIGNED_CERT_IN_CHAIN). A proxy that inspects secure traffic may be in the way: ask your IT team for its certificate, or set http.proxy.`,
			],
			[
				'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
				withCode('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'),
				`The certificate of ${HOST} could not be verified (UNABLE_TO_GET_ISSUER_CERT_LOCALLY). A proxy that inspects secure traffic may be in the way: ask your IT team for its certificate, or set http.proxy.`,
			],
			['ETIMEDOUT', withCode('ETIMEDOUT'), `Could not reach ${HOST} (ETIMEDOUT). Make sure you are online; behind a proxy, set http.proxy.`],
			['ENETUNREACH', withCode('ENETUNREACH'), `Could not reach ${HOST} (ENETUNREACH). Make sure you are online; behind a proxy, set http.proxy.`],
			['EHOSTUNREACH', withCode('EHOSTUNREACH'), `Could not reach ${HOST} (EHOSTUNREACH). Make sure you are online; behind a proxy, set http.proxy.`],
			['another code', withCode('EPROTO'), `Could not reach ${HOST} (EPROTO). Make sure you are online and that woodpecker.apiBaseUrl and, behind a proxy, http.proxy are right.`],
			['no code', new Error('something odd'), `Could not reach ${HOST}. Make sure you are online and that woodpecker.apiBaseUrl and, behind a proxy, http.proxy are right.`],
			['a code that is no text', withCode(42, 'socket 42'), `Could not reach ${HOST}. Make sure you are online and that woodpecker.apiBaseUrl and, behind a proxy, http.proxy are right.`],
			['a message that is no text', { message: ['socket hang up'] }, `Could not reach ${HOST}. Make sure you are online and that woodpecker.apiBaseUrl and, behind a proxy, http.proxy are right.`],
			['null', null, `Could not reach ${HOST}. Make sure you are online and that woodpecker.apiBaseUrl and, behind a proxy, http.proxy are right.`],
		];
		for (const [what, e, message] of cases) {
			it(`words ${what}`, () => {
				const err = networkError(e, HOST);
				assert.equal(err.message, message);
				assert.equal(err.kind, 'network');
				assert.equal(err.title, 'Network error');
				assert.equal(err.status, 0);
			});
		}
	});

	describe('waitLonger', () => {
		const http429 = (retryAfterMs: number) => httpError(429, 'Too Many Requests', 'Slow down', undefined, retryAfterMs);

		it('says the wait in seconds below two minutes, in minutes from two on', () => {
			assert.equal(waitLonger(http429(119_000)).message, 'Slow down. (HTTP 429 Too Many Requests) Woodpecker asked to wait 119 s before trying again.');
			assert.equal(waitLonger(http429(119_001)).message, 'Slow down. (HTTP 429 Too Many Requests) Woodpecker asked to wait 2 minutes before trying again.');
			assert.equal(waitLonger(http429(120_000)).message, 'Slow down. (HTTP 429 Too Many Requests) Woodpecker asked to wait 2 minutes before trying again.');
			assert.equal(waitLonger(http429(150_000)).message, 'Slow down. (HTTP 429 Too Many Requests) Woodpecker asked to wait 3 minutes before trying again.');
		});

		it('keeps everything else of the error', () => {
			const err = waitLonger(http429(600_000));
			assert.deepEqual([err.kind, err.status, err.title, err.details, err.retryAfterMs], ['http', 429, 'Too Many Requests', 'Slow down', 600_000]);
		});
	});

	describe('the errors made before or without an answer', () => {
		it('no key', () => {
			const err = noKey();
			assert.deepEqual([err.kind, err.status, err.title, err.message], ['no-key', 0, 'No API key', 'Set your Woodpecker API key first.']);
		});

		it('a bad address', () => {
			const err = badAddress('Use https.');
			assert.deepEqual([err.kind, err.title, err.message], ['bad-address', 'Unusable API address', 'Use https.']);
		});

		it('an unexpected 200', () => {
			const err = invalidResponse('Woodpecker sent an empty answer.');
			assert.deepEqual([err.kind, err.status, err.title, err.message], ['invalid-response', 200, 'Unexpected response', 'Woodpecker sent an empty answer.']);
			assert.equal(
				unexpectedShape('lead_enrichments[3] has no "uuid"').message,
				'Woodpecker sent an unexpected response: lead_enrichments[3] has no "uuid". Check the woodpecker.apiBaseUrl setting; if it points at Woodpecker, the API may have changed.',
			);
		});

		it('too large', () => {
			const err = tooLarge(1024 * 1024);
			assert.deepEqual([err.kind, err.title], ['too-large', 'Response too large']);
			assert.equal(err.message, "Woodpecker's answer is larger than 1.0 MB, so it was not loaded. Choose a later cutoff to fetch fewer batches.");
		});

		it('timed out, in seconds to one decimal', () => {
			const err = timeoutError(30_000);
			assert.deepEqual([err.kind, err.title], ['timeout', 'Timed out']);
			assert.equal(err.message, 'Woodpecker did not answer within 30 s. Retry, or raise the woodpecker.requestTimeoutSeconds setting.');
			assert.equal(timeoutError(1500).message, 'Woodpecker did not answer within 1.5 s. Retry, or raise the woodpecker.requestTimeoutSeconds setting.');
			assert.equal(timeoutError(250).message, 'Woodpecker did not answer within 0.3 s. Retry, or raise the woodpecker.requestTimeoutSeconds setting.');
		});

		it('cancelled', () => {
			const err = aborted();
			assert.deepEqual([err.name, err.kind, err.status, err.title, err.message], ['WoodpeckerApiError', 'aborted', 0, 'Cancelled', 'The request was cancelled.']);
		});
	});

	describe('toApiError', () => {
		it('passes a WoodpeckerApiError through as it is', () => {
			const err = noKey();
			assert.equal(toApiError(err), err);
		});

		it('keeps an abort an abort', () => {
			const abort = Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
			assert.equal(toApiError(abort).kind, 'aborted');
			assert.equal(toApiError(abort).message, 'The request was cancelled.');
		});

		it('calls anything else a fault of the extension, in a sentence', () => {
			const err = toApiError(new Error('disk full'));
			assert.deepEqual([err.kind, err.title], ['unexpected', 'Unexpected error']);
			assert.equal(err.message, 'Something went wrong in the Woodpecker extension: disk full. Show Log has the details.');
			assert.equal(toApiError('boom!').message, 'Something went wrong in the Woodpecker extension: boom! Show Log has the details.');
		});
	});

	describe('retryable', () => {
		const make = (kind: WoodpeckerApiError['kind'], status?: number) => new WoodpeckerApiError({ kind, status, title: 't', message: 'm' });

		it('is true for network faults, timeouts, 429 and the 5xx gateways', () => {
			for (const status of [429, 500, 502, 503, 504]) assert.equal(make('http', status).retryable, true, String(status));
			assert.equal(make('network').retryable, true);
			assert.equal(make('timeout').retryable, true);
		});

		it('is false for other statuses and for every other kind, whatever its status', () => {
			for (const status of [400, 401, 404, 501, 505]) assert.equal(make('http', status).retryable, false, String(status));
			for (const kind of ['aborted', 'invalid-response', 'too-large', 'unexpected'] as const) assert.equal(make(kind, 503).retryable, false, kind);
		});
	});

	describe('masked', () => {
		it('replaces the text in message, title and details, and keeps the rest', () => {
			const err = httpError(401, 'Unauthorized SECRET', 'Invalid api key SECRET', undefined, 5000);
			const clean = err.masked('SECRET', '***');
			assert.notEqual(clean, err);
			assert.deepEqual([clean.kind, clean.status, clean.title, clean.details, clean.retryAfterMs], ['http', 401, 'Unauthorized ***', 'Invalid api key ***', 5000]);
			assert.equal(clean.message, 'Invalid api key ***. Set a valid API key. (HTTP 401 Unauthorized ***)');
		});

		it('keeps details absent when there were none', () => {
			const clean = networkError(new Error('x'), 'SECRET.example').masked('SECRET', '***');
			assert.equal(clean.details, undefined);
			assert.equal(clean.message, 'Could not reach ***.example. Make sure you are online and that woodpecker.apiBaseUrl and, behind a proxy, http.proxy are right.');
		});

		it('returns the same error when there is nothing to mask', () => {
			const err = httpError(500, undefined, 'Oops');
			assert.equal(err.masked('SECRET', '***'), err);
			assert.equal(err.masked('', '***'), err);
			const withoutDetails = networkError(new Error('x'), HOST);
			assert.equal(withoutDetails.masked('SECRET', '***'), withoutDetails);
		});
	});

	describe('formatBytes', () => {
		it('writes bytes, then KB and MB to one decimal, switching at 1024', () => {
			assert.equal(formatBytes(0), '0 B');
			assert.equal(formatBytes(1023), '1023 B');
			assert.equal(formatBytes(1024), '1.0 KB');
			assert.equal(formatBytes(1536), '1.5 KB');
			assert.equal(formatBytes(1024 * 1024 - 1), '1024.0 KB');
			assert.equal(formatBytes(1024 * 1024), '1.0 MB');
			assert.equal(formatBytes(200 * 1024 * 1024), '200.0 MB');
		});
	});
});
