import * as vscode from 'vscode';
import type { Source } from '../../accounts/sources';
import { type SourceTextInput, sourceAccessibilityLabel, sourceDescription, sourceIcon, sourceTooltip } from '../sourceText';

/** `woodpecker.account` or `woodpecker.company`; an agency account that has companies adds `.agency`. */
export type SourceContext = 'woodpecker.account' | 'woodpecker.company';

/** An account's row (or a client company's under its agency) when several share the view. */
export class SourceNode {
	readonly kind = 'source';

	constructor(
		readonly source: Source,
		private readonly text: SourceTextInput,
	) {}

	get id(): string {
		return this.source.id;
	}

	toTreeItem(): vscode.TreeItem {
		// Always expandable: a row first shown without children (still loading) would otherwise stay
		// a leaf, or come back collapsed, once its batches arrive. One without any shows no twistie once opened.
		const item = new vscode.TreeItem(this.text.name, vscode.TreeItemCollapsibleState.Expanded);
		// The state is not in the id: the row keeps its expansion whatever its state.
		item.id = `source:${this.source.id}`;
		item.description = sourceDescription(this.text);
		const icon = sourceIcon(this.text);
		item.iconPath = new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
		item.contextValue = this.source.company ? 'woodpecker.company' : 'woodpecker.account';
		item.accessibilityInformation = { label: sourceAccessibilityLabel(this.text) };
		return item;
	}

	tooltip(): vscode.MarkdownString {
		return new vscode.MarkdownString(sourceTooltip(this.text));
	}
}
