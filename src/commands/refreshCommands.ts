import type * as vscode from 'vscode';
import type { EnrichmentStore } from '../enrichments/enrichmentStore';
import type { CommandContext } from './context';
import { reportError } from './errorPresenter';

/** Refresh from the palette, the view or a Retry button; a failure is told by notifyRefreshFailures. */
export async function refresh(ctx: CommandContext): Promise<void> {
	await ctx.scheduler.refreshNow();
}

export function cancelRefresh(ctx: CommandContext): void {
	ctx.store.cancel();
}

/**
 * One notification per failed refresh the user asked for (a command, a button, a new key or
 * cutoff); background refreshes only show their failure in the view.
 */
export function notifyRefreshFailures(store: EnrichmentStore, retry: () => unknown): vscode.Disposable {
	return store.onDidFinishRefresh(({ outcome, trigger }) => {
		if (outcome.ok || trigger !== 'user') return;
		void reportError('Could not refresh Woodpecker enrichments', outcome.error, { retry });
	});
}
