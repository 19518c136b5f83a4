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
		this.item.name = vscode.l10n.t('Woodpecker: Pending Leads');
		this.item.command = { command: `${VIEW_ID}.focus`, title: vscode.l10n.t('Show the Enrichments view') };
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
		this.item.text = vscode.l10n.t('$(sync~spin) {0} pending', pending);
		const where = this.sources.several ? vscode.l10n.t(' in {0}', count(accounts, vscode.l10n.t('account'), vscode.l10n.t('accounts'))) : '';
		this.item.tooltip =
			pending === 1 ? vscode.l10n.t('1 Woodpecker lead is still being enriched{0}. Click to show them.', where) : vscode.l10n.t('{0} Woodpecker leads are still being enriched{1}. Click to show them.', pending, where);
		this.item.accessibilityInformation = { label: vscode.l10n.t('Woodpecker: {0} pending{1}', count(pending, vscode.l10n.t('lead'), vscode.l10n.t('leads')), where) };
		this.item.show();
	}
}
