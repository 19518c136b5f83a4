// Just enough of the `vscode` module for the benchmark to run the extension's real store,
// tree provider and tree items in plain Node. Not used by tests or the extension.

export class Disposable {
	constructor(private readonly fn: () => void = () => undefined) {}
	dispose(): void {
		this.fn();
	}
}

export class EventEmitter<T> {
	private listeners: Array<(e: T) => void> = [];
	readonly event = (listener: (e: T) => void) => {
		this.listeners.push(listener);
		return new Disposable(() => (this.listeners = this.listeners.filter((l) => l !== listener)));
	};
	fire(e: T): void {
		for (const l of this.listeners) l(e);
	}
	dispose(): void {
		this.listeners = [];
	}
}

export enum TreeItemCollapsibleState {
	None = 0,
	Collapsed = 1,
	Expanded = 2,
}

export class TreeItem {
	id?: string;
	description?: string;
	tooltip?: unknown;
	iconPath?: unknown;
	contextValue?: string;
	command?: unknown;
	accessibilityInformation?: unknown;
	constructor(
		public label: string,
		public collapsibleState: TreeItemCollapsibleState = TreeItemCollapsibleState.None,
	) {}
}

export class ThemeColor {
	constructor(public readonly id: string) {}
}

export class ThemeIcon {
	constructor(
		public readonly id: string,
		public readonly color?: ThemeColor,
	) {}
}

export class MarkdownString {
	constructor(public value = '') {}
}

export const env = { language: 'en' };

export enum ProgressLocation {
	Notification = 15,
}

export const window = {
	withProgress: <T>(_o: unknown, task: (p: unknown, t: unknown) => Promise<T>) => task({}, { onCancellationRequested: () => new Disposable() }),
};

export const workspace = {
	getConfiguration: () => ({ get: <T>(_k: string, d: T) => d }),
};
