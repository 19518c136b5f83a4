// The language model tools in the real extension host: listed in vscode.lm.tools, called with
// vscode.lm.invokeTool (no model and no Copilot needed), answering from the fake API's data.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EnrichmentBatch, Lead } from '../../src/api/types';
import { formatWithOffset } from '../fake/data';
import { ENRICHMENTS_PATH } from '../fake/server';
import { setSetting, waitForSnapshot } from './helpers';
import { logText, sampleBatches, uniqueKey, useSession, waitFor } from './support';

const LIST = 'woodpecker_listEnrichmentBatches';
const GET = 'woodpecker_getEnrichmentBatch';
const FIND = 'woodpecker_findLead';

/** Calls a tool as agent mode would, and returns its answer's text. */
async function ask(name: string, input: object = {}): Promise<string> {
	const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
	return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : `<${typeof part}>`)).join('');
}

function ourTools(): string[] {
	return vscode.lm.tools
		.map((t) => t.name)
		.filter((n) => n.startsWith('woodpecker_'))
		.sort();
}

/** The UTC ISO time the answers show for a batch of sampleBatches(now) created `minutesAgo` before `now` (whole seconds). */
function iso(now: number, minutesAgo: number): string {
	return new Date(now - minutesAgo * 60_000).toISOString().replace('.000Z', 'Z');
}

/** A time on a whole second, so the sample batches' `created` (whole seconds) read back exactly. */
function wholeSecondNow(): number {
	return Math.floor(Date.now() / 1000) * 1000;
}

const BATCH_LINE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} · /;
const NO_KEY = "No Woodpecker API key is set: ask the user to run 'Woodpecker: Set API Key'.";

