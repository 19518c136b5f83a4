import type { EnrichmentNode } from '../tree/enrichmentTreeProvider';
import { contentFor } from '../webview/rawJsonFollower';
import type { RawJsonTarget } from '../webview/rawJsonPanel';
import type { CommandContext } from './context';
import { offerWayToData } from './nothingToShow';

/** Shows the whole last response, or the clicked batch or lead, in the Raw JSON panel. */
export function showRawJson(ctx: CommandContext, node?: EnrichmentNode): void {
	const target: RawJsonTarget =
		node?.kind === 'batch' ? { kind: 'batch', id: node.id } : node?.kind === 'lead' ? { kind: 'lead', batchId: node.parent.id, id: node.id } : { kind: 'response' };
	const content = ctx.store.data && contentFor(target, ctx.store.data);
	if (content) ctx.rawJson.show(content);
	else void offerWayToData(ctx, 'Nothing has been loaded yet.');
}
