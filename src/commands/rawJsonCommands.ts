import * as vscode from 'vscode';
import { WoodpeckerApiError } from '../api/client';
import { reportError } from '../enrichments/errorPresenter';
import { describeCutoff } from '../settings/cutoff';
import type { LoadedData } from '../enrichments/enrichmentStore';
import type { EnrichmentNode } from '../tree/enrichmentTreeProvider';
import type { RawJsonContent, RawJsonTarget } from '../webview/rawJsonPanel';
import { formatTime } from '../tree/viewText';
import type { CommandContext } from './context';

/** Shows the whole last response, or the clicked batch or lead, in the Raw JSON panel. */
export function showRawJson(ctx: CommandContext, node?: EnrichmentNode): void {
	const target: RawJsonTarget =
		node?.kind === 'batch' ? { kind: 'batch', uuid: node.row.batch.uuid } : node?.kind === 'lead' ? { kind: 'lead', batchUuid: node.row.batch.batch.uuid, uid: node.uid } : { kind: 'response' };
	const content = ctx.store.data && contentFor(target, ctx.store.data);
	if (content) ctx.rawJson.show(content);
	else void vscode.window.showInformationMessage('Nothing has been loaded yet. Refresh the Woodpecker view first.');
}

/** Keeps an open panel on the latest answer: after a refresh it shows the same response, batch or lead anew. */
export function followRefreshes(ctx: CommandContext): vscode.Disposable {
	let shown = ctx.store.data;
	return ctx.store.onDidChange(() => {
		const data = ctx.store.data;
		const target = ctx.rawJson.target;
		if (!data || data === shown || !target) return;
		shown = data;
		const content = contentFor(target, data);
		if (content) ctx.rawJson.update(content);
		else ctx.rawJson.markOutdated(`not in the answer received ${formatTime(data.receivedAt)}`);
	});
}

function leadCount(n: number): string {
	return `${n} ${n === 1 ? 'lead' : 'leads'}`;
}

function contentFor(target: RawJsonTarget, data: LoadedData): RawJsonContent | undefined {
	switch (target.kind) {
		case 'response': {
			const when = `${data.cached ? 'cached, ' : ''}received ${formatTime(data.receivedAt)}`;
			return { title: 'Last response', subtitle: `${data.model.rows.length} batches · ${describeCutoff(data.cutoff)} · ${when}`, value: data.response, follows: target };
		}
		case 'batch': {
			const row = data.model.findBatch(target.uuid);
			return row && { title: `Batch ${target.uuid}`, subtitle: `${leadCount(row.total)} · created ${row.batch.created}`, value: row.batch, follows: target };
		}
		case 'lead': {
			const lead = data.model.findBatch(target.batchUuid)?.batch.leads.find((l) => l.uid === target.uid);
			return lead && { title: `Lead ${target.uid}`, subtitle: `in batch ${target.batchUuid}`, value: lead, follows: target };
		}
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
		ctx.rawJson.show({ title: `Batch ${batch.uuid}`, subtitle: `${leadCount(batch.leads.length)} · created ${batch.created} · looked up directly`, value: batch });
		const node = ctx.view.provider.batchNode(batch.uuid);
		if (node) await ctx.view.treeView.reveal(node, { select: true, focus: false });
	} catch (e) {
		const error = e instanceof WoodpeckerApiError ? e : new WoodpeckerApiError({ kind: 'network', title: 'Error', message: String(e) });
		await reportError(`Could not look up batch ${uuid.trim()}`, error, { retry: () => lookupBatch(ctx) });
	}
}
