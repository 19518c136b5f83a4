// npm run bench — how far our refresh pipeline is from the floor (node:http GET + JSON.parse),
// for payloads S, M and L from the fake API on loopback; heap, lazy leads, gzip, bundle size and
// activation. Prints figures; asserts nothing (CI times nothing).
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import Module from 'node:module';
import { performance } from 'node:perf_hooks';
import type { EnrichmentBatch } from '../../src/api/types';
import { WoodpeckerClient } from '../../src/api/client';
import { toCsv, toJson } from '../../src/export/exportFormat';
import { EnrichmentModel } from '../../src/model/enrichmentModel';
import { EnrichmentTreeProvider } from '../../src/tree/enrichmentTreeProvider';
import { batchAnswer, findLeadHits, leadAnswer, listAnswer, selectRows } from '../../src/tools/toolAnswers';
import { Emitter } from '../../src/common/emitter';
import type { LeadFilter } from '../../src/model/leadFilter';
import { generateBatches } from '../fake/data';
import { benchSources } from './benchSources';
import { FakeWoodpeckerServer } from '../fake/server';

const KEY = 'bench-key';
const PATH = '/rest/v2/lead_finder/leads/enrichments';
const quick = process.argv.includes('--quick');
const gc = (globalThis as { gc?: () => void }).gc;

interface Payload {
	name: string;
	batches: number;
	leads: number;
	runs: number;
}
const PAYLOADS: Payload[] = [
	// Many runs where they are cheap: this kind of machine's timings wander by ±30 % run to run.
	{ name: 'S', batches: 1_000, leads: 10, runs: quick ? 3 : 101 },
	{ name: 'M', batches: 10_000, leads: 10, runs: quick ? 3 : 31 },
	{ name: 'L', batches: 50_000, leads: 20, runs: quick ? 2 : 5 },
];

// The floor keeps its connection alive, as the client does, so both pay the same for connecting.
const floorAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** The floor: one GET with node:http, the body collected and parsed, nothing else. */
function floor(url: string, retried = false): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const req = http.get(url, { headers: { 'x-api-key': KEY }, agent: floorAgent }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
			res.on('error', reject);
		});
		req.on('error', (e: NodeJS.ErrnoException) => {
			// A kept-alive socket can be reset just as it is reused; Node's docs advise one retry.
			if (!retried && req.reusedSocket && e.code === 'ECONNRESET') resolve(floor(url, true));
			else reject(new Error(`floor GET ${url}: ${e.message}`));
		});
	});
}

