// The cutoff's window and what is asked of the API, under several time zones and across DST
// changes. Expected instants are written out by hand, never computed the way the code does.
import * as assert from 'node:assert/strict';
import { type Cutoff, DEFAULT_CUTOFF, createdAfterFor, describeCutoff, parseStoredCutoff, sameCutoff, validateCutoffDate, windowStart } from '../../../src/settings/cutoff';
import { inTimeZone } from '../timeZone';

const iso = (ms: number) => new Date(ms).toISOString();
const date = (d: string): Cutoff => ({ kind: 'date', date: d });
const days = (n: number): Cutoff => ({ kind: 'days', days: n });

describe('cutoff', () => {
	describe('"last N days" is the last N × 24 hours, in any zone, across a DST change', () => {
		for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Australia/Sydney']) {
			describe(zone, () => {
				inTimeZone(zone);
				it('counts whole 24-hour days back from now', () => {
					// Los Angeles moves its clocks on 2026-03-08 (10:00Z): still exactly 7 × 24 h.
					const now = new Date('2026-03-08T12:00:00.000Z');
					assert.equal(iso(windowStart(days(1), now)), '2026-03-07T12:00:00.000Z');
					assert.equal(iso(windowStart(days(7), now)), '2026-03-01T12:00:00.000Z');
					assert.equal(iso(windowStart(days(30), now)), '2026-02-06T12:00:00.000Z');
				});
			});
		}
	});

	describe('a specific date starts at local midnight of that day', () => {
		const cases: Array<[zone: string, day: string, start: string, createdAfter: string]> = [
			['Pacific/Kiritimati', '2026-05-01', '2026-04-30T10:00:00.000Z', '2026-04-28'],
			['Pacific/Kiritimati', '2026-01-01', '2025-12-31T10:00:00.000Z', '2025-12-29'],
			// Los Angeles: PST (−8) on the day the clocks spring forward, PDT (−7) the day after; back on 1 Nov.
			['America/Los_Angeles', '2026-03-08', '2026-03-08T08:00:00.000Z', '2026-03-06'],
			['America/Los_Angeles', '2026-03-09', '2026-03-09T07:00:00.000Z', '2026-03-07'],
			['America/Los_Angeles', '2026-11-01', '2026-11-01T07:00:00.000Z', '2026-10-30'],
			['America/Los_Angeles', '2026-11-02', '2026-11-02T08:00:00.000Z', '2026-10-31'],
			// Sydney: AEDT (+11) ends on 5 Apr at 03:00, AEST (+10) until 4 Oct.
			['Australia/Sydney', '2026-04-05', '2026-04-04T13:00:00.000Z', '2026-04-03'],
			['Australia/Sydney', '2026-04-06', '2026-04-05T14:00:00.000Z', '2026-04-04'],
			['Australia/Sydney', '2026-10-04', '2026-10-03T14:00:00.000Z', '2026-10-02'],
			['Australia/Sydney', '2026-10-05', '2026-10-04T13:00:00.000Z', '2026-10-03'],
		];
		for (const zone of new Set(cases.map((c) => c[0]))) {
			describe(zone, () => {
				inTimeZone(zone);
				for (const [, day, start, createdAfter] of cases.filter((c) => c[0] === zone)) {
					it(`${day} starts at ${start} and asks for created_after=${createdAfter}`, () => {
						const startMs = windowStart(date(day), new Date('2026-12-01T00:00:00Z'));
						assert.equal(iso(startMs), start);
						assert.equal(createdAfterFor(startMs), createdAfter);
					});
				}
			});
		}
	});

	describe('created_after is early enough for every reading of the date by the server', () => {
		it('is the UTC date 36 hours before the window starts', () => {
			assert.equal(createdAfterFor(Date.parse('2026-05-10T12:00:00Z')), '2026-05-09');
			assert.equal(createdAfterFor(Date.parse('2026-05-10T11:59:59.999Z')), '2026-05-08');
			assert.equal(createdAfterFor(Date.parse('2026-05-10T00:00:00Z')), '2026-05-08');
			assert.equal(createdAfterFor(Date.parse('2026-01-01T06:00:00Z')), '2025-12-30');
		});
	});

	describe('validating a typed date', () => {
		describe('Pacific/Kiritimati (UTC+14: already tomorrow)', () => {
			inTimeZone('Pacific/Kiritimati');
			const now = new Date('2026-05-01T11:00:00Z'); // 2 May, 01:00 there
			it("takes today in the user's own calendar, and refuses tomorrow", () => {
				assert.equal(validateCutoffDate('2026-05-02', now), undefined);
				assert.equal(validateCutoffDate('2026-05-03', now), '2026-05-03 is in the future; choose today or an earlier date.');
			});
		});
		describe('America/Los_Angeles (still yesterday)', () => {
			inTimeZone('America/Los_Angeles');
			const now = new Date('2026-05-01T11:00:00Z'); // 1 May, 04:00 there
			it("takes today in the user's own calendar, and refuses tomorrow", () => {
				assert.equal(validateCutoffDate(' 2026-05-01 ', now), undefined);
				assert.equal(validateCutoffDate('2026-05-02', now), '2026-05-02 is in the future; choose today or an earlier date.');
			});
		});
		it('refuses impossible, ill-formed and empty dates with a reason', () => {
			const now = new Date('2026-11-26T12:00:00Z');
			assert.equal(validateCutoffDate('2026-02-30', now), '2026-02-30 does not exist: that month has 28 days.');
			assert.equal(validateCutoffDate('2026-13-01', now), '2026-13-01 has no month 13: months run from 01 to 12.');
			assert.equal(validateCutoffDate('yesterday', now), '"yesterday" is not a date in YYYY-MM-DD form (for example 2026-05-01).');
			assert.equal(validateCutoffDate('   ', now), 'Type a date as YYYY-MM-DD, for example 2026-05-01.');
			assert.equal(validateCutoffDate('2024-02-29', now), undefined);
		});
	});

	it('describes each cutoff as the view names it', () => {
		assert.equal(describeCutoff(days(1)), 'last 24 hours');
		assert.equal(describeCutoff(days(7)), 'last 7 days');
		assert.equal(describeCutoff(days(30)), 'last 30 days');
		assert.equal(describeCutoff(date('2026-05-01')), 'since 2026-05-01');
		assert.deepEqual(DEFAULT_CUTOFF, { kind: 'days', days: 1 });
	});

	it('reads back stored cutoffs; an old "default", or anything foreign, is the last 24 hours', () => {
		assert.deepEqual(parseStoredCutoff({ kind: 'days', days: 7 }), { kind: 'days', days: 7 });
		assert.deepEqual(parseStoredCutoff({ kind: 'days', days: 3660 }), { kind: 'days', days: 3660 });
		assert.deepEqual(parseStoredCutoff({ kind: 'date', date: '2026-05-01' }), { kind: 'date', date: '2026-05-01' });
		assert.deepEqual(parseStoredCutoff({ kind: 'days', days: 1, date: '2026-05-01', extra: true }), { kind: 'days', days: 1 });
		assert.deepEqual(parseStoredCutoff({ kind: 'date', date: '2026-05-01', days: 7 }), { kind: 'date', date: '2026-05-01' });
		for (const junk of [
			undefined,
			null,
			'x',
			{ kind: 'default' },
			{ kind: 'date', date: '2026-02-30' },
			{ kind: 'date', date: 5 },
			{ kind: 'days', days: -1 },
			{ kind: 'days', days: 0 },
			{ kind: 'days', days: 3661 },
			{ kind: 'days', days: 1.5 },
			{ kind: 'days', days: '7' },
			{ kind: 'other' },
			{ days: 7 },
			{ kind: 'other', days: 7 },
			{ kind: 'other', date: '2026-05-01' },
			{ kind: 'date', date: ['2026-05-01'] },
			7,
			'days',
			true,
		]) {
			assert.deepEqual(parseStoredCutoff(junk), { kind: 'days', days: 1 }, JSON.stringify(junk));
		}
	});

	it('compares cutoffs by what they select', () => {
		assert.equal(sameCutoff(days(7), days(7)), true);
		assert.equal(sameCutoff(days(7), days(30)), false);
		assert.equal(sameCutoff(date('2026-05-01'), date('2026-05-01')), true);
		assert.equal(sameCutoff(date('2026-05-01'), date('2026-05-02')), false);
		assert.equal(sameCutoff(days(1), date('2026-05-01')), false);
		assert.equal(sameCutoff(date('2026-05-01'), days(1)), false);
	});
});
