import * as vscode from 'vscode';
import type { Account, ClientCompany } from '../accounts/accountStore';
import type { AgencyCompany } from '../api/types';
import { toApiError } from '../api/errors';
import type { CommandContext } from './context';
import { inertLinks } from './errorActions';
import { reportError } from './errorPresenter';
import { offerWayToData } from './nothingToShow';
import { hasKey, resolveAccount } from './targets';

interface CompanyPick extends vscode.QuickPickItem {
	company: ClientCompany;
}

/**
 * Lists an agency account's client companies and lets the user choose which to show under it.
 * A key without the agency add-on is told so, and nothing about the account changes.
 */
export async function chooseCompanies(ctx: CommandContext, arg?: unknown): Promise<void> {
	const account = await resolveAccount(ctx, arg, vscode.l10n.t('Choose the client companies of which agency account?'), (a) => hasKey(ctx, a));
	if (!account) return void (ctx.sources.hasKey ? undefined : offerWayToData(ctx, vscode.l10n.t('No account has an API key yet.')));
	const hq = ctx.sources.get(account.id);
	if (!hq?.store.hasKey) {
		const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Set the API key of {0} first: its client companies are listed with it.', account.name), vscode.l10n.t('Set API Key'));
		if (choice) await vscode.commands.executeCommand('woodpecker.setApiKey', { sourceId: account.id });
		return;
	}
	let listed: AgencyCompany[];
	try {
		listed = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Listing the client companies of {0}…', account.name), cancellable: true }, (_p, token) => {
			const abort = new AbortController();
			token.onCancellationRequested(() => abort.abort());
			return hq.store.listCompanies(abort.signal);
		});
	} catch (e) {
		const error = toApiError(e);
		if (error.kind === 'aborted') return;
		if ((error.kind === 'http' && error.status === 403) || error.kind === 'invalid-response') {
			const why = error.kind === 'http' ? (error.details ?? error.message) : error.message;
			const text = vscode.l10n.t('The key of {0} is not an agency key: Woodpecker did not list client companies for it ({1}). Nothing about the account changed.', account.name, why);
			ctx.log.warn(text);
			const choice = await vscode.window.showWarningMessage(inertLinks(text), vscode.l10n.t('Show Log'));
			if (choice) ctx.log.show();
			return;
		}
		const target = ctx.sources.several ? { sourceId: account.id } : undefined;
		return reportError(vscode.l10n.t('Could not list the client companies of {0}', account.name), error, { retry: () => chooseCompanies(ctx, { sourceId: account.id }), target });
	}
	const chosen = await pickCompanies(account, listed);
	if (!chosen) return;
	await ctx.accounts.setCompanies(account.id, chosen);
	ctx.log.info(`Client companies of ${account.name}: ${chosen.length} shown.`);
}

/** The multi-select pick: every listed company (the current choice picked), and chosen ones Woodpecker no longer lists. */
async function pickCompanies(account: Account, listed: readonly AgencyCompany[]): Promise<ClientCompany[] | undefined> {
	const chosen = new Set(account.companies.map((c) => c.id));
	const items: CompanyPick[] = listed.map((c) => ({
		label: c.name,
		description: [c.active === false ? 'inactive' : undefined, vscode.l10n.t('id {0}', c.id)].filter(Boolean).join(' · '),
		detail: typeof c.owner === 'string' && c.owner ? `Owner: ${c.owner}` : undefined,
		picked: chosen.has(c.id),
		company: { id: c.id, name: c.name },
	}));
	const gone = account.companies.filter((c) => !listed.some((l) => l.id === c.id));
	for (const c of gone) items.push({ label: c.name, description: vscode.l10n.t('id {0} · no longer listed by Woodpecker', c.id), picked: true, company: c });
	if (!items.length) {
		void vscode.window.showInformationMessage(vscode.l10n.t('Woodpecker lists no client companies for the agency of {0}.', account.name));
		return undefined;
	}
	const picks = await vscode.window.showQuickPick(items, {
		title: vscode.l10n.t('Woodpecker: Client Companies of {0}', account.name),
		placeHolder: vscode.l10n.t('Pick the companies to show under this account (their batches are loaded with its key)'),
		canPickMany: true,
		matchOnDescription: true,
		matchOnDetail: true,
		ignoreFocusOut: true,
	});
	return picks?.map((p) => p.company);
}
