// Which batches to ask for. Pure, so it is unit-tested without VS Code.
import { describeInvalidDate, toIsoDate } from '../api/dates';

export type Cutoff =
	| { kind: 'default' } // the API's own default: the last 24 hours
	| { kind: 'days'; days: number }
	| { kind: 'date'; date: string };

export const DEFAULT_CUTOFF: Cutoff = { kind: 'default' };

/** The `created_after` to send for a cutoff, or undefined for the API's last-24-hours default. */
export function createdAfterFor(cutoff: Cutoff, now: Date = new Date()): string | undefined {
	switch (cutoff.kind) {
		case 'default':
			return undefined;
		case 'days': {
			const d = new Date(now);
			d.setDate(d.getDate() - cutoff.days);
			return toIsoDate(d);
		}
		case 'date':
			return cutoff.date;
	}
}

/** How the view names the cutoff: "last 24 hours", "last 7 days", "since 2026-05-01". */
export function describeCutoff(cutoff: Cutoff): string {
	switch (cutoff.kind) {
		case 'default':
			return 'last 24 hours';
		case 'days':
			return `last ${cutoff.days} days`;
		case 'date':
			return `since ${cutoff.date}`;
	}
}

/** Why a typed cutoff date cannot be used (ill-formed, impossible or in the future), or undefined. */
export function validateCutoffDate(input: string, now: Date = new Date()): string | undefined {
	const value = input.trim();
	if (!value) return 'Type a date as YYYY-MM-DD, for example 2026-05-01.';
	const invalid = describeInvalidDate(value);
	if (invalid) return invalid;
	if (value > toIsoDate(now)) return `${value} is in the future; choose today or an earlier date.`;
	return undefined;
}

/** A stored value read back as a Cutoff; anything foreign falls back to the default. */
export function parseStoredCutoff(value: unknown): Cutoff {
	if (!value || typeof value !== 'object') return DEFAULT_CUTOFF;
	const v = value as Record<string, unknown>;
	if (v.kind === 'days' && typeof v.days === 'number' && Number.isInteger(v.days) && v.days > 0 && v.days <= 3660) return { kind: 'days', days: v.days };
	if (v.kind === 'date' && typeof v.date === 'string' && describeInvalidDate(v.date) === undefined) return { kind: 'date', date: v.date };
	return DEFAULT_CUTOFF;
}

export function sameCutoff(a: Cutoff, b: Cutoff): boolean {
	return describeCutoff(a) === describeCutoff(b);
}