/** Ours: the extension's sources (one account: client + model) and provider, until every root tree item exists. */
async function makePipeline(base: string) {
	const { sources } = await benchSources(base, KEY);
	const store = sources.sources[0].store;
	const provider = new EnrichmentTreeProvider(sources);
	return {
		sources,
		store,
		provider,
		async run(): Promise<number> {
			const outcome = await store.refresh();
			if (!outcome.ok) throw outcome.error;
			const roots = provider.getChildren();
			let n = 0;
			for (const node of roots) if (provider.getTreeItem(node).id) n++;
			return n;
		},
	};
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/**
 * Every timed run starts from a quiet process, as a refresh does in the editor: a full collection,
 * then 20 ms for the collector's background sweeping (on the other core) to finish. Back to back,
 * each run would pay for the garbage of the one before it, and ours (which keeps its answer) more.
 */
async function settle(): Promise<void> {
	gc?.();
	await new Promise((r) => setTimeout(r, 20));
}

/** Heap in use after a full collection, taken on a fresh macrotask (values still on the current stack are not collectable). */
async function heapNow(): Promise<number> {
	await new Promise((r) => setTimeout(r, 20));
	gc?.();
	gc?.();
	return process.memoryUsage().heapUsed;
}

async function timed<T>(fn: () => Promise<T>): Promise<number> {
	const t = performance.now();
	await fn();
	return performance.now() - t;
}

/** Where our time goes, each part timed alone: the client's GET + parse + checks, the model (counts, times, order, ids), the root items. */
async function splitPipeline(base: string, pipeline: Awaited<ReturnType<typeof makePipeline>>, runs: number): Promise<string> {
	const client = new WoodpeckerClient({ apiKey: KEY, baseUrl: base });
	const parts = { get: [] as number[], model: [] as number[], items: [] as number[] };
	for (let i = 0; i < runs; i++) {
		await settle();
		let t = performance.now();
		const result = await client.listEnrichmentsResponse();
		parts.get.push(performance.now() - t);
		t = performance.now();
		const model = new EnrichmentModel(result.body.lead_enrichments);
		parts.model.push(performance.now() - t);
		if (model.rows.length !== result.body.lead_enrichments.length) throw new Error('model lost batches');
		// A refresh makes new nodes, whose items are built on first ask: time that first ask.
		const outcome = await pipeline.store.refresh();
		if (!outcome.ok) throw outcome.error;
		t = performance.now();
		for (const node of pipeline.provider.getChildren()) pipeline.provider.getTreeItem(node);
		parts.items.push(performance.now() - t);
	}
	return `client GET + parse + checks ${ms(median(parts.get))} · model ${ms(median(parts.model))} · root items ${ms(median(parts.items))}`;
}

async function benchPayload(p: Payload, rows: string[], ratios: Record<string, number>, splits: string[]) {
	const batches: EnrichmentBatch[] = generateBatches({ count: p.batches, leadsPerBatch: p.leads, seed: 7, now: new Date(), spanHours: 23 });
	const server = new FakeWoodpeckerServer({ apiKey: KEY, batches, gzip: false });
	const base = await server.start();
	try {
		const url = `${base}${PATH}`;
		const bytes = Buffer.byteLength(JSON.stringify({ lead_enrichments: batches }));
		// Heap first, while nothing else holds an answer: the parsed answer alone, then what our pipeline keeps.
		let parsedHeap = 0;
		let ourHeap = 0;
		{
			await floor(url); // fills the server's serialization cache outside the measurement
			const h0 = await heapNow();
			const kept = await floor(url);
			parsedHeap = (await heapNow()) - h0;
			// Read after the measurement, so the answer stays reachable through it.
			if (kept === undefined) throw new Error('no answer');
		}
		{
			const h1 = await heapNow();
			const fresh = await makePipeline(base);
			await fresh.run();
			ourHeap = (await heapNow()) - h1;
			fresh.store.dispose();
		}
		const pipeline = await makePipeline(base);
		// Warm both paths once (and the server's serialization cache).
		await floor(url);
		await pipeline.run();
		const floorTimes: number[] = [];
		const ourTimes: number[] = [];
		for (let i = 0; i < p.runs; i++) {
			await settle();
			floorTimes.push(await timed(() => floor(url)));
			await settle();
			ourTimes.push(await timed(() => pipeline.run()));
		}
		splits.push(`${p.name}: ${await splitPipeline(base, pipeline, Math.min(p.runs, 15))}`);
		const fm = median(floorTimes);
		const om = median(ourTimes);
		ratios[p.name] = om / fm;
		// Each run of ours next to the floor's run just before it: drift in machine speed cancels.
		const paired = median(ourTimes.map((t, i) => t / floorTimes[i]));
		rows.push(
			[
				p.name,
				`${p.batches.toLocaleString()} × ${p.leads}`,
				mb(bytes),
				`${ms(fm)} (${ms(Math.min(...floorTimes))}–${ms(Math.max(...floorTimes))})`,
				`${ms(om)} (${ms(Math.min(...ourTimes))}–${ms(Math.max(...ourTimes))})`,
				`${(om / fm).toFixed(2)} (${paired.toFixed(2)})`,
				gc ? `${mb(parsedHeap)} / ${mb(ourHeap)} (${(ourHeap / parsedHeap).toFixed(2)}×)` : 'run with --expose-gc',
			].join(' | '),
		);
	} finally {
		await server.stop();
	}
}

async function benchGzip(): Promise<string[]> {
	const batches = generateBatches({ count: 10_000, leadsPerBatch: 10, seed: 7, now: new Date(), spanHours: 23 });
	const out: string[] = [];
	for (const gzip of [false, true]) {
		const server = new FakeWoodpeckerServer({ apiKey: KEY, batches, gzip });
		const base = await server.start();
		try {
			const pipeline = await makePipeline(base);
			await pipeline.run();
			const times: number[] = [];
			for (let i = 0; i < (quick ? 3 : 7); i++) times.push(await timed(() => pipeline.run()));
			const wire = await wireBytes(`${base}${PATH}`, gzip);
			out.push(`M ${gzip ? 'gzip    ' : 'identity'} | ${mb(wire)} on the wire | median ${ms(median(times))}`);
		} finally {
			await server.stop();
		}
	}
	return out;
}

function wireBytes(url: string, gzip: boolean): Promise<number> {
	return new Promise((resolve, reject) => {
		http
			.get(url, { headers: { 'x-api-key': KEY, 'accept-encoding': gzip ? 'gzip' : 'identity' } }, (res) => {
				let n = 0;
				res.on('data', (c: Buffer) => (n += c.length));
				res.on('end', () => resolve(n));
			})
			.on('error', reject);
	});
}

/**
 * Export… of 100,000 leads (10,000 batches × 10, as the view holds them): the time to build the CSV
 * and the JSON text, and the longest the event loop was held meanwhile (a 1 ms timer's worst delay).
 */
async function benchExport(): Promise<string[]> {
	const batches = generateBatches({ count: 10_000, leadsPerBatch: 10, seed: 5, now: new Date() });
	const parts = [{ label: 'Bench', batches }];
	const out: string[] = [];
	for (const [name, build] of [
		['CSV', toCsv],
		['JSON', toJson],
	] as const) {
		const times: number[] = [];
		const blocks: number[] = [];
		let bytes = 0;
		for (let i = 0; i < 5; i++) {
			await settle();
			let last = performance.now();
			let longest = 0;
			const timer = setInterval(() => {
				const now = performance.now();
				longest = Math.max(longest, now - last);
				last = now;
			}, 1);
			const t = performance.now();
			const { text } = await build(parts);
			times.push(performance.now() - t);
			clearInterval(timer);
			longest = Math.max(longest, performance.now() - last);
			blocks.push(longest);
			bytes = Buffer.byteLength(text);
		}
		out.push(`export 100,000 leads as ${name} (${mb(bytes)}): median ${ms(median(times))}, max ${ms(Math.max(...times))}; longest hold of the event loop ${ms(Math.max(...blocks))}`);
	}
	return out;
}

/**
 * The language model tools' answers on loaded data (what a call costs once the data is fresh):
 * List over 10,000 batches, Get of a 5,000-lead batch, Find across 100,000 leads; their sizes.
 */
function benchTools(): string[] {
	const now = new Date();
	const model = new EnrichmentModel(generateBatches({ count: 10_000, leadsPerBatch: 10, seed: 7, now }));
	const big = new EnrichmentModel(generateBatches({ count: 1, leadsPerBatch: 5_000, seed: 8, now })).rows[0];
	const view = { viewCutoff: 'last 30 days', viewStartMs: 0 };
	const uid = model.rows[model.rows.length - 1].batch.leads[9].uid;
	const calls: Array<[string, () => string]> = [
		[
			'List, 10,000 batches',
			() =>
				listAnswer({
					query: { startMs: undefined, window: undefined, status: 'any', account: undefined },
					...view,
					sections: [{ label: undefined, rows: selectRows(model.rows, { startMs: undefined, status: 'any' }), asOf: now }],
				}),
		],
		[
			'List, status pending',
			() =>
				listAnswer({
					query: { startMs: undefined, window: undefined, status: 'pending', account: undefined },
					...view,
					sections: [{ label: undefined, rows: selectRows(model.rows, { startMs: undefined, status: 'pending' }), asOf: now }],
				}),
		],
		['Get, a 5,000-lead batch', () => batchAnswer({ row: big, label: undefined, status: 'any', viewCutoff: view.viewCutoff, asOf: now })],
		['Find, the last of 100,000 leads', () => leadAnswer({ uid, hits: findLeadHits([{ label: undefined, rows: model.rows }], uid), viewCutoff: view.viewCutoff, account: undefined, failures: [] })],
	];
	return calls.map(([name, call]) => {
		const times: number[] = [];
		let size = 0;
		for (let i = 0; i < (quick ? 5 : 51); i++) {
			const t = performance.now();
			size = call().length;
			times.push(performance.now() - t);
		}
		return `tool answer: ${name}: ${size.toLocaleString('en-US')} characters, median ${ms(median(times))}, max ${ms(Math.max(...times))}`;
	});
}

/** A batch of 1,000 leads opened: lead nodes and their tree items, made on expand. */
async function benchExpand(): Promise<string> {
	const batches = generateBatches({ count: 1, leadsPerBatch: 1000, seed: 3, now: new Date() });
	const server = new FakeWoodpeckerServer({ apiKey: KEY, batches, gzip: false });
	const base = await server.start();
	try {
		const times: number[] = [];
		for (let i = 0; i < 9; i++) {
			const pipeline = await makePipeline(base);
			await pipeline.run();
			const root = pipeline.provider.getChildren()[0];
			const t = performance.now();
			for (const lead of pipeline.provider.getChildren(root)) pipeline.provider.getTreeItem(lead);
			times.push(performance.now() - t);
		}
		return `expand a batch of 1,000 leads: median ${ms(median(times))}, max ${ms(Math.max(...times))}`;
	} finally {
		await server.stop();
	}
}

/**
 * Filter… and Group by Day on 10,000 batches × 10 leads: the provider's rebuild when an option
 * changes (matching batches, day rows, their texts) up to every root item, and a day row opened.
 */
async function benchViewOptions(): Promise<string[]> {
	const batches = generateBatches({ count: 10_000, leadsPerBatch: 10, seed: 7, now: new Date(), spanHours: 23 });
	const server = new FakeWoodpeckerServer({ apiKey: KEY, batches, gzip: false });
	const base = await server.start();
	try {
		const pipeline = await makePipeline(base);
		await pipeline.run();
		const changed = new Emitter<void>();
		const options = { filter: 'all' as LeadFilter, groupByDay: false, onDidChange: changed.event };
		const provider = new EnrichmentTreeProvider(pipeline.sources, options);
		const out: string[] = [];
		const cases: Array<[string, LeadFilter, boolean]> = [
			['filter Pending', 'pending', false],
			['Group by Day', 'all', true],
			['filter Converted + Group by Day', 'converted', true],
			['back to All, ungrouped', 'all', false],
		];
		for (const [name, filter, grouped] of cases) {
			const times: number[] = [];
			const open: number[] = [];
			for (let i = 0; i < 9; i++) {
				options.filter = 'other';
				options.groupByDay = !grouped;
				changed.fire();
				await settle();
				options.filter = filter;
				options.groupByDay = grouped;
				let t = performance.now();
				changed.fire();
				const roots = provider.getChildren();
				for (const node of roots) provider.getTreeItem(node);
				times.push(performance.now() - t);
				t = performance.now();
				if (grouped) for (const node of provider.getChildren(roots[0])) provider.getTreeItem(node);
				open.push(performance.now() - t);
			}
			out.push(`${name}, 10,000 batches (23 hours): rebuild to root items ${ms(median(times))} (max ${ms(Math.max(...times))})${grouped ? `, open the first day ${ms(median(open))}` : ''}`);
		}
		provider.dispose();
		pipeline.store.dispose();
		return out;
	} finally {
		await server.stop();
	}
}

/** require + activate of the shipped bundle in plain Node, `vscode` replaced by an inert stand-in. */
function benchActivation(): string {
	const bundle = path.resolve('dist/extension.js');
	// A stand-in whose every property, call and construction yields itself; `then` is absent so
	// awaiting it never resolves (activation does not wait for start-up I/O anyway).
	const inert: object = new Proxy(function () {}, {
		get: (_t, prop) => (prop === 'then' ? undefined : prop === Symbol.toPrimitive ? () => '' : inert),
		// Assignments (a status bar item's name, text) are dropped, not tried on the function's read-only own properties.
		set: () => true,
		apply: () => inert,
		construct: () => inert,
	});
	const names = [
		'window',
		'commands',
		'workspace',
		'env',
		'Uri',
		'EventEmitter',
		'Disposable',
		'TreeItem',
		'ThemeIcon',
		'ThemeColor',
		'MarkdownString',
		'ExtensionMode',
		'ProgressLocation',
		'TreeItemCollapsibleState',
		'QuickPickItemKind',
		'ViewColumn',
		'StatusBarAlignment',
	];
	const vscodeModule = new Proxy({}, { get: () => inert, ownKeys: () => names, getOwnPropertyDescriptor: () => ({ configurable: true, enumerable: true, value: inert }) });
	const moduleApi = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
	const load = moduleApi._load;
	moduleApi._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? vscodeModule : load(request, ...rest));
	try {
		const t0 = performance.now();
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- timing require itself is the point
		const ext = require(bundle) as { activate(c: unknown): unknown };
		const t1 = performance.now();
		const context = { subscriptions: [], secrets: inert, globalState: inert, globalStorageUri: { fsPath: os.tmpdir() }, extensionUri: inert, extensionMode: 1 };
		ext.activate(context);
		const t2 = performance.now();
		return `activation in Node (require + activate, vscode stubbed): ${ms(t2 - t0)} (require ${ms(t1 - t0)}, activate ${ms(t2 - t1)})`;
	} finally {
		moduleApi._load = load;
	}
}

