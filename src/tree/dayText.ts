// The words of a day row (Group by Day): "Today", "Yesterday", then the date in the user's locale;
// "3 batches · 12 pending", or "3 batches · 5 of 40 leads" under a filter. Pure, unit-tested.
import * as l10n from '@vscode/l10n';
import { count } from '../common/count';
import { type DayGroup, dayRelation } from '../model/dayGroups';
import { type LeadFilter, describeMatching, filterLabel } from '../model/leadFilter';

export interface DayCounts {
	batches: number;
	/** Leads of those batches, all of them, and those the filter keeps. */
	leads: number;
	matching: number;
	pending: number;
}

/**
 * Formats a calendar day. The date is given as UTC midnight of that day and formatted in UTC,
 * so the text is the day itself whatever the formatter's or the machine's time zone.
 */
export type DayFormat = (utcMidnight: number) => string;

/** "Today", "Yesterday", "Mon, May 4, 2026" (in the formatter's locale), or "Unknown date". */
export function dayLabel(group: Pick<DayGroup<unknown>, 'key' | 'date'>, now: Date, format: DayFormat): string {
	switch (dayRelation(group.key, now)) {
		case 'today':
			return l10n.t('Today');
		case 'yesterday':
			return l10n.t('Yesterday');
		case 'unknown':
			return l10n.t('Unknown date');
		default:
			return format(utcMidnight(group.date!));
	}
}

/** "3 batches · 12 pending" (no pending part when none); under a filter, "3 batches · 5 of 40 leads". */
export function dayDescription(c: DayCounts, filter: LeadFilter): string {
	const batches = count(c.batches, l10n.t('batch'), l10n.t('batches'));
	if (filter !== 'all') return `${batches} · ${describeMatching(c.matching, c.leads)}`;
	return c.pending ? l10n.t('{0} · {1} pending', batches, c.pending) : batches;
}

/** The hover: the whole date (or why there is none) and the counts. */
export function dayTooltip(group: Pick<DayGroup<unknown>, 'key' | 'date'>, c: DayCounts, filter: LeadFilter, longFormat: DayFormat): string {
	const when = group.date ? `**${longFormat(utcMidnight(group.date))}**` : l10n.t('**Unknown date**\n\nThese batches have a creation time that is not a date.');
	const leads = filter === 'all' ? count(c.leads, l10n.t('lead'), l10n.t('leads')) : l10n.t('{0} match the filter "{1}"', describeMatching(c.matching, c.leads), filterLabel(filter));
	return [when, '', l10n.t('{0} · {1} · {2} pending', count(c.batches, l10n.t('batch'), l10n.t('batches')), leads, c.pending)].join('\n');
}

function utcMidnight(date: NonNullable<DayGroup<unknown>['date']>): number {
	const t = new Date(0);
	// setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
	t.setUTCFullYear(date.year, date.month - 1, date.day);
	return t.getTime();
}
