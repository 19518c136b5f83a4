// One "Raw JSON" panel, reused and revealed. The extension host only serializes the value
// (compactly, as bytes); pretty-printing, highlighting and virtual scrolling run in the webview.
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { renderRawJsonHtml } from './rawJsonHtml';

export interface RawJsonContent {
	/** What the JSON is, for the panel's title: "Last response", "Batch …", "Lead …". */
	title: string;
	/** A line under the title, e.g. when and with which cutoff it was received. */
	subtitle: string;
	/** The value itself (not a copy); serialized only when the webview asks for it. */
	value: unknown;
	/** What to show again after a refresh; absent for content that does not follow refreshes. */
	follows?: RawJsonTarget;
	/** The source (account or client company) it came from: cleared when that source's account changes. */
	sourceId: string;
}

/**
 * What the panel shows, independent of any one answer, so it can follow refreshes: the source
 * (account or client company) it came from by id, rows by their model ids.
 */
/** A batch or lead `opened` is one of the "Opened by uuid" group's, not the list's. */
export type RawJsonTarget = { sourceId: string } & ({ kind: 'response' } | { kind: 'batch'; id: string; opened?: boolean } | { kind: 'lead'; batchId: string; id: string; opened?: boolean });

export class RawJsonPanel extends Disposable {
	static readonly viewType = 'woodpecker.rawJson';
	private panel: vscode.WebviewPanel | undefined;
	private content: RawJsonContent | undefined;
	private clearedBecause: string | undefined;
	/** How many panels were created in this session (tests check reuse). */
	created = 0;

	constructor(private readonly extensionUri: vscode.Uri) {
		super();
	}

	get isOpen(): boolean {
		return this.panel !== undefined;
	}

	get title(): string | undefined {
		return this.panel?.title;
	}

	/** The title of what the panel holds (undefined once cleared): for tests and Copy All. */
	get shows(): string | undefined {
		return this.content?.title;
	}

	/** The subtitle of what the panel holds. */
	get subtitle(): string | undefined {
		return this.content?.subtitle;
	}

	/** The value the panel holds (the very object, not a copy). */
	get value(): unknown {
		return this.content?.value;
	}

	/** Why the panel was cleared, while it is. */
	get note(): string | undefined {
		return this.clearedBecause;
	}

	/** The source of what the panel holds, while it holds something. */
	get sourceId(): string | undefined {
		return this.content?.sourceId;
	}

	/** What the open panel follows, if anything. */
	get target(): RawJsonTarget | undefined {
		return this.panel ? this.content?.follows : undefined;
	}

	/** Says in the subtitle that what is shown is no longer in the latest answer; stops following. */
	markOutdated(note: string): void {
		if (!this.panel || !this.content) return;
		this.update({ ...this.content, subtitle: `${this.content.subtitle} · ${note}`, follows: undefined });
	}

	/** Empties an open panel, saying why: nothing of what it showed stays in it, not even for Copy All. */
	clear(reason: string): void {
		this.content = undefined;
		this.clearedBecause = reason;
		if (!this.panel) return;
		this.panel.title = vscode.l10n.t('Raw JSON');
		this.post();
	}

	/** Replaces the open panel's content without revealing it (after a refresh). */
	update(content: RawJsonContent): void {
		if (!this.panel) return;
		this.content = content;
		this.clearedBecause = undefined;
		this.panel.title = panelTitle(content);
		this.post();
	}

	show(content: RawJsonContent): void {
		this.content = content;
		this.clearedBecause = undefined;
		if (this.panel) {
			this.panel.title = panelTitle(content);
			this.panel.reveal(undefined, false);
			this.post();
			return;
		}
		const mediaRoot = vscode.Uri.joinPath(this.extensionUri, 'media');
		const panel = vscode.window.createWebviewPanel(RawJsonPanel.viewType, panelTitle(content), vscode.ViewColumn.Active, {
			enableScripts: true,
			localResourceRoots: [mediaRoot],
			enableFindWidget: true,
		});
		this.created++;
		this.panel = panel;
		panel.iconPath = vscode.Uri.joinPath(mediaRoot, 'json.svg');
		panel.webview.html = renderRawJsonHtml({
			cspSource: panel.webview.cspSource,
			scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'rawJson.js')).toString(),
			styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'rawJson.css')).toString(),
		});
		panel.onDidDispose(() => {
			if (this.panel === panel) this.panel = undefined;
		}, undefined);
		// The webview says "ready" each time it (re)loads, e.g. after being hidden; then it gets the content.
		panel.webview.onDidReceiveMessage((m: { type?: string }) => {
			if (m?.type === 'ready') this.post();
			else if (m?.type === 'copy') void this.copyAll();
		});
	}

	override dispose(): void {
		this.panel?.dispose();
		super.dispose();
	}

	private post(): void {
		const c = this.content;
		if (!this.panel) return;
		if (!c) {
			if (this.clearedBecause) void this.panel.webview.postMessage({ type: 'clear', title: vscode.l10n.t('Nothing to show'), subtitle: this.clearedBecause });
			return;
		}
		// Bytes travel to the webview without a second JSON encoding of the whole text.
		const json = new Uint8Array(Buffer.from(JSON.stringify(c.value) ?? 'null'));
		void this.panel.webview.postMessage({ type: 'show', title: c.title, subtitle: c.subtitle, json });
	}

	/** Copy All: the JSON pretty-printed; false, copying nothing, once the panel was cleared. */
	async copyAll(): Promise<boolean> {
		if (!this.content) return false;
		await vscode.env.clipboard.writeText(JSON.stringify(this.content.value, null, 2));
		vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied the JSON'), 3000);
		return true;
	}
}

function panelTitle(c: RawJsonContent): string {
	return vscode.l10n.t('Raw JSON: {0}', c.title);
}
