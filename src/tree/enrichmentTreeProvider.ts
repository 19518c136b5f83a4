import * as vscode from 'vscode';
import type { Source, Sources } from '../accounts/sources';
import { type ErrorAction, actionCommand, actionsForSource } from '../commands/errorActions';
import { Disposable } from '../common/disposable';
import type { BatchRow, EnrichmentModel } from '../model/enrichmentModel';
import { MinuteLabels } from './batchSummary';
import { ActionNode } from './nodes/actionNode';
import { BatchNode } from './nodes/batchNode';
import { LeadNode } from './nodes/leadNode';
import { SourceNode } from './nodes/sourceNode';
import type { SourceTextInput } from './sourceText';

export type EnrichmentNode = SourceNode | BatchNode | LeadNode | ActionNode;

const ACTION_ROWS: Record<ErrorAction, { label: string; icon: string; tooltip: string }> = {
	setApiKey: { label: 'Set API Key…', icon: 'key', tooltip: 'Set a valid Woodpecker API key (Woodpecker → Marketplace → Integrations → API keys).' },
	retry: { label: 'Retry', icon: 'refresh', tooltip: 'Load the enrichment batches again.' },
	openSettings: { label: 'Open Settings…', icon: 'gear', tooltip: 'Check the woodpecker.apiBaseUrl setting.' },
	setCutoff: { label: 'Set Cutoff…', icon: 'calendar', tooltip: 'Choose which batches to show.' },
	chooseCompanies: { label: 'Choose Client Companies…', icon: 'organization', tooltip: "Choose again among the agency's client companies." },
};

/** One source's rows: its batch nodes, made when its model changes; lead nodes only when a batch opens. */
interface SourceRows {
	model: EnrichmentModel | undefined;
	scope: string;
	/** In view order: batches[row.index] is the node of model.rows[row.index]. */
	batches: BatchNode[];
	leads: Map<BatchNode, LeadNode[]>;
}

/**
 * With one account the tree is that account's batches (after its failure's way out, if any).
 * With several (or an agency's client companies), the roots are accounts, each with its way out,
 * its companies and its batches.
 */
export class EnrichmentTreeProvider extends Disposable implements vscode.TreeDataProvider<EnrichmentNode> {
	private readonly changed = this._register(new vscode.EventEmitter<EnrichmentNode | undefined>());
	readonly onDidChangeTreeData = this.changed.event;

	private readonly rows = new Map<string, SourceRows>();
	private roots: EnrichmentNode[] = [];
	/** The latest row of each source, and what is under it. */
	private readonly sourceNodes = new Map<string, SourceNode>();
	private readonly children = new Map<string, EnrichmentNode[]>();
	private readonly labels = new MinuteLabels(dateFormatter);

	constructor(private readonly sources: Sources) {
		super();
		this._register(sources.onDidChange(() => this.refresh()));
	}

	/** Whether several sources share the tree, so its roots are accounts. */
	get several(): boolean {
		return this.sources.several;
	}

	/** Rebuilds what changed; always asks the view to redraw. */
	refresh(): void {
		const several = this.several;
		const all = this.sources.sources;
		for (const id of [...this.rows.keys()]) if (!all.some((s) => s.id === id)) this.rows.delete(id);
		for (const source of all) this.updateRows(source, scopeOf(source, several));
		this.sourceNodes.clear();
		this.children.clear();
		if (!several) {
			const only = all[0];
			this.roots = only ? [...this.actionRows(only, false), ...this.rows.get(only.id)!.batches] : [];
		} else {
			this.roots = [];
			for (const source of all) {
				const under: EnrichmentNode[] = [...this.actionRows(source, true)];
				if (!source.company) {
					for (const company of all) if (company.company && company.accountId === source.accountId) under.push(this.sourceNode(company));
				}
				under.push(...this.rows.get(source.id)!.batches);
				this.children.set(source.id, under);
			}
			for (const source of all) if (!source.company) this.roots.push(this.sourceNode(source));
		}
		this.changed.fire(undefined);
	}

	getTreeItem(node: EnrichmentNode): vscode.TreeItem {
		return node.kind === 'batch' ? node.toTreeItem(this.labels) : node.toTreeItem();
	}

	getChildren(node?: EnrichmentNode): EnrichmentNode[] {
		if (!node) return this.roots;
		if (node.kind === 'source') return this.children.get(node.source.id) ?? [];
		return node.kind === 'batch' ? this.leadsOf(node) : [];
	}

