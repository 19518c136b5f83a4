import * as vscode from 'vscode';
import { toApiError } from '../api/errors';
import { count } from '../webview/rawJsonFollower';
import type { CommandContext } from './context';
import { inertLinks } from './errorActions';
import { reportError } from './errorPresenter';

/** Asks for a batch uuid, fetches that one batch and shows it (and selects it when it is on screen). */
export async function lookupBatch(ctx: CommandContext, initial = ''): Promise<void> {
	const input = await vscode.window.showInputBox({
		title: 'Woodpecker: Look Up Batch by UUID',
		prompt: 'The uuid Woodpecker returned when the enrichment was queued.',
		placeHolder: 'e345310f-cfa7-42e3-b2fc-d888a332a899',
		value: initial,
		ignoreFocusOut: true,
		validateInput: (v) => (v.trim() ? undefined : 'Type or paste a batch uuid.'),
	});
	const uuid = input?.trim();
	if (!uuid) return;
	try {
		const batch = await vscode.window.withProgress(
			{ location: vscode.ProgressLocation.Notification, title: `Looking up batch ${uuid}…`, cancellable: true },
			(_p, token) => {
				const abort = new AbortController();
				token.onCancellationRequested(() => abort.abort());
				return ctx.store.lookUpBatch(uuid, abort.signal);
			},
		);
		ctx.rawJson.show({ title: `Batch ${batch.uuid}`, subtitle: `${count(batch.leads.length, 'lead', 'leads')} · created ${batch.created} · looked up directly`, value: batch });
		const node = ctx.view.provider.batchNode(batch.uuid);
		if (node) await ctx.view.treeView.reveal(node, { select: true, focus: false });
	} catch (e) {
		const error = toApiError(e);
		if (error.kind === 'http' && error.status === 404) {
			// Asked of an address the list loads from, a 404 means this account has no such batch.
			const choice = await vscode.window.showWarningMessage(
				inertLinks(`Woodpecker has no enrichment batch ${uuid} in this account. Check the uuid, or whether it was queued with another account's key.`),
				'Try Another UUID',
			);
			if (choice) await lookupBatch(ctx, uuid);
		} else await reportError(`Could not look up batch ${uuid}`, error, { retry: () => lookupBatch(ctx, uuid) });
	}
}
