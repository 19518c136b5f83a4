import * as vscode from 'vscode';

/** Context keys the manifest's `when` clauses read. */
export const ContextKeys = {
	/** Set once the key and cache were read at start-up. */
	ready: 'woodpecker.ready',
	hasApiKey: 'woodpecker.hasApiKey',
	hasData: 'woodpecker.hasData',
	refreshing: 'woodpecker.refreshing',
	/** 'no-key' | 'idle' | 'loading' | 'loaded' | 'empty' | 'error' */
	state: 'woodpecker.state',
} as const;

export function setContext(key: string, value: unknown): Thenable<unknown> {
	return vscode.commands.executeCommand('setContext', key, value);
}
