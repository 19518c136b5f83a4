import * as vscode from 'vscode';
import type { Source } from '../../accounts/sources';
import type { BatchRow } from '../../model/enrichmentModel';
import { type BatchLook, type MinuteLabels, batchIcon, batchTooltip, describeCounts } from '../batchSummary';

const BATCH_CONTEXT = 'woodpecker.batch';

/** A batch row: creation time, counts, a status icon; its leads are its children. */
export class BatchNode {
	readonly kind = 'batch';
	/** Built once per node: VS Code asks again on every redraw of the row. */
	private item: vscode.TreeItem | undefined;

	/**
	 * @param source where the batch was loaded from
	 * @param scope put before tree item ids when several sources share the tree ('' with one)
	 */
	constructor(
		readonly row: BatchRow,
		readonly source: Source,
		readonly scope = '',
	) {}

	get id(): string {
		return this.row.id;
	}

	toTreeItem(labels: MinuteLabels): vscode.TreeItem {
		return (this.item ??= this.buildItem(labels));
	}

	private buildItem(labels: MinuteLabels): vscode.TreeItem {
		const row = this.row;
		const item = new vscode.TreeItem(labels.label(row.time, row.batch.created), row.total ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
		item.id = this.scope + row.id;
		item.description = describeCounts(row);
		item.iconPath = themeIcon(batchIcon(row));
		item.contextValue = BATCH_CONTEXT;
		return item;
	}

	/** The tooltip is built only when the user hovers (resolveTreeItem). */
	tooltip(): vscode.MarkdownString {
		return new vscode.MarkdownString(batchTooltip(this.row.batch, this.row));
	}
}

// Four looks in all: one ThemeIcon each rather than two new objects per row (they are immutable).
const icons = new Map<BatchLook, vscode.ThemeIcon>();
function themeIcon(look: BatchLook): vscode.ThemeIcon {
	let icon = icons.get(look);
	if (!icon) icons.set(look, (icon = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color))));
	return icon;
}
