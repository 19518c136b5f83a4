// Which account (or client company) a command acts on: the clicked row's, the one named by an
// action row, the only one there is, or the one the user picks when there are several.
import * as vscode from 'vscode';
import type { Account } from '../accounts/accountStore';
import type { Source } from '../accounts/sources';
import type { ActionTarget } from './errorActions';
import type { CommandContext } from './context';
import type { EnrichmentNode } from '../tree/enrichmentTreeProvider';
import { count } from '../common/count';

/** `arg` when it is an action row's target ({ sourceId }); a tree row (the view title's focused row) is not. */
export function actionTarget(arg: unknown): ActionTarget | undefined {
	const a = arg as Partial<ActionTarget & { kind: unknown }> | undefined;
	return a && typeof a === 'object' && typeof a.sourceId === 'string' && a.kind === undefined ? { sourceId: a.sourceId } : undefined;
}

/** The target of a row clicked in the tree: its source (an account's, a company's, a batch's or a lead's). */
export function rowTarget(node: EnrichmentNode | undefined): ActionTarget | undefined {
	switch (node?.kind) {
		case 'source':
		case 'batch':
			return { sourceId: node.source.id };
		case 'lead':
			return { sourceId: node.parent.source.id };
		default:
			return undefined;
	}
}

/** The source a row or action target belongs to, if the argument names one. */
export function sourceOfArg(ctx: CommandContext, arg: unknown): Source | undefined {
	const target = actionTarget(arg) ?? rowTarget(arg as EnrichmentNode | undefined);
	return target && ctx.sources.get(target.sourceId);
}

/** The account a row or target belongs to (a company's is its agency account). */
export function accountOfArg(ctx: CommandContext, arg: unknown): Account | undefined {
	const source = sourceOfArg(ctx, arg);
	return source && ctx.accounts.find(source.accountId);
}

/** The argument's account, the only one, or the one picked; undefined when there is none or the user cancels. */
export async function resolveAccount(ctx: CommandContext, arg: unknown, placeHolder: string, accept: (a: Account) => boolean = () => true): Promise<Account | undefined> {
	const given = accountOfArg(ctx, arg);
	if (given) return given;
	const candidates = ctx.accounts.accounts.filter(accept);
	if (candidates.length <= 1) return candidates[0];
	const items = candidates.map((account) => ({
		label: account.name,
		description: hasKey(ctx, account) ? describeCompanies(account) : vscode.l10n.t('no API key'),
		account,
	}));
	return (await vscode.window.showQuickPick(items, { placeHolder }))?.account;
}

/** The argument's source, the only one, or the one picked among those `accept` takes. */
export async function resolveSource(ctx: CommandContext, arg: unknown, placeHolder: string, accept: (s: Source) => boolean = () => true): Promise<Source | undefined> {
	const given = sourceOfArg(ctx, arg);
	if (given) return given;
	const candidates = ctx.sources.sources.filter(accept);
	if (candidates.length <= 1) return candidates[0];
	const items = candidates.map((source) => ({ label: ctx.sources.label(source), description: source.company ? vscode.l10n.t('client company') : undefined, source }));
	return (await vscode.window.showQuickPick(items, { placeHolder }))?.source;
}

/** Whether the account has a key, as its store last read it (no secret read per question). */
export function hasKey(ctx: CommandContext, account: Account): boolean {
	return ctx.sources.get(account.id)?.store.hasKey ?? false;
}

function describeCompanies(account: Account): string | undefined {
	const n = account.companies.length;
	return n ? vscode.l10n.t('agency · {0}', count(n, vscode.l10n.t('client company'), vscode.l10n.t('client companies'))) : undefined;
}
