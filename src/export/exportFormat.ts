// What Export… writes: CSV (RFC 4180, UTF-8, CRLF, cells that a spreadsheet would run as a
// formula neutralized) or JSON (the batches exactly as received). Built in slices that yield to
// the event loop, so a 100,000-lead export never holds the extension host for long.
// Pure (no `vscode`), so it is unit-tested and benchmarked in plain Node.
import type { EnrichmentBatch, Lead } from '../api/types';

export type ExportFormat = 'csv' | 'json';

/** One source's part of the export: the batches the view shows, as received. */
export interface ExportPart {
	/** The account's name (or "Agency › Company"); written only when the export has several parts. */
	label: string;
	batches: readonly EnrichmentBatch[];
}

export const CSV_COLUMNS = ['batch_uuid', 'batch_created', 'lead_uid', 'status', 'processing_result'] as const;

/** How long one slice may run before it yields to the event loop. */
const SLICE_MS = 20;

/**
 * A CSV cell: a value a spreadsheet would read as a formula (it begins with =, +, -, @, a tab or
 * a carriage return) gets a leading apostrophe; a value with a comma, a quote or a line break is
 * quoted, its quotes doubled.
 */
export function csvCell(value: unknown): string {
	let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(cells: readonly unknown[]): string {
	return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Yields to the event loop when the current slice has run for SLICE_MS. */
function slicer(now: () => number = () => performance.now()): () => Promise<void> {
	let sliceStart = now();
	return async () => {
		if (now() - sliceStart < SLICE_MS) return;
		await new Promise((resolve) => setImmediate(resolve));
		sliceStart = now();
	};
}

/**
 * The CSV text: a header, then a line per lead of every batch shown. With several parts an
 * `account` column comes first, so rows of different accounts never read alike.
 */
export async function toCsv(parts: readonly ExportPart[]): Promise<{ text: string; leads: number }> {
	const several = parts.length > 1;
	const chunks: string[] = [csvLine(several ? ['account', ...CSV_COLUMNS] : CSV_COLUMNS)];
	const pause = slicer();
	let leads = 0;
	for (const part of parts) {
		for (const batch of part.batches) {
			let chunk = '';
			for (const lead of batch.leads) {
				const cells: unknown[] = [batch.uuid, batch.created, lead.uid, lead.status, lead.processing_result];
				chunk += csvLine(several ? [part.label, ...cells] : cells);
				leads++;
			}
			chunks.push(chunk);
			await pause();
		}
	}
	return { text: chunks.join(''), leads };
}

/**
 * The JSON text, pretty-printed: `{ "lead_enrichments": [...] }` with the batches exactly as
 * received for one part; `{ "accounts": [{ "account": name, "lead_enrichments": [...] }] }` for several.
 */
export async function toJson(parts: readonly ExportPart[]): Promise<{ text: string; leads: number }> {
	const pause = slicer();
	let leads = 0;
	const batchesText = async (batches: readonly EnrichmentBatch[], indent: string): Promise<string> => {
		const items: string[] = [];
		for (const batch of batches) {
			leads += batch.leads.length;
			items.push(indentLines(JSON.stringify(batch, null, 2), `${indent}  `));
			await pause();
		}
		return items.length ? `[\n${items.join(',\n')}\n${indent}]` : '[]';
	};
	if (parts.length === 1) return { text: `{\n  "lead_enrichments": ${await batchesText(parts[0].batches, '  ')}\n}\n`, leads };
	const accounts: string[] = [];
	for (const part of parts) accounts.push(`    {\n      "account": ${JSON.stringify(part.label)},\n      "lead_enrichments": ${await batchesText(part.batches, '      ')}\n    }`);
	return { text: `{\n  "accounts": ${accounts.length ? `[\n${accounts.join(',\n')}\n  ]` : '[]'}\n}\n`, leads };
}

function indentLines(text: string, indent: string): string {
	return indent + text.split('\n').join(`\n${indent}`);
}

/** Every lead uid of a batch, one per line (Copy All Lead UIDs). */
export function leadUids(leads: readonly Pick<Lead, 'uid'>[]): string {
	return leads.map((l) => l.uid).join('\n');
}
