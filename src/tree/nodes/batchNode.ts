import * as vscode from 'vscode';
import { type MinuteLabels, batchIcon, batchTooltip, describeCounts } from '../batchSummary';
import type { BatchRow } from '../enrichmentModel';

export const BATCH_CONTEXT = 'woodpecker.batch';

/** A batch row: creation time, counts, a status icon; its leads are its children. */
export class BatchNode {
	readonly kind = 'batch';
	constructor(readonly row: BatchRow) {}

	get id(): string {
		return this.row.id;
	}

	toTreeItem(labels: MinuteLabels): vscode.TreeItem {
		const { batch, counts } = this.row;
		const item = new vscode.TreeItem(
			labels.label(this.row.time, batch.created),
			counts.total ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
		);
		item.id = this.row.id;
		item.description = describeCounts(counts);
		const look = batchIcon(counts);
		item.iconPath = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
		item.contextValue = BATCH_CONTEXT;
		return item;
	}

	/** The tooltip is built only when the user hovers (resolveTreeItem). */
	tooltip(): vscode.MarkdownString {
		return new vscode.MarkdownString(batchTooltip(this.row.batch, this.row.counts));
	}
}
