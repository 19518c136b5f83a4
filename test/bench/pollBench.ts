// npm run bench:poll — what watching pending enrichments costs: one simulated hour per scenario,
// the extension's real scheduler, sources, client and model against the fake API on loopback,
// with a clock the bench moves (the scheduler's timers), and every request counted with its
// bytes on the wire (gzipped bodies, as Woodpecker sends them). Prints figures; asserts nothing.
import nodeFetch from 'node-fetch';
import type { EnrichmentBatch } from '../../src/api/types';
import type { FetchLike } from '../../src/api/transport';
import { Emitter } from '../../src/common/emitter';
import { RefreshScheduler, type SchedulerSettings, type SchedulerTimers } from '../../src/enrichments/refreshScheduler';
import { generateBatches } from '../fake/data';
import { benchSources } from './benchSources';
import { FakeWoodpeckerServer } from '../fake/server';

const KEY = 'bench-key';
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The scheduler's timeouts on a clock that moves only when the bench says. */
class VirtualClock implements SchedulerTimers {
	time = 0;
	private readonly timeouts = new Map<number, { fn: () => void; at: number }>();
	private nextId = 1;
	setTimeout = (fn: () => void, ms: number) => {
		this.timeouts.set(this.nextId, { fn, at: this.time + ms });
		return this.nextId++;
	};
	clearTimeout = (id: unknown) => void this.timeouts.delete(id as number);
	now = () => this.time;
	/** The earliest timeout, if any falls due before `end`. */
	nextBefore(end: number): { id: number; at: number; fn: () => void } | undefined {
		let first: { id: number; at: number; fn: () => void } | undefined;
		for (const [id, t] of this.timeouts) if (t.at <= end && (!first || t.at < first.at)) first = { id, ...t };
		return first;
	}
	fire(t: { id: number; at: number; fn: () => void }): void {
		this.time = t.at;
		this.timeouts.delete(t.id);
		t.fn();
	}
}

interface Scenario {
	name: string;
	/** Which batches are pending when the hour starts (their leads); the rest are processed. */
	pendingBatches: number;
	focused: boolean;
	visible: boolean;
	settings?: Partial<SchedulerSettings>;
	/** Minutes into the hour when Woodpecker finishes the pending leads, if it does. */
	processedAfterMinutes?: number;
	/** The server answers every request of the hour with 503 (after the first load). */
	failing?: boolean;
}

const SCENARIOS: Scenario[] = [
	{ name: 'nothing pending (view visible, window focused)', pendingBatches: 0, focused: true, visible: true },
	{ name: '1 batch pending, view hidden, window unfocused', pendingBatches: 1, focused: false, visible: false },
	{ name: '1 batch pending all hour (window focused)', pendingBatches: 1, focused: true, visible: true },
	{ name: '1 batch pending, processed after 20 min', pendingBatches: 1, focused: true, visible: true, processedAfterMinutes: 20 },
	{ name: '1 batch pending, server failing (503) all hour', pendingBatches: 1, focused: true, visible: true, failing: true },
	{ name: 'nothing pending, idleRefreshMinutes 5 (opt-in)', pendingBatches: 0, focused: true, visible: true, settings: { idleRefreshMinutes: 5 } },
];

