import * as vscode from 'vscode';
import { leadLook, rawStatusText } from '../../model/leadState';
import type { LeadRow } from '../../model/enrichmentModel';
import { markdownCode, visibleText } from '../visibleText';
import type { BatchNode } from './batchNode';

const LEAD_CONTEXT = 'woodpecker.lead';

/** A lead row: the status as label (first, so a narrow side bar still shows it) and icon, the uid as description. */
export class LeadNode {
	readonly kind = 'lead';
	/** Built once per node, like a batch row's. */
	private item: vscode.TreeItem | undefined;

	constructor(
		readonly row: LeadRow,
		readonly parent: BatchNode,
	) {}

	get id(): string {
		return this.row.id;
	}

	get uid(): string {
		return this.row.lead.uid;
	}

	toTreeItem(): vscode.TreeItem {
		return (this.item ??= this.buildItem());
	}

	private buildItem(): vscode.TreeItem {
		const lead = this.row.lead;
		const look = leadLook(lead);
		const item = new vscode.TreeItem(visibleText(look.label), vscode.TreeItemCollapsibleState.None);
		item.id = this.parent.scope + this.row.id;
		item.description = visibleText(lead.uid);
		item.accessibilityInformation = { label: vscode.l10n.t('Lead {0}: {1}', visibleText(lead.uid), visibleText(look.spoken)) };
		item.iconPath = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
		item.contextValue = LEAD_CONTEXT;
		return item;
	}

	tooltip(): vscode.MarkdownString {
		const lead = this.row.lead;
		return new vscode.MarkdownString([`**Lead** ${markdownCode(lead.uid)}`, '', `Status: ${markdownCode(rawStatusText(lead) || 'none')}`, '', `Batch: ${markdownCode(this.row.batch.batch.uuid)}`].join('\n'));
	}
}
