import * as vscode from 'vscode';

/** A row above the batches saying the data is stale and why; clicking it retries. */
export class NoticeNode {
	readonly kind = 'notice';
	readonly id = 'notice/stale';
	constructor(
		readonly label: string,
		readonly reason: string,
	) {}

	toTreeItem(): vscode.TreeItem {
		const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
		item.id = this.id;
		item.description = this.reason;
		item.tooltip = `${this.label}: ${this.reason}\nClick to retry.`;
		item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
		item.command = { command: 'woodpecker.refresh', title: 'Retry' };
		item.contextValue = 'woodpecker.notice';
		return item;
	}
}
