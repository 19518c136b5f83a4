import * as vscode from 'vscode';
import { DEFAULT_ACCOUNT } from '../accounts/accountStore';
import { VIEW_ID } from '../tree/enrichmentView';
import type { CommandContext } from './context';
import { hasKey, resolveAccount } from './targets';

// A function, not a constant: VS Code may load the display language's bundle after this module.
const keyPrompt = () => vscode.l10n.t("Paste the Woodpecker API key (Woodpecker → Marketplace → Integrations → API keys). It is kept in VS Code's secret storage.");

/** A password box for a key; undefined when the user cancels. */
async function askForKey(title: string): Promise<string | undefined> {
	const key = await vscode.window.showInputBox({
		title,
		prompt: keyPrompt(),
		placeHolder: vscode.l10n.t('API key'),
		password: true,
		ignoreFocusOut: true,
		validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('The API key cannot be empty.')),
	});
	return key?.trim() || undefined;
}

/** Run from the palette, the view may be out of sight: bring it, since that is where the result shows. */
async function showView(ctx: CommandContext): Promise<void> {
	if (!ctx.view.treeView.visible) await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
}

/**
 * Asks for the key of the clicked account (or the only one, or the one picked) and stores it;
 * with no account yet it makes the "Default" one. The scheduler loads with the new key.
 */
export async function setApiKey(ctx: CommandContext, arg?: unknown): Promise<void> {
	const several = ctx.accounts.accounts.length > 1;
	const account = await resolveAccount(ctx, arg, vscode.l10n.t('Set the API key of which account?'));
	if (!account && ctx.accounts.accounts.length) return;
	const key = await askForKey(account && several ? vscode.l10n.t('Woodpecker: Set API Key for {0}', account.name) : vscode.l10n.t('Woodpecker: Set API Key'));
	if (!key) return;
	if (account) await ctx.accounts.setKey(account.id, key);
	else await ctx.accounts.add(DEFAULT_ACCOUNT.name, key);
	ctx.log.info(`API key set${account && several ? ` for ${account.name}` : ''}.`);
	await showView(ctx);
}

export async function clearApiKey(ctx: CommandContext, arg?: unknown): Promise<void> {
	const account = await resolveAccount(ctx, arg, vscode.l10n.t('Clear the API key of which account?'), (a) => hasKey(ctx, a));
	if (!account) return;
	const several = ctx.accounts.accounts.length > 1;
	const question = several ? vscode.l10n.t('Remove the Woodpecker API key of "{0}" from this machine?', account.name) : vscode.l10n.t('Remove the Woodpecker API key from this machine?');
	const choice = await vscode.window.showWarningMessage(question, { modal: true }, vscode.l10n.t('Clear API Key'));
	if (choice !== vscode.l10n.t('Clear API Key')) return;
	await ctx.accounts.setKey(account.id, undefined);
	ctx.log.info(`API key cleared${several ? ` for ${account.name}` : ''}.`);
}

/** A name (non-empty, unique) and a key; the new account loads at once. */
export async function addAccount(ctx: CommandContext): Promise<void> {
	const name = await vscode.window.showInputBox({
		title: vscode.l10n.t('Woodpecker: Add Account (1/2)'),
		prompt: vscode.l10n.t('A name for the account, as the view shows it (a client, a team, an agency).'),
		placeHolder: vscode.l10n.t('Account name'),
		ignoreFocusOut: true,
		validateInput: (value) => ctx.accounts.validateName(value),
	});
	if (name === undefined || ctx.accounts.validateName(name)) return;
	const key = await askForKey(vscode.l10n.t('Woodpecker: Add Account (2/2): API key for {0}', name.trim()));
	if (!key) return;
	const account = await ctx.accounts.add(name, key);
	ctx.log.info(`Account ${account.name} added.`);
	await showView(ctx);
}

export async function renameAccount(ctx: CommandContext, arg?: unknown): Promise<void> {
	const account = await resolveAccount(ctx, arg, vscode.l10n.t('Rename which account?'));
	if (!account) return void vscode.window.showInformationMessage(vscode.l10n.t('There is no account to rename yet. Add one first.'), vscode.l10n.t('Add Account')).then((c) => (c ? addAccount(ctx) : undefined));
	const name = await vscode.window.showInputBox({
		title: vscode.l10n.t('Woodpecker: Rename Account {0}', account.name),
		value: account.name,
		ignoreFocusOut: true,
		validateInput: (value) => ctx.accounts.validateName(value, account.id),
	});
	if (name === undefined || name.trim() === account.name || ctx.accounts.validateName(name, account.id)) return;
	await ctx.accounts.rename(account.id, name);
	ctx.log.info(`Account ${account.name} renamed ${name.trim()}.`);
}

/** After a confirmation: the account goes, with its key and its cached batches. */
export async function removeAccount(ctx: CommandContext, arg?: unknown): Promise<void> {
	const account = await resolveAccount(ctx, arg, vscode.l10n.t('Remove which account?'));
	if (!account) return void vscode.window.showInformationMessage(vscode.l10n.t('There is no account to remove.'));
	const choice = await vscode.window.showWarningMessage(
		vscode.l10n.t('Remove the account "{0}"?', account.name),
		{ modal: true, detail: vscode.l10n.t('Its API key and its cached batches are deleted from this machine. Nothing changes in Woodpecker.') },
		vscode.l10n.t('Remove Account'),
	);
	if (choice !== vscode.l10n.t('Remove Account')) return;
	await ctx.accounts.remove(account.id);
	ctx.log.info(`Account ${account.name} removed.`);
}
