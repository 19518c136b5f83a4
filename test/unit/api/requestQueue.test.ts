// The queue on its own: call order, no overtaking, and a waiter that stops waiting when its signal aborts.
import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { RequestQueue } from '../../../src/api/requestQueue';

/** A task that logs its start and end, and ends when `finish` is called. */
function gate(log: string[], name: string) {
	let finish!: () => void;
	const done = new Promise<void>((resolve) => (finish = resolve));
	const task = async () => {
		log.push(`start ${name}`);
		await done;
		log.push(`end ${name}`);
		return name;
	};
	return { task, finish };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('api/RequestQueue', () => {
	it('runs tasks one after another, in call order', async () => {
		const queue = new RequestQueue();
		const log: string[] = [];
		const [a, b, c] = [gate(log, 'a'), gate(log, 'b'), gate(log, 'c')];
		const results = [queue.run(a.task), queue.run(b.task), queue.run(c.task)];
		await tick();
		c.finish();
		b.finish();
		await tick();
		assert.deepEqual(log, ['start a']);
		a.finish();
		assert.deepEqual(await Promise.all(results), ['a', 'b', 'c']);
		assert.deepEqual(log, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
	});

	it('goes on after a task that fails', async () => {
		const queue = new RequestQueue();
		const failing = queue.run(() => Promise.reject(new Error('boom')));
		const next = queue.run(async () => 'next');
		await assert.rejects(failing, /boom/);
		assert.equal(await next, 'next');
	});

	it('never runs the task of a signal already aborted, even with nothing ahead of it', async () => {
		const queue = new RequestQueue(() => new Error('given up'));
		let ran = false;
		await assert.rejects(
			queue.run(async () => (ran = true), AbortSignal.abort()),
			{ message: 'given up' },
		);
		await tick();
		assert.equal(ran, false);
	});

	it('rejects a waiter at once when its signal aborts, with the error it was given, and runs nothing of it', async () => {
		const queue = new RequestQueue(() => new Error('given up'));
		const log: string[] = [];
		const first = gate(log, 'first');
		const running = queue.run(first.task);
		const controller = new AbortController();
		let ran = false;
		const waiting = queue.run(async () => (ran = true), controller.signal);
		await tick();
		controller.abort();
		await assert.rejects(waiting, { message: 'given up' });
		assert.equal(getEventListeners(controller.signal, 'abort').length, 0, 'the waiter left its listener on the signal');
		first.finish();
		assert.equal(await running, 'first');
		assert.equal(ran, false);
	});

	it('keeps the next caller behind the running task when a waiter between them aborts', async () => {
		const queue = new RequestQueue();
		const log: string[] = [];
		const [first, last] = [gate(log, 'first'), gate(log, 'last')];
		const running = queue.run(first.task);
		const controller = new AbortController();
		const aborted = queue.run(async () => 'never', controller.signal);
		const next = queue.run(last.task);
		controller.abort();
		await assert.rejects(aborted, { kind: 'aborted', message: 'The request was cancelled.' });
		last.finish();
		await tick();
		assert.deepEqual(log, ['start first']);
		first.finish();
		await Promise.all([running, next]);
		assert.deepEqual(log, ['start first', 'end first', 'start last', 'end last']);
	});

	it('leaves no listener on a signal that waited its turn', async () => {
		const queue = new RequestQueue();
		const log: string[] = [];
		const first = gate(log, 'first');
		const running = queue.run(first.task);
		const controller = new AbortController();
		const waiting = queue.run(async () => 'second', controller.signal);
		await tick();
		assert.equal(getEventListeners(controller.signal, 'abort').length, 1);
		first.finish();
		assert.equal(await waiting, 'second');
		await running;
		assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
	});
});
