// What activate() returns outside production (tests drive the real extension through it):
// a read-only look at the tree as the view shows it, and the account store the commands use.
import * as vscode from 'vscode';
import { type Account, type AccountStore, LEGACY_SECRET, STATE_KEY as ACCOUNTS_STATE_KEY } from './accounts/accountStore';
import type { Sources } from './accounts/sources';
import type { RefreshScheduler } from './enrichments/refreshScheduler';
import type { ProcessedNotifier } from './commands/processedNotifier';
import type { EnrichmentView } from './tree/enrichmentView';
import type { PendingStatusBar } from './tree/pendingStatusBar';
import type { EnrichmentNode } from './tree/enrichmentTreeProvider';
import { filterLabel, matchingLeads } from './model/leadFilter';
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

/** `shownLeads` of `totalLeads`: the leads the filter keeps (all of them without one). */
export type BatchSnapshot = ItemSnapshot & { uuid: string; leads: ItemSnapshot[]; shownLeads: number; totalLeads: number };

/** A day row (Group by Day) and its batches; `key` is its local date ("2026-05-04") or "unknown". */
export type DaySnapshot = ItemSnapshot & { key: string; batches: BatchSnapshot[] };
/** The "Opened by uuid" row and its batches. */
export type OpenedSnapshot = ItemSnapshot & { batches: BatchSnapshot[] };

/** An account's row (or a client company's) when several share the view, and what is under it. */
export interface SourceSnapshot extends ItemSnapshot {
	sourceId: string;
	actions: ItemSnapshot[];
	companies: SourceSnapshot[];
	batches: BatchSnapshot[];
	/** Its day rows, with Group by Day (its batches are under them, not in `batches`). */
	days: DaySnapshot[];
	opened: OpenedSnapshot | undefined;
}

export interface TreeSnapshot {
	state: string;
	message: string | undefined;
	description: string | undefined;
	badge: number | undefined;
	refreshing: boolean;
	/** Whether the tree view is on screen (opening it loads the batches once). */
	visible: boolean;
	/** The action rows above the batches after a failure (Set API Key…, Retry, …), with one source. */
	actions: ItemSnapshot[];
	/** The root batches, with one source. */
	batches: BatchSnapshot[];
	/** The root day rows, with one source and Group by Day (the batches are under them). */
	days: DaySnapshot[];
	opened: OpenedSnapshot | undefined;
	/** The lead filter in force: its id ('all', 'pending', …) and its name. */
	filter: { id: string; label: string };
	groupByDay: boolean;
	/** Over every source: the batches within the cutoff and their leads, and how many of each the filter shows. */
	counts: { batches: number; shownBatches: number; leads: number; shownLeads: number };
	/** The account rows, when several sources share the view. */
	accounts: SourceSnapshot[];
	/** The tree item ids of the selected rows. */
	selection: string[];
	/** The pending leads' status-bar item, while it shows. */
	statusBar: { text: string; tooltip: string } | undefined;
	rawJsonPanel: { open: boolean; title: string | undefined; created: number; shows: string | undefined; note: string | undefined };
}

export interface TestApiParts {
	sources: Sources;
	accounts: AccountStore;
	view: EnrichmentView;
	statusBar: PendingStatusBar;
	scheduler: RefreshScheduler;
	rawJson: RawJsonPanel;
	processed: ProcessedNotifier;
	globalState: vscode.Memento;
	secrets: vscode.SecretStorage;
	handleUri: (uri: vscode.Uri) => Promise<void>;
	restart: () => Promise<WoodpeckerTestApi>;
	activation: WoodpeckerTestApi['activation'];
}

