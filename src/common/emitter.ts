// Events without the `vscode` module, so the API, model and data layers run under plain mocha.
// `Event<T>` has the shape of vscode.Event<T>: the editor's code can subscribe to ours as to its own.

export interface Disposable {
	dispose(): void;
}

export type Event<T> = (listener: (e: T) => unknown, thisArgs?: unknown, disposables?: Disposable[]) => Disposable;

/** Fires events to its listeners in the order they subscribed; a throwing listener does not stop the others. */
export class Emitter<T> implements Disposable {
	private listeners: Array<(e: T) => unknown> = [];
	private disposed = false;

	readonly event: Event<T> = (listener, thisArgs, disposables) => {
		const bound = thisArgs === undefined ? listener : listener.bind(thisArgs);
		if (this.disposed) return { dispose() {} };
		this.listeners.push(bound);
		const subscription = { dispose: () => (this.listeners = this.listeners.filter((l) => l !== bound)) };
		disposables?.push(subscription);
		return subscription;
	};

	fire(e: T): void {
		let failure: unknown;
		for (const listener of [...this.listeners]) {
			try {
				listener(e);
			} catch (error) {
				failure ??= error;
			}
		}
		if (failure !== undefined) throw failure;
	}

	dispose(): void {
		this.disposed = true;
		this.listeners = [];
	}
}
