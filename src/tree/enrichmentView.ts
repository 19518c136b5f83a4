// The Enrichments tree view: wires the provider to a TreeView and keeps its title, message,
// badge and context keys in step with the store, the cutoff and the view options (filter, Group by Day).
import * as vscode from 'vscode';
import type { Sources } from '../accounts/sources';
import { ContextKeys, setContext } from '../common/contextKeys';
import { Disposable } from '../common/disposable';
import type { CutoffStore } from '../settings/cutoffStore';
import type { ViewOptionsStore } from '../settings/viewOptionsStore';
import { type EnrichmentNode, EnrichmentTreeProvider } from './enrichmentTreeProvider';
import { type ViewTextInput, filteredOutMessage, viewDescription, viewMessage, viewTitle } from './viewText';
import { count } from '../common/count';

export const VIEW_ID = 'woodpecker.enrichments';

export class EnrichmentView extends Disposable {
	readonly provider: EnrichmentTreeProvider;
	readonly treeView: vscode.TreeView<EnrichmentNode>;

	constructor(
		private readonly sources: Sources,
		private readonly cutoffs: CutoffStore,
		readonly options: ViewOptionsStore,
	) {
		super();
		this.provider = this._register(new EnrichmentTreeProvider(sources, options));
		this.treeView = this._register(vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.provider, canSelectMany: true, showCollapseAll: true }));
		this._register(sources.onDidChange(() => this.update()));
		this._register(cutoffs.onDidChange(() => this.update()));
		// After the provider's own listener (registered first), so the counts read are the new filter's.
		this._register(options.onDidChange(() => this.update()));
		this.update();
	}

	/** How many batches the filter hides when it hides every one of them (more than none); else undefined. */
	private filteredOut(): number | undefined {
		if (this.options.filter === 'all') return undefined;
		const c = this.provider.shownCounts;
		return c.batches > 0 && c.shownBatches === 0 ? c.batches : undefined;
	}

	/** The view's state: the one source's, or 'accounts' when several share it (their rows speak). */
	get state(): ViewTextInput['state'] | 'accounts' {
		if (this.provider.several) return 'accounts';
		return this.sources.sources[0]?.store.state ?? 'no-key';
	}

	private textInput(): ViewTextInput {
		const cutoff = this.cutoffs.get();
		const filter = this.options.filter;
		const only = this.provider.several ? undefined : this.sources.sources[0]?.store;
		if (!only) return { state: this.provider.several ? 'loaded' : 'no-key', cutoff, cached: false, refreshing: this.sources.isRefreshing, filter };
		const { data, failure } = only;
		return {
			filter,
			filteredOut: this.filteredOut(),
			state: only.state,
			// Until data for the new cutoff arrives, the title names what was asked for.
			cutoff: data && !data.cached && !only.isRefreshing ? data.cutoff : cutoff,
			cached: data?.cached ?? false,
			receivedAt: data?.receivedAt,
			refreshing: only.isRefreshing,
			failure: failure ? { message: failure.error.message, at: failure.at } : undefined,
		};
	}

	private update(): void {
		const input = this.textInput();
		const sources = this.sources.sources;
		this.treeView.title = viewTitle(input);
		this.treeView.description = viewDescription(input);
		// With several sources each row says its own failure; the view says only that the filter hides everything.
		const filteredOut = this.provider.several ? this.filteredOut() : undefined;
		this.treeView.message = !this.provider.several ? viewMessage(input) : filteredOut ? filteredOutMessage(this.options.filter, filteredOut) : undefined;
		let pending = 0;
		for (const s of sources) pending += s.store.pendingShown;
		this.treeView.badge = pending ? { value: pending, tooltip: vscode.l10n.t('{0} still pending', count(pending, vscode.l10n.t('lead'), vscode.l10n.t('leads'))) } : undefined;
		void setContext(ContextKeys.ready, this.sources.initialized);
		void setContext(ContextKeys.hasApiKey, this.sources.hasKey);
		void setContext(ContextKeys.state, this.state);
		void setContext(
			ContextKeys.hasData,
			sources.some((s) => s.store.data !== undefined),
		);
		void setContext(ContextKeys.refreshing, this.sources.isRefreshing);
		void setContext(ContextKeys.accounts, this.sources.accountCount);
		void setContext(
			ContextKeys.hasOpened,
			sources.some((s) => !s.store.opened.isEmpty),
		);
		void setContext(ContextKeys.filtered, this.options.filter !== 'all');
		void setContext(ContextKeys.groupedByDay, this.options.groupByDay);
	}
}
