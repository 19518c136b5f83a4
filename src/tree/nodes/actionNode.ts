import * as vscode from 'vscode';

/** A row that is a button: the way out of a failure shown in the view's message above it. */
export class ActionNode {
	readonly kind = 'action';
	constructor(
		readonly id: string,
		readonly label: string,
		readonly icon: string,
		readonly tooltip: string,
		readonly command: vscode.Command,
	) {}

	toTreeItem(): vscode.TreeItem {
		const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
		item.id = this.id;
		item.tooltip = this.tooltip;
		item.iconPath = new vscode.ThemeIcon(this.icon);
		item.command = this.command;
		item.contextValue = 'woodpecker.action';
		// A tree item like the rows around it (arrow keys reach it, Enter runs it); the label says what it does.
		item.accessibilityInformation = { label: `${this.label} ${this.tooltip}` };
		return item;
	}
}
