import * as vscode from 'vscode';

/** Context keys the manifest's `when` clauses read. */
export const ContextKeys = {
	hasApiKey: 'woodpecker.hasApiKey',
	hasData: 'woodpecker.hasData',
	refreshing: 'woodpecker.refreshing',
	/** 'no-key' | 'loading' | 'loaded' | 'empty' | 'error' */
	state: 'woodpecker.state',
} as const;

export function setContext(key: string, value: unknown): Thenable<unknown> {
	return vscode.commands.executeCommand('setContext', key, value);
}
