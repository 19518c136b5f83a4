import * as vscode from 'vscode';
import { type Cutoff, describeCutoff, sameCutoff, validateCutoffDate } from '../settings/cutoff';
import { toIsoDate } from '../api/dates';
import { reportError } from '../enrichments/errorPresenter';
import { refresh } from './refreshCommands';
import type { CommandContext } from './context';

interface CutoffPick extends vscode.QuickPickItem {
	cutoff?: Cutoff;
}

/** Quick pick of cutoffs; "A specific date…" asks for a validated YYYY-MM-DD. */
export async function setCutoff(ctx: CommandContext): Promise<void> {
	const current = ctx.cutoffs.get();
	const choices: Cutoff[] = [{ kind: 'default' }, { kind: 'days', days: 7 }, { kind: 'days', days: 30 }];
	const items: CutoffPick[] = choices.map((cutoff) => ({
		label: capitalize(describeCutoff(cutoff)),
		description: cutoff.kind === 'default' ? 'the API default' : undefined,
		picked: sameCutoff(cutoff, current),
		cutoff,
	}));
	items.push({ label: 'A specific date…', description: current.kind === 'date' ? `now ${current.date}` : undefined });
	for (const item of items) if (item.picked) item.label = `$(check) ${item.label}`;
	const pick = await vscode.window.showQuickPick(items, { title: 'Woodpecker: Show Batches Created In…', placeHolder: `Now: ${describeCutoff(current)}` });
	if (!pick) return;
	const cutoff = pick.cutoff ?? (await askForDate(current));
	if (!cutoff) return;
	await ctx.cutoffs.set(cutoff);
	ctx.view.update();
	ctx.log.info(`Cutoff set to ${describeCutoff(cutoff)}.`);
	if (ctx.store.hasKey) {
		// Takes effect at once: a refresh under way for the old cutoff is replaced.
		const outcome = await ctx.store.refresh({ restart: true });
		if (!outcome.ok) await reportError('Could not refresh Woodpecker enrichments', outcome.error, { retry: () => refresh(ctx) });
	}
}

async function askForDate(current: Cutoff): Promise<Cutoff | undefined> {
	const date = await vscode.window.showInputBox({
		title: 'Woodpecker: Show Batches Created After',
		prompt: 'A date as YYYY-MM-DD; batches created after it are shown.',
		placeHolder: toIsoDate(new Date(Date.now() - 7 * 86_400_000)),
		value: current.kind === 'date' ? current.date : '',
		ignoreFocusOut: true,
		validateInput: (value) => validateCutoffDate(value),
	});
	return date === undefined ? undefined : { kind: 'date', date: date.trim() };
}

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
