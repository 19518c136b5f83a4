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
		const choice = await vscode.window.showInformationMessage(`${what} Set your Woodpecker API key to load your enrichment batches.`, 'Set API Key');
		if (choice) await vscode.commands.executeCommand('woodpecker.setApiKey');
		return;
	}
	const filter = ctx.view.options.filter;
	if (filter !== 'all' && ctx.view.provider.shownCounts.batches > 0) {
		const clear = await vscode.window.showInformationMessage(`${what} The filter "${filterLabel(filter)}" is on: clear it to see every lead.`, 'Clear Filter');
		if (clear) await ctx.view.options.setFilter('all');
		return;
	}
	const choice = await vscode.window.showInformationMessage(`${what} Refresh, or choose an earlier cutoff.`, 'Refresh', 'Set Cutoff');
	if (choice === 'Refresh') await refreshAndReport(ctx);
	else if (choice === 'Set Cutoff') await vscode.commands.executeCommand('woodpecker.setCutoff');
}
