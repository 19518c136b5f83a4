import * as vscode from 'vscode';
import type { EnrichmentBatch } from '../api/types';
import type { EnrichmentNode } from '../tree/enrichmentTreeProvider';
import type { BatchNode } from '../tree/nodes/batchNode';
import type { LeadNode } from '../tree/nodes/leadNode';
import { leadLook } from '../model/leadState';
import { filterLabel } from '../model/leadFilter';
import type { CommandContext } from './context';
import { leadUids } from '../export/exportFormat';
import { offerWayToData } from './nothingToShow';
import { count } from '../common/count';
import { ContextKeys, setContext } from '../common/contextKeys';

/** Above this many leads the palette asks for a batch first, then a lead. */
const FLAT_PICK_LIMIT = 5000;

/**
 * Copies lead uids, one per line: the selected leads when invoked on a multi-selection,
 * the clicked lead, or one picked from a quick pick when run from the palette.
 */
export async function copyLeadUid(ctx: CommandContext, clicked?: EnrichmentNode, selected?: readonly EnrichmentNode[]): Promise<void> {
	let leads: LeadNode[] = (selected ?? []).filter((n): n is LeadNode => n.kind === 'lead');
	if (clicked?.kind === 'lead' && !leads.some((n) => n.id === clicked.id)) leads = [clicked];
	if (!leads.length) {
		const picked = await pickLead(ctx);
		if (!picked) return;
		leads = [picked];
	}
	await copy(leads.map((n) => n.uid).join('\n'), leads.length === 1 ? vscode.l10n.t('lead UID {0}', leads[0].uid) : vscode.l10n.t('{0} lead UIDs', leads.length));
	void setContext(ContextKeys.leadUidCopied, true);
}

export async function copyBatchUuid(ctx: CommandContext, clicked?: EnrichmentNode): Promise<void> {
	const batch = clicked?.kind === 'batch' ? clicked : clicked?.kind === 'lead' ? clicked.parent : await pickBatch(ctx, vscode.l10n.t('Copy the UUID of which batch?'));
	if (!batch) return;
	await copy(batch.row.batch.uuid, vscode.l10n.t('batch UUID {0}', batch.row.batch.uuid));
}

/**
 * Every lead uid of the clicked batch (or a lead's batch) the view shows under it, one per line: under
 * a filter, the matching ones (what the row's "3 of 10 leads" counts). From the palette, of a picked batch.
 */
export async function copyAllLeadUids(ctx: CommandContext, clicked?: EnrichmentNode): Promise<void> {
	const batch = clicked?.kind === 'batch' ? clicked : clicked?.kind === 'lead' ? clicked.parent : await pickBatch(ctx, vscode.l10n.t('Copy the lead UIDs of which batch?'));
	if (!batch) return;
	const leads = ctx.view.provider.leadsOf(batch).map((n) => n.row.lead);
	const filtered = batch.filter === 'all' ? '' : vscode.l10n.t(' (filter "{0}")', filterLabel(batch.filter));
	await copy(leadUids(leads), vscode.l10n.t('{0} of batch {1}{2}', count(leads.length, vscode.l10n.t('lead UID'), vscode.l10n.t('lead UIDs')), batch.row.batch.uuid, filtered));
	void setContext(ContextKeys.leadUidCopied, true);
}

/** Every lead uid of these batches, one per line, batch after batch (the processed notification's Copy UIDs). */
export async function copyLeadUidsOf(batches: readonly EnrichmentBatch[]): Promise<void> {
	const leads = batches.flatMap((b) => b.leads);
	const of = batches.length === 1 ? vscode.l10n.t('batch {0}', batches[0].uuid) : count(batches.length, vscode.l10n.t('batch'), vscode.l10n.t('batches'));
	await copy(leadUids(leads), vscode.l10n.t('{0} of {1}', count(leads.length, vscode.l10n.t('lead UID'), vscode.l10n.t('lead UIDs')), of));
}

/** The clicked batch or lead exactly as received, pretty-printed; from the palette, a picked batch. */
export async function copyAsJson(ctx: CommandContext, clicked?: EnrichmentNode): Promise<void> {
	if (clicked?.kind === 'lead') return copy(JSON.stringify(clicked.row.lead, null, 2), vscode.l10n.t('the JSON of lead {0}', clicked.uid));
	const batch = clicked?.kind === 'batch' ? clicked : await pickBatch(ctx, vscode.l10n.t('Copy the JSON of which batch?'));
	if (!batch) return;
	await copy(JSON.stringify(batch.row.batch, null, 2), vscode.l10n.t('the JSON of batch {0}', batch.row.batch.uuid));
}

async function copy(text: string, what: string): Promise<void> {
	await vscode.env.clipboard.writeText(text);
	vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied {0}', what), 3000);
}

/** Quick pick of the batches on screen; undefined when there are none or the user cancels. */
async function pickBatch(ctx: CommandContext, placeHolder: string): Promise<BatchNode | undefined> {
	const batches = ctx.view.provider.batchNodes;
	if (!batches.length) {
		void offerWayToData(ctx, vscode.l10n.t('There are no enrichment batches on screen.'));
		return undefined;
	}
	const several = ctx.sources.several;
	const items = batches.map((node) => {
		const item = ctx.view.provider.getTreeItem(node);
		const description = String(item.description ?? '');
		return { label: String(item.label), description: several ? `${ctx.sources.label(node.source)} · ${description}` : description, detail: node.row.batch.uuid, node };
	});
	return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDetail: true }))?.node;
}

/**
 * A quick pick of the leads on screen, grouped by batch (and account with several). Over
 * FLAT_PICK_LIMIT leads it asks for the batch first, unless `flat` (Find Lead… searches them all).
 */
export async function pickLead(ctx: CommandContext, placeHolder = vscode.l10n.t('Copy the UID of which lead?'), flat = false): Promise<LeadNode | undefined> {
	const provider = ctx.view.provider;
	// The leads on screen: under a filter, only the matching ones.
	const total = provider.shownCounts.shownLeads;
	let batches = provider.batchNodes;
	if (!flat && total > FLAT_PICK_LIMIT) {
		const batch = await pickBatch(ctx, vscode.l10n.t('Many leads are on screen: first pick their batch'));
		if (!batch) return undefined;
		batches = [batch];
	}
	const items: Array<vscode.QuickPickItem & { node?: LeadNode }> = [];
	for (const batch of batches) {
		const leads = provider.leadsOf(batch);
		if (!leads.length) continue;
		const label = String(provider.getTreeItem(batch).label);
		items.push({ label: ctx.sources.several ? `${ctx.sources.label(batch.source)} · ${label}` : label, kind: vscode.QuickPickItemKind.Separator });
		for (const node of leads) items.push({ label: node.uid, description: leadLook(node.row.lead).text, node });
	}
	if (!items.length) {
		void offerWayToData(ctx, vscode.l10n.t('There are no leads on screen.'));
		return undefined;
	}
	return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true }))?.node;
}
