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
}

/** What the panel shows, independent of any one answer, so it can follow refreshes. */
export type RawJsonTarget = { kind: 'response' } | { kind: 'batch'; uuid: string } | { kind: 'lead'; batchUuid: string; uid: string };

export class RawJsonPanel extends Disposable {
	static readonly viewType = 'woodpecker.rawJson';
	private panel: vscode.WebviewPanel | undefined;
	private content: RawJsonContent | undefined;
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

	/** What the open panel follows, if anything. */
	get target(): RawJsonTarget | undefined {
		return this.panel ? this.content?.follows : undefined;
	}

	/** Says in the subtitle that what is shown is no longer in the latest answer; stops following. */
	markOutdated(note: string): void {
		if (!this.panel || !this.content) return;
		this.update({ ...this.content, subtitle: `${this.content.subtitle} · ${note}`, follows: undefined });
	}

	/** Replaces the open panel's content without revealing it (after a refresh). */
	update(content: RawJsonContent): void {
		if (!this.panel) return;
		this.content = content;
		this.panel.title = panelTitle(content);
		this.post();
	}

	show(content: RawJsonContent): void {
		this.content = content;
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
			else if (m?.type === 'copy' && this.content) void this.copyAll();
		});
	}

	override dispose(): void {
		this.panel?.dispose();
		super.dispose();
	}

	private post(): void {
		const c = this.content;
		if (!this.panel || !c) return;
		// Bytes travel to the webview without a second JSON encoding of the whole text.
		const json = new Uint8Array(Buffer.from(JSON.stringify(c.value) ?? 'null'));
		void this.panel.webview.postMessage({ type: 'show', title: c.title, subtitle: c.subtitle, json });
	}

	private async copyAll(): Promise<void> {
		await vscode.env.clipboard.writeText(JSON.stringify(this.content?.value, null, 2));
		vscode.window.setStatusBarMessage('$(check) Copied the JSON', 3000);
	}
}

function panelTitle(c: RawJsonContent): string {
	return `Raw JSON: ${c.title}`;
}
