// Keeps an open Raw JSON panel on the latest answer of the source it came from: after a refresh it
// shows the same response, batch or lead anew; once that source's account changed (or the source
// went away) it shows nothing of the old answer.
import * as l10n from '@vscode/l10n';
import type { Sources } from '../accounts/sources';
import type { Disposable } from '../common/emitter';
import { formatTime } from '../common/formatTime';
import type { LoadedData } from '../enrichments/enrichmentStore';
import type { EnrichmentModel } from '../model/enrichmentModel';
import { describeCutoff } from '../settings/cutoff';
import type { RawJsonContent, RawJsonPanel, RawJsonTarget } from './rawJsonPanel';
import { count } from '../common/count';

export function followRefreshes(sources: Sources, panel: RawJsonPanel): Disposable[] {
	/** Each source's answer (and opened batches) when last looked at: a change of the panel's source's is shown. */
	const seen = new Map<string, { data: LoadedData | undefined; opened: EnrichmentModel }>();
	const look = () => {
		for (const s of sources.sources) seen.set(s.id, { data: s.store.data, opened: s.store.opened.model });
	};
	look();
	return [
		sources.onDidChange(() => {
			const target = panel.target;
			const before = target && seen.get(target.sourceId);
			look();
			const source = target && sources.get(target.sourceId);
			const data = source?.store.data;
			if (!target || !source || !data || (data === before?.data && source.store.opened.model === before.opened)) return;
			const content = contentFor(target, data, sources.several ? sources.label(source) : undefined, source.store.opened.model);
			if (content) panel.update(content);
			else panel.markOutdated(l10n.t('not in the answer received {0}', formatTime(data.receivedAt)));
		}),
		sources.onDidForget(({ source, reason }) => {
			seen.delete(source.id);
			if (panel.sourceId === source.id) panel.clear(l10n.t('Cleared because {0}: this panel showed what Woodpecker answered before.', reason));
		}),
	];
}

/** What the panel shows for `target` in `data` (or in `opened`, the batches opened by uuid), or undefined when it is not there. */
export function contentFor(target: RawJsonTarget, data: LoadedData, sourceLabel?: string, opened?: EnrichmentModel): RawJsonContent | undefined {
	const from = sourceLabel ? ` · ${sourceLabel}` : '';
	const model = target.kind !== 'response' && target.opened ? opened : data.model;
	if (!model) return undefined;
	switch (target.kind) {
		case 'response': {
			const when = l10n.t('{0}received {1}', data.cached ? 'cached, ' : '', formatTime(data.receivedAt));
			const { rows, received } = data.model;
			const shownPart = rows.length === received ? '' : l10n.t(', {0} shown', rows.length);
			return {
				title: l10n.t('Last response'),
				subtitle: `${count(received, l10n.t('batch'), l10n.t('batches'))}${shownPart} · ${describeCutoff(data.cutoff)} · ${when}${from}`,
				value: data.response,
				follows: target,
				sourceId: target.sourceId,
			};
		}
		case 'batch': {
			const row = model.findRow(target.id);
			return (
				row && {
					title: l10n.t('Batch {0}', row.batch.uuid),
					subtitle: l10n.t('{0} · created {1}{2}', count(row.total, l10n.t('lead'), l10n.t('leads')), row.batch.created, from),
					value: row.batch,
					follows: target,
					sourceId: target.sourceId,
				}
			);
		}
		case 'lead': {
			const row = model.findRow(target.batchId);
			const lead = row && model.leadRows(row).find((l) => l.id === target.id);
			return lead && { title: l10n.t('Lead {0}', lead.lead.uid), subtitle: l10n.t('in batch {0}{1}', row.batch.uuid, from), value: lead.lead, follows: target, sourceId: target.sourceId };
		}
	}
}
