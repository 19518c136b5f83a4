import * as vscode from 'vscode';
import { toApiError } from '../api/errors';
import type { Source } from '../accounts/sources';
import type { CommandContext } from './context';
import { inertLinks } from './errorActions';
import { reportError } from './errorPresenter';
import { describeInvalidUuid } from './batchUuid';
import { resolveSource } from './targets';
import { count } from '../common/count';
import type { EnrichmentNode } from '../tree/enrichmentTreeProvider';

/**
 * Open Enrichment Batch…: asks in which account (when there are several), then for a batch uuid;
 * fetches that one batch and reveals it in the tree — in the "Opened by uuid" group when the
 * cutoff leaves it out of the list.
 */
export async function lookupBatch(ctx: CommandContext, arg?: unknown): Promise<void> {
	const source = await resolveSource(ctx, arg, vscode.l10n.t('Open a batch of which account?'), (s) => s.store.hasKey);
	if (source) await lookUpIn(ctx, source, '');
}

async function lookUpIn(ctx: CommandContext, source: Source, initial: string): Promise<void> {
	const several = ctx.sources.several;
	const input = await vscode.window.showInputBox({
		title: several ? vscode.l10n.t('Woodpecker: Open Enrichment Batch in {0}', ctx.sources.label(source)) : vscode.l10n.t('Woodpecker: Open Enrichment Batch'),
		prompt: vscode.l10n.t('The uuid Woodpecker returned when the enrichment was queued.'),
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
 * Fetches one batch by uuid in `source` and reveals it, selected and opened: in the list, or in the
 * "Opened by uuid" group (kept across reloads, refreshed while pending). A row the view does not
 * show (a filter hides it) gets the batch in the Raw JSON panel instead, so it is never lost. An
 * unknown uuid offers to try another. The command and links share it.
 */
export async function openBatch(ctx: CommandContext, source: Source, uuid: string): Promise<void> {
	const several = ctx.sources.several;
	try {
		const { batch, inList } = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Opening batch {0}…', uuid), cancellable: true }, (_p, token) => {
			const abort = new AbortController();
			token.onCancellationRequested(() => abort.abort());
			return source.store.openBatch(uuid, abort.signal);
		});
		const node = ctx.view.provider.batchNode(source, batch.uuid, !inList);
		if (node) {
			await ctx.view.treeView.reveal(node, { select: true, focus: true, expand: true });
			return;
		}
		const from = several ? ` · ${ctx.sources.label(source)}` : '';
		ctx.rawJson.show({
			title: vscode.l10n.t('Batch {0}', batch.uuid),
			subtitle: vscode.l10n.t('{0} · created {1} · opened by uuid{2}', count(batch.leads.length, vscode.l10n.t('lead'), vscode.l10n.t('leads')), batch.created, from),
			value: batch,
			sourceId: source.id,
		});
	} catch (e) {
		const error = toApiError(e);
		if (error.kind === 'http' && error.status === 404) {
			// Asked of an address the list loads from, a 404 means this account has no such batch.
			const choice = await vscode.window.showWarningMessage(
				inertLinks(vscode.l10n.t("Woodpecker has no enrichment batch {0} in {1}. Check the uuid, or whether it was queued with another account's key.", uuid, several ? ctx.sources.label(source) : vscode.l10n.t('this account'))),
				vscode.l10n.t('Try Another UUID'),
			);
			if (choice) await lookUpIn(ctx, source, uuid);
		} else {
			await reportError(vscode.l10n.t('Could not open batch {0}', uuid), error, {
				retry: () => lookUpIn(ctx, source, uuid),
				target: several ? { sourceId: source.id } : undefined,
				isCompany: !!source.company,
			});
		}
	}
}

/** Remove from Opened, on an opened batch's row: the batch leaves the "Opened by uuid" group (and the next session's). */
export async function removeOpenedBatch(node: unknown): Promise<void> {
	const n = node as EnrichmentNode | undefined;
	if (n?.kind === 'batch' && n.opened) await n.source.store.removeOpened(n.row.batch.uuid);
}

/** Clear Opened Batches: on the group's row its source's; from the palette every source's. */
export async function clearOpenedBatches(ctx: CommandContext, node: unknown): Promise<void> {
	const n = node as EnrichmentNode | undefined;
	const sources = n?.kind === 'opened' ? [n.source] : ctx.sources.sources;
	await Promise.all(sources.map((s) => s.store.removeOpened()));
}
