// The language model tools' answers as text: totals, one compact line per batch or lead, and a
// bound of MAX_ANSWER_CHARS whatever the data's size (saying what was left out and how to narrow
// the question). Failures are answers too, worded so the model can relay them. Pure, unit-tested.
import type { WoodpeckerErrorKind } from '../api/errors';
import type { Lead } from '../api/types';
import { actionsForSource, type ErrorAction } from '../commands/errorActions';
import { count } from '../common/count';
import type { BatchCounts, BatchRow } from '../model/enrichmentModel';
import { type LeadState, leadState, rawStatusText } from '../model/leadState';
import { visibleText } from '../tree/visibleText';
import type { BatchQuery, LeadQuery, ListQuery, StatusFilter } from './toolInput';

/** Every answer stays under this many characters. */
export const MAX_ANSWER_CHARS = 8000;
/** Room kept for the line that says what was left out. */
const FOOTER_RESERVE = 240;

/** A failure as the store reported it (the client has masked the key in its message). */
export interface Failure {
	kind: WoodpeckerErrorKind;
	status: number;
	message: string;
	/** A client company seen through its agency's key (a 403/404 then means it left the agency). */
	isCompany?: boolean;
}

/** What one source (an account, or a client company) contributes to an answer. */
export interface SourceSection {
	/** The account's name as the view shows it; undefined when there is only one source. */
	label: string | undefined;
	/** Its batches within the view's cutoff, newest first (EnrichmentModel.rows); empty when none loaded. */
	rows: readonly BatchRow[];
	/** When its data was received; undefined when nothing is loaded. */
	asOf: Date | undefined;
	/** Why it could not be (re)loaded; with rows, those are older than asked. */
	failure?: Failure;
}

export const NO_KEY_ANSWER = "No Woodpecker API key is set: ask the user to run 'Woodpecker: Set API Key'.";

export const TOOLS_OFF_ANSWER = 'The Woodpecker tools are turned off (the woodpecker.enableLanguageModelTools setting): nothing was read. The user can turn them on in the settings.';
export const UNTRUSTED_ANSWER = 'The Woodpecker tools are off in an untrusted workspace: nothing was read. The user can trust the workspace to use them.';

const HINTS: Record<ErrorAction, string> = {
	setApiKey: "Ask the user to run 'Woodpecker: Set API Key'.",
	retry: "Ask the user to try again in a moment, or to run 'Woodpecker: Refresh'.",
	openSettings: "Ask the user to check the woodpecker.apiBaseUrl setting ('Woodpecker: Show Log' has the details).",
	setCutoff: "Ask the user to choose a later cutoff with 'Woodpecker: Set Cutoff…'.",
	chooseCompanies: "Ask the user to run 'Woodpecker: Choose Client Companies…' on the agency account.",
};

/** The failure's sentence and what the user can do about it. */
export function failureText(failure: Failure): string {
	if (failure.kind === 'no-key') return NO_KEY_ANSWER;
	if (failure.kind === 'aborted') return 'The refresh was cancelled (by the user, or by a newer one). Try again in a moment.';
	const action = actionsForSource(failure, !!failure.isCompany)[0];
	return [failure.message, action && HINTS[action]].filter(Boolean).join(' ');
}

/** The whole answer when nothing could be read. */
export function failureAnswer(what: string, failure: Failure): string {
	if (failure.kind === 'no-key') return NO_KEY_ANSWER;
	return bound([`Could not read ${what}: ${failureText(failure)}`]);
}

export function unknownAccountAnswer(name: string, labels: readonly string[]): string {
	return bound([`No Woodpecker account is named ${JSON.stringify(name)}. The accounts are: ${labels.map((l) => JSON.stringify(l)).join(', ')}. Give one of these names as account, or leave account out for all of them.`]);
}

/** A line per batch, filtered as the list tool's query says. */
export function selectRows(rows: readonly BatchRow[], query: Pick<ListQuery, 'startMs' | 'status'>): BatchRow[] {
	const start = query.startMs;
	return rows.filter((r) => (start === undefined || r.time >= start) && hasStatus(r, query.status));
}

