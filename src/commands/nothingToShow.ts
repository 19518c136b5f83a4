import * as vscode from 'vscode';
import { filterLabel } from '../model/leadFilter';
import type { CommandContext } from './context';
import { refreshAndReport } from './refreshCommands';

/**
 * Nothing to act on: says so, with the way to get data (a key first, then the filter when it hides
 * loaded batches, else an earlier cutoff or a refresh).
 */
export async function offerWayToData(ctx: CommandContext, what: string): Promise<void> {
	if (!ctx.sources.hasKey) {
		const choice = await vscode.window.showInformationMessage(vscode.l10n.t('{0} Set your Woodpecker API key to load your enrichment batches.', what), vscode.l10n.t('Set API Key'));
		if (choice) await vscode.commands.executeCommand('woodpecker.setApiKey');
		return;
	}
	const filter = ctx.view.options.filter;
	if (filter !== 'all' && ctx.view.provider.shownCounts.batches > 0) {
		const clear = await vscode.window.showInformationMessage(vscode.l10n.t('{0} The filter "{1}" is on: clear it to see every lead.', what, filterLabel(filter)), vscode.l10n.t('Clear Filter'));
		if (clear) await ctx.view.options.setFilter('all');
		return;
	}
	const choice = await vscode.window.showInformationMessage(vscode.l10n.t('{0} Refresh, or choose an earlier cutoff.', what), vscode.l10n.t('Refresh'), vscode.l10n.t('Set Cutoff'));
	if (choice === vscode.l10n.t('Refresh')) await refreshAndReport(ctx);
	else if (choice === vscode.l10n.t('Set Cutoff')) await vscode.commands.executeCommand('woodpecker.setCutoff');
}
