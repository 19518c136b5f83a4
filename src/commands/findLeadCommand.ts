import * as vscode from 'vscode';
import { filterLabel } from '../model/leadFilter';
import type { LeadNode } from '../tree/nodes/leadNode';
import type { CommandContext } from './context';
import { inertLinks } from './errorActions';
import { pickLead } from './copyCommands';
import { offerWayToData } from './nothingToShow';

/**
 * Find Lead…: a quick pick over every lead on screen (uid, status, under its batch's time and
 * account; under a filter, only the matching leads), matched on any part of the uid; the chosen
 * lead is revealed and selected in the tree, under its day row when grouped by day.
 * A script may pass `{ uid }` instead of picking; a lead the filter hides offers Clear Filter.
 */
export async function findLead(ctx: CommandContext, arg?: unknown): Promise<void> {
	const uid = typeof (arg as { uid?: unknown } | undefined)?.uid === 'string' ? (arg as { uid: string }).uid : undefined;
	const node = uid === undefined ? await pickLead(ctx, vscode.l10n.t('Type any part of a lead uid'), true) : findByUid(ctx, uid);
	if (!node) {
		if (uid !== undefined && hiddenByFilter(ctx, uid)) void offerClearFilter(ctx, uid);
		else if (uid !== undefined) void offerWayToData(ctx, vscode.l10n.t('No lead {0} is on screen.', uid));
		return;
	}
	await ctx.view.treeView.reveal(node, { select: true, focus: true, expand: true });
}

/** Whether a batch within the cutoff holds the lead, though the filter hides it. */
function hiddenByFilter(ctx: CommandContext, uid: string): boolean {
	if (ctx.view.options.filter === 'all') return false;
	return ctx.sources.sources.some((s) => s.store.data?.model.rows.some((r) => r.batch.leads.some((l) => l.uid === uid)));
}

async function offerClearFilter(ctx: CommandContext, uid: string): Promise<void> {
	const filter = filterLabel(ctx.view.options.filter);
	const choice = await vscode.window.showInformationMessage(inertLinks(vscode.l10n.t('Lead {0} is loaded, but the filter "{1}" hides it.', uid, filter)), vscode.l10n.t('Clear Filter and Show It'));
	if (!choice) return;
	await ctx.view.options.setFilter('all');
	const node = findByUid(ctx, uid);
	if (node) await ctx.view.treeView.reveal(node, { select: true, focus: true, expand: true });
}

function findByUid(ctx: CommandContext, uid: string): LeadNode | undefined {
	for (const batch of ctx.view.provider.batchNodes) {
		const lead = ctx.view.provider.leadsOf(batch).find((l) => l.uid === uid);
		if (lead) return lead;
	}
	return undefined;
}
