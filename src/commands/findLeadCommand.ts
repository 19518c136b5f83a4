import type { LeadNode } from '../tree/nodes/leadNode';
import type { CommandContext } from './context';
import { pickLead } from './copyCommands';
import { offerWayToData } from './nothingToShow';

/**
 * Find Lead…: a quick pick over every lead on screen (uid, status, under its batch's time and
 * account), matched on any part of the uid; the chosen lead is revealed and selected in the tree.
 * A script may pass `{ uid }` instead of picking.
 */
export async function findLead(ctx: CommandContext, arg?: unknown): Promise<void> {
	const uid = typeof (arg as { uid?: unknown } | undefined)?.uid === 'string' ? (arg as { uid: string }).uid : undefined;
	const node = uid === undefined ? await pickLead(ctx, 'Type any part of a lead uid', true) : findByUid(ctx, uid);
	if (!node) {
		if (uid !== undefined) void offerWayToData(ctx, `No lead ${uid} is on screen.`);
		return;
	}
	await ctx.view.treeView.reveal(node, { select: true, focus: true, expand: true });
}

function findByUid(ctx: CommandContext, uid: string): LeadNode | undefined {
	for (const batch of ctx.view.provider.batchNodes) {
		const lead = ctx.view.provider.leadsOf(batch).find((l) => l.uid === uid);
		if (lead) return lead;
	}
	return undefined;
}