export interface ListAnswerInput {
	query: ListQuery;
	/** How the view names its cutoff: "last 24 hours". */
	viewCutoff: string;
	/** The view's cutoff's first instant: batches before it are not loaded. */
	viewStartMs: number;
	/** Each source's rows, already selected (selectRows). */
	sections: readonly SourceSection[];
}

/** Totals, then newest first one line per batch (uuid · created · counts), per source when there are several. */
export function listAnswer({ query, viewCutoff, viewStartMs, sections }: ListAnswerInput): string {
	const scope = query.window ? `created in ${query.window}` : `within the view's cutoff (${viewCutoff})`;
	const head = [`Woodpecker enrichment batches ${scope}${STATUS_PHRASES[query.status]} (read-only; ${COLUMNS}):`];
	if (query.startMs !== undefined && query.startMs < viewStartMs) {
		head.push(`Only batches within the view's cutoff (${viewCutoff}) are loaded, so older ones are not here: to include them, ask the user to widen the cutoff with 'Woodpecker: Set Cutoff…'.`);
	}
	const groups: Group[] = [];
	if (sections.length === 1 && sections[0].label === undefined) {
		const only = sections[0];
		head.push(`${count(only.rows.length, 'batch', 'batches')}, ${countsText(sum(only.rows))}.${asOfText(only)}`);
		if (only.failure) head.push(`Refreshing failed, so these are the batches loaded before: ${failureText(only.failure)}`);
		groups.push({ header: [], lines: only.rows.map(batchLine) });
	} else {
		const all = sections.flatMap((s) => s.rows);
		head.push(`All ${count(sections.length, 'account', 'accounts')}: ${count(all.length, 'batch', 'batches')}, ${countsText(sum(all))}.`);
		for (const s of sections) {
			const label = visibleText(s.label ?? '');
			if (s.failure && !s.asOf) groups.push({ header: [`${label}: could not be read: ${failureText(s.failure)}`], lines: [] });
			else {
				const header = [`${label}: ${count(s.rows.length, 'batch', 'batches')}, ${countsText(sum(s.rows))}.${asOfText(s)}`];
				if (s.failure) header.push(`Refreshing ${label} failed, so these are its batches loaded before: ${failureText(s.failure)}`);
				groups.push({ header, lines: s.rows.map(batchLine) });
			}
		}
	}
	return bounded(head, groups, (left) => `${count(left, 'batch', 'batches')} left out (the oldest); narrow with days, since, status or account.`);
}

export interface BatchAnswerInput {
	row: BatchRow;
	label: string | undefined;
	status: StatusFilter;
	viewCutoff: string;
	/** When the batch came with the list; undefined when it was looked up directly. */
	asOf: Date | undefined;
	failure?: Failure;
}

/** The batch's counts, then every lead (uid · status · result), in the order Woodpecker sent them. */
export function batchAnswer({ row, label, status, viewCutoff, asOf, failure }: BatchAnswerInput): string {
	const of = label === undefined ? '' : ` of ${visibleText(label)}`;
	const head = [`Woodpecker enrichment batch ${visibleText(row.batch.uuid)}${of}, created ${createdText(row)} (read-only):`, `${countsText(row)}.`];
	if (asOf === undefined) head.push(`It is not within the view's cutoff (${viewCutoff}), so it was looked up directly.`);
	else head.push(`Data as of ${isoText(asOf.getTime())}.`);
	if (failure) head.push(`Refreshing failed, so this is the batch as loaded before: ${failureText(failure)}`);
	const leads = status === 'any' ? row.batch.leads : row.batch.leads.filter((l) => leadState(l) === STATE_OF[status]);
	const which = status === 'any' ? 'Its leads' : `Its ${count(leads.length, 'lead', 'leads')} ${LEAD_PHRASES[status]}`;
	if (leads.length) head.push(`${which}, in the order Woodpecker sent them (uid · status · result):`);
	else if (status !== 'any') head.push(`It has no lead ${LEAD_PHRASES[status]}.`);
	return bounded(
		head,
		[{ header: [], lines: leads.map(leadLine) }],
		(left) => `${count(left, 'lead', 'leads')} left out; narrow with status (pending, converted, not_converted), or ask the user to open the batch with 'Woodpecker: Look Up Batch by UUID…'.`,
	);
}

