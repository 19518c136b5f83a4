import * as vscode from 'vscode';
import type { EnrichmentNode } from '../tree/enrichmentTreeProvider';
import { clearApiKey, setApiKey } from './apiKeyCommands';
import type { CommandContext } from './context';
import { copyBatchUuid, copyLeadUid } from './copyCommands';
import { setCutoff } from './cutoffCommand';
import { inertLinks } from './errorActions';
import { lookupBatch } from './lookupCommand';
import { showRawJson } from './rawJsonCommands';
import { cancelRefresh, refresh } from './refreshCommands';

/** Registers every contributed command; the returned disposables go into context.subscriptions. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
	const handlers: Record<string, (...args: never[]) => unknown> = {
		'woodpecker.refresh': () => refresh(ctx),
		'woodpecker.cancelRefresh': () => cancelRefresh(ctx),
		'woodpecker.setCutoff': () => setCutoff(ctx),
		'woodpecker.setApiKey': () => setApiKey(ctx),
		'woodpecker.clearApiKey': () => clearApiKey(ctx),
		'woodpecker.showRawJson': (node?: EnrichmentNode) => showRawJson(ctx, node),
		// The view title's button: VS Code passes it the focused row, which must not narrow it to that row.
		'woodpecker.showRawJsonResponse': () => showRawJson(ctx),
		'woodpecker.lookupBatch': () => lookupBatch(ctx),
		'woodpecker.copyLeadUid': (node?: EnrichmentNode, selected?: EnrichmentNode[]) => copyLeadUid(ctx, node, selected),
		'woodpecker.copyBatchUuid': (node?: EnrichmentNode) => copyBatchUuid(ctx, node),
		'woodpecker.showLog': () => ctx.log.show(),
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
			void vscode.window.showErrorMessage(inertLinks(`Woodpecker: ${message}`), 'Show Log').then((c) => c && ctx.log.show());
		}
	};
}
