import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import type { EnrichmentStore } from '../enrichments/enrichmentStore';
import { MinuteLabels } from './batchSummary';
import type { EnrichmentModel } from './enrichmentModel';
import { BatchNode } from './nodes/batchNode';
import { LeadNode } from './nodes/leadNode';
import { NoticeNode } from './nodes/noticeNode';
import { formatTime } from './viewText';

export type EnrichmentNode = BatchNode | LeadNode | NoticeNode;

/** Batches at the root, leads as their children; lead nodes are made only when a batch opens. */
export class EnrichmentTreeProvider extends Disposable implements vscode.TreeDataProvider<EnrichmentNode> {
	private readonly changed = this._register(new vscode.EventEmitter<EnrichmentNode | undefined>());
	readonly onDidChangeTreeData = this.changed.event;

	private model: EnrichmentModel | undefined;
	/** In view order: roots[row.index] is the node of model.rows[row.index]. */
	private roots: BatchNode[] = [];
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
		this.changed.fire(undefined);
	}

	getTreeItem(node: EnrichmentNode): vscode.TreeItem {
		return node.kind === 'batch' ? node.toTreeItem(this.labels) : node.toTreeItem();
	}

	getChildren(node?: EnrichmentNode): EnrichmentNode[] {
		if (!node) {
			const notice = this.notice();
			return notice ? [notice, ...this.roots] : this.roots;
		}
		return node.kind === 'batch' ? this.leadsOf(node) : [];
	}

	getParent(node: EnrichmentNode): EnrichmentNode | undefined {
		return node.kind === 'lead' ? node.parent : undefined;
	}

	resolveTreeItem(item: vscode.TreeItem, node: EnrichmentNode): vscode.TreeItem {
		if (node.kind !== 'notice') item.tooltip = node.tooltip();
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

	private notice(): NoticeNode | undefined {
		const { data, failure } = this.store;
		if (!data || !failure) return undefined;
		return new NoticeNode(`Showing data from ${formatTime(data.receivedAt)}`, `refresh failed: ${failure.error.message}`);
	}
}

function dateFormatter(): Intl.DateTimeFormat {
	try {
		return new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' });
	} catch {
		return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
	}
}