async function main() {
	if (!gc) console.log('note: run with node --expose-gc for heap figures');
	console.log(`Woodpecker Enrichments benchmark — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`);
	console.log('Refresh → root tree items ready, fake API on 127.0.0.1 (identity encoding), medians (min–max), floor and ours alternating.');
	console.log("ratio = our median / the floor's median; (paired) = median of each run's ratio to the floor run just before it.\n");
	const rows = ['payload | batches × leads | bytes | floor: http.get + JSON.parse | ours: client + model + root items | ratio (paired) | heap: parsed / ours kept'];
	rows.push(rows[0].replace(/[^|]/g, '-'));
	const ratios: Record<string, number> = {};
	const splits: string[] = [];
	// --only=M,L runs just those payloads (a quicker look while working on one size).
	const only = process.argv
		.find((a) => a.startsWith('--only='))
		?.slice(7)
		.split(',');
	for (const p of PAYLOADS) if (!only || only.includes(p.name)) await benchPayload(p, rows, ratios, splits);
	console.log(rows.join('\n'));
	console.log('\nOurs in parts (medians, each part timed alone):');
	for (const line of splits) console.log(line);
	console.log('');
	console.log(await benchExpand());
	for (const line of await benchViewOptions()) console.log(line);
	for (const line of await benchExport()) console.log(line);
	for (const line of benchTools()) console.log(line);
	for (const line of await benchGzip()) console.log(line);
	const dist = path.resolve('dist/extension.js');
	if (fs.existsSync(dist)) {
		console.log(`bundle: dist/extension.js ${(fs.statSync(dist).size / 1024).toFixed(1)} KB`);
		console.log(benchActivation());
	}
	const editor = path.resolve('test-results/perf-in-editor.json');
	if (fs.existsSync(editor)) {
		const e = JSON.parse(fs.readFileSync(editor, 'utf8')) as { refreshM_ms: number; requireMs?: number; activation?: { activateMs: number } };
		console.log(
			`in the real extension host (from the last npm run test:integration, development bundle): refresh M ${e.refreshM_ms} ms` +
				(e.requireMs !== undefined ? `, require ${e.requireMs} ms` : '') +
				(e.activation ? `, activate ${e.activation.activateMs.toFixed(1)} ms` : ''),
		);
	} else console.log('in the real extension host: run npm run test:integration first to record it');
	console.log(`ratio M ${ratios.M?.toFixed(2) ?? '-'} L ${ratios.L?.toFixed(2) ?? '-'}`);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
