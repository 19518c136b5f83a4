import * as assert from 'node:assert/strict';
import { formatTime } from '../../../src/common/formatTime';
import { inTimeZone } from '../timeZone';

describe('formatTime', () => {
	inTimeZone('Europe/Warsaw');
	const timeOnly = (d: Date) => d.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
	const withDate = (d: Date) => d.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });

	it('gives only the time on the same local day', () => {
		const now = new Date('2026-11-26T22:30:00Z'); // 23:30 in Warsaw
		const d = new Date('2026-11-26T00:10:00Z'); // 01:10 in Warsaw, the same day
		assert.equal(formatTime(d, now), timeOnly(d));
		assert.ok(!formatTime(d, now).includes('Nov'));
	});

	it('adds the date on another day, also the same day of another month or year', () => {
		const now = new Date('2026-11-26T12:00:00Z');
		for (const d of [new Date('2026-11-25T12:00:00Z'), new Date('2026-10-26T12:00:00Z'), new Date('2025-11-26T12:00:00Z'), new Date('2026-11-26T23:30:00Z')]) {
			assert.equal(formatTime(d, now), withDate(d), d.toISOString());
		}
	});
});
