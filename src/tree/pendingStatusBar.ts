// "$(sync~spin) 12 pending" in the status bar, only while some lead shown in the view is pending
// (in any account); a click brings the view. `woodpecker.showPendingInStatusBar` hides it.
import * as vscode from 'vscode';
import type { Sources } from '../accounts/sources';
import { Disposable } from '../common/disposable';
import { VIEW_ID } from './enrichmentView';
import { count } from '../common/count';

export class PendingStatusBar extends Disposable {
	private readonly item = this._register(vscode.window.createStatusBarItem('woodpecker.pending', vscode.StatusBarAlignment.Left, 10));

	constructor(
		private readonly sources: Sources,
		private readonly enabled: () => boolean,
	) {
		super();
		this.item.name = 'Woodpecker: Pending Leads';
		this.item.command = { command: `${VIEW_ID}.focus`, title: 'Show the Enrichments view' };
		this._register(sources.onDidChange(() => this.update()));
		this.update();
	}

	/** What the item shows now, if it shows (for tests). */
	get shown(): { text: string; tooltip: string } | undefined {
		return this.visible ? { text: this.item.text, tooltip: String(this.item.tooltip ?? '') } : undefined;
	}

	private visible = false;

	/** Shows or hides the item after a change of data or of the setting. */
	update(): void {
		let pending = 0;
		let accounts = 0;
		for (const s of this.sources.sources) {
			const n = s.store.pendingShown;
			pending += n;
			if (n) accounts++;
		}
		this.visible = pending > 0 && this.enabled();
		if (!this.visible) return this.item.hide();
		this.item.text = `$(sync~spin) ${pending} pending`;
		const where = this.sources.several ? ` in ${count(accounts, 'account', 'accounts')}` : '';
		this.item.tooltip = `${pending} Woodpecker ${pending === 1 ? 'lead is' : 'leads are'} still being enriched${where}. Click to show them.`;
		this.item.accessibilityInformation = { label: `Woodpecker: ${count(pending, 'lead', 'leads')} pending${where}` };
		this.item.show();
	}
}
