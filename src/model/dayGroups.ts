// Group by day: batches (newest first) under the local calendar day they were created on, and
// where a day stands relative to today. Days are the user's local days, found with the Date
// constructor (so a 23- or 25-hour day around a DST change is still one day), from a clock the
// caller passes. Pure (no vscode), so it is unit-tested with literal dates in several time zones.

/** "2026-05-04" (local calendar day), or "unknown" for batches whose `created` does not parse. */
export type DayKey = string;

export const UNKNOWN_DAY: DayKey = 'unknown';

export interface DayGroup<T> {
	key: DayKey;
	/** The day's year, month (1–12) and day of month; undefined for the unknown day. */
	date?: { year: number; month: number; day: number };
	items: T[];
}

/**
 * Groups `items`, given newest first with unparsable times last (as the model orders its rows),
 * by the local day of `timeOf(item)` (ms; NaN when unknown). Groups come in the items' order, the
 * unknown day last; a Date is made only when an item leaves the current day's bounds.
 */
export function groupByDay<T>(items: readonly T[], timeOf: (item: T) => number): DayGroup<T>[] {
	const groups: DayGroup<T>[] = [];
	const byKey = new Map<DayKey, DayGroup<T>>();
	let current: DayGroup<T> | undefined;
	let start = Infinity;
	let end = -Infinity;
	for (const item of items) {
		const time = timeOf(item);
		if (!(time >= start && time < end)) {
			let key: DayKey = UNKNOWN_DAY;
			let date: DayGroup<T>['date'];
			if (!Number.isNaN(time)) {
				const d = new Date(time);
				date = { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
				key = dayKey(date.year, date.month, date.day);
				start = new Date(date.year, date.month - 1, date.day).getTime();
				end = new Date(date.year, date.month - 1, date.day + 1).getTime();
			} else {
				start = Infinity;
				end = -Infinity;
			}
			// Items out of order (they should not be) join their day's group rather than making a second one.
			current = byKey.get(key);
			if (!current) {
				current = { key, date, items: [] };
				byKey.set(key, current);
				groups.push(current);
			}
		}
		current!.items.push(item);
	}
	const unknown = byKey.get(UNKNOWN_DAY);
	if (unknown && groups[groups.length - 1] !== unknown) groups.push(...groups.splice(groups.indexOf(unknown), 1));
	return groups;
}

/** Where a day stands from `now`'s local day. */
export type DayRelation = 'today' | 'yesterday' | 'other' | 'unknown';

export function dayRelation(key: DayKey, now: Date): DayRelation {
	if (key === UNKNOWN_DAY) return 'unknown';
	if (key === localDayKey(now)) return 'today';
	if (key === localDayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1))) return 'yesterday';
	return 'other';
}

/** `now`'s local day as a key. */
export function localDayKey(now: Date): DayKey {
	return dayKey(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** ms from `now` to the next local midnight, when "Today" becomes "Yesterday". */
export function msUntilNextDay(now: Date): number {
	return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - now.getTime();
}

function dayKey(year: number, month: number, day: number): DayKey {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
