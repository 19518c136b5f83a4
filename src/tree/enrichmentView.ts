// The Enrichments tree view: wires the provider to a TreeView and keeps its title, message,
// badge and context keys in step with the store and the cutoff.
import * as vscode from 'vscode';
import { ContextKeys, setContext } from '../common/contextKeys';
import { Disposable } from '../common/disposable';
import type { EnrichmentStore } from '../enrichments/enrichmentStore';
import type { CutoffStore } from '../settings/cutoffStore';
import { type EnrichmentNode, EnrichmentTreeProvider } from './enrichmentTreeProvider';
import { type ViewTextInput, viewDescription, viewMessage, viewTitle } from './viewText';

export const VIEW_ID = 'woodpecker.enrichments';

export class EnrichmentView extends Disposable {
	readonly provider: EnrichmentTreeProvider;
	readonly treeView: vscode.TreeView<EnrichmentNode>;

	constructor(
		private readonly store: EnrichmentStore,
		private readonly cutoffs: CutoffStore,
	) {
		super();
		this.provider = this._register(new EnrichmentTreeProvider(store));
		this.treeView = this._register(vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.provider, canSelectMany: true, showCollapseAll: true }));
		this._register(store.onDidChange(() => this.update()));
		this._register(cutoffs.onDidChange(() => this.update()));
		this.update();
	}

	private textInput(): ViewTextInput {
		const { data, failure } = this.store;
		return {
			state: this.store.state,
			// Until data for the new cutoff arrives, the title names what was asked for.
			cutoff: data && !data.cached && !this.store.isRefreshing ? data.cutoff : this.cutoffs.get(),
			cached: data?.cached ?? false,
			receivedAt: data?.receivedAt,
			refreshing: this.store.isRefreshing,
			failure: failure ? { message: failure.error.message, at: failure.at } : undefined,
		};
	}

	private update(): void {
		const input = this.textInput();
		this.treeView.title = viewTitle(input);
		this.treeView.description = viewDescription(input);
		this.treeView.message = viewMessage(input);
		const pending = this.store.data?.model.totals.pending ?? 0;
		this.treeView.badge = pending ? { value: pending, tooltip: `${pending} ${pending === 1 ? 'lead' : 'leads'} still pending` } : undefined;
		void setContext(ContextKeys.ready, this.store.initialized);
		void setContext(ContextKeys.hasApiKey, this.store.hasKey);
		void setContext(ContextKeys.state, input.state);
		void setContext(ContextKeys.hasData, this.store.data !== undefined);
		void setContext(ContextKeys.refreshing, this.store.isRefreshing);
	}
}