	getParent(node: EnrichmentNode): EnrichmentNode | undefined {
		if (node.kind === 'lead') return node.parent;
		if (!this.several) return undefined;
		if (node.kind === 'batch') return this.sourceNodes.get(node.source.id);
		if (node.kind === 'source' && node.source.company) return this.sourceNodes.get(node.source.accountId);
		return undefined;
	}

	resolveTreeItem(item: vscode.TreeItem, node: EnrichmentNode): vscode.TreeItem {
		if (node.kind !== 'action') item.tooltip = node.tooltip();
		return item;
	}

	/** Every batch node, source by source, in view order. */
	get batchNodes(): readonly BatchNode[] {
		return this.sources.sources.flatMap((s) => this.rows.get(s.id)?.batches ?? []);
	}

	/** The source's batch nodes in view order. */
	batchNodesOf(source: Source): readonly BatchNode[] {
		return this.rows.get(source.id)?.batches ?? [];
	}

	batchNode(source: Source, uuid: string): BatchNode | undefined {
		const rows = this.rows.get(source.id);
		const row = rows?.model?.findBatch(uuid);
		return row ? rows!.batches[row.index] : undefined;
	}

	/** A batch row's label as the tree shows it: its time to the minute, in the user's locale. */
	batchLabel(row: BatchRow): string {
		return this.labels.label(row.time, row.batch.created);
	}

	/** The row of a source when several share the tree. */
	sourceNode(source: Source): SourceNode {
		let node = this.sourceNodes.get(source.id);
		if (!node) this.sourceNodes.set(source.id, (node = new SourceNode(source, this.textInput(source))));
		return node;
	}

	leadsOf(node: BatchNode): LeadNode[] {
		const rows = this.rows.get(node.source.id);
		if (!rows?.model) return [];
		let leads = rows.leads.get(node);
		if (!leads) {
			leads = rows.model.leadRows(node.row).map((r) => new LeadNode(r, node));
			rows.leads.set(node, leads);
		}
		return leads;
	}

	private updateRows(source: Source, scope: string): void {
		const model = source.store.data?.model;
		const existing = this.rows.get(source.id);
		if (existing && existing.model === model && existing.scope === scope) return;
		const modelRows = model?.rows ?? [];
		const batches = new Array<BatchNode>(modelRows.length);
		for (let i = 0; i < modelRows.length; i++) batches[i] = new BatchNode(modelRows[i], source, scope);
		this.rows.set(source.id, { model, scope, batches, leads: new Map() });
	}

	private textInput(source: Source): SourceTextInput {
		const { store } = source;
		const data = store.data;
		return {
			name: source.company?.name ?? this.sources.account(source)?.name ?? source.accountId,
			kind: source.company ? 'company' : 'account',
			agency: source.company ? this.sources.account(source)?.name : undefined,
			state: store.state,
			batches: data?.model.rows.length,
			pending: data ? store.pendingShown : undefined,
			cached: data?.cached ?? false,
			refreshing: store.isRefreshing,
			receivedAt: data?.receivedAt,
			failure: store.failure ? { message: store.failure.error.message, at: store.failure.at } : undefined,
			outOfReach: store.failure !== undefined && actionsForSource(store.failure.error, source.company !== undefined).includes('chooseCompanies'),
		};
	}

	/**
	 * A source's ways out, as rows: after a failure one per action (and Show Log when nothing else
	 * is on screen); with several sources, Set API Key… under an account without a key too (with one,
	 * the welcome view asks for it).
	 */
	private actionRows(source: Source, several: boolean): ActionNode[] {
		const { failure, state, data } = source.store;
		const target = several ? { sourceId: source.id } : undefined;
		const scope = scopeOf(source, several);
		let actions: ErrorAction[] = [];
		if (failure) actions = actionsForSource(failure.error, source.company !== undefined);
		else if (several && state === 'no-key' && !source.company) actions = ['setApiKey'];
		const rows = actions.map((a) => {
			const { label, icon, tooltip } = ACTION_ROWS[a];
			const { command, arguments: args } = actionCommand(a, target);
			return new ActionNode(`${scope}action/${a}`, label, icon, tooltip, { command, title: label, arguments: args });
		});
		if (failure && !data) rows.push(new ActionNode(`${scope}action/showLog`, 'Show Log', 'output', 'What the extension sent and received.', { command: 'woodpecker.showLog', title: 'Show Log' }));
		return rows;
	}
}

/** What a source's row ids begin with: its id when several sources share the tree, so ids never collide; nothing with one. */
function scopeOf(source: Source, several: boolean): string {
	return several ? `${source.id}|` : '';
}

function dateFormatter(): Intl.DateTimeFormat {
	try {
		return new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' });
	} catch {
		return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
	}
}