function uuidAt(i: number): string {
	return `1b000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
}

function manyBatches(n: number, leadsEach: number): EnrichmentBatch[] {
	const now = Date.now();
	return Array.from({ length: n }, (_, i) => ({
		uuid: uuidAt(i),
		created: formatWithOffset(now - (i + 1) * 5_000, 0),
		leads: Array.from({ length: leadsEach }, (_l, j): Lead => ({ uid: `bigSearchId${String(i).padStart(11, '0')}_${String(j).padStart(4, '0')}`, status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' })),
	}));
}

describe('Language model tools', () => {
	const session = useSession();

	it('are listed in vscode.lm.tools with the quiet settings of the harness, and leave it when the setting turns them off', async () => {
		await session.start(sampleBatches().batches);
		await waitFor(() => (ourTools().length === 3 ? true : undefined), 'the tools in vscode.lm.tools');
		assert.deepEqual(ourTools(), [FIND, GET, LIST]);
		const list = vscode.lm.tools.find((t) => t.name === LIST)!;
		assert.match(list.description, /Read-only: it changes nothing in Woodpecker and spends no credits\./);
		assert.deepEqual(Object.keys((list.inputSchema as { properties: object }).properties), ['days', 'since', 'status', 'account']);
		await setSetting('enableLanguageModelTools', false);
		try {
			await waitFor(() => (ourTools().length === 0 ? true : undefined), 'the tools to leave vscode.lm.tools');
			// A call that comes anyway is answered, and reads nothing.
			assert.equal(await ask(LIST), 'The Woodpecker tools are turned off (the woodpecker.enableLanguageModelTools setting): nothing was read. The user can turn them on in the settings.');
		} finally {
			await setSetting('enableLanguageModelTools', undefined);
		}
		await waitFor(() => (ourTools().length === 3 ? true : undefined), 'the tools to come back');
	});

	it('list: totals, then newest first one line per batch, as the view shows them', async () => {
		const now = wholeSecondNow();
		const { api, fake } = await session.start(sampleBatches(now).batches);
		const answer = await ask(LIST);
		assert.equal(
			answer,
			[
				"Woodpecker enrichment batches within the view's cutoff (last 24 hours) (read-only; uuid · created (UTC) · leads by state, newest first):",
				`4 batches, 7 leads: 1 pending, 2 converted, 2 not converted, 2 other. Data as of ${answer.match(/Data as of (\S+)\./)?.[1]}.`,
				`0a000000-0000-4000-8000-000000000001 · ${iso(now, 10)} · 3 leads: 1 pending, 1 converted, 1 not converted`,
				`0a000000-0000-4000-8000-000000000002 · ${iso(now, 60)} · 0 leads`,
				`0a000000-0000-4000-8000-000000000003 · ${iso(now, 120)} · 2 leads: 1 converted, 1 not converted`,
				`0a000000-0000-4000-8000-000000000004 · ${iso(now, 300)} · 2 leads: 2 other`,
			].join('\n'),
		);
		// The session's load is seconds old: reused, nothing sent.
		assert.deepEqual(fake.server.requests, []);
		const asOf = Date.parse(answer.match(/Data as of (\S+)\./)![1]);
		assert.ok(Math.abs(asOf - Date.now()) < 60_000, `data as of ${asOf}`);
		assert.equal((await api.snapshot({ leads: false })).batches.length, 4);
	});

	it('list: days, since and status filter; a window reaching past the cutoff says how to widen it', async () => {
		const now = wholeSecondNow();
		await session.start(sampleBatches(now).batches);
		const pending = await ask(LIST, { status: 'pending' });
		assert.deepEqual(pending.split('\n').slice(1), [
			'1 batch, 3 leads: 1 pending, 1 converted, 1 not converted. ' + pending.split('\n')[1].split('. ')[1],
			`0a000000-0000-4000-8000-000000000001 · ${iso(now, 10)} · 3 leads: 1 pending, 1 converted, 1 not converted`,
		]);
		assert.match(pending, /^Woodpecker enrichment batches within the view's cutoff \(last 24 hours\) with at least one pending lead /);
		const converted = (await ask(LIST, { status: 'converted' })).split('\n').filter((l) => BATCH_LINE.test(l));
		assert.deepEqual(
			converted.map((l) => l.slice(0, 36)),
			['0a000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000003'],
		);
		const lastHour = await ask(LIST, { days: 1, status: 'not_converted' });
		assert.match(lastHour, /^Woodpecker enrichment batches created in the last 24 hours with at least one lead not converted to prospect /);
		assert.equal(lastHour.split('\n').filter((l) => BATCH_LINE.test(l)).length, 2);
		const week = await ask(LIST, { days: 7 });
		assert.match(week, /^Woodpecker enrichment batches created in the last 7 days \(read-only/);
		assert.ok(week.includes("Only batches within the view's cutoff (last 24 hours) are loaded, so older ones are not here: to include them, ask the user to widen the cutoff with 'Woodpecker: Set Cutoff…'."), week);
		assert.ok(!week.includes('0a000000-0000-4000-8000-000000000005'), 'the batch outside the cutoff is not loaded');
		const future = await ask(LIST, { since: '2999-01-01' });
		assert.match(future, /^The input was not used: since: 2999-01-01 is in the future; give today \(\d{4}-\d{2}-\d{2}\) or an earlier date\.$/);
		assert.equal(await ask(LIST, { days: 0 }), 'The input was not used: days must be a whole number from 1 to 3650 (got 0). Leave it out for every batch the view has loaded.');
		assert.equal(await ask(LIST, { status: 'done' }), 'The input was not used: status must be one of any, pending, converted, not_converted (got "done").');
		assert.equal(await ask(LIST, { days: 3, since: '2026-01-01' }), 'The input was not used: Give either days or since, not both: days counts back from now, since names the first day.');
	});

	it('list with several accounts: per account, one selected by name, an unknown name lists the names, a rejected key is said on its account', async () => {
		const key = uniqueKey();
		const { api } = await session.start(sampleBatches().batches);
		await api.addAccount('Acme', key);
		await waitForSnapshot((s) => s.accounts.length === 2 && s.accounts[1].actions.length > 0, "Acme's failure");
		const all = await ask(LIST);
		const lines = all.split('\n');
		assert.match(lines[1], /^All 2 accounts: 4 batches, 7 leads: 1 pending, 2 converted, 2 not converted, 2 other\.$/);
		assert.match(lines[2], /^Default: 4 batches, 7 leads: 1 pending, 2 converted, 2 not converted, 2 other\. Data as of /);
		assert.equal(lines.filter((l) => BATCH_LINE.test(l)).length, 4);
		assert.equal(lines.at(-1), "Acme: could not be read: Invalid api key. Set a valid API key. (HTTP 401 Unauthorized) Ask the user to run 'Woodpecker: Set API Key'.");
		assert.ok(!all.includes(key));
		const defaultOnly = await ask(LIST, { account: 'default' });
		assert.match(defaultOnly.split('\n')[2], /^Default: 4 batches/);
		assert.ok(!defaultOnly.includes('Acme'));
		const acme = await ask(LIST, { account: 'Acme' });
		assert.equal(acme, "Could not read the Woodpecker enrichment batches of Acme: Invalid api key. Set a valid API key. (HTTP 401 Unauthorized) Ask the user to run 'Woodpecker: Set API Key'.");
		assert.ok(!acme.includes(key));
		assert.equal(await ask(LIST, { account: 'Globex' }), 'No Woodpecker account is named "Globex". The accounts are: "Default", "Acme". Give one of these names as account, or leave account out for all of them.');
	});

	it('get: a batch with every lead; a uuid outside the cutoff is looked up directly; an unknown one says so; a malformed one sends nothing', async () => {
		const now = wholeSecondNow();
		const sample = sampleBatches(now);
		const { fake } = await session.start(sample.batches);
		const paths = () => fake.server.requests.map((r) => r.path);
		const mixed = await ask(GET, { uuid: sample.uuids.mixed });
		assert.equal(
			mixed,
			[
				`Woodpecker enrichment batch ${sample.uuids.mixed}, created ${iso(now, 10)} (read-only):`,
				'3 leads: 1 pending, 1 converted, 1 not converted.',
				mixed.split('\n')[2],
				'Its leads, in the order Woodpecker sent them (uid · status · result):',
				'mixSearchId0000000000B_0007 · PENDING',
				'mixSearchId0000000000B_0008 · PROCESSED · CONVERTED_TO_PROSPECT',
				'mixSearchId0000000000B_0009 · PROCESSED · NOT_CONVERTED_TO_PROSPECT',
			].join('\n'),
		);
		assert.match(mixed.split('\n')[2], /^Data as of \d{4}-\d{2}-\d{2}T[\d:.]+Z\.$/);
		assert.equal(
			(await ask(GET, { uuid: sample.uuids.mixed, status: 'converted' })).split('\n').slice(3).join('\n'),
			'Its 1 lead converted to prospect, in the order Woodpecker sent them (uid · status · result):\nmixSearchId0000000000B_0008 · PROCESSED · CONVERTED_TO_PROSPECT',
		);
		assert.deepEqual(paths(), [], 'a batch in the loaded data is not asked for');

		const old = await ask(GET, { uuid: sample.uuids.old.toUpperCase() });
		assert.equal(
			old,
			[
				`Woodpecker enrichment batch ${sample.uuids.old}, created ${iso(now, 30 * 60)} (read-only):`,
				'1 lead: 1 converted.',
				"It is not within the view's cutoff (last 24 hours), so it was looked up directly.",
				'Its leads, in the order Woodpecker sent them (uid · status · result):',
				'oldSearchId0000000000C_0001 · PROCESSED · CONVERTED_TO_PROSPECT',
			].join('\n'),
		);
		assert.deepEqual(paths(), [`${ENRICHMENTS_PATH}/${sample.uuids.old}`]);

		const unknown = 'e345310f-cfa7-42e3-b2fc-d888a332a899';
		assert.equal(await ask(GET, { uuid: unknown }), `Woodpecker has no enrichment batch ${unknown} in this account. Check the uuid, or whether it was queued with another account's key.`);
		fake.server.reset();
		assert.equal(await ask(GET, { uuid: 'not-a-uuid' }), 'The input was not used: uuid: A batch uuid has 32 hex digits in groups of 8-4-4-4-12, like e345310f-cfa7-42e3-b2fc-d888a332a899.');
		assert.equal(await ask(GET, {}), 'The input was not used: uuid is required: the batch uuid Woodpecker returned when the enrichment was queued, like e345310f-cfa7-42e3-b2fc-d888a332a899.');
		assert.deepEqual(paths(), [], 'nothing is sent for bad input');
	});

	it('find: the batch holding a lead and its status there; an unknown uid says where it looked and how to widen it', async () => {
		const now = wholeSecondNow();
		const sample = sampleBatches(now);
		await session.start(sample.batches);
		assert.equal(
			await ask(FIND, { uid: ' mixSearchId0000000000B_0008 ' }),
			`Lead mixSearchId0000000000B_0008 is in 1 batch within the view's cutoff (last 24 hours) (read-only; batch uuid · created · status · result):\n${sample.uuids.mixed} · ${iso(now, 10)} · PROCESSED · CONVERTED_TO_PROSPECT (converted to prospect)`,
		);
		assert.equal(
			await ask(FIND, { uid: 'oldSearchId0000000000C_0001' }),
			"No lead oldSearchId0000000000C_0001 is in the batches created within the view's cutoff (last 24 hours); uids must match exactly. An older batch is not loaded: ask the user to widen the cutoff with 'Woodpecker: Set Cutoff…', or look the batch up by its uuid with #woodpeckerBatch.",
		);
		assert.equal(await ask(FIND, { uid: '' }), 'The input was not used: uid is required: the lead uid exactly as Woodpecker shows it, like 0SVAICGlkzJ5fMrBxUdiQ_0000.');
		assert.equal(await ask(FIND, { uid: 'x', color: 'red' }), 'The input was not used: Unknown input "color": this tool takes only uid, account.');
	});

	it('stay under 8,000 characters at 10,000 batches and at a 5,000-lead batch, saying what was left out', async () => {
		const batches = manyBatches(10_000, 1);
		const big = { uuid: '2c000000-0000-4000-8000-000000000001', created: formatWithOffset(Date.now() - 1_000, 0), leads: manyBatches(1, 5_000)[0].leads };
		await session.start([big, ...batches]);
		const list = await ask(LIST);
		assert.ok(list.length < 8000, `${list.length} characters`);
		const shown = list.split('\n').filter((l) => BATCH_LINE.test(l)).length;
		const footer = list.split('\n').at(-1)!;
		assert.equal(footer, `${10_001 - shown} batches left out (the oldest); narrow with days, since, status or account.`);
		assert.ok(shown > 50, `${shown} batches shown`);
		const get = await ask(GET, { uuid: big.uuid });
		assert.ok(get.length < 8000, `${get.length} characters`);
		const leads = get.split('\n').filter((l) => l.startsWith('bigSearchId')).length;
		assert.equal(get.split('\n').at(-1), `${5_000 - leads} leads left out; narrow with status (pending, converted, not_converted), or ask the user to open the batch with 'Woodpecker: Look Up Batch by UUID…'.`);
		assert.ok(leads > 50, `${leads} leads shown`);
	});

	it('failures are answers: no key, a rejected key, the network down; the key never appears', async () => {
		const key = uniqueKey();
		const { api, fake } = await session.start(sampleBatches().batches, { apiKey: key });
		const answers: string[] = [];
		const asked = async (name: string, input: object = {}) => {
			const a = await ask(name, input);
			answers.push(a);
			return a;
		};
		// A key Woodpecker rejects: the view's load fails, the tool's own refresh too.
		await api.storeApiKey(`${key}-rejected`);
		await waitForSnapshot((s) => s.state === 'error', 'the rejected key');
		const rejected = "Could not read the Woodpecker enrichment batches: Invalid api key. Set a valid API key. (HTTP 401 Unauthorized) Ask the user to run 'Woodpecker: Set API Key'.";
		assert.equal(await asked(LIST), rejected);
		assert.equal(await asked(FIND, { uid: 'mixSearchId0000000000B_0008' }), rejected);
		// The network down.
		await api.storeApiKey(key);
		await fake.server.stop();
		await waitForSnapshot((s) => s.state === 'error', 'the failed load with the server down', 20_000);
		assert.match(
			await asked(LIST),
			/^Could not read the Woodpecker enrichment batches: 127\.0\.0\.1(:\d+)? refused the connection\. Make sure woodpecker\.apiBaseUrl is right and, behind a proxy, that http\.proxy is set\. Ask the user to try again in a moment, or to run 'Woodpecker: Refresh'\.$/,
		);
		assert.match(await asked(GET, { uuid: 'e345310f-cfa7-42e3-b2fc-d888a332a899' }), /^Could not read Woodpecker enrichment batch e345310f-cfa7-42e3-b2fc-d888a332a899: 127\.0\.0\.1(:\d+)? refused the connection\./);
		// No key at all.
		await api.storeApiKey(undefined);
		await waitForSnapshot((s) => s.state === 'no-key', 'the key cleared');
		for (const name of [LIST, GET, FIND]) assert.equal(await asked(name, name === GET ? { uuid: 'e345310f-cfa7-42e3-b2fc-d888a332a899' } : name === FIND ? { uid: 'x' } : {}), NO_KEY);
		for (const a of answers) assert.ok(!a.includes(key), 'an answer holds the key');
		assert.ok(!logText().includes(key), 'the log holds the key');
	});

	it('a call while a refresh runs joins it: no second request, and the tree shows what it loaded', async () => {
		const { api, fake, key } = await session.start(sampleBatches().batches);
		// The same key again drops the data and loads once (as a key change does); slowly.
		fake.server.latencyMs = 1_500;
		await api.storeApiKey(key);
		await waitFor(async () => ((await api.snapshot({ leads: false })).refreshing ? true : undefined), 'the refresh to start');
		const answer = await ask(LIST);
		assert.match(answer.split('\n')[1], /^4 batches, 7 leads/);
		assert.equal(fake.server.requests.filter((r) => r.path === ENRICHMENTS_PATH).length, 1, 'one list request for the view and the tool');
		assert.equal(fake.server.maxInFlight, 1);
	});

	it('a call that loads data updates the tree too', async () => {
		const { api, fake, key } = await session.start(sampleBatches().batches);
		// The view's own load fails (every attempt), leaving nothing loaded.
		fake.server.failNext({ kind: 'status', status: 503 }, 3);
		await api.storeApiKey(key);
		await waitForSnapshot((s) => s.state === 'error', 'the failed load', 20_000);
		fake.server.reset();
		const answer = await ask(LIST);
		assert.match(answer.split('\n')[1], /^4 batches, 7 leads/);
		assert.equal(fake.server.requests.length, 1, "the tool's one refresh");
		const s = await api.snapshot({ leads: false });
		assert.equal(s.state, 'loaded');
		assert.equal(s.batches.length, 4);
	});
});
