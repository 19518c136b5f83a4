import * as vscode from 'vscode';
import type { Source } from '../../accounts/sources';
import type { BatchRow } from '../../model/enrichmentModel';
import { type LeadFilter, describeMatching, matchingLeads } from '../../model/leadFilter';
import { type BatchLook, type MinuteLabels, batchIcon, batchTooltip, describeCounts } from '../batchSummary';
import type { DayNode } from './dayNode';
import type { OpenedNode } from './openedNode';

const BATCH_CONTEXT = 'woodpecker.batch';
/** A batch in the "Opened by uuid" group: Remove from Opened applies. */
const OPENED_BATCH_CONTEXT = 'woodpecker.batch.opened';

/** A batch row: creation time, counts ("3 of 10 leads" under a filter), a status icon; its (matching) leads are its children. */
export class BatchNode {
	readonly kind = 'batch';
	/** Built once per node: VS Code asks again on every redraw of the row. */
	private item: vscode.TreeItem | undefined;

	/**
	 * @param source where the batch was loaded from
	 * @param scope put before tree item ids when several sources share the tree ('' with one)
	 * @param filter the leads shown; the icon still says the worst state of them all
	 * @param day the day row it sits under, with Group by Day
	 * @param opened the "Opened by uuid" group it sits in (then scope includes the group's)
	 */
	constructor(
		readonly row: BatchRow,
		readonly source: Source,
		readonly scope = '',
		readonly filter: LeadFilter = 'all',
		readonly day?: DayNode,
		readonly opened?: OpenedNode,
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
		item.description = this.filter === 'all' ? describeCounts(row) : describeMatching(matchingLeads(row, this.filter), row.total);
		item.iconPath = themeIcon(batchIcon(row));
		item.contextValue = this.opened ? OPENED_BATCH_CONTEXT : BATCH_CONTEXT;
		// Read as words, not as the separators the row shows between them.
		item.accessibilityInformation = { label: vscode.l10n.t('Batch created {0}: {1}', String(item.label), String(item.description).replaceAll(' · ', ', ')) };
		return item;
	}

	/** The tooltip is built only when the user hovers (resolveTreeItem). */
	tooltip(): vscode.MarkdownString {
		return new vscode.MarkdownString(batchTooltip(this.row.batch, this.row, this.filter));
	}
}

// Four looks in all: one ThemeIcon each rather than two new objects per row (they are immutable).
const icons = new Map<BatchLook, vscode.ThemeIcon>();
function themeIcon(look: BatchLook): vscode.ThemeIcon {
	let icon = icons.get(look);
	if (!icon) icons.set(look, (icon = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color))));
	return icon;
}
