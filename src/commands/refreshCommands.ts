import { reportError } from '../enrichments/errorPresenter';
import type { CommandContext } from './context';

/** Refreshes from the palette or the view: failures are reported with their action. */
export async function refresh(ctx: CommandContext): Promise<void> {
	const outcome = await ctx.store.refresh();
	if (!outcome.ok) await reportError('Could not refresh Woodpecker enrichments', outcome.error, { retry: () => refresh(ctx) });
}

export function cancelRefresh(ctx: CommandContext): void {
	ctx.store.cancel();
}
