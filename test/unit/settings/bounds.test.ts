import * as assert from 'node:assert/strict';
import { BOUNDS, clampSetting } from '../../../src/settings/bounds';

describe('setting bounds', () => {
	const timeout = (v: unknown) => clampSetting('requestTimeoutSeconds', v, BOUNDS.requestTimeoutSeconds);
	const auto = (v: unknown) => clampSetting('idleRefreshMinutes', v, BOUNDS.idleRefreshMinutes);

	it('keeps values in range, and the default when nothing is set', () => {
		assert.deepEqual(timeout(30), { value: 30 });
		assert.deepEqual(timeout(1), { value: 1 });
		assert.deepEqual(timeout(600), { value: 600 });
		assert.deepEqual(timeout(undefined), { value: 30 });
		assert.deepEqual(auto(undefined), { value: 0 });
		assert.deepEqual(auto(0), { value: 0 }, '0 is off, below the minimum but allowed');
		assert.deepEqual(auto(1440), { value: 1440 });
	});

	it('clamps what would poll every few milliseconds or overflow a timer, and says so', () => {
		assert.deepEqual(auto(0.001), { value: 1, problem: 'woodpecker.idleRefreshMinutes is 0.001; using 1 (it takes whole numbers from 1 to 1440, or 0 for off).' });
		assert.deepEqual(auto(40_000), { value: 1440, problem: 'woodpecker.idleRefreshMinutes is 40000; using 1440 (it takes whole numbers from 1 to 1440, or 0 for off).' });
		assert.deepEqual(auto(-5), { value: 1, problem: 'woodpecker.idleRefreshMinutes is -5; using 1 (it takes whole numbers from 1 to 1440, or 0 for off).' });
		assert.deepEqual(timeout(0.5), { value: 1, problem: 'woodpecker.requestTimeoutSeconds is 0.5; using 1 (it takes whole numbers from 1 to 600).' });
		assert.deepEqual(timeout(1e9), { value: 600, problem: 'woodpecker.requestTimeoutSeconds is 1000000000; using 600 (it takes whole numbers from 1 to 600).' });
		assert.deepEqual(timeout(12.4), { value: 12, problem: 'woodpecker.requestTimeoutSeconds is 12.4; using 12 (it takes whole numbers from 1 to 600).' });
	});

	it('polling: 15 s at least, 0 for off, 60 s when unset', () => {
		const poll = (v: unknown) => clampSetting('pollIntervalSeconds', v, BOUNDS.pollIntervalSeconds);
		assert.deepEqual(poll(undefined), { value: 60 });
		assert.deepEqual(poll(0), { value: 0 });
		assert.deepEqual(poll(15), { value: 15 });
		assert.deepEqual(poll(5), { value: 15, problem: 'woodpecker.pollIntervalSeconds is 5; using 15 (it takes whole numbers from 15 to 3600, or 0 for off).' });
		assert.deepEqual(poll(1e6), { value: 3600, problem: 'woodpecker.pollIntervalSeconds is 1000000; using 3600 (it takes whole numbers from 15 to 3600, or 0 for off).' });
	});

	it('replaces what is not a number by the default', () => {
		assert.deepEqual(timeout('30'), { value: 30, problem: 'woodpecker.requestTimeoutSeconds is "30", not a number; using 30.' });
		assert.deepEqual(auto(Number.NaN), { value: 0, problem: 'woodpecker.idleRefreshMinutes is null, not a number; using 0.' });
		assert.deepEqual(auto(Number.POSITIVE_INFINITY), { value: 0, problem: 'woodpecker.idleRefreshMinutes is null, not a number; using 0.' });
		assert.deepEqual(timeout(null), { value: 30, problem: 'woodpecker.requestTimeoutSeconds is null, not a number; using 30.' });
	});

	it('never yields a timer beyond what setTimeout can hold (2^31 − 1 ms)', () => {
		assert.ok(BOUNDS.idleRefreshMinutes.max * 60_000 < 2 ** 31 - 1);
		assert.ok(BOUNDS.pollIntervalSeconds.max * 1000 * 2 < 2 ** 31 - 1);
		assert.ok(BOUNDS.requestTimeoutSeconds.max * 1000 < 2 ** 31 - 1);
	});
});
