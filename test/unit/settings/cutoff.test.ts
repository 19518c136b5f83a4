import * as assert from 'node:assert/strict';
import { createdAfterFor, describeCutoff, parseStoredCutoff, validateCutoffDate } from '../../../src/settings/cutoff';

describe('cutoff', () => {
	const now = new Date(2026, 10, 26, 12, 0, 0); // 26 Nov 2026, local time

	it('sends no created_after for the API default', () => {
		assert.equal(createdAfterFor({ kind: 'default' }, now), undefined);
	});

	it('turns "last N days" into a local date N days back', () => {
		assert.equal(createdAfterFor({ kind: 'days', days: 7 }, now), '2026-11-19');
		assert.equal(createdAfterFor({ kind: 'days', days: 30 }, now), '2026-10-27');
	});

	it('sends a specific date as it is', () => {
		assert.equal(createdAfterFor({ kind: 'date', date: '2026-05-01' }, now), '2026-05-01');
	});

	it('describes each cutoff', () => {
		assert.equal(describeCutoff({ kind: 'default' }), 'last 24 hours');
		assert.equal(describeCutoff({ kind: 'days', days: 30 }), 'last 30 days');
		assert.equal(describeCutoff({ kind: 'date', date: '2026-05-01' }), 'since 2026-05-01');
	});

	it('accepts real past dates and today', () => {
		assert.equal(validateCutoffDate('2026-05-01', now), undefined);
		assert.equal(validateCutoffDate(' 2026-11-26 ', now), undefined);
		assert.equal(validateCutoffDate('2024-02-29', now), undefined);
	});

	it('refuses impossible, ill-formed and future dates with a reason', () => {
		assert.match(validateCutoffDate('2026-02-30', now)!, /does not exist: that month has 28 days/);
		assert.match(validateCutoffDate('2026-13-01', now)!, /no month 13/);
		assert.match(validateCutoffDate('yesterday', now)!, /YYYY-MM-DD/);
		assert.match(validateCutoffDate('2026-11-27', now)!, /in the future/);
		assert.match(validateCutoffDate('', now)!, /YYYY-MM-DD/);
		assert.match(validateCutoffDate('2025-02-29', now)!, /28 days/);
	});

	it('reads back stored cutoffs and falls back to the default on anything foreign', () => {
		assert.deepEqual(parseStoredCutoff({ kind: 'days', days: 7 }), { kind: 'days', days: 7 });
		assert.deepEqual(parseStoredCutoff({ kind: 'date', date: '2026-05-01' }), { kind: 'date', date: '2026-05-01' });
		for (const junk of [undefined, null, 'x', { kind: 'date', date: '2026-02-30' }, { kind: 'days', days: -1 }, { kind: 'days', days: 1.5 }, { kind: 'other' }]) {
			assert.deepEqual(parseStoredCutoff(junk), { kind: 'default' });
		}
	});
});
