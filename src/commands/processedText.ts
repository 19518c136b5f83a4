// The text of the "batch processed" notification. Pure, so every wording is unit-tested.
import * as l10n from '@vscode/l10n';
import { count } from '../common/count';
import { inertLinks } from './errorActions';

/** One finished batch as the notification tells of it. */
export interface ProcessedItem {
	/** The batch's time as its tree row shows it. */
	readonly time: string;
	readonly converted: number;
	readonly total: number;
	/** The account's (or "Agency › Company") name; set only when several share the view. */
	readonly place?: string;
}

/**
 * "Batch 2 Dec 2026, 10:42 processed: 7 of 10 converted to prospects", or for several
 * "3 batches processed: 21 of 30 leads converted to prospects"; with several accounts it ends
 * " in Acme Ltd", " in Acme Ltd and Globex", or " in 3 accounts". Names and times may come from
 * the server or the user: they can never become a link.
 */
export function processedText(items: readonly ProcessedItem[]): string {
	const places = [...new Set(items.map((i) => i.place).filter((p): p is string => p !== undefined))];
	const where = places.length === 0 ? '' : places.length === 1 ? l10n.t(' in {0}', places[0]) : places.length === 2 ? l10n.t(' in {0} and {1}', places[0], places[1]) : l10n.t(' in {0} accounts', places.length);
	if (items.length === 1) {
		const [only] = items;
		return inertLinks(l10n.t('Batch {0} processed: {1} of {2} converted to prospects{3}', only.time, only.converted, only.total, where));
	}
	let converted = 0;
	let total = 0;
	for (const i of items) {
		converted += i.converted;
		total += i.total;
	}
	return inertLinks(l10n.t('{0} batches processed: {1} of {2} converted to prospects{3}', items.length, converted, count(total, l10n.t('lead'), l10n.t('leads')), where));
}
