import * as vscode from 'vscode';
import type { Source } from '../../accounts/sources';
import type { BatchNode } from './batchNode';

const OPENED_CONTEXT = 'woodpecker.opened';

/**
 * "Opened by uuid": the batches a user opened by uuid (Open Enrichment Batch…, a link) that the
 * cutoff leaves out of the list, above the list; kept across reloads until removed.
 */
export class OpenedNode {
	readonly kind = 'opened';
	/** Its batch rows, newest created first. */
	readonly batches: BatchNode[] = [];
	private item: vscode.TreeItem | undefined;

	/**
	 * @param scope put before tree item ids when several sources share the tree ('' with one)
	 * @param description e.g. "2 batches · 1 pending"
	 */
	constructor(
		readonly source: Source,
		readonly scope: string,
		private readonly description: string,
	) {}

	get id(): string {
		return `${this.scope}opened`;
	}

	toTreeItem(): vscode.TreeItem {
		return (this.item ??= this.buildItem());
	}

	private buildItem(): vscode.TreeItem {
		const item = new vscode.TreeItem(vscode.l10n.t('Opened by uuid'), vscode.TreeItemCollapsibleState.Expanded);
		item.id = this.id;
		item.description = this.description;
		item.iconPath = new vscode.ThemeIcon('pinned');
		item.contextValue = OPENED_CONTEXT;
		item.accessibilityInformation = { label: vscode.l10n.t('Opened by uuid, {0}', this.description) };
		return item;
	}

	tooltip(): vscode.MarkdownString {
		return new vscode.MarkdownString(
			vscode.l10n.t('Batches you opened by uuid (Open Enrichment Batch…, or a link) that the cutoff leaves out of the list. Kept until you remove them; refreshed with the list while they have pending leads.'),
		);
	}
}
