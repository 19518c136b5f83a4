import * as path from 'node:path';
import * as vscode from 'vscode';
import { localIsoDate } from '../api/dates';
import { type ExportFormat, type ExportPart, toCsv, toJson } from '../export/exportFormat';
import { filterBatch, filterLabel } from '../model/leadFilter';
import type { CommandContext } from './context';
import { offerWayToData } from './nothingToShow';
import { count } from '../common/count';

/** For scripts and tests: the format and the file, instead of asking. */
export interface ExportArgs {
	format?: ExportFormat;
	uri?: vscode.Uri;
}

/** `arg` as ExportArgs when it is one (a script's), never a tree row the view title passes. */
export function exportArgs(arg: unknown): ExportArgs {
	const a = arg as { format?: unknown; uri?: unknown; kind?: unknown } | undefined;
	if (!a || typeof a !== 'object' || a.kind !== undefined) return {};
	return {
		format: a.format === 'csv' || a.format === 'json' ? a.format : undefined,
		uri: a.uri instanceof vscode.Uri ? a.uri : undefined,
	};
}

// A function, not a constant: VS Code may load the display language's bundle after this module.
const formats = (): Array<vscode.QuickPickItem & { format: ExportFormat }> => [
	{ label: 'CSV', description: vscode.l10n.t('one row per lead: batch_uuid, batch_created, lead_uid, status, processing_result'), format: 'csv' },
	{ label: 'JSON', description: vscode.l10n.t('the batches exactly as Woodpecker sent them'), format: 'json' },
];

/**
 * Export…: what the view shows (every account's batches within the cutoff; under a filter only
 * the matching leads, of the batches that have any) as CSV or JSON, to a file chosen in a save
 * dialog; then offers to open it.
 */
export async function exportShown(ctx: CommandContext, args: ExportArgs = {}): Promise<void> {
	const several = ctx.sources.several;
	const filter = ctx.view.options.filter;
	const provider = ctx.view.provider;
	const parts: ExportPart[] = ctx.sources.sources.filter((s) => s.store.data).map((s) => ({ label: ctx.sources.label(s), batches: provider.batchNodesOf(s).map((n) => filterBatch(n.row.batch, filter)!) }));
	if (!parts.some((p) => p.batches.length)) return offerWayToData(ctx, vscode.l10n.t('There are no enrichment batches on screen to export.'));
	const filtered = filter === 'all' ? '' : vscode.l10n.t(' (only the leads "{0}")', filterLabel(filter));
	const format = args.format ?? (await vscode.window.showQuickPick(formats(), { title: vscode.l10n.t('Woodpecker: Export'), placeHolder: vscode.l10n.t('Export the batches on screen{0} as…', filtered) }))?.format;
	if (!format) return;
	const uri =
		args.uri ??
		(await vscode.window.showSaveDialog({
			title: vscode.l10n.t('Woodpecker: Export'),
			saveLabel: vscode.l10n.t('Export'),
			defaultUri: defaultFile(format),
			filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
		}));
	if (!uri) return;
	const { text, leads } = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Exporting Woodpecker enrichments…') }, () => (format === 'csv' ? toCsv(parts) : toJson(parts)));
	await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
	const batches = parts.reduce((n, p) => n + p.batches.length, 0);
	const what = vscode.l10n.t(
		'{0} of {1}{2}{3}',
		count(leads, vscode.l10n.t('lead'), vscode.l10n.t('leads')),
		count(batches, vscode.l10n.t('batch'), vscode.l10n.t('batches')),
		several ? vscode.l10n.t(' from {0} accounts', parts.length) : '',
		filter === 'all' ? '' : vscode.l10n.t(' (filter "{0}")', filterLabel(filter)),
	);
	ctx.log.info(`Exported ${what} as ${format.toUpperCase()} to ${uri.fsPath}.`);
	if (args.uri) return;
	const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} to {1}.', what, path.basename(uri.fsPath)), vscode.l10n.t('Open File'));
	if (choice) await vscode.window.showTextDocument(uri);
}

function defaultFile(format: ExportFormat): vscode.Uri | undefined {
	const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
	const name = `woodpecker-enrichments-${localIsoDate(new Date())}.${format}`;
	return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}