export interface WoodpeckerTestApi {
	snapshot(options?: { leads?: boolean }): Promise<TreeSnapshot>;
	whenIdle(): Promise<void>;
	/** The provider's nodes, as the view passes them to commands: the roots, or a batch's leads. */
	nodes(parent?: EnrichmentNode): readonly EnrichmentNode[];
	/** The node's parent, its parent's, … up to a root, as the provider gives them to reveal. */
	parents(node: EnrichmentNode): EnrichmentNode[];
	/** The key of the only (first) account, made as "Default" when there is none; undefined clears it. */
	storeApiKey(key: string | undefined): Promise<void>;
	/** Adds an account as Add Account does; returns its id. */
	addAccount(name: string, key: string): Promise<string>;
	/** The accounts as stored (no keys). */
	accounts(): readonly Account[];
	/** Removes every account (their keys and caches): the state of a first start. */
	removeAllAccounts(): Promise<void>;
	/** Opens a link as the extension's URI handler does (vscode://<id>/batch?uuid=…). */
	openLink(uri: string): Promise<void>;
	/** Removes one account as Remove Account… does once confirmed. */
	removeAccount(accountId: string): Promise<void>;
	/** Whether the account's own secret entry holds a key (the key itself never leaves). */
	hasStoredKey(accountId: string): Promise<boolean>;
	/** Whether the single secret entry of versions before accounts is still there. */
	hasLegacyKey(): Promise<boolean>;
	/** The client companies shown under an account, as Choose Client Companies… stores them. */
	setCompanies(accountId: string, companies: ReadonlyArray<{ id: number; name: string }>): Promise<void>;
	/** As a version before accounts left it: this key in the one old secret entry, and no accounts stored. Takes effect on restart(). */
	storeLegacyKey(key: string): Promise<void>;
	/** What the Raw JSON panel holds: its subtitle and value; Copy All as its button runs it. */
	rawJsonSubtitle(): string | undefined;
	rawJsonValue(): unknown;
	rawJsonCopyAll(): Promise<boolean>;
	/** The "batch processed" notifications shown since the last (re)start, oldest first: text and buttons. */
	processedNotices(): Array<{ text: string; buttons: string[] }>;
	/** Forgets the notifications processedNotices() lists (not what the extension remembers as announced). */
	clearProcessedNotices(): void;
	/** Clicks a button of the last "batch processed" notification, as the user would (the toast stays until cleared). */
	clickProcessedNotice(button: string): Promise<void>;
	/** Every key and value the extension keeps in its global state, as stored. */
	globalState(): Record<string, unknown>;
	/** Disposes everything and activates again with the same context, as after a reload; this object then serves the new instances. */
	restart(): Promise<WoodpeckerTestApi>;
	/** The next refresh the scheduler set itself (poll or idle) and in how many ms; whether the window counts as focused. */
	polling(): { next: { kind: 'poll' | 'idle'; inMs: number } | undefined; windowFocused: boolean };
	/** ms from the bundle's first line to activate(), and inside activate(). */
	readonly activation: { evaluateMs: number; activateMs: number };
}

