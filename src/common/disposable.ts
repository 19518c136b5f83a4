import type { Disposable as DisposableLike } from './emitter';

/** Owns disposables and disposes them with itself, so nothing a class registers leaks. */
export abstract class Disposable implements DisposableLike {
	private readonly owned: DisposableLike[] = [];
	private disposed = false;

	protected _register<T extends DisposableLike>(d: T): T {
		if (this.disposed) d.dispose();
		else this.owned.push(d);
		return d;
	}

	protected get isDisposed(): boolean {
		return this.disposed;
	}

	dispose(): void {
		if (this.disposed) return;
		this.disposed = true;
		for (const d of this.owned.splice(0).reverse()) d.dispose();
	}
}

/** A disposable that runs `fn` once. */
export function toDisposable(fn: () => void): DisposableLike {
	let done = false;
	return {
		dispose() {
			if (done) return;
			done = true;
			fn();
		},
	};
}
