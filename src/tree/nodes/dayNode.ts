import * as vscode from 'vscode';
import type { Source } from '../../accounts/sources';
import type { DayKey } from '../../model/dayGroups';
import type { BatchNode } from './batchNode';

const DAY_CONTEXT = 'woodpecker.day';

/** The texts of a day row, made by the provider from dayText.ts. */
export interface DayText {
	label: string;
	description: string;
	tooltip: string;
}

/** A day row (Group by Day): "Today", "Yesterday" or a date, with the batches created that day under it. */
export class DayNode {
	readonly kind = 'day';
	/** Its batch rows, newest first; filled in as they are made. */
	readonly batches: BatchNode[] = [];
	private item: vscode.TreeItem | undefined;

	/**
	 * @param scope put before tree item ids when several sources share the tree ('' with one)
	 * @param expanded how the row first shows (the newest day open, the others closed); VS Code keeps what the user chose after that
	 */
	constructor(
		readonly key: DayKey,
		readonly source: Source,
		readonly scope: string,
		private readonly text: DayText,
		private readonly expanded: boolean,
	) {}

	/** Stable across refreshes and across midnight (the date, not "Today"), so the row keeps its expansion. */
	get id(): string {
		return `${this.scope}day/${this.key}`;
	}

	toTreeItem(): vscode.TreeItem {
		return (this.item ??= this.buildItem());
	}

	private buildItem(): vscode.TreeItem {
		const item = new vscode.TreeItem(this.text.label, this.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
		item.id = this.id;
		item.description = this.text.description;
		item.iconPath = new vscode.ThemeIcon('calendar');
		item.contextValue = DAY_CONTEXT;
		item.accessibilityInformation = { label: `${this.text.label}, ${this.text.description}` };
		return item;
	}

	tooltip(): vscode.MarkdownString {
		return new vscode.MarkdownString(this.text.tooltip);
	}
}
