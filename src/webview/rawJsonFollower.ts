// Keeps an open Raw JSON panel on the latest answer: after a refresh it shows the same response,
// batch or lead anew; once the account changed it shows nothing of the old one.
import type { Disposable } from '../common/emitter';
import { formatTime } from '../common/formatTime';
import type { EnrichmentStore, LoadedData } from '../enrichments/enrichmentStore';
import { describeCutoff } from '../settings/cutoff';
import type { RawJsonContent, RawJsonPanel, RawJsonTarget } from './rawJsonPanel';

export function followRefreshes(store: EnrichmentStore, panel: RawJsonPanel): Disposable[] {
	let shown = store.data;
	return [
		store.onDidChange(() => {
			const data = store.data;
			const target = panel.target;
			if (!data || data === shown || !target) return;
			shown = data;
			const content = contentFor(target, data);
			if (content) panel.update(content);
			else panel.markOutdated(`not in the answer received ${formatTime(data.receivedAt)}`);
		}),
		store.onDidForget((reason) => {
			shown = undefined;
			panel.clear(`Cleared because ${reason}: this panel showed what Woodpecker answered before.`);
		}),
	];
}

/** What the panel shows for `target` in `data`, or undefined when it is not there. */
export function contentFor(target: RawJsonTarget, data: LoadedData): RawJsonContent | undefined {
	switch (target.kind) {
		case 'response': {
			const when = `${data.cached ? 'cached, ' : ''}received ${formatTime(data.receivedAt)}`;
			const { rows, received } = data.model;
			const shownPart = rows.length === received ? '' : `, ${rows.length} shown`;
			return { title: 'Last response', subtitle: `${count(received, 'batch', 'batches')}${shownPart} · ${describeCutoff(data.cutoff)} · ${when}`, value: data.response, follows: target };
		}
		case 'batch': {
			const row = data.model.findRow(target.id);
			return row && { title: `Batch ${row.batch.uuid}`, subtitle: `${count(row.total, 'lead', 'leads')} · created ${row.batch.created}`, value: row.batch, follows: target };
		}
		case 'lead': {
			const row = data.model.findRow(target.batchId);
			const lead = row && data.model.leadRows(row).find((l) => l.id === target.id);
			return lead && { title: `Lead ${lead.lead.uid}`, subtitle: `in batch ${row.batch.uuid}`, value: lead.lead, follows: target };
		}
	}
}

export function count(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}
