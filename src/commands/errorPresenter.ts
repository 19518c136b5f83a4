// Failure notifications: one per failure the user asked to hear about, with the action that helps.
import * as vscode from 'vscode';
import type { WoodpeckerApiError } from '../api/errors';
import { ACTION_LABELS, actionCommand, actionsFor, inertLinks } from './errorActions';

export interface ActionHandlers {
	retry?: () => unknown;
}

/** Shows `context: message` as an error notification and runs the chosen action. */
export async function reportError(context: string, error: WoodpeckerApiError, handlers: ActionHandlers = {}): Promise<void> {
	if (error.kind === 'aborted') return;
	const actions = actionsFor(error).filter((a) => a !== 'retry' || handlers.retry);
	const choice = await vscode.window.showErrorMessage(inertLinks(`${context}: ${error.message}`), ...actions.map((a) => ACTION_LABELS[a]), ACTION_LABELS.showLog);
	if (choice === undefined) return;
	if (choice === ACTION_LABELS.showLog) return void (await vscode.commands.executeCommand('woodpecker.showLog'));
	const action = actions.find((a) => ACTION_LABELS[a] === choice);
	if (action === 'retry') await handlers.retry?.();
	else if (action) {
		const { command, arguments: args = [] } = actionCommand(action);
		await vscode.commands.executeCommand(command, ...args);
	}
}
