// Small, hand-shaped answers for the UI tests, and the texts the view should show for them.
import type { EnrichmentBatch, Lead } from '../../src/api/types';
import { formatWithOffset } from '../fake/data';

const MINUTE_MS = 60_000;

export type LeadKind = 'pending' | 'converted' | 'not-converted' | { status: string; processing_result: string | null };

export function lead(uid: string, kind: LeadKind): Lead {
	switch (kind) {
		case 'pending':
			return { uid, status: 'PENDING', processing_result: null };
		case 'converted':
			return { uid, status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' };
		case 'not-converted':
			return { uid, status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' };
		default:
			return { uid, ...kind };
	}
}

/** A batch created `minutesAgo` minutes before now, written with a +02:00 offset as Woodpecker does. */
export function batch(uuid: string, minutesAgo: number, leads: Lead[]): EnrichmentBatch {
	return { uuid, created: formatWithOffset(Date.now() - minutesAgo * MINUTE_MS, 120), leads };
}

/**
 * A batch's row label as the extension formats it: the workbench runs in code-server's default
 * display language, English (vscode.env.language 'en'), and its extension host shares the time
 * zone the runner set for the UI suite (Pacific/Kiritimati, UTC+14).
 */
export function rowLabel(b: EnrichmentBatch): string {
	return LABEL_FORMAT.format(Date.parse(b.created));
}

const LABEL_FORMAT = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** A batch created at a literal instant (ISO 8601 with offset), for cutoff edges. */
export function batchAt(uuid: string, created: string, leads: Lead[]): EnrichmentBatch {
	return { uuid, created, leads };
}
