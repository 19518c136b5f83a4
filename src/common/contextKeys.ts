import * as vscode from 'vscode';

/** Context keys the manifest's `when` clauses read. */
export const ContextKeys = {
	/** Set once the key and cache were read at start-up. */
	ready: 'woodpecker.ready',
	hasApiKey: 'woodpecker.hasApiKey',
	hasData: 'woodpecker.hasData',
	refreshing: 'woodpecker.refreshing',
	/** 'no-key' | 'idle' | 'loading' | 'loaded' | 'empty' | 'error', or 'accounts' when several share the view */
	state: 'woodpecker.state',
	/** Some source keeps batches opened by uuid (Clear Opened Batches shows in the palette). */
	hasOpened: 'woodpecker.hasOpened',
	/** How many accounts there are (commands that pick among them show from 2). */
	accounts: 'woodpecker.accountCount',
	/** A lead filter other than All is in force (the Filter button shows filled). */
	filtered: 'woodpecker.filtered',
	groupedByDay: 'woodpecker.groupedByDay',
	/** A cutoff was chosen (the walkthrough's step; a step done on the command itself would tick, and close the pick, before the choice). */
	cutoffChosen: 'woodpecker.cutoffChosen',
	/** A lead uid was copied (the walkthrough's step). */
	leadUidCopied: 'woodpecker.leadUidCopied',
} as const;

export function setContext(key: string, value: unknown): Thenable<unknown> {
	return vscode.commands.executeCommand('setContext', key, value);
}
