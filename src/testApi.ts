// What activate() returns outside production (tests drive the real extension through it):
// a read-only look at the tree as the view shows it, and the key store the commands use.
import * as vscode from 'vscode';
import type { EnrichmentStore } from './enrichments/enrichmentStore';
import type { ApiKeyStore } from './settings/apiKeyStore';
import type { EnrichmentView } from './tree/enrichmentView';
import type { EnrichmentNode } from './tree/enrichmentTreeProvider';
import type { RawJsonPanel } from './webview/rawJsonPanel';

export interface ItemSnapshot {
	id: string;
	label: string;
	description: string;
	tooltip: string;
	icon: string;
	color: string;
	contextValue: string;
	collapsible: boolean;
	/** The command a click runs, with its arguments. */
	command: { command: string; arguments: unknown[] } | undefined;
	accessibilityLabel: string | undefined;
}

export interface TreeSnapshot {
	state: string;
	message: string | undefined;
	description: string | undefined;
	badge: number | undefined;
	refreshing: boolean;
	/** Whether the tree view is on screen (opening it loads the batches once). */
	visible: boolean;
	/** The action rows above the batches after a failure (Set API Key…, Retry, …). */
	actions: ItemSnapshot[];
	batches: Array<ItemSnapshot & { uuid: string; leads: ItemSnapshot[] }>;
	rawJsonPanel: { open: boolean; title: string | undefined; created: number; shows: string | undefined; note: string | undefined };
}

export interface TestApiParts {
	store: EnrichmentStore;
	view: EnrichmentView;
	keys: ApiKeyStore;
	rawJson: RawJsonPanel;
	globalState: vscode.Memento;
	restart: () => Promise<WoodpeckerTestApi>;
	activation: WoodpeckerTestApi['activation'];
}

export interface WoodpeckerTestApi {
	snapshot(options?: { leads?: boolean }): Promise<TreeSnapshot>;
	whenIdle(): Promise<void>;
	/** The provider's nodes, as the view passes them to commands: the roots, or a batch's leads. */
	nodes(parent?: EnrichmentNode): readonly EnrichmentNode[];
	storeApiKey(key: string | undefined): Promise<void>;
	/** What the Raw JSON panel holds: its subtitle and value; Copy All as its button runs it. */
	rawJsonSubtitle(): string | undefined;
	rawJsonValue(): unknown;
	rawJsonCopyAll(): Promise<boolean>;
	/** Every key and value the extension keeps in its global state, as stored. */
	globalState(): Record<string, unknown>;
	/** Disposes everything and activates again with the same context, as after a reload; this object then serves the new instances. */
	restart(): Promise<WoodpeckerTestApi>;
	/** ms from the bundle's first line to activate(), and inside activate(). */
	readonly activation: { evaluateMs: number; activateMs: number };
}

export function createTestApi({ store, view, keys, rawJson, globalState, restart, activation }: TestApiParts): WoodpeckerTestApi {
	const provider = view.provider;
	const describe = async (node: EnrichmentNode): Promise<ItemSnapshot> => {
		const item = provider.resolveTreeItem(provider.getTreeItem(node), node);
		const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
		const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : (item.tooltip ?? '');
		return {
			id: item.id ?? '',
			label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
			description: typeof item.description === 'string' ? item.description : '',
			tooltip,
			icon: icon?.id ?? '',
			color: (icon?.color as { id?: string } | undefined)?.id ?? '',
			contextValue: item.contextValue ?? '',
			collapsible: item.collapsibleState !== vscode.TreeItemCollapsibleState.None,
			command: item.command ? { command: item.command.command, arguments: item.command.arguments ?? [] } : undefined,
			accessibilityLabel: item.accessibilityInformation?.label,
		};
	};
	return {
		async snapshot(options = {}) {
			const roots = provider.getChildren();
			const actions = await Promise.all(roots.filter((n) => n.kind === 'action').map(describe));
			const batches = [];
			for (const node of roots) {
				if (node.kind !== 'batch') continue;
				const leads = options.leads === false ? [] : await Promise.all(provider.getChildren(node).map(describe));
				batches.push({ ...(await describe(node)), uuid: node.row.batch.uuid, leads });
			}
			const badge = view.treeView.badge?.value;
			return {
				state: store.state,
				message: view.treeView.message,
				description: view.treeView.description,
				badge,
				refreshing: store.isRefreshing,
				visible: view.treeView.visible,
				actions,
				batches,
				rawJsonPanel: { open: rawJson.isOpen, title: rawJson.title, created: rawJson.created, shows: rawJson.shows, note: rawJson.note },
			};
		},
		async whenIdle() {
			while (store.isRefreshing) await store.refresh();
		},
		nodes: (parent) => provider.getChildren(parent),
		storeApiKey: (key) => keys.set(key),
		rawJsonSubtitle: () => rawJson.subtitle,
		rawJsonValue: () => rawJson.value,
		rawJsonCopyAll: () => rawJson.copyAll(),
		globalState: () => Object.fromEntries(globalState.keys().map((k) => [k, globalState.get(k)])),
		restart,
		activation,
	};
}
