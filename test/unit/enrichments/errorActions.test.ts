import * as assert from 'node:assert/strict';
import { WoodpeckerApiError, type WoodpeckerErrorKind } from '../../../src/api/client';
import { actionsFor } from '../../../src/enrichments/errorActions';

const err = (kind: WoodpeckerErrorKind, status = 0, title = 'x') => new WoodpeckerApiError({ kind, status, title, message: 'm' });

describe('error actions', () => {
	it('offers Set API Key for a rejected or missing key', () => {
		assert.deepEqual(actionsFor(err('http', 401), true), ['Set API Key', 'Show Log']);
		assert.deepEqual(actionsFor(err('invalid-request', 0, 'No API key'), true), ['Set API Key']);
	});

	it('offers Retry for passing faults, when a retry is possible', () => {
		for (const e of [err('http', 500), err('http', 429), err('network'), err('timeout'), err('invalid-response', 200)]) {
			assert.deepEqual(actionsFor(e, true), ['Retry', 'Show Log']);
			assert.deepEqual(actionsFor(e, false), ['Show Log']);
		}
	});

	it('offers Open Settings when the address or a setting is wrong', () => {
		assert.deepEqual(actionsFor(err('http', 404), true), ['Open Settings', 'Show Log']);
		assert.deepEqual(actionsFor(err('http', 302), true), ['Open Settings', 'Show Log']);
		assert.deepEqual(actionsFor(err('invalid-request', 0, 'Unsafe API address'), true), ['Open Settings', 'Show Log']);
	});
});
