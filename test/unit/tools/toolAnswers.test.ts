import * as assert from 'node:assert/strict';
import type { EnrichmentBatch, Lead } from '../../../src/api/types';
import { EnrichmentModel } from '../../../src/model/enrichmentModel';
import { batchAnswer, batchNotFoundAnswer, failureAnswer, leadAnswer, listAnswer, listMessage, MAX_ANSWER_CHARS, selectRows, unknownAccountAnswer } from '../../../src/tools/toolAnswers';
import type { ListQuery } from '../../../src/tools/toolInput';

const pending = (uid: string): Lead => ({ uid, status: 'PENDING', processing_result: null });
const converted = (uid: string): Lead => ({ uid, status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' });
const notConverted = (uid: string): Lead => ({ uid, status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' });
const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const batches: EnrichmentBatch[] = [
	{ uuid: B, created: '2026-05-10T09:00:00+02:00', leads: [converted('u3'), notConverted('u4')] },
	{ uuid: A, created: '2026-05-10T11:30:00Z', leads: [pending('u1'), converted('u2'), { uid: 'u5', status: 'FAILED', processing_result: null }] },
];
const rows = new EnrichmentModel(batches).rows;
const AS_OF = new Date(Date.UTC(2026, 4, 10, 11, 59, 0));
const VIEW = { viewCutoff: 'last 24 hours', viewStartMs: Date.UTC(2026, 4, 9, 12, 0, 0) };
const all: ListQuery = { startMs: undefined, window: undefined, status: 'any', account: undefined };

describe('language model tool answers', () => {
	it('list: totals, then newest first one line per batch (uuid · UTC time · counts)', () => {
		assert.equal(
			listAnswer({ query: all, ...VIEW, sections: [{ label: undefined, rows, asOf: AS_OF }] }),
			[
				"Woodpecker enrichment batches within the view's cutoff (last 24 hours) (read-only; uuid · created (UTC) · leads by state, newest first):",
				'2 batches, 5 leads: 1 pending, 2 converted, 1 not converted, 1 other. Data as of 2026-05-10T11:59:00Z.',
				`${A} · 2026-05-10T11:30:00Z · 3 leads: 1 pending, 1 converted, 1 other`,
				`${B} · 2026-05-10T07:00:00Z · 2 leads: 1 converted, 1 not converted`,
			].join('\n'),
		);
	});

	it('list: filters by time and by state; says when the window reaches past the loaded cutoff', () => {
		assert.deepEqual(
			selectRows(rows, { startMs: Date.UTC(2026, 4, 10, 8, 0, 0), status: 'any' }).map((r) => r.batch.uuid),
			[A],
		);
		assert.deepEqual(
			selectRows(rows, { startMs: undefined, status: 'pending' }).map((r) => r.batch.uuid),
			[A],
		);
		assert.deepEqual(
			selectRows(rows, { startMs: undefined, status: 'converted' }).map((r) => r.batch.uuid),
			[A, B],
		);
		assert.deepEqual(
			selectRows(rows, { startMs: undefined, status: 'not_converted' }).map((r) => r.batch.uuid),
			[B],
		);
		const week: ListQuery = { startMs: Date.UTC(2026, 4, 3, 12, 0, 0), window: 'the last 7 days', status: 'pending', account: undefined };
		const answer = listAnswer({ query: week, ...VIEW, sections: [{ label: undefined, rows: selectRows(rows, week), asOf: AS_OF }] });
		assert.deepEqual(answer.split('\n').slice(0, 2), [
			'Woodpecker enrichment batches created in the last 7 days with at least one pending lead (read-only; uuid · created (UTC) · leads by state, newest first):',
			"Only batches within the view's cutoff (last 24 hours) are loaded, so older ones are not here: to include them, ask the user to widen the cutoff with 'Woodpecker: Set Cutoff…'.",
		]);
	});

	it('list with several accounts: a total over all, then each account, a failed one with its way out', () => {
		const answer = listAnswer({
			query: all,
			...VIEW,
			sections: [
				{ label: 'Acme', rows: rows.slice(1), asOf: AS_OF },
				{ label: 'Globex', rows: [], asOf: undefined, failure: { kind: 'http', status: 401, message: 'Invalid api key. Set a valid API key. (HTTP 401 Unauthorized)' } },
				{ label: 'Agency › Initech', rows: rows.slice(0, 1), asOf: AS_OF, failure: { kind: 'http', status: 403, message: 'No access to company 3. (HTTP 403 Forbidden)', isCompany: true } },
			],
		});
		assert.deepEqual(answer.split('\n').slice(1), [
			'All 3 accounts: 2 batches, 5 leads: 1 pending, 2 converted, 1 not converted, 1 other.',
			'Acme: 1 batch, 2 leads: 1 converted, 1 not converted. Data as of 2026-05-10T11:59:00Z.',
			`${B} · 2026-05-10T07:00:00Z · 2 leads: 1 converted, 1 not converted`,
			"Globex: could not be read: Invalid api key. Set a valid API key. (HTTP 401 Unauthorized) Ask the user to run 'Woodpecker: Set API Key'.",
			'Agency › Initech: 1 batch, 3 leads: 1 pending, 1 converted, 1 other. Data as of 2026-05-10T11:59:00Z.',
			"Refreshing Agency › Initech failed, so these are its batches loaded before: No access to company 3. (HTTP 403 Forbidden) Ask the user to run 'Woodpecker: Choose Client Companies…' on the agency account.",
			`${A} · 2026-05-10T11:30:00Z · 3 leads: 1 pending, 1 converted, 1 other`,
		]);
	});

	it('list: stays under 8,000 characters at 10,000 batches and says how many were left out', () => {
		const many: EnrichmentBatch[] = Array.from({ length: 10_000 }, (_, i) => ({
			uuid: `cccccccc-0000-4000-8000-${String(i).padStart(12, '0')}`,
			created: new Date(Date.UTC(2026, 4, 10) - i * 1000).toISOString(),
			leads: [pending(`p${i}`)],
		}));
		const answer = listAnswer({ query: all, ...VIEW, sections: [{ label: undefined, rows: new EnrichmentModel(many).rows, asOf: AS_OF }] });
		assert.ok(answer.length < MAX_ANSWER_CHARS, `${answer.length}`);
		const lines = answer.split('\n');
		// Every batch line is 81 characters: the lines shown fill the 8,000 with room kept for the footer.
		const shown = lines.length - 3;
		assert.equal(lines[2], 'cccccccc-0000-4000-8000-000000000000 · 2026-05-10T00:00:00Z · 1 lead: 1 pending');
		assert.equal(lines.at(-1), `${10_000 - shown} batches left out (the oldest); narrow with days, since, status or account.`);
		assert.ok(shown >= 90 && shown <= 96, `${shown} shown`);
	});

	it('get: counts, then every lead as uid · status · result; a status narrows the leads; 5,000 leads are bounded', () => {
		const row = rows[0];
		assert.equal(
			batchAnswer({ row, label: undefined, status: 'any', viewCutoff: 'last 24 hours', asOf: AS_OF }),
			[
				`Woodpecker enrichment batch ${A}, created 2026-05-10T11:30:00Z (read-only):`,
				'3 leads: 1 pending, 1 converted, 1 other.',
				'Data as of 2026-05-10T11:59:00Z.',
				'Its leads, in the order Woodpecker sent them (uid · status · result):',
				'u1 · PENDING',
				'u2 · PROCESSED · CONVERTED_TO_PROSPECT',
				'u5 · FAILED',
			].join('\n'),
		);
		assert.deepEqual(batchAnswer({ row, label: 'Acme', status: 'not_converted', viewCutoff: 'last 24 hours', asOf: undefined }).split('\n'), [
			`Woodpecker enrichment batch ${A} of Acme, created 2026-05-10T11:30:00Z (read-only):`,
			'3 leads: 1 pending, 1 converted, 1 other.',
			"It is not within the view's cutoff (last 24 hours), so it was looked up directly.",
			'It has no lead not converted to prospect.',
		]);
		const big = new EnrichmentModel([{ uuid: A, created: '2026-05-10T11:30:00Z', leads: Array.from({ length: 5_000 }, (_, i) => converted(`bigSearchId0000000000A_${String(i).padStart(4, '0')}`)) }]).rows[0];
		const answer = batchAnswer({ row: big, label: undefined, status: 'any', viewCutoff: 'last 24 hours', asOf: AS_OF });
		assert.ok(answer.length < MAX_ANSWER_CHARS, `${answer.length}`);
		const shown = answer.split('\n').filter((l) => l.startsWith('bigSearchId')).length;
		assert.equal(answer.split('\n').at(-1), `${5_000 - shown} leads left out; narrow with status (pending, converted, not_converted), or ask the user to open the batch with 'Woodpecker: Look Up Batch by UUID…'.`);
		assert.ok(shown > 100, `${shown} shown`);
	});

	it('find: each batch holding the lead, with its state; none says where it looked and how to widen it', () => {
		const lead = rows[0].batch.leads[1];
		assert.equal(
			leadAnswer({ uid: 'u2', hits: [{ label: 'Acme', row: rows[0], lead }], viewCutoff: 'last 7 days', account: undefined, failures: [] }),
			`Lead u2 is in 1 batch within the view's cutoff (last 7 days) (read-only; batch uuid · created · account · status · result):\n${A} · 2026-05-10T11:30:00Z · Acme · PROCESSED · CONVERTED_TO_PROSPECT (converted to prospect)`,
		);
		assert.equal(
			leadAnswer({ uid: 'zz\u202e', hits: [], viewCutoff: 'last 24 hours', account: 'Acme', failures: [{ label: 'Globex', failure: { kind: 'network', status: 0, message: 'Could not reach api.woodpecker.co.' } }] }),
			[
				"No lead zz\\u202e is in the batches created within the view's cutoff (last 24 hours) of Acme; uids must match exactly. An older batch is not loaded: ask the user to widen the cutoff with 'Woodpecker: Set Cutoff…', or look the batch up by its uuid with #woodpeckerBatch.",
				"Globex could not be read: Could not reach api.woodpecker.co. Ask the user to try again in a moment, or to run 'Woodpecker: Refresh'.",
			].join('\n'),
		);
	});

	it('failures are answers with the way out; no key, unknown accounts and unknown batches say what to do', () => {
		assert.equal(failureAnswer('the Woodpecker enrichment batches', { kind: 'no-key', status: 0, message: 'Set your Woodpecker API key first.' }), "No Woodpecker API key is set: ask the user to run 'Woodpecker: Set API Key'.");
		assert.equal(
			failureAnswer('the Woodpecker enrichment batches', { kind: 'http', status: 404, message: 'Woodpecker does not know this address. Check the woodpecker.apiBaseUrl setting. (HTTP 404 Not Found)' }),
			"Could not read the Woodpecker enrichment batches: Woodpecker does not know this address. Check the woodpecker.apiBaseUrl setting. (HTTP 404 Not Found) Ask the user to check the woodpecker.apiBaseUrl setting ('Woodpecker: Show Log' has the details).",
		);
		assert.equal(failureAnswer('x', { kind: 'too-large', status: 0, message: 'Too large.' }), "Could not read x: Too large. Ask the user to choose a later cutoff with 'Woodpecker: Set Cutoff…'.");
		assert.equal(failureAnswer('x', { kind: 'aborted', status: 0, message: 'The request was cancelled.' }), 'Could not read x: The refresh was cancelled (by the user, or by a newer one). Try again in a moment.');
		assert.equal(
			unknownAccountAnswer('Globex', ['Default', 'Acme › Initech']),
			'No Woodpecker account is named "Globex". The accounts are: "Default", "Acme › Initech". Give one of these names as account, or leave account out for all of them.',
		);
		assert.equal(batchNotFoundAnswer(A, []), `Woodpecker has no enrichment batch ${A} in this account. Check the uuid, or whether it was queued with another account's key.`);
		assert.equal(batchNotFoundAnswer(A, ['Acme', 'Globex']), `Woodpecker has no enrichment batch ${A} in any of the accounts (Acme, Globex). Check the uuid, or whether it was queued with another account's key.`);
	});

	it('prepareInvocation says what is being read', () => {
		assert.equal(listMessage({ startMs: 0, window: 'the last 7 days', status: 'any', account: undefined }), 'Reading Woodpecker enrichment batches of the last 7 days');
		assert.equal(listMessage({ startMs: 0, window: 'since 2026-05-01', status: 'not_converted', account: 'Acme' }), 'Reading Woodpecker enrichment batches since 2026-05-01 (not converted) in Acme');
		assert.equal(listMessage(all), "Reading Woodpecker enrichment batches within the view's cutoff");
	});
});
