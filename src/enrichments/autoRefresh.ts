// Refreshes on a timer, but only while the view is visible and the setting is above 0:
// eager polling costs the user's single Woodpecker request slot for nothing.
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';

export class AutoRefresh extends Disposable {
	private timer: NodeJS.Timeout | undefined;
	private minutes = 0;
	private visible = false;

	constructor(private readonly tick: () => unknown) {
		super();
		this._register(new vscode.Disposable(() => this.stop()));
	}

	configure(minutes: number, visible: boolean): void {
		if (minutes === this.minutes && visible === this.visible) return;
		this.minutes = minutes;
		this.visible = visible;
		this.stop();
		if (minutes > 0 && visible) this.timer = setInterval(() => this.tick(), minutes * 60_000);
	}

	private stop(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = undefined;
	}
}
