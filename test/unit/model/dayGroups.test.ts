import * as assert from 'node:assert/strict';
import { UNKNOWN_DAY, dayRelation, groupByDay, localDayKey, msUntilNextDay } from '../../../src/model/dayGroups';
import { inTimeZone } from '../timeZone';

const HOUR_MS = 3_600_000;

/** Groups ISO instants (newest first) and returns each day's key with its instants. */
function days(created: string[]): Array<[string, string[]]> {
	return groupByDay(created, (c) => Date.parse(c)).map((g) => [g.key, g.items]);
}

describe('days of batches', () => {
	describe('in Los Angeles (DST from 8 March 2026, back on 1 November)', () => {
		inTimeZone('America/Los_Angeles');

		it('puts batches under their local calendar day, newest day first', () => {
			assert.deepEqual(days(['2026-05-04T07:00:00Z', '2026-05-04T06:59:00Z', '2026-05-03T15:00:00-07:00', '2026-05-03T07:00:00Z', '2026-05-03T06:59:59Z']), [
				['2026-05-04', ['2026-05-04T07:00:00Z']],
				['2026-05-03', ['2026-05-04T06:59:00Z', '2026-05-03T15:00:00-07:00', '2026-05-03T07:00:00Z']],
				['2026-05-02', ['2026-05-03T06:59:59Z']],
			]);
		});

		it('keeps the whole 23-hour day of the spring change as one day', () => {
			// 8 March runs from 08:00Z (00:00 PST) to 07:00Z on the 9th (00:00 PDT).
			const groups = groupByDay(['2026-03-09T06:59:00Z', '2026-03-08T10:30:00Z', '2026-03-08T09:59:00Z', '2026-03-08T08:00:00Z', '2026-03-08T07:59:59Z'], (c) => Date.parse(c));
			assert.deepEqual(
				groups.map((g) => [g.key, g.items.length, g.date]),
				[
					['2026-03-08', 4, { year: 2026, month: 3, day: 8 }],
					['2026-03-07', 1, { year: 2026, month: 3, day: 7 }],
				],
			);
		});

		it('keeps the whole 25-hour day of the autumn change as one day', () => {
			// 1 November runs from 07:00Z (00:00 PDT) to 08:00Z on the 2nd (00:00 PST); 01:30 happens twice.
			assert.deepEqual(
				days(['2026-11-02T07:59:00Z', '2026-11-01T09:30:00Z', '2026-11-01T08:30:00Z', '2026-11-01T07:00:00Z', '2026-11-01T06:59:00Z']).map(([k, v]) => [k, v.length]),
				[
					['2026-11-01', 4],
					['2026-10-31', 1],
				],
			);
		});

		it('puts batches whose time does not parse in a last group, "unknown"', () => {
			const groups = groupByDay([Date.parse('2026-05-04T18:00:00Z'), Number.NaN, Number.NaN], (t) => t);
			assert.deepEqual(
				groups.map((g) => [g.key, g.items.length, g.date]),
				[
					['2026-05-04', 1, { year: 2026, month: 5, day: 4 }],
					[UNKNOWN_DAY, 2, undefined],
				],
			);
			assert.deepEqual(
				groupByDay([Number.NaN], (t) => t).map((g) => g.key),
				[UNKNOWN_DAY],
			);
			assert.deepEqual(
				groupByDay([], (t: number) => t),
				[],
			);
		});

		it('keeps one group per day even for items out of order, the unknown day last', () => {
			const t = (iso: string) => Date.parse(iso);
			const groups = groupByDay([t('2026-05-04T18:00:00Z'), Number.NaN, t('2026-05-02T18:00:00Z'), t('2026-05-04T17:00:00Z')], (x) => x);
			assert.deepEqual(
				groups.map((g) => [g.key, g.items.length]),
				[
					['2026-05-04', 2],
					['2026-05-02', 1],
					[UNKNOWN_DAY, 1],
				],
			);
		});

		it('says Today and Yesterday by calendar day, not by 24-hour spans, across midnight and DST', () => {
			// Half past midnight on 9 March (PDT): 8 March (23 hours long) is yesterday, 7 March is not.
			const now = new Date('2026-03-09T07:30:00Z');
			assert.equal(localDayKey(now), '2026-03-09');
			assert.equal(dayRelation('2026-03-09', now), 'today');
			assert.equal(dayRelation('2026-03-08', now), 'yesterday');
			assert.equal(dayRelation('2026-03-07', now), 'other');
			assert.equal(dayRelation(UNKNOWN_DAY, now), 'unknown');
			// A minute before midnight the day is still the 8th.
			const before = new Date('2026-03-09T06:59:00Z');
			assert.equal(dayRelation('2026-03-08', before), 'today');
			assert.equal(dayRelation('2026-03-07', before), 'yesterday');
			// Over the first of the month and the year.
			assert.equal(dayRelation('2025-12-31', new Date(2026, 0, 1, 0, 5)), 'yesterday');
			assert.equal(dayRelation('2026-02-28', new Date(2026, 2, 1, 12)), 'yesterday');
			assert.equal(dayRelation('2026-05-05', new Date(2026, 4, 4, 23, 59)), 'other', 'a batch from tomorrow (a clock ahead) is a date');
		});

		it('finds the next local midnight, 23 or 25 hours away on DST days', () => {
			assert.equal(msUntilNextDay(new Date('2026-03-08T08:00:00Z')), 23 * HOUR_MS, 'midnight of 8 March to midnight of the 9th');
			assert.equal(msUntilNextDay(new Date('2026-11-01T07:00:00Z')), 25 * HOUR_MS);
			assert.equal(msUntilNextDay(new Date('2026-05-04T06:59:30Z')), 30_000);
			assert.equal(msUntilNextDay(new Date('2026-05-04T07:00:00Z')), 24 * HOUR_MS);
		});
	});

	describe('in Santiago (the spring change skips midnight: 6 September 2026 begins at 01:00)', () => {
		inTimeZone('America/Santiago');

		it('groups and names the day that has no midnight', () => {
			// 01:30 CLST on the 6th, and 23:59 CLT on the 5th.
			assert.deepEqual(
				days(['2026-09-06T04:30:00Z', '2026-09-06T03:59:00Z']).map(([k]) => k),
				['2026-09-06', '2026-09-05'],
			);
			const now = new Date('2026-09-06T15:00:00Z');
			assert.equal(dayRelation('2026-09-06', now), 'today');
			assert.equal(dayRelation('2026-09-05', now), 'yesterday');
			assert.equal(msUntilNextDay(new Date('2026-09-05T23:00:00-04:00')), HOUR_MS, 'from 23:00 on the 5th, the 6th begins an hour later (at 01:00)');
		});
	});

	describe('in Kiritimati (UTC+14)', () => {
		inTimeZone('Pacific/Kiritimati');

		it('reads the day in local time, a calendar day ahead of UTC', () => {
			assert.deepEqual(
				days(['2026-05-04T10:00:00Z', '2026-05-04T09:59:00Z']).map(([k]) => k),
				['2026-05-05', '2026-05-04'],
			);
			assert.equal(dayRelation('2026-05-05', new Date('2026-05-04T10:00:00Z')), 'today');
		});
	});
});
