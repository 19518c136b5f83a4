// What the language model tools accept, checked before anything is read: every problem is a
// sentence the model can act on (what is wrong, what to send instead). Pure, unit-tested.
import { describeInvalidDate, localIsoDate } from '../api/dates';
import { describeInvalidUuid } from '../commands/batchUuid';
import { windowStart } from '../settings/cutoff';

/** Which batches (or a batch's leads) to keep, by the state of their leads. */
export type StatusFilter = 'any' | 'pending' | 'converted' | 'not_converted';

export const STATUS_FILTERS: readonly StatusFilter[] = ['any', 'pending', 'converted', 'not_converted'];
export const MAX_DAYS = 3650;
/** Longer than any uid or account name; anything longer is not one. */
const MAX_TEXT = 200;

export interface ListQuery {
	/** The first instant a batch may have been created at; undefined: every batch loaded. */
	startMs: number | undefined;
	/** "the last 7 days", "since 2026-05-01"; undefined without days or since. */
	window: string | undefined;
	status: StatusFilter;
	account: string | undefined;
}

export interface BatchQuery {
	uuid: string;
	status: StatusFilter;
	account: string | undefined;
}

export interface LeadQuery {
	uid: string;
	account: string | undefined;
}

export type Checked<T> = { ok: true; query: T } | { ok: false; problem: string };

/** The list tool's input: `days` (1–3650) or `since` (YYYY-MM-DD), `status`, `account`. */
export function readListInput(input: unknown, now: Date): Checked<ListQuery> {
	const fields = objectOf(input, ['days', 'since', 'status', 'account']);
	if (typeof fields === 'string') return problem(fields);
	const { days, since } = fields;
	const status = readStatus(fields.status);
	if (typeof status === 'object') return problem(status.problem);
	const account = readAccount(fields.account);
	if (typeof account === 'object') return problem(account.problem);
	if (days !== undefined && since !== undefined) return problem('Give either days or since, not both: days counts back from now, since names the first day.');
	if (days !== undefined) {
		if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
			return problem(`days must be a whole number from 1 to ${MAX_DAYS} (got ${JSON.stringify(days)}). Leave it out for every batch the view has loaded.`);
		}
		const window = days === 1 ? 'the last 24 hours' : `the last ${days} days`;
		return { ok: true, query: { startMs: windowStart({ kind: 'days', days }, now), window, status, account } };
	}
	if (since !== undefined) {
		if (typeof since !== 'string') return problem(`since must be a date as YYYY-MM-DD, for example 2026-05-01 (got ${JSON.stringify(since)}).`);
		const date = since.trim();
		const invalid = describeInvalidDate(date);
		if (invalid) return problem(`since: ${invalid}`);
		if (date > localIsoDate(now)) return problem(`since: ${date} is in the future; give today (${localIsoDate(now)}) or an earlier date.`);
		return { ok: true, query: { startMs: windowStart({ kind: 'date', date }, now), window: `since ${date}`, status, account } };
	}
	return { ok: true, query: { startMs: undefined, window: undefined, status, account } };
}

/** The get tool's input: `uuid`, and optionally `status` (of the leads to list) and `account`. */
export function readBatchInput(input: unknown): Checked<BatchQuery> {
	const fields = objectOf(input, ['uuid', 'status', 'account']);
	if (typeof fields === 'string') return problem(fields);
	if (typeof fields.uuid !== 'string') return problem('uuid is required: the batch uuid Woodpecker returned when the enrichment was queued, like e345310f-cfa7-42e3-b2fc-d888a332a899.');
	const invalid = describeInvalidUuid(fields.uuid);
	if (invalid) return problem(`uuid: ${invalid}`);
	const status = readStatus(fields.status);
	if (typeof status === 'object') return problem(status.problem);
	const account = readAccount(fields.account);
	if (typeof account === 'object') return problem(account.problem);
	return { ok: true, query: { uuid: fields.uuid.trim().toLowerCase(), status, account } };
}

/** The find tool's input: `uid` (exact), and optionally `account`. */
export function readLeadInput(input: unknown): Checked<LeadQuery> {
	const fields = objectOf(input, ['uid', 'account']);
	if (typeof fields === 'string') return problem(fields);
	const uid = typeof fields.uid === 'string' ? fields.uid.trim() : undefined;
	if (!uid) return problem('uid is required: the lead uid exactly as Woodpecker shows it, like 0SVAICGlkzJ5fMrBxUdiQ_0000.');
	if (uid.length > MAX_TEXT) return problem(`uid is ${uid.length} characters long; a lead uid is far shorter. Send the uid alone.`);
	const account = readAccount(fields.account);
	if (typeof account === 'object') return problem(account.problem);
	return { ok: true, query: { uid, account } };
}

function problem(text: string): { ok: false; problem: string } {
	return { ok: false, problem: text };
}

/** The input's fields, or why it is not an object of these fields. */
function objectOf(input: unknown, allowed: readonly string[]): Record<string, unknown> | string {
	const list = allowed.join(', ');
	if (input === undefined || input === null) return {};
	if (typeof input !== 'object' || Array.isArray(input)) return `The input must be an object with the fields ${list}.`;
	const unknown = Object.keys(input).filter((k) => !allowed.includes(k));
	if (unknown.length) return `Unknown input ${unknown.map((k) => JSON.stringify(k)).join(', ')}: this tool takes only ${list}.`;
	// A field sent as null means "not given", as models often send.
	return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null));
}

function readStatus(value: unknown): StatusFilter | { problem: string } {
	if (value === undefined) return 'any';
	const v = typeof value === 'string' ? value.trim().toLowerCase() : value;
	if (typeof v === 'string' && STATUS_FILTERS.includes(v as StatusFilter)) return v as StatusFilter;
	return { problem: `status must be one of ${STATUS_FILTERS.join(', ')} (got ${JSON.stringify(value)}).` };
}

function readAccount(value: unknown): string | undefined | { problem: string } {
	if (value === undefined) return undefined;
	const v = typeof value === 'string' ? value.trim() : undefined;
	if (v === undefined || v.length > MAX_TEXT) return { problem: "account must be the name of one of the user's Woodpecker accounts, as the view shows it; leave it out for all of them." };
	return v || undefined;
}
