// Links into the editor: vscode://woodpecker-community.woodpecker-enrichments/batch?uuid=<uuid>
// (optionally &account=<name>) opens that batch as Open Enrichment Batch… does, so a script or a
// chat message can point straight at it.
import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { describeInvalidUuid } from './batchUuid';
import { inertLinks } from './errorActions';
import { openBatch } from './lookupCommand';
import { offerWayToData } from './nothingToShow';
import { resolveSource } from './targets';

export async function handleUri(ctx: CommandContext, uri: vscode.Uri): Promise<void> {
	const query = new URLSearchParams(uri.query);
	if (uri.path !== '/batch') {
		ctx.log.warn(`Ignored a link the extension does not know: ${uri.path}`);
		void vscode.window.showWarningMessage(inertLinks(vscode.l10n.t('Woodpecker: this link ({0}) is not one the extension knows. Links look like …/batch?uuid=<batch uuid>.', uri.path)));
		return;
	}
	const uuid = query.get('uuid')?.trim() ?? '';
	const problem = describeInvalidUuid(uuid);
	if (problem) {
		ctx.log.warn(`A batch link without a valid uuid (${JSON.stringify(uuid)}): nothing was sent.`);
		void vscode.window.showErrorMessage(inertLinks(vscode.l10n.t('Woodpecker: the link\'s uuid "{0}" is not a batch uuid. {1}', uuid, problem)));
		return;
	}
	if (!ctx.sources.hasKey) return offerWayToData(ctx, vscode.l10n.t('A link asks for batch {0}.', uuid));
	const named = query.get('account')?.trim().toLocaleLowerCase();
	const byName = named ? ctx.sources.sources.find((s) => s.store.hasKey && ctx.sources.label(s).toLocaleLowerCase() === named) : undefined;
	const source = byName ?? (await resolveSource(ctx, undefined, vscode.l10n.t('Open batch {0} of which account?', uuid), (s) => s.store.hasKey));
	if (source) await openBatch(ctx, source, uuid);
}
