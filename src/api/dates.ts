// Calendar-date checks shared by the client (refuse before sending) and the cutoff picker.
import * as l10n from '@vscode/l10n';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why `value` is not a usable YYYY-MM-DD date, or undefined when it is one. */
export function describeInvalidDate(value: string): string | undefined {
	const m = ISO_DATE.exec(value);
	if (!m) return l10n.t('"{0}" is not a date in YYYY-MM-DD form (for example 2026-05-01).', value);
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (month < 1 || month > 12) return l10n.t('{0} has no month {1}: months run from 01 to 12.', value, m[2]);
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (day < 1 || day > daysInMonth) return l10n.t('{0} does not exist: that month has {1} days.', value, daysInMonth);
	return undefined;
}

/** The local calendar date of `d` as YYYY-MM-DD. */
export function localIsoDate(d: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The UTC calendar date of the instant `ms` as YYYY-MM-DD. */
export function utcIsoDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}
