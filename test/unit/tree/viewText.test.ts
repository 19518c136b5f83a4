import * as assert from 'node:assert/strict';
import { type ViewTextInput, filteredOutMessage, viewDescription, viewMessage, viewTitle } from '../../../src/tree/viewText';

// Local times, so formatTime's "same day" reads them as the user would, whatever the machine's zone.
const now = new Date(2026, 10, 26, 16, 0);
const receivedAt = new Date(2026, 10, 26, 14, 3);
const failedAt = new Date(2026, 10, 26, 14, 5);
const base: ViewTextInput = { state: 'loaded', cutoff: { kind: 'days', days: 1 }, cached: false, refreshing: false, receivedAt, now };
const time = (d: Date) => d.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });

describe('view text', () => {
	it('names the cutoff in the description, and says when the data is cached', () => {
		assert.equal(viewDescription(base), 'last 24 hours');
		assert.equal(viewDescription({ ...base, cutoff: { kind: 'date', date: '2026-05-01' } }), 'since 2026-05-01');
		assert.equal(viewDescription({ ...base, cached: true }), 'last 24 hours · cached');
		assert.equal(viewDescription({ ...base, cached: true, state: 'no-key' }), 'last 24 hours');
	});

	it('names the cutoff in the title, which VS Code shows when the view is alone in its container', () => {
		assert.equal(viewTitle(base), 'Last 24 hours');
		assert.equal(viewTitle({ cutoff: { kind: 'days', days: 30 } }), 'Last 30 days');
		assert.equal(viewTitle({ cutoff: { kind: 'date', date: '2026-05-01' } }), 'Since 2026-05-01');
	});

	it('sets no message where the welcome content speaks: no key, loading, nothing loaded, nothing within the cutoff', () => {
		for (const state of ['no-key', 'idle', 'loading', 'empty'] as const) {
			assert.equal(viewMessage({ ...base, state }), undefined, state);
		}
		assert.equal(viewMessage({ ...base, state: 'empty', cached: true }), undefined, 'a cached empty answer keeps the welcome buttons too');
		assert.equal(viewMessage({ ...base, state: 'no-key', failure: { message: 'x', at: failedAt } }), undefined);
	});

	it('says once why nothing could be loaded', () => {
		assert.equal(
			viewMessage({ ...base, state: 'error', receivedAt: undefined, failure: { message: 'Invalid api key. (HTTP 401 Unauthorized)', at: failedAt } }),
			'Could not load enrichment batches: Invalid api key. (HTTP 401 Unauthorized)',
		);
	});

	it('says when a refresh failed and which data stays on screen', () => {
		const msg = viewMessage({ ...base, failure: { message: 'Woodpecker had an internal error. (HTTP 500 Internal server error)', at: failedAt } });
		assert.equal(msg, `Refresh failed at ${time(failedAt)}: Woodpecker had an internal error. (HTTP 500 Internal server error) Showing the batches received at ${time(receivedAt)}.`);
		assert.match(viewMessage({ ...base, state: 'empty', failure: { message: 'boom', at: failedAt } })!, /^Refresh failed at .*: boom Showing/);
		assert.equal(viewMessage({ ...base, receivedAt: undefined, failure: { message: 'boom', at: failedAt } }), `Refresh failed at ${time(failedAt)}: boom`);
	});

	it('marks cached data until a refresh succeeds', () => {
		assert.equal(viewMessage({ ...base, cached: true }), `Showing cached data from ${time(receivedAt)}. Refresh to update it.`);
		assert.equal(viewMessage({ ...base, cached: true, refreshing: true }), `Showing cached data from ${time(receivedAt)}; refreshing…`);
	});

	it('leaves the message empty when the rows speak for themselves', () => {
		assert.equal(viewMessage(base), undefined);
		assert.equal(viewMessage({ ...base, filter: 'converted' }), undefined, 'a filter that leaves rows on screen says nothing');
	});

	it('names the filter after the cutoff, in the title and the description', () => {
		assert.equal(viewTitle({ cutoff: { kind: 'days', days: 7 }, filter: 'pending' }), 'Last 7 days · Pending');
		assert.equal(viewTitle({ cutoff: { kind: 'days', days: 7 }, filter: 'all' }), 'Last 7 days');
		assert.equal(viewDescription({ ...base, cutoff: { kind: 'days', days: 7 }, filter: 'not-converted' }), 'last 7 days · Not converted');
		assert.equal(viewDescription({ ...base, filter: 'other', cached: true }), 'last 24 hours · Other · cached');
		assert.equal(viewDescription({ ...base, filter: 'all' }), 'last 24 hours');
	});

	it('says when the filter hides every batch, after anything else it has to say', () => {
		assert.equal(filteredOutMessage('converted', 12), 'No leads match the filter "Converted" in the 12 batches within the cutoff.');
		assert.equal(filteredOutMessage('pending', 1), 'No leads match the filter "Pending" in the batch within the cutoff.');
		assert.equal(viewMessage({ ...base, filter: 'converted', filteredOut: 3 }), 'No leads match the filter "Converted" in the 3 batches within the cutoff.');
		assert.equal(
			viewMessage({ ...base, cached: true, filter: 'converted', filteredOut: 3 }),
			`Showing cached data from ${time(receivedAt)}. Refresh to update it. No leads match the filter "Converted" in the 3 batches within the cutoff.`,
		);
		assert.equal(
			viewMessage({ ...base, filter: 'pending', filteredOut: 2, failure: { message: 'boom', at: failedAt } }),
			`Refresh failed at ${time(failedAt)}: boom Showing the batches received at ${time(receivedAt)}. No leads match the filter "Pending" in the 2 batches within the cutoff.`,
		);
		assert.equal(viewMessage({ ...base, filter: 'all', filteredOut: 3 }), undefined, 'All hides nothing');
		assert.equal(viewMessage({ ...base, state: 'no-key', filter: 'pending', filteredOut: 3 }), undefined, 'the welcome content speaks without a key');
	});
});
