import * as vscode from 'vscode';
import type { SourceOutcome } from '../accounts/sources';
import type { CommandContext } from './context';
import { inertLinks } from './errorActions';
import { reportError } from './errorPresenter';
import { sourceOfArg } from './targets';

/** Refresh from the palette or the view (every source), or Retry on a row (its source). */
export async function refresh(ctx: CommandContext, arg?: unknown): Promise<void> {
	const source = sourceOfArg(ctx, arg);
	await refreshAndReport(ctx, source ? [source.id] : undefined);
}

export function cancelRefresh(ctx: CommandContext): void {
	ctx.sources.cancel();
}

/**
 * A refresh the user asked for, and one notification if it failed: with the failing source's way
 * out when one failed, or naming the ones that failed (their rows say why) when several did.
 * Background refreshes only show their failure in the view.
 */
export async function refreshAndReport(ctx: CommandContext, sourceIds?: readonly string[]): Promise<void> {
	const outcomes = await ctx.scheduler.refreshNow(sourceIds);
	const failed = outcomes.filter((o): o is SourceOutcome & { outcome: { ok: false } } => !o.outcome.ok && o.outcome.error.kind !== 'aborted');
	if (!failed.length) return;
	const several = ctx.sources.several;
	if (failed.length === 1) {
		const { source, outcome } = failed[0];
		const what = several ? vscode.l10n.t('Could not refresh {0}', ctx.sources.label(source)) : vscode.l10n.t('Could not refresh Woodpecker enrichments');
		return reportError(what, outcome.error, { retry: () => refreshAndReport(ctx, [source.id]), target: several ? { sourceId: source.id } : undefined, isCompany: !!source.company });
	}
	const names = failed.map((f) => ctx.sources.label(f.source)).join(', ');
	const choice = await vscode.window.showErrorMessage(
		inertLinks(vscode.l10n.t('Could not refresh {0} of {1} Woodpecker accounts: {2}. Each row says why.', failed.length, outcomes.length, names)),
		vscode.l10n.t('Retry'),
		vscode.l10n.t('Show Log'),
	);
	if (choice === vscode.l10n.t('Retry')) {
		await refreshAndReport(
			ctx,
			failed.map((f) => f.source.id),
		);
	} else if (choice === vscode.l10n.t('Show Log')) ctx.log.show();
}
