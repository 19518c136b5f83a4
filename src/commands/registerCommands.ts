import * as vscode from 'vscode';
import type { EnrichmentNode } from '../tree/enrichmentTreeProvider';
import { addAccount, clearApiKey, removeAccount, renameAccount, setApiKey } from './apiKeyCommands';
import { chooseCompanies } from './companiesCommand';
import type { CommandContext } from './context';
import { copyAllLeadUids, copyAsJson, copyBatchUuid, copyLeadUid } from './copyCommands';
import { exportArgs, exportShown } from './exportCommand';
import { findLead } from './findLeadCommand';
import { chooseFilter, clearFilter, setGroupByDay } from './filterCommands';
import { setCutoff } from './cutoffCommand';
import { inertLinks } from './errorActions';
import { clearOpenedBatches, lookupBatch, removeOpenedBatch } from './lookupCommand';
import { showRawJson } from './rawJsonCommands';
import { actionTarget, rowTarget } from './targets';
import { cancelRefresh, refresh } from './refreshCommands';

/** Registers every contributed command; the returned disposables go into context.subscriptions. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
	const handlers: Record<string, (...args: never[]) => unknown> = {
		// The palette and the view title run these for every account or ask which one: the view title
		// passes the focused row, which must not narrow them. Action rows pass their target ({ sourceId }).
		'woodpecker.refresh': (arg?: unknown) => refresh(ctx, actionTarget(arg)),
		'woodpecker.cancelRefresh': () => cancelRefresh(ctx),
		'woodpecker.setCutoff': () => setCutoff(ctx),
		'woodpecker.setApiKey': (arg?: unknown) => setApiKey(ctx, actionTarget(arg)),
		'woodpecker.clearApiKey': (arg?: unknown) => clearApiKey(ctx, actionTarget(arg)),
		'woodpecker.addAccount': () => addAccount(ctx),
		'woodpecker.renameAccount': (arg?: unknown) => renameAccount(ctx, actionTarget(arg)),
		'woodpecker.removeAccount': (arg?: unknown) => removeAccount(ctx, actionTarget(arg)),
		'woodpecker.chooseCompanies': (arg?: unknown) => chooseCompanies(ctx, actionTarget(arg)),
		'woodpecker.lookupBatch': (arg?: unknown) => lookupBatch(ctx, actionTarget(arg)),
		// The same, from an account's (or company's) context menu: for the row clicked.
		'woodpecker.account.refresh': (node?: EnrichmentNode) => refresh(ctx, rowTarget(node)),
		'woodpecker.account.setApiKey': (node?: EnrichmentNode) => setApiKey(ctx, rowTarget(node)),
		'woodpecker.account.clearApiKey': (node?: EnrichmentNode) => clearApiKey(ctx, rowTarget(node)),
		'woodpecker.account.rename': (node?: EnrichmentNode) => renameAccount(ctx, rowTarget(node)),
		'woodpecker.account.remove': (node?: EnrichmentNode) => removeAccount(ctx, rowTarget(node)),
		'woodpecker.account.chooseCompanies': (node?: EnrichmentNode) => chooseCompanies(ctx, rowTarget(node)),
		'woodpecker.account.lookupBatch': (node?: EnrichmentNode) => lookupBatch(ctx, rowTarget(node)),
		'woodpecker.showRawJson': (node?: EnrichmentNode) => showRawJson(ctx, node),
		// The view title's button: VS Code passes it the focused row, which must not narrow it to that row.
		'woodpecker.showRawJsonResponse': () => showRawJson(ctx),
		'woodpecker.copyLeadUid': (node?: EnrichmentNode, selected?: EnrichmentNode[]) => copyLeadUid(ctx, node, selected),
		'woodpecker.copyBatchUuid': (node?: EnrichmentNode) => copyBatchUuid(ctx, node),
		'woodpecker.copyAllLeadUids': (node?: EnrichmentNode) => copyAllLeadUids(ctx, node),
		'woodpecker.copyAsJson': (node?: EnrichmentNode) => copyAsJson(ctx, node),
		// From the view title it gets the focused row, which is no export's argument.
		'woodpecker.export': (arg?: unknown) => exportShown(ctx, exportArgs(arg)),
		// Only a script's { uid } narrows it: from the view title it gets the focused row.
		'woodpecker.findLead': (arg?: unknown) => findLead(ctx, (arg as { kind?: unknown } | undefined)?.kind === undefined ? arg : undefined),
		'woodpecker.removeOpenedBatch': (node?: EnrichmentNode) => removeOpenedBatch(node),
		'woodpecker.clearOpenedBatches': (node?: EnrichmentNode) => clearOpenedBatches(ctx, node),
		'woodpecker.showLog': () => ctx.log.show(),
		// From the view title they get the focused row: only a script's { filter } chooses without asking.
		'woodpecker.filter': (arg?: unknown) => chooseFilter(ctx, (arg as { kind?: unknown } | undefined)?.kind === undefined ? arg : undefined),
		'woodpecker.filterActive': () => chooseFilter(ctx),
		'woodpecker.clearFilter': () => clearFilter(ctx),
		'woodpecker.groupByDay': () => setGroupByDay(ctx, true),
		'woodpecker.ungroupByDay': () => setGroupByDay(ctx, false),
	};
	return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, guard(id, handler, ctx)));
}

// A command must never end in an unhandled rejection: anything unexpected is logged and shown.
function guard(id: string, handler: (...args: never[]) => unknown, ctx: CommandContext) {
	return async (...args: never[]) => {
		try {
			return await handler(...args);
		} catch (e) {
			const message = e instanceof Error ? e.message : String(e);
			ctx.log.error(`${id} failed: ${message}`);
			void vscode.window.showErrorMessage(inertLinks(`Woodpecker: ${message}`), vscode.l10n.t('Show Log')).then((c) => c && ctx.log.show());
		}
	};
}
