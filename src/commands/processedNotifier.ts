// "Batch 2 Dec 2026, 10:42 processed: 7 of 10 converted to prospects": one notification per
// refresh in which batches that were pending finished (whoever started it), with Show and Copy
// UIDs. A batch is announced once, also across reloads; `woodpecker.notifyWhenProcessed` turns it off.
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { type FinishedBatch, NotifiedMemory, ProcessedTracker } from '../enrichments/processedBatches';
import type { EnrichmentNode } from '../tree/enrichmentTreeProvider';
import { VIEW_ID } from '../tree/enrichmentView';
import { contentFor } from '../webview/rawJsonFollower';
import type { CommandContext } from './context';
import { copyLeadUidsOf } from './copyCommands';
import { processedText } from './processedText';
import { count } from '../common/count';

/** Where the announced batches are remembered (source id and uuid, at most NOTIFIED_LIMIT of them). */
export const NOTIFIED_STATE_KEY = 'woodpecker.notifiedBatches';

// A function, not a constant: VS Code may load the display language's bundle after this module.
export const processedButtons = () => ({ show: vscode.l10n.t('Show'), copy: vscode.l10n.t('Copy UIDs') });

/** A notification shown, for tests: its text, its buttons, and what a click on one does. */
export interface ProcessedNotice {
	readonly text: string;
	readonly buttons: readonly string[];
	click(button: string): Promise<void>;
}

export class ProcessedNotifier extends Disposable {
	private readonly tracker = new ProcessedTracker();
	/** Every notification shown since activation, oldest first. */
	readonly notices: ProcessedNotice[] = [];

	constructor(
		private readonly ctx: CommandContext,
		private readonly state: vscode.Memento,
		private readonly enabled: () => boolean,
	) {
		super();
		const observe = () => this.tracker.observe(ctx.sources.sources.map((s) => ({ id: s.id, model: s.store.data?.model })));
		observe();
		this._register(ctx.sources.onDidChange(observe));
		this._register(
			ctx.sources.onDidFinishAll(() => {
				observe();
				void this.announce().catch((e: unknown) => ctx.log.error(`The processed-batch notification failed: ${e instanceof Error ? e.message : String(e)}`));
			}),
		);
	}

	/**
	 * At the end of a refresh: one notification for every batch that finished in it, unless announced
	 * before. Remembered and recorded at once (before the refresh's caller resumes), shown after.
	 */
	private async announce(): Promise<void> {
		const memory = new NotifiedMemory(this.state.get(NOTIFIED_STATE_KEY));
		const finished = this.tracker.take(memory).filter((f) => this.ctx.sources.get(f.sourceId));
		if (!finished.length || !this.enabled()) return;
		memory.add(finished);
		void Promise.resolve(this.state.update(NOTIFIED_STATE_KEY, memory.toJSON())).catch((e: unknown) => this.ctx.log.warn(`Could not remember the announced batches: ${e instanceof Error ? e.message : String(e)}`));
		const { sources, view } = this.ctx;
		const several = sources.several;
		const text = processedText(
			finished.map((f) => ({
				time: view.provider.batchLabel(f.row),
				converted: f.row.converted,
				total: f.row.total,
				place: several ? sources.label(sources.get(f.sourceId)!) : undefined,
			})),
		);
		const labels = processedButtons();
		const buttons = [labels.show, labels.copy];
		const click = (button: string) => this.act(button, finished);
		this.notices.push({ text, buttons, click });
		this.ctx.log.info(`Announced ${count(finished.length, 'processed batch', 'processed batches')}: ${finished.map((f) => f.row.batch.uuid).join(', ')}`);
		const choice = await vscode.window.showInformationMessage(text, ...buttons);
		if (choice) await click(choice);
	}

	private async act(button: string, finished: readonly FinishedBatch[]): Promise<void> {
		const labels = processedButtons();
		if (button === labels.copy) return copyLeadUidsOf(finished.map((f) => f.row.batch));
		if (button === labels.show) return this.show(finished);
	}

	/**
	 * Reveals the finished batches' rows (opening their accounts), and selects the first. A row the
	 * tree does not show (gone from the answer since, or hidden) is shown as Raw JSON instead, with
	 * the view brought into sight, so Show always shows the batch.
	 */
	private async show(finished: readonly FinishedBatch[]): Promise<void> {
		const { sources, view } = this.ctx;
		const nodeOf = (f: FinishedBatch) => {
			const source = sources.get(f.sourceId);
			return source && view.provider.batchNode(source, f.row.batch.uuid);
		};
		const [first, ...others] = finished;
		// Into sight first: a reveal while the view is still opening was seen to leave nothing selected.
		await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
		for (const f of others) {
			const node = nodeOf(f);
			if (node) await Promise.resolve(view.treeView.reveal(node, { select: false, focus: false })).catch(() => undefined);
		}
		const node = nodeOf(first);
		const revealed =
			node &&
			this.inTree(node) &&
			(await Promise.resolve(view.treeView.reveal(node, { select: true, focus: true })).then(
				() => true,
				() => false,
			));
		if (!revealed) this.showRawJson(first);
	}

	/** Whether the node is among the rows the tree shows (each of its ancestors among its parent's children). */
	private inTree(node: EnrichmentNode): boolean {
		const provider = this.ctx.view.provider;
		for (let n: EnrichmentNode | undefined = node; n; n = provider.getParent(n)) if (!provider.getChildren(provider.getParent(n)).includes(n)) return false;
		return true;
	}

	/** The batch as the current answer holds it (the panel then follows refreshes), or as it was when it finished. */
	private showRawJson(f: FinishedBatch): void {
		const { sources, rawJson } = this.ctx;
		const source = sources.get(f.sourceId);
		const data = source?.store.data;
		const label = source && sources.several ? sources.label(source) : undefined;
		const row = data?.model.findBatch(f.row.batch.uuid);
		const current = data && row && contentFor({ sourceId: f.sourceId, kind: 'batch', id: row.id }, data, label);
		const batch = f.row.batch;
		rawJson.show(
			current ?? {
				title: vscode.l10n.t('Batch {0}', batch.uuid),
				subtitle: vscode.l10n.t('{0} · created {1} · no longer in the last answer{2}', count(batch.leads.length, vscode.l10n.t('lead'), vscode.l10n.t('leads')), batch.created, label ? ` · ${label}` : ''),
				value: batch,
				sourceId: f.sourceId,
			},
		);
	}
}
