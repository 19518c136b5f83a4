// Turns a WoodpeckerApiError into a notification with the action that helps.
import * as vscode from 'vscode';
import type { WoodpeckerApiError } from '../api/client';
import { OPEN_SETTINGS, RETRY, SET_KEY, SHOW_LOG, actionsFor } from './errorActions';

export interface ErrorActions {
	retry?: () => unknown;
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