/** An account of `count` batches (10–50 leads) over the last 23 hours; the newest `pending` have every lead pending. */
function account(count: number, pending: number): EnrichmentBatch[] {
	const batches = generateBatches({ count, leadsPerBatch: [10, 50], seed: 7 });
	return batches.map((b, i) => ({
		...b,
		leads: b.leads.map((l) => (i >= count - pending ? { ...l, status: 'PENDING', processing_result: null } : l.status === 'PENDING' ? { ...l, status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' } : l)),
	}));
}

const processed = (batches: EnrichmentBatch[]): EnrichmentBatch[] =>
	batches.map((b) => ({ ...b, leads: b.leads.map((l) => (l.status === 'PENDING' ? { ...l, status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' } : l)) }));

async function run(scenario: Scenario, batchCount: number): Promise<{ refreshes: number; requests: number; bytes: number; firstLoadBytes: number }> {
	const batches = account(batchCount, scenario.pendingBatches);
	const server = new FakeWoodpeckerServer({ apiKey: KEY, batches });
	const base = await server.start();
	let requests = 0;
	let bytes = 0;
	const counting: FetchLike = async (url, init) => {
		const res = await (nodeFetch as unknown as FetchLike)(url, init);
		requests++;
		bytes += Number(res.headers.get('content-length') ?? 0);
		return res;
	};
	const { accounts, sources } = await benchSources(base, KEY, counting);

	const clock = new VirtualClock();
	const never = new Emitter<never>();
	const visibility = new Emitter<void>();
	const focus = new Emitter<void>();
	const view = { visible: true, onDidChangeVisibility: visibility.event };
	const window = { focused: true, onDidChangeFocus: focus.event };
	const scheduler = new RefreshScheduler({
		sources,
		onDidChangeKey: never.event,
		onDidChangeCutoff: never.event,
		onDidChangeSettings: never.event,
		settings: () => ({ apiBaseUrl: base, pollIntervalSeconds: 60, idleRefreshMinutes: 0, ...scenario.settings }),
		view,
		window,
		timers: clock,
	});
	const settled = async () => {
		do await new Promise((r) => setTimeout(r, 1));
		while (sources.isRefreshing);
		await new Promise((r) => setImmediate(r));
	};
	// The first load (the view opening) is not part of the hour's cost.
	scheduler.start();
	await settled();
	if (!sources.sources[0].store.data) throw new Error(`${scenario.name}: the first load failed`);
	const firstLoadBytes = bytes;
	requests = 0;
	bytes = 0;
	let refreshes = 0;
	sources.onDidFinishRefresh(() => refreshes++);
	if (scenario.failing) server.failAlways({ kind: 'status', status: 503, body: '{"message":"maintenance"}' });
	view.visible = scenario.visible;
	visibility.fire();
	window.focused = scenario.focused;
	focus.fire();

	for (;;) {
		const due = clock.nextBefore(HOUR);
		if (!due) break;
		if (scenario.processedAfterMinutes !== undefined && due.at >= scenario.processedAfterMinutes * MINUTE) server.setBatches(processed(batches));
		clock.fire(due);
		// The refresh runs in real time (its retries' waits too); the simulated clock waits for it.
		await settled();
	}
	scheduler.dispose();
	sources.dispose();
	accounts.dispose();
	await server.stop();
	return { refreshes, requests, bytes, firstLoadBytes };
}

const kb = (n: number) => `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;

async function main(): Promise<void> {
	const sizes = process.argv.includes('--quick') ? [200] : [200, 10_000];
	console.log('Polling: one simulated hour per scenario, pollIntervalSeconds 60 (the default), the default cutoff (last 24 hours).');
	console.log('Requests are HTTP requests (a 503 is tried 3 times per refresh); bytes are response bodies on the wire (gzip).');
	for (const size of sizes) {
		console.log(`\nAccount of ${size} batches (10–50 leads each):`);
		console.log(`${'scenario'.padEnd(50)} ${'refreshes/h'.padStart(11)} ${'requests/h'.padStart(10)} ${'bytes/h'.padStart(10)}`);
		let firstLoad = 0;
		for (const scenario of SCENARIOS) {
			const r = await run(scenario, size);
			firstLoad = r.firstLoadBytes;
			console.log(`${scenario.name.padEnd(50)} ${String(r.refreshes).padStart(11)} ${String(r.requests).padStart(10)} ${kb(r.bytes).padStart(10)}`);
		}
		console.log(`(one full answer of this account: ${kb(firstLoad)} on the wire)`);
	}
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
