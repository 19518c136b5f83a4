import * as assert from 'node:assert/strict';
import { readBatchInput, readLeadInput, readListInput } from '../../../src/tools/toolInput';
import { inTimeZone } from '../timeZone';

// 2026-05-10 12:00 UTC, which is 05:00 the same day in Los Angeles.
const NOW = new Date(Date.UTC(2026, 4, 10, 12, 0, 0));

describe('language model tool input', () => {
	inTimeZone('America/Los_Angeles');
	it('list: nothing given means every loaded batch, any status, every account', () => {
		assert.deepEqual(readListInput(undefined, NOW), { ok: true, query: { startMs: undefined, window: undefined, status: 'any', account: undefined } });
		assert.deepEqual(readListInput({ status: null, account: '  ' }, NOW), { ok: true, query: { startMs: undefined, window: undefined, status: 'any', account: undefined } });
	});

	it('list: days counts back N × 24 hours, since starts at local midnight, status and account are kept', () => {
		assert.deepEqual(readListInput({ days: 7, status: 'PENDING', account: ' Acme ' }, NOW), {
			ok: true,
			query: { startMs: Date.UTC(2026, 4, 3, 12, 0, 0), window: 'the last 7 days', status: 'pending', account: 'Acme' },
		});
		assert.deepEqual(readListInput({ days: 1 }, NOW), { ok: true, query: { startMs: Date.UTC(2026, 4, 9, 12, 0, 0), window: 'the last 24 hours', status: 'any', account: undefined } });
		const since = readListInput({ since: '2026-05-01' }, NOW);
		assert.deepEqual(since, { ok: true, query: { startMs: Date.UTC(2026, 4, 1, 7, 0, 0), window: 'since 2026-05-01', status: 'any', account: undefined } });
	});

	it('list: refuses bad input with a sentence saying what to send', () => {
		const problem = (input: unknown) => {
			const r = readListInput(input, NOW);
			return r.ok ? 'accepted' : r.problem;
		};
		assert.equal(problem({ days: 0 }), 'days must be a whole number from 1 to 3650 (got 0). Leave it out for every batch the view has loaded.');
		assert.equal(problem({ days: 3651 }), 'days must be a whole number from 1 to 3650 (got 3651). Leave it out for every batch the view has loaded.');
		assert.equal(problem({ days: 1.5 }), 'days must be a whole number from 1 to 3650 (got 1.5). Leave it out for every batch the view has loaded.');
		assert.equal(problem({ days: '7' }), 'days must be a whole number from 1 to 3650 (got "7"). Leave it out for every batch the view has loaded.');
		assert.equal(problem({ days: 3650 }), 'accepted');
		assert.equal(problem({ days: 2, since: '2026-05-01' }), 'Give either days or since, not both: days counts back from now, since names the first day.');
		assert.equal(problem({ since: '2026-05-11' }), 'since: 2026-05-11 is in the future; give today (2026-05-10) or an earlier date.');
		assert.equal(problem({ since: '2026-02-30' }), 'since: 2026-02-30 does not exist: that month has 28 days.');
		assert.equal(problem({ since: 'yesterday' }), 'since: "yesterday" is not a date in YYYY-MM-DD form (for example 2026-05-01).');
		assert.equal(problem({ since: 20260501 }), 'since must be a date as YYYY-MM-DD, for example 2026-05-01 (got 20260501).');
		assert.equal(problem({ status: 'done' }), 'status must be one of any, pending, converted, not_converted (got "done").');
		assert.equal(problem({ account: 3 }), "account must be the name of one of the user's Woodpecker accounts, as the view shows it; leave it out for all of them.");
		assert.equal(problem({ day: 3 }), 'Unknown input "day": this tool takes only days, since, status, account.');
		assert.equal(problem([1]), 'The input must be an object with the fields days, since, status, account.');
		assert.equal(problem('7 days'), 'The input must be an object with the fields days, since, status, account.');
	});

	it('get: a uuid (any case, spaces around), an optional lead status and account', () => {
		assert.deepEqual(readBatchInput({ uuid: ' E345310F-CFA7-42E3-B2FC-D888A332A899 ', status: 'not_converted' }), {
			ok: true,
			query: { uuid: 'e345310f-cfa7-42e3-b2fc-d888a332a899', status: 'not_converted', account: undefined },
		});
		assert.deepEqual(readBatchInput({}), { ok: false, problem: 'uuid is required: the batch uuid Woodpecker returned when the enrichment was queued, like e345310f-cfa7-42e3-b2fc-d888a332a899.' });
		assert.deepEqual(readBatchInput({ uuid: 'e345310f' }), { ok: false, problem: 'uuid: A batch uuid has 32 hex digits in groups of 8-4-4-4-12, like e345310f-cfa7-42e3-b2fc-d888a332a899.' });
		assert.deepEqual(readBatchInput({ uuid: 'e345310f-cfa7-42e3-b2fc-d888a332a899', status: 'all' }), { ok: false, problem: 'status must be one of any, pending, converted, not_converted (got "all").' });
	});

	it('find: an exact uid, trimmed; an empty or absurdly long one is refused', () => {
		assert.deepEqual(readLeadInput({ uid: ' 0SVAICGlkzJ5fMrBxUdiQ_0000 ', account: 'Acme' }), { ok: true, query: { uid: '0SVAICGlkzJ5fMrBxUdiQ_0000', account: 'Acme' } });
		assert.deepEqual(readLeadInput({ uid: '   ' }), { ok: false, problem: 'uid is required: the lead uid exactly as Woodpecker shows it, like 0SVAICGlkzJ5fMrBxUdiQ_0000.' });
		assert.deepEqual(readLeadInput({ uid: 'x'.repeat(201) }), { ok: false, problem: 'uid is 201 characters long; a lead uid is far shorter. Send the uid alone.' });
		assert.deepEqual(readLeadInput({ uid: 'a', uuid: 'b' }), { ok: false, problem: 'Unknown input "uuid": this tool takes only uid, account.' });
	});
});
