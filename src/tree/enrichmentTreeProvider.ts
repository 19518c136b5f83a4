import * as vscode from 'vscode';
import { type ErrorAction, actionCommand, actionsFor } from '../commands/errorActions';
import { Disposable } from '../common/disposable';
import type { EnrichmentStore } from '../enrichments/enrichmentStore';
import type { EnrichmentModel } from '../model/enrichmentModel';
import { MinuteLabels } from './batchSummary';
import { ActionNode } from './nodes/actionNode';
import { BatchNode } from './nodes/batchNode';
import { LeadNode } from './nodes/leadNode';

export type EnrichmentNode = BatchNode | LeadNode | ActionNode;

const ACTION_ROWS: Record<ErrorAction, { label: string; icon: string; tooltip: string }> = {
	setApiKey: { label: 'Set API Key…', icon: 'key', tooltip: 'Set a valid Woodpecker API key (Woodpecker → Marketplace → Integrations → API keys).' },
	retry: { label: 'Retry', icon: 'refresh', tooltip: 'Load the enrichment batches again.' },
	openSettings: { label: 'Open Settings…', icon: 'gear', tooltip: 'Check the woodpecker.apiBaseUrl setting.' },
	setCutoff: { label: 'Set Cutoff…', icon: 'calendar', tooltip: 'Choose which batches to show.' },
};

/** The failure's way out as rows above the batches; lead nodes are made only when a batch opens. */
export class EnrichmentTreeProvider extends Disposable implements vscode.TreeDataProvider<EnrichmentNode> {
	private readonly changed = this._register(new vscode.EventEmitter<EnrichmentNode | undefined>());
	readonly onDidChangeTreeData = this.changed.event;

	private model: EnrichmentModel | undefined;
	/** In view order: roots[row.index] is the node of model.rows[row.index]. */
	private roots: BatchNode[] = [];
	private actions: ActionNode[] = [];
	private readonly leadsByBatch = new Map<BatchNode, LeadNode[]>();
	private readonly labels = new MinuteLabels(dateFormatter);

	constructor(private readonly store: EnrichmentStore) {
		super();
		this._register(store.onDidChange(() => this.refresh()));
	}

	/** Rebuilds the root rows when the store's model changed; always asks the view to redraw. */
	refresh(): void {
		const model = this.store.data?.model;
		if (model !== this.model) {
			this.model = model;
			const rows = model?.rows ?? [];
			const roots = new Array<BatchNode>(rows.length);
			for (let i = 0; i < rows.length; i++) roots[i] = new BatchNode(rows[i]);
			this.roots = roots;
			this.leadsByBatch.clear();
		}
		this.actions = this.actionRows();
		this.changed.fire(undefined);
	}

	getTreeItem(node: EnrichmentNode): vscode.TreeItem {
		return node.kind === 'batch' ? node.toTreeItem(this.labels) : node.toTreeItem();
	}

	getChildren(node?: EnrichmentNode): EnrichmentNode[] {
		if (!node) return this.actions.length ? [...this.actions, ...this.roots] : this.roots;
		return node.kind === 'batch' ? this.leadsOf(node) : [];
	}

	getParent(node: EnrichmentNode): EnrichmentNode | undefined {
		return node.kind === 'lead' ? node.parent : undefined;
	}

	resolveTreeItem(item: vscode.TreeItem, node: EnrichmentNode): vscode.TreeItem {
		if (node.kind !== 'action') item.tooltip = node.tooltip();
		return item;
	}

	/** Root batch nodes in view order. */
	get batchNodes(): readonly BatchNode[] {
		return this.roots;
	}

	batchNode(uuid: string): BatchNode | undefined {
		const row = this.model?.findBatch(uuid);
		return row ? this.roots[row.index] : undefined;
	}

	leadsOf(node: BatchNode): LeadNode[] {
		let leads = this.leadsByBatch.get(node);
		if (!leads && this.model) {
			leads = this.model.leadRows(node.row).map((r) => new LeadNode(r, node));
			this.leadsByBatch.set(node, leads);
		}
		return leads ?? [];
	}

	/** After a failure: a row per way out (and Show Log when nothing else is on screen). */
	private actionRows(): ActionNode[] {
		const failure = this.store.failure;
		if (!failure) return [];
		const rows = actionsFor(failure.error).map((a) => {
			const { label, icon, tooltip } = ACTION_ROWS[a];
			const { command, arguments: args } = actionCommand(a);
			return new ActionNode(`action/${a}`, label, icon, tooltip, { command, title: label, arguments: args });
		});
		if (!this.store.data) rows.push(new ActionNode('action/showLog', 'Show Log', 'output', 'What the extension sent and received.', { command: 'woodpecker.showLog', title: 'Show Log' }));
		return rows;
	}
}

function dateFormatter(): Intl.DateTimeFormat {
	try {
		return new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' });
	} catch {
		return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
	}
}
