// Calendar-date checks the client runs before sending created_after.
import * as assert from 'node:assert/strict';
import { describeInvalidDate, localIsoDate, utcIsoDate } from '../../../src/api/dates';

const valid = (text: string) => describeInvalidDate(text) === undefined;

describe('api/dates', () => {
	describe('a real YYYY-MM-DD date', () => {
		for (const good of ['2026-05-01', '2026-01-31', '2026-12-31', '2028-02-29', '2000-02-29', '1999-12-31', '2026-04-30']) {
			it(`accepts ${good}`, () => assert.equal(valid(good), true));
		}
		for (const bad of [
			'2026-02-30',
			'2026-02-29',
			'1900-02-29',
			'2026-13-01',
			'2026-00-10',
			'2026-04-31',
			'2026-05-00',
			'2026-5-1',
			'26-05-01',
			'2026/05/01',
			' 2026-05-01',
			'2026-05-01 ',
			'2026-05-01T00:00:00Z',
			'yesterday',
			'',
			'２０２６-05-01',
		]) {
			it(`refuses ${JSON.stringify(bad)}`, () => assert.equal(valid(bad), false));
		}
	});

	describe('describeInvalidDate', () => {
		it('is undefined for a real date', () => assert.equal(describeInvalidDate('2026-05-01'), undefined));

		it('explains the expected form, with an example', () => {
			assert.equal(describeInvalidDate('yesterday'), '"yesterday" is not a date in YYYY-MM-DD form (for example 2026-05-01).');
		});

		it('names a month that does not exist', () => {
			assert.equal(describeInvalidDate('2026-13-01'), '2026-13-01 has no month 13: months run from 01 to 12.');
		});

		it('gives the real length of the month', () => {
			assert.equal(describeInvalidDate('2026-02-30'), '2026-02-30 does not exist: that month has 28 days.');
			assert.equal(describeInvalidDate('2028-02-30'), '2028-02-30 does not exist: that month has 29 days.');
			assert.equal(describeInvalidDate('2026-04-31'), '2026-04-31 does not exist: that month has 30 days.');
		});
	});

	describe('utcIsoDate', () => {
		it('writes the UTC calendar date of an instant', () => {
			assert.equal(utcIsoDate(Date.UTC(2026, 0, 5, 23, 59, 59, 999)), '2026-01-05');
			assert.equal(utcIsoDate(Date.UTC(2026, 11, 31, 0, 0, 0)), '2026-12-31');
		});
	});

	describe('localIsoDate', () => {
		it('writes the local calendar date, zero-padded', () => {
			assert.equal(localIsoDate(new Date(2026, 0, 5, 0, 0, 0)), '2026-01-05');
			assert.equal(localIsoDate(new Date(2026, 11, 31, 23, 59, 59, 999)), '2026-12-31');
		});

		it('round-trips through isValidIsoDate for every day of a leap year', () => {
			const seen = new Set<string>();
			for (let day = 1; day <= 366; day++) {
				const text = localIsoDate(new Date(2028, 0, day, 12));
				assert.equal(valid(text), true, text);
				seen.add(text);
			}
			assert.equal(seen.size, 366);
			assert.ok(seen.has('2028-02-29'));
		});
	});
});