export function batchNotFoundAnswer(uuid: string, labels: readonly string[]): string {
	const where = labels.length > 1 ? `any of the accounts (${labels.map(visibleText).join(', ')})` : labels.length ? visibleText(labels[0]) : 'this account';
	return bound([`Woodpecker has no enrichment batch ${uuid} in ${where}. Check the uuid, or whether it was queued with another account's key.`]);
}

/** Where a lead was found: its batch, and the lead as received. */
export interface LeadHit {
	label: string | undefined;
	row: BatchRow;
	lead: Lead;
}

/** Every place the lead with exactly this uid appears, source by source, newest batch first. */
export function findLeadHits(sources: ReadonlyArray<{ label: string | undefined; rows: readonly BatchRow[] }>, uid: string): LeadHit[] {
	const hits: LeadHit[] = [];
	for (const s of sources) {
		for (const row of s.rows) for (const lead of row.batch.leads) if (lead.uid === uid) hits.push({ label: s.label, row, lead });
	}
	return hits;
}

export interface LeadAnswerInput {
	uid: string;
	hits: readonly LeadHit[];
	viewCutoff: string;
	/** The account asked about, if one was named. */
	account: string | undefined;
	/** Sources that could not be read (no data at all), by label. */
	failures: ReadonlyArray<{ label: string | undefined; failure: Failure }>;
}

/** Every batch that holds the lead, with the lead's status and result there. */
export function leadAnswer({ uid, hits, viewCutoff, account, failures }: LeadAnswerInput): string {
	const shownUid = visibleText(uid);
	const head: string[] = [];
	const notes = failures.map((f) => `${f.label === undefined ? 'The batches' : visibleText(f.label)} could not be read: ${failureText(f.failure)}`);
	if (!hits.length) {
		const within = `the batches created within the view's cutoff (${viewCutoff})${account === undefined ? '' : ` of ${visibleText(account)}`}`;
		head.push(
			`No lead ${shownUid} is in ${within}; uids must match exactly. An older batch is not loaded: ask the user to widen the cutoff with 'Woodpecker: Set Cutoff…', or look the batch up by its uuid with #woodpeckerBatch.`,
			...notes,
		);
		return bounded(head, [], () => '');
	}
	const batches = new Set(hits.map((h) => h.row)).size;
	head.push(
		`Lead ${shownUid} is in ${count(batches, 'batch', 'batches')} within the view's cutoff (${viewCutoff}) (read-only; batch uuid · created · ${hits.some((h) => h.label !== undefined) ? 'account · ' : ''}status · result):`,
		...notes,
	);
	const lines = hits.map((h) =>
		[visibleText(h.row.batch.uuid), createdText(h.row), ...(h.label === undefined ? [] : [visibleText(h.label)]), `${visibleText(rawStatusText(h.lead))} (${STATE_WORDS[leadState(h.lead)]})`].join(' · '),
	);
	return bounded(head, [{ header: [], lines }], (left) => `${count(left, 'more place', 'more places')} left out; narrow with account.`);
}

/** What prepareInvocation says is being read: "Reading Woodpecker enrichment batches of the last 7 days". */
export function listMessage(q: ListQuery): string {
	const window = q.window === undefined ? " within the view's cutoff" : q.window.startsWith('since') ? ` ${q.window}` : ` of ${q.window}`;
	const status = q.status === 'any' ? '' : ` (${STATUS_WORDS[q.status]})`;
	return `Reading Woodpecker enrichment batches${window}${status}${inAccount(q.account)}`;
}

export function batchMessage(q: BatchQuery): string {
	return `Reading Woodpecker enrichment batch ${q.uuid}${inAccount(q.account)}`;
}

export function leadMessage(q: LeadQuery): string {
	return `Looking for lead ${visibleText(q.uid)} in Woodpecker enrichment batches${inAccount(q.account)}`;
}

/** Before the input is checked, or when it is not usable. */
export const GENERIC_MESSAGE = 'Reading Woodpecker enrichment batches';

function inAccount(account: string | undefined): string {
	return account === undefined ? '' : ` in ${visibleText(account)}`;
}

