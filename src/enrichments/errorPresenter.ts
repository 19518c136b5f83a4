// Turns a WoodpeckerApiError into a notification with the action that helps.
import * as vscode from 'vscode';
import type { WoodpeckerApiError } from '../api/client';

export interface ErrorActions {
	retry?: () => unknown;
}

const SET_KEY = 'Set API Key';
const RETRY = 'Retry';
const SHOW_LOG = 'Show Log';
const OPEN_SETTINGS = 'Open Settings';

/** The buttons that fit a failure: a key problem offers Set API Key, a passing fault Retry. */
export function actionsFor(error: WoodpeckerApiError, canRetry: boolean): string[] {
	if (error.kind === 'http' && (error.status === 401 || error.status === 403)) return [SET_KEY, SHOW_LOG];
	if (error.kind === 'invalid-request' && /key/i.test(error.title)) return [SET_KEY];
	if (error.kind === 'invalid-request' || (error.kind === 'http' && error.status === 404)) return [OPEN_SETTINGS, SHOW_LOG];
	return canRetry ? [RETRY, SHOW_LOG] : [SHOW_LOG];
}

/** Shows `context: message` as an error notification and runs the chosen action. */
export async function reportError(context: string, error: WoodpeckerApiError, actions: ErrorActions = {}): Promise<void> {
	if (error.kind === 'aborted') return;
	const choice = await vscode.window.showErrorMessage(`${context}: ${error.message}`, ...actionsFor(error, actions.retry !== undefined));
	switch (choice) {
		case SET_KEY:
			await vscode.commands.executeCommand('woodpecker.setApiKey');
			break;
		case RETRY:
			await actions.retry?.();
			break;
		case SHOW_LOG:
			await vscode.commands.executeCommand('woodpecker.showLog');
			break;
		case OPEN_SETTINGS:
			await vscode.commands.executeCommand('workbench.action.openSettings', 'woodpecker.');
			break;
	}
}
