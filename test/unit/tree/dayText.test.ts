import * as assert from 'node:assert/strict';
import { dayDescription, dayLabel, dayTooltip } from '../../../src/tree/dayText';
import { inTimeZone } from '../timeZone';

// Day formats as the provider makes them: the date given as UTC midnight, formatted in UTC.
const short = (locale: string) => {
	const f = new Intl.DateTimeFormat(locale, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
	return (t: number) => f.format(t);
};
const long = (t: number) => new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(t);
const may4 = { key: '2026-05-04', date: { year: 2026, month: 5, day: 4 } };
const unknown = { key: 'unknown' };

describe('day rows', () => {
	inTimeZone('America/Los_Angeles');

	it("say Today, Yesterday, then the date in the user's locale", () => {
		assert.equal(dayLabel(may4, new Date(2026, 4, 4, 0, 0), short('en-US')), 'Today');
		assert.equal(dayLabel(may4, new Date(2026, 4, 5, 23, 59), short('en-US')), 'Yesterday');
		assert.equal(dayLabel(may4, new Date(2026, 4, 6, 0, 0), short('en-US')), 'Mon, May 4, 2026');
		assert.equal(dayLabel(may4, new Date(2026, 4, 6), short('de-DE')), 'Mo., 4. Mai 2026');
		assert.equal(dayLabel(may4, new Date(2026, 4, 6), short('ja-JP')), '2026年5月4日(月)');
		assert.equal(dayLabel(unknown, new Date(2026, 4, 6), short('en-US')), 'Unknown date');
	});

	it('name the date itself, whatever the time zone (late in the day in LA is the next day in UTC)', () => {
		assert.equal(dayLabel({ key: '2026-03-08', date: { year: 2026, month: 3, day: 8 } }, new Date('2026-03-11T06:30:00Z'), short('en-US')), 'Sun, Mar 8, 2026');
	});

	it('count batches and pending leads, or under a filter the matching leads', () => {
		assert.equal(dayDescription({ batches: 3, leads: 40, matching: 40, pending: 12 }, 'all'), '3 batches · 12 pending');
		assert.equal(dayDescription({ batches: 1, leads: 5, matching: 5, pending: 0 }, 'all'), '1 batch');
		assert.equal(dayDescription({ batches: 3, leads: 40, matching: 5, pending: 12 }, 'converted'), '3 batches · 5 of 40 leads');
		assert.equal(dayDescription({ batches: 1, leads: 1, matching: 1, pending: 1 }, 'pending'), '1 batch · 1 of 1 lead');
	});

	it('give the whole date and every count in the tooltip', () => {
		assert.equal(dayTooltip(may4, { batches: 3, leads: 40, matching: 40, pending: 12 }, 'all', long), '**Monday, May 4, 2026**\n\n3 batches · 40 leads · 12 pending');
		assert.equal(dayTooltip(may4, { batches: 2, leads: 10, matching: 4, pending: 1 }, 'not-converted', long), '**Monday, May 4, 2026**\n\n2 batches · 4 of 10 leads match the filter "Not converted" · 1 pending');
		assert.equal(dayTooltip(unknown, { batches: 1, leads: 2, matching: 2, pending: 0 }, 'all', long), '**Unknown date**\n\nThese batches have a creation time that is not a date.\n\n1 batch · 2 leads · 0 pending');
	});
});