export function createTestApi({ sources, accounts, view, statusBar, scheduler, rawJson, processed, globalState, secrets, handleUri, restart, activation }: TestApiParts): WoodpeckerTestApi {
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
	const batchesOf = async (nodes: readonly EnrichmentNode[], withLeads: boolean): Promise<BatchSnapshot[]> => {
		const batches: BatchSnapshot[] = [];
		for (const node of nodes) {
			if (node.kind !== 'batch') continue;
			const leads = withLeads ? await Promise.all(provider.getChildren(node).map(describe)) : [];
			batches.push({ ...(await describe(node)), uuid: node.row.batch.uuid, leads, shownLeads: matchingLeads(node.row, node.filter), totalLeads: node.row.total });
		}
		return batches;
	};
	const daysOf = async (nodes: readonly EnrichmentNode[], withLeads: boolean): Promise<DaySnapshot[]> => {
		const days: DaySnapshot[] = [];
		for (const node of nodes) if (node.kind === 'day') days.push({ ...(await describe(node)), key: node.key, batches: await batchesOf(provider.getChildren(node), withLeads) });
		return days;
	};
	/** The batches of the "Opened by uuid" row among `nodes`, if there is one. */
	const openedOf = async (nodes: readonly EnrichmentNode[], withLeads: boolean): Promise<OpenedSnapshot | undefined> => {
		const group = nodes.find((n) => n.kind === 'opened');
		return group && { ...(await describe(group)), batches: await batchesOf(provider.getChildren(group), withLeads) };
	};
	const sourceOf = async (node: EnrichmentNode, withLeads: boolean): Promise<SourceSnapshot> => {
		if (node.kind !== 'source') throw new Error('not a source row');
		const children = provider.getChildren(node);
		const companies = await Promise.all(children.filter((n) => n.kind === 'source').map((n) => sourceOf(n, withLeads)));
		return {
			...(await describe(node)),
			sourceId: node.source.id,
			actions: await Promise.all(children.filter((n) => n.kind === 'action').map(describe)),
			companies,
			batches: await batchesOf(children, withLeads),
			days: await daysOf(children, withLeads),
			opened: await openedOf(children, withLeads),
		};
	};
	return {
		async snapshot(options = {}) {
			const withLeads = options.leads !== false;
			const roots = provider.getChildren();
			const actions = await Promise.all(roots.filter((n) => n.kind === 'action').map(describe));
			const batches = await batchesOf(roots, withLeads);
			const accountRows = await Promise.all(roots.filter((n) => n.kind === 'source').map((n) => sourceOf(n, withLeads)));
			const badge = view.treeView.badge?.value;
			return {
				state: view.state,
				message: view.treeView.message,
				description: view.treeView.description,
				badge,
				refreshing: sources.isRefreshing,
				visible: view.treeView.visible,
				actions,
				batches,
				days: await daysOf(roots, withLeads),
				opened: await openedOf(roots, withLeads),
				filter: { id: provider.viewOptions.filter, label: filterLabel(provider.viewOptions.filter) },
				groupByDay: provider.viewOptions.groupByDay,
				counts: provider.shownCounts,
				accounts: accountRows,
				selection: view.treeView.selection.map((n) => provider.getTreeItem(n).id ?? ''),
				statusBar: statusBar.shown,
				rawJsonPanel: { open: rawJson.isOpen, title: rawJson.title, created: rawJson.created, shows: rawJson.shows, note: rawJson.note },
			};
		},
		async whenIdle() {
			while (sources.isRefreshing) await Promise.all(sources.sources.filter((s) => s.store.isRefreshing).map((s) => s.store.refresh()));
		},
		nodes: (parent) => provider.getChildren(parent),
		parents(node) {
			const chain: EnrichmentNode[] = [];
			for (let p = provider.getParent(node); p; p = provider.getParent(p)) chain.push(p);
			return chain;
		},
		async storeApiKey(key) {
			const first = accounts.accounts[0];
			if (first) await accounts.setKey(first.id, key);
			else if (key) await accounts.add('Default', key);
		},
		addAccount: async (name, key) => (await accounts.add(name, key)).id,
		accounts: () => accounts.accounts,
		async removeAllAccounts() {
			for (const a of [...accounts.accounts]) await accounts.remove(a.id);
		},
		setCompanies: (accountId, companies) => accounts.setCompanies(accountId, companies),
		removeAccount: (accountId) => accounts.remove(accountId),
		openLink: (uri) => handleUri(vscode.Uri.parse(uri)),
		hasStoredKey: async (accountId) => (await accounts.getKey(accountId)) !== undefined,
		hasLegacyKey: async () => (await secrets.get(LEGACY_SECRET)) !== undefined,
		async storeLegacyKey(key) {
			for (const a of [...accounts.accounts]) await accounts.remove(a.id);
			await globalState.update(ACCOUNTS_STATE_KEY, undefined);
			await secrets.store(LEGACY_SECRET, key);
		},
		rawJsonSubtitle: () => rawJson.subtitle,
		rawJsonValue: () => rawJson.value,
		rawJsonCopyAll: () => rawJson.copyAll(),
		processedNotices: () => processed.notices.map((n) => ({ text: n.text, buttons: [...n.buttons] })),
		clearProcessedNotices: () => void processed.notices.splice(0),
		async clickProcessedNotice(button) {
			const last = processed.notices.at(-1);
			if (!last) throw new Error('No "batch processed" notification was shown');
			if (!last.buttons.includes(button)) throw new Error(`The notification has no button ${button}: ${last.buttons.join(', ')}`);
			await last.click(button);
		},
		globalState: () => Object.fromEntries(globalState.keys().map((k) => [k, globalState.get(k)])),
		restart,
		polling: () => ({ next: scheduler.next, windowFocused: vscode.window.state.focused }),
		activation,
	};
}
