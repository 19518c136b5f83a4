import * as vscode from 'vscode';
import type { Source, Sources } from '../accounts/sources';
import { type ErrorAction, actionCommand, actionsForSource } from '../commands/errorActions';
import { Disposable, toDisposable } from '../common/disposable';
import type { Event } from '../common/emitter';
import { type DayKey, groupByDay, localDayKey, msUntilNextDay } from '../model/dayGroups';
import type { BatchRow, EnrichmentModel } from '../model/enrichmentModel';
import { type LeadFilter, filterLabel, matchingLeads, stateMatches } from '../model/leadFilter';
import { PLAIN_VIEW, type ViewOptions } from '../settings/viewOptionsStore';
import { MinuteLabels } from './batchSummary';
import { type DayCounts, type DayFormat, dayDescription, dayLabel, dayTooltip } from './dayText';
import { ActionNode } from './nodes/actionNode';
import { BatchNode } from './nodes/batchNode';
import { DayNode } from './nodes/dayNode';
import { LeadNode } from './nodes/leadNode';
import { OpenedNode } from './nodes/openedNode';
import { SourceNode } from './nodes/sourceNode';
import type { SourceTextInput } from './sourceText';
import { count } from '../common/count';

export type EnrichmentNode = SourceNode | OpenedNode | DayNode | BatchNode | LeadNode | ActionNode;

/** What the provider reads of the view options: the filter, Group by Day, and when they change. */
export interface ProviderOptions extends ViewOptions {
	readonly onDidChange?: Event<unknown>;
}

// A function, not a constant: VS Code may load the display language's bundle after this module.
const actionRows = (): Record<ErrorAction, { label: string; icon: string; tooltip: string }> => ({
	setApiKey: { label: vscode.l10n.t('Set API Key…'), icon: 'key', tooltip: vscode.l10n.t('Set a valid Woodpecker API key (Woodpecker → Marketplace → Integrations → API keys).') },
	retry: { label: vscode.l10n.t('Retry'), icon: 'refresh', tooltip: vscode.l10n.t('Load the enrichment batches again.') },
	openSettings: { label: vscode.l10n.t('Open Settings…'), icon: 'gear', tooltip: vscode.l10n.t('Check the woodpecker.apiBaseUrl setting.') },
	setCutoff: { label: vscode.l10n.t('Set Cutoff…'), icon: 'calendar', tooltip: vscode.l10n.t('Choose which batches to show.') },
	chooseCompanies: { label: vscode.l10n.t('Choose Client Companies…'), icon: 'organization', tooltip: vscode.l10n.t("Choose again among the agency's client companies.") },
});

/**
 * One source's rows: its batch (and day) nodes, made when its model, the filter or Group by Day
 * changes (or, grouped, the day turns); lead nodes only when a batch opens.
 */
interface SourceRows {
	model: EnrichmentModel | undefined;
	scope: string;
	filter: LeadFilter;
	/** The local day the day rows were labelled on ("Today"), or undefined when not grouped. */
	today: DayKey | undefined;
	/** Aligned with model.rows: nodes[row.index] is the node of that row, undefined when the filter hides it. */
	nodes: ReadonlyArray<BatchNode | undefined>;
	/** The batch nodes shown, in view order (nodes itself when nothing is filtered out). */
	batches: BatchNode[];
	/** With Group by Day: the day rows, newest first, each holding its batches. */
	days: DayNode[] | undefined;
	/** Leads the filter keeps, over the batches shown. */
	shownLeads: number;
	leads: Map<BatchNode, LeadNode[]>;
	/** The batches opened by uuid that the list leaves out (and the filter keeps), as of which opened model. */
	opened: { model: EnrichmentModel; group: OpenedNode | undefined };
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
	private dayFormats: { short: DayFormat; long: DayFormat } | undefined;
	private rollover: ReturnType<typeof setTimeout> | undefined;

