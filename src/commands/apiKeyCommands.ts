import * as vscode from 'vscode';
import { VIEW_ID } from '../tree/enrichmentView';
import type { CommandContext } from './context';

/** Asks for the key in a password box and stores it in SecretStorage; the scheduler loads with it. */
export async function setApiKey(ctx: CommandContext): Promise<void> {
	const key = await vscode.window.showInputBox({
		title: 'Woodpecker: Set API Key',
		prompt: "Paste your Woodpecker API key (Woodpecker → Marketplace → Integrations → API keys). It is kept in VS Code's secret storage.",
		placeHolder: 'API key',
		password: true,
		ignoreFocusOut: true,
		validateInput: (value) => (value.trim() ? undefined : 'The API key cannot be empty.'),
	});
	if (key === undefined || !key.trim()) return;
	await ctx.keys.set(key);
	ctx.log.info('API key set.');
	// Run from the palette, the view may be out of sight: bring it, since that is where the result shows.
	if (!ctx.view.treeView.visible) await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
}

export async function clearApiKey(ctx: CommandContext): Promise<void> {
	const choice = await vscode.window.showWarningMessage('Remove the Woodpecker API key from this machine?', { modal: true }, 'Clear API Key');
	if (choice !== 'Clear API Key') return;
	await ctx.keys.set(undefined);
	ctx.log.info('API key cleared.');
}
