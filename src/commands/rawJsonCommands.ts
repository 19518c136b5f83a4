import * as vscode from 'vscode';
import { WoodpeckerApiError } from '../api/client';
import { reportError } from '../enrichments/errorPresenter';
import { describeCutoff } from '../settings/cutoff';
import type { EnrichmentNode } from '../tree/enrichmentTreeProvider';
import { formatTime } from '../tree/viewText';
import type { CommandContext } from './context';

/** Shows the whole last response, or the clicked batch or lead, in the Raw JSON panel. */
export function showRawJson(ctx: CommandContext, node?: EnrichmentNode): void {
	const data = ctx.store.data;
	if (node?.kind === 'batch') {
		ctx.rawJson.show({ title: `Batch ${node.row.batch.uuid}`, subtitle: `${node.row.counts.total} leads · created ${node.row.batch.created}`, value: node.row.batch });
	} else if (node?.kind === 'lead') {
		ctx.rawJson.show({ title: `Lead ${node.uid}`, subtitle: `in batch ${node.row.batch.batch.uuid}`, value: node.row.lead });
	} else if (data) {
		const when = `${data.cached ? 'cached, ' : ''}received ${formatTime(data.receivedAt)}`;
		ctx.rawJson.show({ title: 'Last response', subtitle: `${data.model.rows.length} batches · ${describeCutoff(data.cutoff)} · ${when}`, value: data.response });
	} else {
		void vscode.window.showInformationMessage('Nothing has been loaded yet. Refresh the Woodpecker view first.');
	}
}

/** Asks for a batch uuid, fetches that one batch and shows it (and selects it when it is on screen). */
export async function lookupBatch(ctx: CommandContext): Promise<void> {
	const uuid = await vscode.window.showInputBox({
		title: 'Woodpecker: Look Up Batch by UUID',
		prompt: 'The uuid Woodpecker returned when the enrichment was queued.',
		placeHolder: 'e345310f-cfa7-42e3-b2fc-d888a332a899',
		ignoreFocusOut: true,
		validateInput: (v) => (v.trim() ? undefined : 'Type or paste a batch uuid.'),
	});
	if (!uuid?.trim()) return;
	try {
		const batch = await vscode.window.withProgress(
			{ location: vscode.ProgressLocation.Notification, title: `Looking up batch ${uuid.trim()}…`, cancellable: true },
			(_p, token) => {
				const abort = new AbortController();
				token.onCancellationRequested(() => abort.abort());
				return ctx.store.lookUpBatch(uuid, abort.signal);
			},
		);
		ctx.rawJson.show({ title: `Batch ${batch.uuid}`, subtitle: `${batch.leads.length} leads · created ${batch.created} · looked up directly`, value: batch });
		const node = ctx.view.provider.batchNode(batch.uuid);
		if (node) await ctx.view.treeView.reveal(node, { select: true, focus: false });
	} catch (e) {
		const error = e instanceof WoodpeckerApiError ? e : new WoodpeckerApiError({ kind: 'network', title: 'Error', message: String(e) });
		await reportError(`Could not look up batch ${uuid.trim()}`, error, { retry: () => lookupBatch(ctx) });
	}
}
