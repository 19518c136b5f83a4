// parseTimestamp must give exactly what Date.parse gives, for the API's shape and for everything else.
import * as assert from 'node:assert/strict';
import { parseTimestamp } from '../../../src/model/timestamps';

function same(text: string): void {
	const expected = Date.parse(text);
	const actual = parseTimestamp(text);
	assert.ok(Object.is(actual, expected), `${JSON.stringify(text)}: Date.parse ${expected}, parseTimestamp ${actual}`);
}

describe('model/timestamps', () => {
	it('reads the reference doc\'s timestamps', () => {
		assert.equal(parseTimestamp('2026-05-01T10:00:00+02:00'), Date.UTC(2026, 4, 1, 8, 0, 0));
		assert.equal(parseTimestamp('2026-05-01T10:10:00.5-03:30'), Date.UTC(2026, 4, 1, 13, 40, 0, 500));
		assert.equal(parseTimestamp('2026-05-01T10:10Z'), Date.UTC(2026, 4, 1, 10, 10));
	});

	it('agrees with Date.parse on edge and odd cases', () => {
		for (const text of [
			'2026-02-30T00:00:00Z', '2028-02-29T23:59:59.999Z', '2026-04-31T12:00:00+14:00', '2026-12-31T23:59:59-23:59',
			'2026-05-01T24:00:00Z', '2026-05-01T10:00:60Z', '2026-05-01T10:00:00+24:00', '2026-05-01T10:00:00+0200',
			'2026-05-01t10:00:00z', '2026-05-01T10:00:00.Z', '2026-05-01T10:00:00.123456789+02:00', '2026-05-01T10:00:00.1Z',
			'2026-05-01 10:00:00Z', '+002026-05-01T10:00:00Z', '0000-01-01T00:00:00Z', '0000-02-29T00:00:00Z', '9999-12-31T23:59:59Z',
			'2026-05-01T10:00:00', '2026-05-01', '2026-05-01T10:00:00Z ', ' 2026-05-01T10:00:00Z', '2026-5-1T10:00:00Z',
			'2026-00-01T10:00:00Z', '2026-13-01T10:00:00Z', '2026-05-00T10:00:00Z', '2026-05-32T10:00:00Z', '2026-05-01T1a:00:00Z',
			'2026-05-01T10:00:00+02', '2026-05-01T10:00:00+02:0', '2026-05-01T10:00:00+02:000', '٢٠٢٦-05-01T10:00:00Z', '', 'yesterday',
			'May 1, 2026 10:00 GMT+2', '2026-05-01T10:00:00.000000000000000000000Z',
		]) same(text);
	});

	it('agrees with Date.parse on 20,000 generated timestamps', () => {
		let seed = 12345;
		const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
		const pad = (v: number, w = 2) => String(v).padStart(w, '0');
		const fractions = ['', '.', '.1', '.12', '.123', '.1234', '.987654321'];
		const offsets = ['Z', 'z', '', '+00:00', '-00:00', '+02:00', '-03:30', '+23:59', '+24:00', '-12:60', '+0530', '+05'];
		for (let k = 0; k < 20_000; k++) {
			const seconds = rnd(4) === 0 ? '' : `:${pad(rnd(62))}`;
			const text = `${pad(rnd(3) === 0 ? rnd(10_000) : 1990 + rnd(60), 4)}-${pad(rnd(14))}-${pad(rnd(33))}T${pad(rnd(26))}:${pad(rnd(61))}${seconds}${seconds ? fractions[rnd(fractions.length)] : ''}${offsets[rnd(offsets.length)]}`;
			same(text);
		}
	});
});
