import * as vscode from 'vscode';
import { localIsoDate } from '../api/dates';
import { ContextKeys, setContext } from '../common/contextKeys';
import { formatTime } from '../common/formatTime';
import { type Cutoff, describeCutoff, sameCutoff, validateCutoffDate, windowStart } from '../settings/cutoff';
import type { CommandContext } from './context';

interface CutoffPick extends vscode.QuickPickItem {
	cutoff?: Cutoff;
}

/** Quick pick of cutoffs; "A specific date…" asks for a validated YYYY-MM-DD. Storing it is all: the scheduler refreshes. */
export async function setCutoff(ctx: CommandContext): Promise<void> {
	const current = ctx.cutoffs.get();
	const now = new Date();
	const choices: Cutoff[] = [
		{ kind: 'days', days: 1 },
		{ kind: 'days', days: 7 },
		{ kind: 'days', days: 30 },
	];
	const items: CutoffPick[] = choices.map((cutoff) => ({
		label: `${sameCutoff(cutoff, current) ? '$(check) ' : ''}${capitalize(describeCutoff(cutoff))}`,
		// The exact start, so "last 7 days" is not mistaken for calendar days.
		description: vscode.l10n.t('since {0}', formatTime(new Date(windowStart(cutoff, now)), now)),
		cutoff,
	}));
	items.push({
		label: vscode.l10n.t('{0}A specific date…', current.kind === 'date' ? '$(check) ' : ''),
		description: current.kind === 'date' ? vscode.l10n.t('now {0}', current.date) : vscode.l10n.t('from midnight of a day you choose'),
	});
	// Kept open when the focus moves (a walkthrough page taking it back was seen to close it before a choice).
	const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Woodpecker: Show Batches Created In…'), placeHolder: vscode.l10n.t('Now: {0}', describeCutoff(current)), ignoreFocusOut: true });
	if (!pick) return;
	const cutoff = pick.cutoff ?? (await askForDate(current));
	if (!cutoff) return;
	await ctx.cutoffs.set(cutoff);
	ctx.log.info(`Cutoff set to ${describeCutoff(cutoff)}.`);
	void setContext(ContextKeys.cutoffChosen, true);
}

async function askForDate(current: Cutoff): Promise<Cutoff | undefined> {
	const date = await vscode.window.showInputBox({
		title: vscode.l10n.t('Woodpecker: Show Batches Created On or After'),
		prompt: vscode.l10n.t('A date as YYYY-MM-DD: batches created from that day on (from midnight, your time) are shown.'),
		placeHolder: localIsoDate(new Date(Date.now() - 7 * 86_400_000)),
		value: current.kind === 'date' ? current.date : '',
		ignoreFocusOut: true,
		validateInput: (value) => validateCutoffDate(value, new Date()),
	});
	return date === undefined ? undefined : { kind: 'date', date: date.trim() };
}

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
