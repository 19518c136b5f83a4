// Enrichment batches for tests, the demo and benchmarks: the reference doc's sample, a seeded
// generator (same seed and `now` → same batches), a hand-shaped demo set, and a demo agency.
import type { EnrichmentBatch, Lead } from '../../src/api/types';
import type { FakeAgency } from './server';

/** The two batches of the reference doc's 200 example, verbatim. */
export function referenceBatches(): EnrichmentBatch[] {
	return [
		{
			uuid: 'e345310f-cfa7-42e3-b2fc-d888a332a899',
			created: '2026-05-01T10:00:00+02:00',
			leads: [{ uid: '0SVAICGlkzJ5fMrBxUdiQ_0000', status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' }],
		},
		{
			uuid: 'eed003ca-b107-4126-bdb6-b5638737d508',
			created: '2026-05-01T10:10:00+02:00',
			leads: [{ uid: '0SVOUNZGlkzJ5fMcHsUdiQ_0000', status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' }],
		},
	];
}

export interface GenerateOptions {
	count: number;
	/** Leads per batch, fixed or an inclusive [min, max] range; default [1, 50] (the API queues at most 50 a request). */
	leadsPerBatch?: number | [number, number];
	/** Default 1. */
	seed?: number;
	/** The end of the time span; default the current time. Pass it for byte-identical output. */
	now?: Date;
	/** Batches are spread over this many hours before `now`, oldest first. Default 23, so all of them
	 * stay inside the API's default 24-hour window for an hour after generation. */
	spanHours?: number;
	/** Offset written in `created`, in minutes east of UTC; default 120 ("+02:00", as in the reference). */
	utcOffsetMinutes?: number;
	/** Chance that a lead comes back CONVERTED_TO_PROSPECT once processed; default 0.35. */
	convertedRatio?: number;
}

const HOUR_MS = 3_600_000;

/** `count` realistic batches, oldest first, deterministic for a given seed and `now`. */
export function generateBatches(opts: GenerateOptions): EnrichmentBatch[] {
	const rng = new Rng(opts.seed ?? 1);
	const nowMs = (opts.now ?? new Date()).getTime();
	const spanMs = Math.max(0, (opts.spanHours ?? 23) * HOUR_MS);
	const offset = opts.utcOffsetMinutes ?? 120;
	const converted = opts.convertedRatio ?? 0.35;
	const [minLeads, maxLeads] = leadRange(opts.leadsPerBatch);
	const slot = opts.count > 0 ? spanMs / opts.count : 0;
	const batches = new Array<EnrichmentBatch>(opts.count);
	for (let i = 0; i < opts.count; i++) {
		// One random instant per equal slot: spread evenly, still irregular, already sorted.
		const createdMs = nowMs - spanMs + (i + rng.float()) * slot;
		const ageHours = (nowMs - createdMs) / HOUR_MS;
		batches[i] = makeBatch(rng, createdMs, offset, rng.int(minLeads, maxLeads), pendingChance(ageHours), converted);
	}
	return batches;
}

/** About 40 batches over the last 30 days for the demo: a few in the last 24 h in every state,
 * and one carrying values the docs do not list (status "FAILED", processing_result "DUPLICATE"). */
export function demoBatches(now = new Date()): EnrichmentBatch[] {
	const nowMs = now.getTime();
	const rng = new Rng(20260501);
	const older = generateBatches({ count: 34, seed: 7, now: new Date(nowMs - 26 * HOUR_MS), spanHours: 29 * 24 - 26, leadsPerBatch: [1, 12] });
	const at = (minutesAgo: number) => nowMs - minutesAgo * 60_000;
	const recent = [
		makeBatch(rng, at(22 * 60), 120, 9, 0, 0.5), // processed, some converted
		makeBatch(rng, at(7 * 60 + 40), 120, 3, 0, 0), // processed, none converted
		makeBatch(rng, at(95), 120, 6, 0.5, 0.35), // half still pending
		makeBatch(rng, at(4), 120, 5, 1, 0), // just queued: all pending
	];
	const unknown = makeBatch(rng, at(3 * 60 + 15), 120, 4, 0, 0.5);
	unknown.leads[1].status = 'FAILED';
	unknown.leads[1].processing_result = null;
	unknown.leads[2].processing_result = 'DUPLICATE';
	recent.splice(2, 0, unknown);
	return [...older, ...recent];
}

/**
 * The agency HQ key the fake API serves by default, beside its own key (an account without the
 * agency add-on). In the demo, type it as the API key to try an agency.
 */
export const DEMO_AGENCY_KEY = 'agency-key';

/**
 * The demo agency: HQ key DEMO_AGENCY_KEY with a few batches of its own, and three client
 * companies, listed two a page: Acme Ltd and Globex Corporation (active, with recent batches),
 * Initech (inactive, its batches all older than 24 hours). Same `now` → same agency.
 */
export function demoAgency(now = new Date()): FakeAgency {
	const nowMs = now.getTime();
	return {
		apiKey: DEMO_AGENCY_KEY,
		batches: generateBatches({ count: 3, seed: 11, now, leadsPerBatch: [2, 6] }),
		companies: [
			{
				company: { id: 12345678, name: 'Acme Ltd', owner: 'maria@acme.example.com', active: true, running_campaigns: 2, email_slots: 2, linkedin_slots: 0 },
				batches: generateBatches({ count: 6, seed: 101, now, leadsPerBatch: [1, 12] }),
			},
			{
				company: { id: 23456789, name: 'Globex Corporation', owner: 'hank@globex.example.com', active: true, running_campaigns: 1, email_slots: 3, linkedin_slots: 1 },
				batches: generateBatches({ count: 4, seed: 102, now, leadsPerBatch: [1, 8] }),
			},
			{
				company: { id: 34567890, name: 'Initech', owner: 'bill@initech.example.com', active: false, running_campaigns: 0, email_slots: 1, linkedin_slots: 0 },
				batches: generateBatches({ count: 2, seed: 103, now: new Date(nowMs - 5 * 24 * HOUR_MS), spanHours: 48, leadsPerBatch: [3, 5] }),
			},
		],
		pageSize: 2,
	};
}

/** Chance a lead is still PENDING: high for minutes-old batches, rare after a few hours. */
function pendingChance(ageHours: number): number {
	const fresh = Math.exp(-ageHours / 0.75);
	return Math.max(fresh, ageHours < 24 ? 0.01 : 0);
}

function makeBatch(rng: Rng, createdMs: number, offsetMinutes: number, leadCount: number, pending: number, converted: number): EnrichmentBatch {
	// Leads of one batch usually come from one search: one id, consecutive result indexes.
	const searchId = rng.urlSafeId(22);
	const firstIndex = rng.int(0, 199);
	const leads = new Array<Lead>(leadCount);
	for (let j = 0; j < leadCount; j++) {
		const uid = searchId + indexSuffix(firstIndex + j);
		leads[j] = rng.float() < pending ? { uid, status: 'PENDING', processing_result: null } : { uid, status: 'PROCESSED', processing_result: rng.float() < converted ? 'CONVERTED_TO_PROSPECT' : 'NOT_CONVERTED_TO_PROSPECT' };
	}
	return { uuid: rng.uuidV4(), created: formatWithOffset(createdMs, offsetMinutes), leads };
}

/** "2026-05-01T10:00:00+02:00": whole seconds, local time at the offset. */
export function formatWithOffset(ms: number, offsetMinutes: number): string {
	const d = new Date(Math.floor(ms / 1000) * 1000 + offsetMinutes * 60_000);
	const abs = Math.abs(offsetMinutes);
	const c = DATE_CODES;
	putDigits(c, 0, d.getUTCFullYear(), 4);
	putDigits(c, 5, d.getUTCMonth() + 1, 2);
	putDigits(c, 8, d.getUTCDate(), 2);
	putDigits(c, 11, d.getUTCHours(), 2);
	putDigits(c, 14, d.getUTCMinutes(), 2);
	putDigits(c, 17, d.getUTCSeconds(), 2);
	c[19] = offsetMinutes < 0 ? MINUS : PLUS;
	putDigits(c, 20, Math.floor(abs / 60), 2);
	putDigits(c, 23, abs % 60, 2);
	// From char codes, so the string is flat rather than a rope held by every batch.
	return String.fromCharCode(...c);
}

// Template "0000-00-00T00:00:00+00:00"; digits are written over it.
const DATE_CODES = Array.from('0000-00-00T00:00:00+00:00', (ch) => ch.charCodeAt(0));
const PLUS = '+'.charCodeAt(0);
const MINUS = '-'.charCodeAt(0);
const ZERO = '0'.charCodeAt(0);

function putDigits(codes: number[], at: number, value: number, width: number): void {
	for (let i = at + width - 1; i >= at; i--, value = Math.floor(value / 10)) codes[i] = ZERO + (value % 10);
}

function leadRange(spec: GenerateOptions['leadsPerBatch']): [number, number] {
	if (spec === undefined) return [1, 50];
	if (typeof spec === 'number') return [spec, spec];
	return [Math.min(spec[0], spec[1]), Math.max(spec[0], spec[1])];
}

// "_0007": built once, shared by every lead with that index.
const SUFFIXES = Array.from({ length: 1000 }, (_v, i) => `_${String(i).padStart(4, '0')}`);
function indexSuffix(i: number): string {
	return SUFFIXES[i] ?? `_${String(i).padStart(4, '0')}`;
}

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789abcdef';
const DASH = '-'.charCodeAt(0);

/** mulberry32: tiny, fast, and good enough for test data. */
class Rng {
	private state: number;
	private readonly codes: number[] = [];

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A uniform uint32. */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return (t ^ (t >>> 14)) >>> 0;
	}

	/** In [0, 1). */
	float(): number {
		return this.next() / 4_294_967_296;
	}

	/** In [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.float() * (max - min + 1));
	}

	// Strings are built from char codes, flat: a million leads held as ropes of one-char
	// concatenations would triple the garbage collector's work.
	urlSafeId(length: number): string {
		const codes = this.codes;
		codes.length = length;
		for (let i = 0; i < length; i++) codes[i] = URL_SAFE.charCodeAt(this.next() & 63);
		return String.fromCharCode(...codes);
	}

	/** xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx */
	uuidV4(): string {
		const codes = this.codes;
		codes.length = 36;
		let n = 0;
		for (let i = 0; i < 36; i++) {
			if (i % 8 === 0) n = this.next();
			codes[i] = HEX.charCodeAt(n & 15);
			n >>>= 4;
		}
		codes[8] = codes[13] = codes[18] = codes[23] = DASH;
		codes[14] = HEX.charCodeAt(4);
		codes[19] = HEX.charCodeAt(8 + (this.next() & 3));
		return String.fromCharCode(...codes);
	}
}
