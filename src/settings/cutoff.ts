// Which batches to show, and what to ask the API for so that none of them is missing.
// Pure, so it is unit-tested without VS Code, under several time zones.
import * as l10n from '@vscode/l10n';
import { describeInvalidDate, localIsoDate, utcIsoDate } from '../api/dates';

export type Cutoff =
	/** Batches created in the last `days` × 24 hours. */
	| { kind: 'days'; days: number }
	/** Batches created on or after local midnight of `date` (YYYY-MM-DD). */
	| { kind: 'date'; date: string };

export const DEFAULT_CUTOFF: Cutoff = { kind: 'days', days: 1 };

const HOUR_MS = 3_600_000;
const MAX_DAYS = 3660;

/** The first instant (ms) a batch may have been created at to be shown. */
export function windowStart(cutoff: Cutoff, now: Date): number {
	if (cutoff.kind === 'days') return now.getTime() - cutoff.days * 24 * HOUR_MS;
	const [year, month, day] = cutoff.date.split('-').map(Number);
	// The Date constructor finds local midnight, also on a day that begins with a DST change.
	return new Date(year, month - 1, day).getTime();
}

/**
 * The `created_after` to send for a window starting at `startMs`. The docs do not say whether the
 * server reads the date inclusively or not, nor in which time zone: the UTC date 36 hours before
 * the window covers every reading, inclusive or exclusive, in any zone from UTC−12 to UTC+14
 * (the latest it can mean is the end of that day at UTC−12: 12 + 24 hours after its UTC start).
 * The view then keeps only the batches created inside the window.
 */
export function createdAfterFor(startMs: number): string {
	return utcIsoDate(startMs - 36 * HOUR_MS);
}

/** How the view names the cutoff: "last 24 hours", "last 7 days", "since 2026-05-01". */
export function describeCutoff(cutoff: Cutoff): string {
	if (cutoff.kind === 'date') return l10n.t('since {0}', cutoff.date);
	return cutoff.days === 1 ? l10n.t('last 24 hours') : l10n.t('last {0} days', cutoff.days);
}

/** Why a typed cutoff date cannot be used (ill-formed, impossible or in the future), or undefined. */
export function validateCutoffDate(input: string, now: Date): string | undefined {
	const value = input.trim();
	if (!value) return l10n.t('Type a date as YYYY-MM-DD, for example 2026-05-01.');
	const invalid = describeInvalidDate(value);
	if (invalid) return invalid;
	if (value > localIsoDate(now)) return l10n.t('{0} is in the future; choose today or an earlier date.', value);
	return undefined;
}

/** A stored value read back as a Cutoff; anything foreign falls back to the default. */
export function parseStoredCutoff(value: unknown): Cutoff {
	// Only null and undefined have no fields to read; any other value that is no object fails the checks below.
	if (value == null) return DEFAULT_CUTOFF;
	const v = value as Record<string, unknown>;
	if (v.kind === 'days' && isInteger(v.days) && v.days > 0 && v.days <= MAX_DAYS) return { kind: 'days', days: v.days };
	if (v.kind === 'date' && typeof v.date === 'string' && describeInvalidDate(v.date) === undefined) return { kind: 'date', date: v.date };
	// { kind: 'default' }, stored by versions before 0.2, was the API's own last 24 hours.
	return DEFAULT_CUTOFF;
}

export function sameCutoff(a: Cutoff, b: Cutoff): boolean {
	return a.kind === 'days' ? b.kind === 'days' && a.days === b.days : b.kind === 'date' && a.date === b.date;
}

/** Number.isInteger, which is false for anything that is no number, as a type guard. */
function isInteger(v: unknown): v is number {
	return Number.isInteger(v);
}
