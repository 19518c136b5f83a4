// Filter… / Clear Filter and Group by Day / Stop Grouping by Day: storing the choice is all (the
// provider and the view follow the store's change event).
import * as vscode from 'vscode';
import { count } from '../common/count';
import type { BatchRow } from '../model/enrichmentModel';
import { LEAD_FILTERS, type LeadFilter, countByFilter, filterLabel } from '../model/leadFilter';
import type { CommandContext } from './context';

interface FilterPick extends vscode.QuickPickItem {
	filter: LeadFilter;
}

/**
 * The quick pick of the five filters, the current one ticked, each with how many leads (and
 * batches) it shows. A script may pass `{ filter: 'pending' }` instead.
 */
export async function chooseFilter(ctx: CommandContext, arg?: unknown): Promise<void> {
	const given = (arg as { filter?: unknown } | undefined)?.filter;
	if (given !== undefined) {
		if (typeof given === 'string' && (LEAD_FILTERS as readonly string[]).includes(given)) return setFilter(ctx, given as LeadFilter);
		void vscode.window.showErrorMessage(vscode.l10n.t('Woodpecker: {0} is not a filter. Use one of {1}.', JSON.stringify(given), LEAD_FILTERS.join(', ')));
		return;
	}
	const current = ctx.view.options.filter;
	const counts = countByFilter(loadedRows(ctx));
	const items: FilterPick[] = LEAD_FILTERS.map((filter) => ({
		label: `${filter === current ? '$(check) ' : ''}${filterLabel(filter)}`,
		description: vscode.l10n.t('{0} in {1}', count(counts[filter].leads, vscode.l10n.t('lead'), vscode.l10n.t('leads')), count(counts[filter].batches, vscode.l10n.t('batch'), vscode.l10n.t('batches'))),
		filter,
	}));
	const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Woodpecker: Filter Leads'), placeHolder: vscode.l10n.t('Now: {0}. Show which leads?', filterLabel(current)) });
	if (pick) await setFilter(ctx, pick.filter);
}

export async function clearFilter(ctx: CommandContext): Promise<void> {
	await setFilter(ctx, 'all');
}

export async function setGroupByDay(ctx: CommandContext, on: boolean): Promise<void> {
	await ctx.view.options.setGroupByDay(on);
	ctx.log.info(on ? 'Batches grouped by day.' : 'Batches no longer grouped by day.');
}

async function setFilter(ctx: CommandContext, filter: LeadFilter): Promise<void> {
	await ctx.view.options.setFilter(filter);
	ctx.log.info(filter === 'all' ? 'Filter cleared: every lead is shown.' : `Filter set: only the leads "${filterLabel(filter)}" are shown.`);
}

function* loadedRows(ctx: CommandContext): Iterable<BatchRow> {
	for (const s of ctx.sources.sources) yield* s.store.data?.model.rows ?? [];
}
