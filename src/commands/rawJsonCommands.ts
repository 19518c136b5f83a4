import * as l10n from '@vscode/l10n';
import type { EnrichmentNode } from '../tree/enrichmentTreeProvider';
import { contentFor } from '../webview/rawJsonFollower';
import type { RawJsonTarget } from '../webview/rawJsonPanel';
import type { CommandContext } from './context';
import { offerWayToData } from './nothingToShow';
import { resolveSource } from './targets';

/**
 * Shows the clicked batch or lead, or a whole last response: the clicked account's, the only
 * one, or the one picked among those with data.
 */
export async function showRawJson(ctx: CommandContext, node?: EnrichmentNode): Promise<void> {
	const source = await resolveSource(ctx, node, l10n.t('Show the last response of which account?'), (s) => s.store.data !== undefined);
	const data = source?.store.data;
	if (!source || !data) {
		if (!ctx.sources.sources.some((s) => s.store.data)) void offerWayToData(ctx, l10n.t('Nothing has been loaded yet.'));
		return;
	}
	const sourceId = source.id;
	const target: RawJsonTarget =
		node?.kind === 'batch'
			? { sourceId, kind: 'batch', id: node.id, opened: node.opened !== undefined }
			: node?.kind === 'lead'
				? { sourceId, kind: 'lead', batchId: node.parent.id, id: node.id, opened: node.parent.opened !== undefined }
				: { sourceId, kind: 'response' };
	const content = contentFor(target, data, ctx.sources.several ? ctx.sources.label(source) : undefined, source.store.opened.model);
	if (content) ctx.rawJson.show(content);
	else void offerWayToData(ctx, l10n.t('That row is no longer in the last answer.'));
}
