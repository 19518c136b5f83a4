// Woodpecker handles one request per account at a time and drops what queues too long,
// so an account's calls wait here in order: never two in flight.
import { aborted } from './errors';

/** Runs tasks one after another, in call order; a caller whose signal aborts stops waiting at once. */
export class RequestQueue {
	private tail: Promise<void> = Promise.resolve();

	/** `abortError` makes the error a waiter rejects with when its signal aborts. */
	constructor(private readonly abortError: () => Error = aborted) {}

	async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
		const previous = this.tail;
		let release!: () => void;
		const mine = new Promise<void>((resolve) => (release = resolve));
		// The next caller waits for both: an aborted waiter must not let it overtake a running task.
		this.tail = previous.then(() => mine);
		try {
			await waitUnlessAborted(previous, signal, this.abortError);
			return await task();
		} finally {
			release();
		}
	}
}

function waitUnlessAborted(p: Promise<void>, signal: AbortSignal | undefined, abortError: () => Error): Promise<void> {
	if (!signal) return p;
	if (signal.aborted) return Promise.reject(abortError());
	return new Promise((resolve, reject) => {
		const onAbort = () => reject(abortError());
		signal.addEventListener('abort', onAbort, { once: true });
		void p.then(() => {
			signal.removeEventListener('abort', onAbort);
			resolve();
		});
	});
}
