// Failure notifications: one per failure the user asked to hear about, with the action that helps.
import * as vscode from 'vscode';
import type { WoodpeckerApiError } from '../api/errors';
import { actionLabels, type ActionTarget, actionCommand, actionsForSource, inertLinks } from './errorActions';

export interface ActionHandlers {
	retry?: () => unknown;
	/** The account or company the actions are for, when several share the view. */
	target?: ActionTarget;
	/** A client company seen through its agency's key (a 403 or 404 then means it is out of reach). */
	isCompany?: boolean;
}

/** Shows `context: message` as an error notification and runs the chosen action. */
export async function reportError(context: string, error: WoodpeckerApiError, handlers: ActionHandlers = {}): Promise<void> {
	if (error.kind === 'aborted') return;
	const actions = actionsForSource(error, handlers.isCompany ?? false).filter((a) => a !== 'retry' || handlers.retry);
	const labels = actionLabels();
	const choice = await vscode.window.showErrorMessage(inertLinks(`${context}: ${error.message}`), ...actions.map((a) => labels[a]), labels.showLog);
	if (choice === undefined) return;
	if (choice === labels.showLog) return void (await vscode.commands.executeCommand('woodpecker.showLog'));
	const action = actions.find((a) => labels[a] === choice);
	if (action === 'retry') await handlers.retry?.();
	else if (action) {
		const { command, arguments: args = [] } = actionCommand(action, handlers.target);
		await vscode.commands.executeCommand(command, ...args);
	}
}