	/**
	 * @param options the filter and Group by Day (all leads, ungrouped when left out)
	 * @param now the clock day rows are labelled by
	 */
	constructor(
		private readonly sources: Sources,
		private readonly options: ProviderOptions = PLAIN_VIEW,
		private readonly now: () => Date = () => new Date(),
	) {
		super();
		this._register(sources.onDidChange(() => this.refresh()));
		if (options.onDidChange) this._register(options.onDidChange(() => this.refresh()));
		this._register(toDisposable(() => clearTimeout(this.rollover)));
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
		const { filter, groupByDay } = this.options;
		const today = groupByDay ? localDayKey(this.now()) : undefined;
		for (const source of all) this.updateRows(source, scopeOf(source, several), filter, today);
		this.sourceNodes.clear();
		this.children.clear();
		if (!several) {
			const only = all[0];
			this.roots = only ? [...this.actionRows(only, false), ...this.openedRow(only), ...this.shownRows(only)] : [];
		} else {
			this.roots = [];
			for (const source of all) {
				const under: EnrichmentNode[] = [...this.actionRows(source, true), ...this.openedRow(source)];
				if (!source.company) {
					for (const company of all) if (company.company && company.accountId === source.accountId) under.push(this.sourceNode(company));
				}
				under.push(...this.shownRows(source));
				this.children.set(source.id, under);
			}
			for (const source of all) if (!source.company) this.roots.push(this.sourceNode(source));
		}
		this.scheduleRollover(groupByDay);
		this.changed.fire(undefined);
	}

	/** The active filter and Group by Day. */
	get viewOptions(): ViewOptions {
		return { filter: this.options.filter, groupByDay: this.options.groupByDay };
	}

	/** Batches and leads shown and loaded, over every source: what the view and its commands say of the filter. */
	get shownCounts(): { batches: number; shownBatches: number; leads: number; shownLeads: number } {
		const c = { batches: 0, shownBatches: 0, leads: 0, shownLeads: 0 };
		for (const source of this.sources.sources) {
			const rows = this.rows.get(source.id);
			if (!rows?.model) continue;
			c.batches += rows.model.rows.length;
			c.shownBatches += rows.batches.length;
			c.leads += rows.model.totals.total;
			c.shownLeads += rows.shownLeads;
		}
		return c;
	}

	getTreeItem(node: EnrichmentNode): vscode.TreeItem {
		return node.kind === 'batch' ? node.toTreeItem(this.labels) : node.toTreeItem();
	}

	getChildren(node?: EnrichmentNode): EnrichmentNode[] {
		if (!node) return this.roots;
		if (node.kind === 'source') return this.children.get(node.source.id) ?? [];
		if (node.kind === 'day' || node.kind === 'opened') return node.batches;
		return node.kind === 'batch' ? this.leadsOf(node) : [];
	}

	getParent(node: EnrichmentNode): EnrichmentNode | undefined {
		if (node.kind === 'lead') return node.parent;
		if (node.kind === 'batch' && node.day) return node.day;
		if (node.kind === 'batch' && node.opened) return node.opened;
		if (!this.several) return undefined;
		if (node.kind === 'batch' || node.kind === 'day' || node.kind === 'opened') return this.sourceNodes.get(node.source.id);
		if (node.kind === 'source' && node.source.company) return this.sourceNodes.get(node.source.accountId);
		return undefined;
	}

	resolveTreeItem(item: vscode.TreeItem, node: EnrichmentNode): vscode.TreeItem {
		if (node.kind !== 'action') item.tooltip = node.tooltip();
		return item;
	}

	/** Every batch node shown (the filter's), source by source, in view order. */
	get batchNodes(): readonly BatchNode[] {
		return this.sources.sources.flatMap((s) => this.rows.get(s.id)?.batches ?? []);
	}

	/** The source's batch nodes shown, in view order. */
	batchNodesOf(source: Source): readonly BatchNode[] {
		return this.rows.get(source.id)?.batches ?? [];
	}

