// Reads `created` timestamps. The API writes them as ISO 8601 with an offset; Date.parse handles
// that, but through a general parser that costs a tenth of the tree's build time at 10k batches.
// The common shape is read directly; anything else (no offset, lowercase, a leap second, ...) is
// left to Date.parse, so the result is always exactly what Date.parse would return.

/** Milliseconds since the epoch, or NaN when `text` is not a date: the same value as Date.parse. */
export function parseTimestamp(text: string): number {
	const t = isoInstant(text);
	return t === t ? t : Date.parse(text);
}

/** One decimal digit at `i`, or NaN (also past the end, where charCodeAt is NaN). */
function digit(s: string, i: number): number {
	const d = s.charCodeAt(i) - 48;
	return d >= 0 && d <= 9 ? d : NaN;
}

/**
 * `YYYY-MM-DDTHH:MM[:SS[.fff…]](Z|±HH:MM)` as ms since the epoch; NaN for any other text, which
 * then goes to Date.parse. Day 29–31 of a short month rolls over, as Date.parse does.
 */
function isoInstant(s: string): number {
	const n = s.length;
	// 45 '-', 84 'T', 58 ':'
	if (n < 17 || n > 40 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return NaN;
	const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
	const month = digit(s, 5) * 10 + digit(s, 6);
	const day = digit(s, 8) * 10 + digit(s, 9);
	const hour = digit(s, 11) * 10 + digit(s, 12);
	const minute = digit(s, 14) * 10 + digit(s, 15);
	// Comparisons with NaN are false, so a non-digit anywhere above fails here.
	if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) return NaN;
	let i = 16;
	let second = 0;
	let ms = 0;
	if (s.charCodeAt(i) === 58) {
		second = digit(s, 17) * 10 + digit(s, 18);
		if (!(second >= 0 && second <= 59)) return NaN;
		i = 19;
		if (s.charCodeAt(i) === 46) {
			// Fractional seconds: the first three digits count, the rest are dropped (not rounded).
			const start = ++i;
			for (let d = digit(s, i); d === d; d = digit(s, ++i)) {
				if (i - start < 3) ms += d * (i - start === 0 ? 100 : i - start === 1 ? 10 : 1);
			}
			if (i === start) return NaN;
		}
	}
	let offsetMinutes: number;
	const sign = s.charCodeAt(i);
	if (sign === 90 && i + 1 === n) offsetMinutes = 0; // 'Z'
	else if ((sign === 43 || sign === 45) && i + 6 === n && s.charCodeAt(i + 3) === 58) {
		const oh = digit(s, i + 1) * 10 + digit(s, i + 2);
		const om = digit(s, i + 4) * 10 + digit(s, i + 5);
		if (!(oh >= 0 && oh <= 23 && om >= 0 && om <= 59)) return NaN;
		offsetMinutes = (sign === 45 ? -1 : 1) * (oh * 60 + om);
	} else return NaN;
	return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms - offsetMinutes * 60_000;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm); day may overflow the month. */
function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146_097 + doe - 719_468;
}