const STATUS_WORDS: Record<Exclude<StatusFilter, 'any'>, string> = { pending: 'pending', converted: 'converted', not_converted: 'not converted' };

const COLUMNS = 'uuid · created (UTC) · leads by state, newest first';

const STATUS_PHRASES: Record<StatusFilter, string> = {
	any: '',
	pending: ' with at least one pending lead',
	converted: ' with at least one lead converted to prospect',
	not_converted: ' with at least one lead not converted to prospect',
};

const LEAD_PHRASES: Record<Exclude<StatusFilter, 'any'>, string> = {
	pending: 'still pending',
	converted: 'converted to prospect',
	not_converted: 'not converted to prospect',
};

const STATE_OF: Record<Exclude<StatusFilter, 'any'>, LeadState> = { pending: 'pending', converted: 'converted', not_converted: 'not-converted' };

const STATE_WORDS: Record<LeadState, string> = {
	pending: 'pending',
	converted: 'converted to prospect',
	'not-converted': 'not converted to prospect',
	other: 'a state this extension does not know',
};

function hasStatus(row: BatchCounts, status: StatusFilter): boolean {
	switch (status) {
		case 'any':
			return true;
		case 'pending':
			return row.pending > 0;
		case 'converted':
			return row.converted > 0;
		case 'not_converted':
			return row.notConverted > 0;
	}
}

/** "3 leads: 1 pending, 1 converted, 1 not converted"; states with none are left out. */
export function countsText(c: BatchCounts): string {
	const parts = [
		[c.pending, 'pending'],
		[c.converted, 'converted'],
		[c.notConverted, 'not converted'],
		[c.other, 'other'],
	]
		.filter(([n]) => (n as number) > 0)
		.map(([n, what]) => `${n} ${what}`);
	return `${count(c.total, 'lead', 'leads')}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

function sum(rows: readonly BatchCounts[]): BatchCounts {
	const t: BatchCounts = { total: 0, pending: 0, converted: 0, notConverted: 0, other: 0 };
	for (const r of rows) {
		t.total += r.total;
		t.pending += r.pending;
		t.converted += r.converted;
		t.notConverted += r.notConverted;
		t.other += r.other;
	}
	return t;
}

function batchLine(row: BatchRow): string {
	return `${visibleText(row.batch.uuid)} · ${createdText(row)} · ${countsText(row)}`;
}

function leadLine(lead: Lead): string {
	return `${visibleText(lead.uid)} · ${visibleText(rawStatusText(lead))}`;
}

/** The batch's time in UTC ISO form; `created` as the server wrote it when it does not parse. */
function createdText(row: BatchRow): string {
	return Number.isNaN(row.time) ? visibleText(row.batch.created) : isoText(row.time);
}

function isoText(ms: number): string {
	return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function asOfText(s: SourceSection): string {
	return s.asOf ? ` Data as of ${isoText(s.asOf.getTime())}.` : '';
}

interface Group {
	/** Always in the answer. */
	header: string[];
	/** In the answer while they fit, in order. */
	lines: string[];
}

/**
 * The head and every group's header, then as many lines as fit under MAX_ANSWER_CHARS, in order;
 * when some do not fit, the footer says how many were left out.
 */
function bounded(head: string[], groups: Group[], footer: (left: number) => string): string {
	const fixed = [...head, ...groups.flatMap((g) => g.header)];
	let room = MAX_ANSWER_CHARS - 1 - FOOTER_RESERVE - fixed.reduce((n, l) => n + l.length + 1, 0);
	let left = 0;
	const out = [...head];
	for (const g of groups) {
		out.push(...g.header);
		for (const line of g.lines) {
			if (left === 0 && line.length + 1 <= room) {
				out.push(line);
				room -= line.length + 1;
			} else left++;
		}
	}
	if (left) out.push(footer(left));
	return bound(out);
}

/** The lines joined, cut should they still be too long (a pathological label or message). */
function bound(lines: string[]): string {
	const text = lines.join('\n');
	return text.length < MAX_ANSWER_CHARS ? text : `${text.slice(0, MAX_ANSWER_CHARS - 20)}\n… (cut short)`;
}