	/**
	 * The node of the batch's first row when it is shown (undefined when the filter hides it): in
	 * the list, or in the "Opened by uuid" group (looked in first when `opened` is set).
	 */
	batchNode(source: Source, uuid: string, opened = false): BatchNode | undefined {
		const rows = this.rows.get(source.id);
		const inGroup = () => rows?.opened.group?.batches.find((b) => b.row.batch.uuid === uuid);
		const row = rows?.model?.findBatch(uuid);
		const inList = () => (row ? rows!.nodes[row.index] : undefined);
		return opened ? (inGroup() ?? inList()) : (inList() ?? inGroup());
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

	/** The batch's leads the filter keeps, in the order the server sent them (ids count every lead, so they never depend on the filter). */
	leadsOf(node: BatchNode): LeadNode[] {
		const rows = this.rows.get(node.source.id);
		if (!rows?.model) return [];
		let leads = rows.leads.get(node);
		if (!leads) {
			const filter = node.filter;
			const leadRows = (node.opened ? rows.opened.model : rows.model).leadRows(node.row);
			leads = (filter === 'all' ? leadRows : leadRows.filter((r) => stateMatches(r.state, filter))).map((r) => new LeadNode(r, node));
			rows.leads.set(node, leads);
		}
		return leads;
	}

	/** What sits under a source (or at the root with one): its day rows when grouped, else its batches. */
	private shownRows(source: Source): readonly EnrichmentNode[] {
		const rows = this.rows.get(source.id)!;
		return rows.days ?? rows.batches;
	}

	/** The source's "Opened by uuid" row, when it keeps a batch the list leaves out (and the filter keeps). */
	private openedRow(source: Source): OpenedNode[] {
		const group = this.rows.get(source.id)?.opened.group;
		return group ? [group] : [];
	}

	/** The group's nodes: its batches the list does not show, the filter's, newest created first. */
	private openedGroup(source: Source, scope: string, filter: LeadFilter, list: EnrichmentModel | undefined, opened: EnrichmentModel): OpenedNode | undefined {
		const kept = opened.rows.filter((r) => !list?.findBatch(r.batch.uuid) && (filter === 'all' || matchingLeads(r, filter) > 0));
		if (!kept.length) return undefined;
		const pending = kept.reduce((n, r) => n + r.pending, 0);
		const group = new OpenedNode(source, scope, [count(kept.length, vscode.l10n.t('batch'), vscode.l10n.t('batches')), pending ? vscode.l10n.t('{0} pending', pending) : ''].filter(Boolean).join(' · '));
		for (const row of kept) group.batches.push(new BatchNode(row, source, `${scope}opened/`, filter, undefined, group));
		return group;
	}

	private updateRows(source: Source, scope: string, filter: LeadFilter, today: DayKey | undefined): void {
		const model = source.store.data?.model;
		const openedModel = source.store.opened.model;
		const existing = this.rows.get(source.id);
		if (existing && existing.model === model && existing.opened.model === openedModel && existing.scope === scope && existing.filter === filter && existing.today === today) return;
		const opened = { model: openedModel, group: this.openedGroup(source, scope, filter, model, openedModel) };
		const modelRows = model?.rows ?? [];
		let shownLeads = 0;
		let kept: readonly BatchRow[] = modelRows;
		if (filter !== 'all') {
			const matching: BatchRow[] = [];
			for (const row of modelRows) {
				const n = matchingLeads(row, filter);
				if (!n) continue;
				matching.push(row);
				shownLeads += n;
			}
			kept = matching;
		} else shownLeads = model?.totals.total ?? 0;
		let days: DayNode[] | undefined;
		let batches: BatchNode[];
		if (today === undefined) {
			batches = new Array<BatchNode>(kept.length);
			for (let i = 0; i < kept.length; i++) batches[i] = new BatchNode(kept[i], source, scope, filter);
		} else {
			({ days, batches } = this.dayRows(source, scope, filter, kept));
		}
		let nodes: ReadonlyArray<BatchNode | undefined> = batches;
		if (kept.length !== modelRows.length) {
			const aligned = new Array<BatchNode | undefined>(modelRows.length);
			for (const node of batches) aligned[node.row.index] = node;
			nodes = aligned;
		}
		this.rows.set(source.id, { model, scope, filter, today, nodes, batches, days, shownLeads, leads: new Map(), opened });
	}

	/** The day rows over the kept rows (newest day first, open; the others closed) and the batch nodes under them. */
	private dayRows(source: Source, scope: string, filter: LeadFilter, kept: readonly BatchRow[]): { days: DayNode[]; batches: BatchNode[] } {
		const now = this.now();
		const formats = (this.dayFormats ??= dayFormatters());
		const days: DayNode[] = [];
		const batches: BatchNode[] = [];
		for (const group of groupByDay(kept, (r) => r.time)) {
			const c: DayCounts = { batches: group.items.length, leads: 0, matching: 0, pending: 0 };
			for (const row of group.items) {
				c.leads += row.total;
				c.matching += matchingLeads(row, filter);
				c.pending += row.pending;
			}
			const text = { label: dayLabel(group, now, formats.short), description: dayDescription(c, filter), tooltip: dayTooltip(group, c, filter, formats.long) };
			const day = new DayNode(group.key, source, scope, text, days.length === 0);
			for (const row of group.items) {
				const node = new BatchNode(row, source, scope, filter, day);
				day.batches.push(node);
				batches.push(node);
			}
			days.push(day);
		}
		return { days, batches };
	}

	/** Grouped by day, the rows are labelled again just after local midnight ("Today" becomes "Yesterday"). */
	private scheduleRollover(grouped: boolean): void {
		clearTimeout(this.rollover);
		this.rollover = grouped ? setTimeout(() => this.refresh(), msUntilNextDay(this.now()) + 1000) : undefined;
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
			shownBatches: data && this.options.filter !== 'all' ? this.rows.get(source.id)?.batches.length : undefined,
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
			const { label, icon, tooltip } = actionRows()[a];
			const { command, arguments: args } = actionCommand(a, target);
			return new ActionNode(`${scope}action/${a}`, label, icon, tooltip, { command, title: label, arguments: args });
		});
		if (failure && !data) {
			rows.push(new ActionNode(`${scope}action/showLog`, vscode.l10n.t('Show Log'), 'output', vscode.l10n.t('What the extension sent and received.'), { command: 'woodpecker.showLog', title: vscode.l10n.t('Show Log') }));
		}
		const shown = this.rows.get(source.id);
		if (shown?.model && !shown.model.isEmpty && !shown.batches.length && shown.filter !== 'all') {
			const tooltip = vscode.l10n.t(
				'No lead of the {0} within the cutoff matches the filter "{1}". Show every lead again.',
				count(shown.model.rows.length, vscode.l10n.t('batch'), vscode.l10n.t('batches')),
				filterLabel(shown.filter),
			);
			rows.push(new ActionNode(`${scope}action/clearFilter`, vscode.l10n.t('Clear Filter'), 'clear-all', tooltip, { command: 'woodpecker.clearFilter', title: vscode.l10n.t('Clear Filter') }));
		}
		return rows;
	}
}

/** What a source's row ids begin with: its id when several sources share the tree, so ids never collide; nothing with one. */
function scopeOf(source: Source, several: boolean): string {
	return several ? `${source.id}|` : '';
}

/** Day rows' dates in the user's locale: "Mon, May 4, 2026" on the row, the whole date in its tooltip. */
function dayFormatters(): { short: DayFormat; long: DayFormat } {
	const make = (options: Intl.DateTimeFormatOptions) => {
		let f: Intl.DateTimeFormat;
		try {
			f = new Intl.DateTimeFormat(vscode.env.language, { ...options, timeZone: 'UTC' });
		} catch {
			f = new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
		}
		return (t: number) => f.format(t);
	};
	return { short: make({ weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }), long: make({ dateStyle: 'full' }) };
}

function dateFormatter(): Intl.DateTimeFormat {
	try {
		return new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' });
	} catch {
		return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
	}
}
