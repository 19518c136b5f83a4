// The language model tools agent mode can call: List, Get and Find over the batches the view
// shows, read-only; off with woodpecker.enableLanguageModelTools and in an untrusted workspace.
// Every outcome, failures and bad input included, is a text answer.
import * as vscode from 'vscode';
import type { Source, Sources } from '../accounts/sources';
import { toApiError } from '../api/errors';
import type { Logger } from '../common/logger';
import type { Cutoff } from '../settings/cutoff';
import {
	batchAnswer,
	batchMessage,
	batchNotFoundAnswer,
	failureAnswer,
	GENERIC_MESSAGE,
	findLeadHits,
	leadAnswer,
	leadMessage,
	listAnswer,
	listMessage,
	NO_KEY_ANSWER,
	selectRows,
	type SourceSection,
	TOOLS_OFF_ANSWER,
	UNTRUSTED_ANSWER,
	unknownAccountAnswer,
} from './toolAnswers';
import { type BatchQuery, type Checked, type LeadQuery, type ListQuery, readBatchInput, readLeadInput, readListInput } from './toolInput';
import { type Targets, ToolData } from './toolData';

/** The tools' names, as package.json contributes them. */
export const TOOL_NAMES = {
	list: 'woodpecker_listEnrichmentBatches',
	get: 'woodpecker_getEnrichmentBatch',
	find: 'woodpecker_findLead',
} as const;

export interface ToolsDeps {
	sources: Sources;
	cutoffs: { get(): Cutoff };
	log: Logger;
	enabled: () => boolean;
}

/**
 * Registers the tools. The manifest lists them while woodpecker.enableLanguageModelTools is on
 * (`when`; adding `&& isWorkspaceTrusted` there hid them even in a trusted code-server 1.100
 * window, so trust is checked here): a call while they are off or the workspace is untrusted
 * is answered, and reads nothing.
 */
export function registerEnrichmentTools(deps: ToolsDeps): vscode.Disposable {
	const data = new ToolData({ sources: deps.sources, cutoffs: deps.cutoffs });
	const registered = [
		vscode.lm.registerTool(
			TOOL_NAMES.list,
			tool(
				deps,
				TOOL_NAMES.list,
				(input) => readListInput(input, new Date()),
				listMessage,
				(q) => list(data, q),
			),
		),
		vscode.lm.registerTool(
			TOOL_NAMES.get,
			tool(deps, TOOL_NAMES.get, readBatchInput, batchMessage, (q, signal) => get(data, q, signal)),
		),
		vscode.lm.registerTool(
			TOOL_NAMES.find,
			tool(deps, TOOL_NAMES.find, readLeadInput, leadMessage, (q) => find(data, q)),
		),
	];
	return { dispose: () => registered.forEach((d) => d.dispose()) };
}

/**
 * One tool: its input checked (a problem is the answer), a message saying what is read, and an
 * answer that never throws and never holds a key.
 */
function tool<Q>(deps: ToolsDeps, name: string, read: (input: unknown) => Checked<Q>, message: (query: Q) => string, answer: (query: Q, signal: AbortSignal) => Promise<string>): vscode.LanguageModelTool<unknown> {
	return {
		prepareInvocation(options) {
			const checked = read(options.input);
			return { invocationMessage: checked.ok ? message(checked.query) : GENERIC_MESSAGE };
		},
		async invoke(options, token) {
			const abort = new AbortController();
			const cancelled = token.onCancellationRequested(() => abort.abort());
			let text: string;
			try {
				const checked = read(options.input);
				if (!deps.enabled()) text = TOOLS_OFF_ANSWER;
				else if (!vscode.workspace.isTrusted) text = UNTRUSTED_ANSWER;
				else text = checked.ok ? await answer(checked.query, abort.signal) : vscode.l10n.t('The input was not used: {0}', checked.problem);
			} catch (e) {
				text = failureAnswer(vscode.l10n.t('the Woodpecker enrichment batches'), toApiError(e));
			} finally {
				cancelled.dispose();
			}
			const masked = deps.log.mask(text);
			deps.log.info(`Language model tool ${name} answered (${masked.length} characters).`);
			return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(masked)]);
		},
	};
}

/** The answer for targets that are not readable: no key, or an account name that is no account's. */
function notReadable(targets: Exclude<Targets, { ok: true }>, account: string | undefined): string {
	return targets.kind === 'no-key' ? NO_KEY_ANSWER : unknownAccountAnswer(account ?? '', targets.labels);
}

async function list(data: ToolData, query: ListQuery): Promise<string> {
	const targets = data.targets(query.account);
	if (!targets.ok) return notReadable(targets, query.account);
	const read = await data.read(targets.sources);
	const only = read.length === 1 ? read[0] : undefined;
	if (only && !only.data && only.failure) return failureAnswer(vscode.l10n.t('the Woodpecker enrichment batches{0}', only.label === undefined ? '' : vscode.l10n.t(' of {0}', only.label)), only.failure);
	const sections: SourceSection[] = read.map((r) => ({ label: r.label, rows: selectRows(r.data?.model.rows ?? [], query), asOf: r.data?.receivedAt, failure: r.failure }));
	const view = data.viewCutoff;
	return listAnswer({ query, viewCutoff: view.text, viewStartMs: view.startMs, sections });
}

async function get(data: ToolData, query: BatchQuery, signal: AbortSignal): Promise<string> {
	const targets = data.targets(query.account);
	if (!targets.ok) return notReadable(targets, query.account);
	const read = await data.read(targets.sources);
	for (const r of read) {
		const row = r.data?.model.findBatch(query.uuid);
		if (row) return batchAnswer({ row, label: r.label, status: query.status, viewCutoff: data.viewCutoff.text, asOf: r.data!.receivedAt, failure: r.failure });
	}
	// Outside the cutoff (or not yet in the list): asked of Woodpecker directly.
	const looked = await data.lookUp(targets.sources, query.uuid, signal);
	if ('found' in looked) return batchAnswer({ row: looked.found.row, label: data.label(looked.found.source), status: query.status, viewCutoff: data.viewCutoff.text, asOf: undefined });
	if ('failure' in looked) return failureAnswer(vscode.l10n.t('Woodpecker enrichment batch {0}{1}', query.uuid, labelled(data, looked.source)), looked.failure);
	return batchNotFoundAnswer(
		query.uuid,
		targets.sources.map((s) => data.label(s)).filter((l): l is string => l !== undefined),
	);
}

async function find(data: ToolData, query: LeadQuery): Promise<string> {
	const targets = data.targets(query.account);
	if (!targets.ok) return notReadable(targets, query.account);
	const read = await data.read(targets.sources);
	const hits = findLeadHits(
		read.map((r) => ({ label: r.label, rows: r.data?.model.rows ?? [] })),
		query.uid,
	);
	const failures = read.filter((r) => !r.data && r.failure).map((r) => ({ label: r.label, failure: r.failure! }));
	if (!hits.length && failures.length === read.length) return failureAnswer(vscode.l10n.t('the Woodpecker enrichment batches'), failures[0].failure);
	return leadAnswer({ uid: query.uid, hits, viewCutoff: data.viewCutoff.text, account: query.account, failures });
}

function labelled(data: ToolData, source: Source): string {
	const label = data.label(source);
	return label === undefined ? '' : vscode.l10n.t(' in {0}', label);
}
