import * as vscode from 'vscode';
import { toApiError } from '../api/errors';
import type { Source } from '../accounts/sources';
import type { CommandContext } from './context';
import { inertLinks } from './errorActions';
import { reportError } from './errorPresenter';
import { describeInvalidUuid } from './batchUuid';
import { resolveSource } from './targets';
import { count } from '../common/count';

/**
 * Asks in which account (when there are several), then for a batch uuid; fetches that one batch
 * and shows it (and selects it when it is on screen).
 */
export async function lookupBatch(ctx: CommandContext, arg?: unknown): Promise<void> {
	const source = await resolveSource(ctx, arg, 'Look up a batch of which account?', (s) => s.store.hasKey);
	if (source) await lookUpIn(ctx, source, '');
}

async function lookUpIn(ctx: CommandContext, source: Source, initial: string): Promise<void> {
	const several = ctx.sources.several;
	const input = await vscode.window.showInputBox({
		title: several ? `Woodpecker: Look Up Batch by UUID in ${ctx.sources.label(source)}` : 'Woodpecker: Look Up Batch by UUID',
		prompt: 'The uuid Woodpecker returned when the enrichment was queued.',
		placeHolder: 'e345310f-cfa7-42e3-b2fc-d888a332a899',
		value: initial,
		ignoreFocusOut: true,
		validateInput: describeInvalidUuid,
	});
	const uuid = input?.trim();
	if (!uuid || describeInvalidUuid(uuid)) return;
	await openBatch(ctx, source, uuid);
}

/**
 * Fetches one batch by uuid in `source` and shows it in the Raw JSON panel, selecting its row when
 * it is on screen; an unknown uuid offers to try another. The lookup command and links share it.
 */
export async function openBatch(ctx: CommandContext, source: Source, uuid: string): Promise<void> {
	const several = ctx.sources.several;
	try {
		const batch = await vscode.window.withProgress(
			{ location: vscode.ProgressLocation.Notification, title: `Looking up batch ${uuid}…`, cancellable: true },
			(_p, token) => {
				const abort = new AbortController();
				token.onCancellationRequested(() => abort.abort());
				return source.store.lookUpBatch(uuid, abort.signal);
			},
		);
		const from = several ? ` · ${ctx.sources.label(source)}` : '';
		ctx.rawJson.show({ title: `Batch ${batch.uuid}`, subtitle: `${count(batch.leads.length, 'lead', 'leads')} · created ${batch.created} · looked up directly${from}`, value: batch, sourceId: source.id });
		const node = ctx.view.provider.batchNode(source, batch.uuid);
		if (node) await ctx.view.treeView.reveal(node, { select: true, focus: false });
	} catch (e) {
		const error = toApiError(e);
		if (error.kind === 'http' && error.status === 404) {
			// Asked of an address the list loads from, a 404 means this account has no such batch.
			const choice = await vscode.window.showWarningMessage(
				inertLinks(`Woodpecker has no enrichment batch ${uuid} in ${several ? ctx.sources.label(source) : 'this account'}. Check the uuid, or whether it was queued with another account's key.`),
				'Try Another UUID',
			);
			if (choice) await lookUpIn(ctx, source, uuid);
		} else {
			await reportError(`Could not look up batch ${uuid}`, error, {
				retry: () => lookUpIn(ctx, source, uuid),
				target: several ? { sourceId: source.id } : undefined,
				isCompany: !!source.company,
			});
		}
	}
}
