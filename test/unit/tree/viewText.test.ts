import * as assert from 'node:assert/strict';
import { type ViewTextInput, viewDescription, viewMessage, viewTitle } from '../../../src/tree/viewText';

const base: ViewTextInput = { state: 'loaded', cutoff: { kind: 'default' }, batches: 3, cached: false, refreshing: false, receivedAt: new Date() };

describe('view text', () => {
	it('names the cutoff in the description', () => {
		assert.equal(viewDescription(base), 'last 24 hours');
		assert.equal(viewDescription({ ...base, cutoff: { kind: 'date', date: '2026-05-01' } }), 'since 2026-05-01');
		assert.equal(viewDescription({ ...base, cached: true }), 'last 24 hours · cached');
	});

	it('names the cutoff in the title, which VS Code shows when the view is alone in its container', () => {
		assert.equal(viewTitle(base), 'Last 24 hours');
		assert.equal(viewTitle({ ...base, cutoff: { kind: 'days', days: 30 } }), 'Last 30 days');
		assert.equal(viewTitle({ ...base, cutoff: { kind: 'date', date: '2026-05-01' } }), 'Since 2026-05-01');
	});

	it('says an empty answer is empty, naming the cutoff', () => {
		assert.match(viewMessage({ ...base, state: 'empty', batches: 0 })!, /^No enrichment batches in the last 24 hours\./);
		assert.match(viewMessage({ ...base, state: 'empty', batches: 0, cutoff: { kind: 'date', date: '2026-05-01' } })!, /^No enrichment batches since 2026-05-01\./);
		assert.match(viewMessage({ ...base, state: 'empty', batches: 0, cutoff: { kind: 'days', days: 7 } })!, /in the last 7 days/);
	});

	it('explains stale data with the failure reason', () => {
		const msg = viewMessage({ ...base, failure: { message: 'Invalid api key (HTTP 401 Unauthorized)', at: new Date() } });
		assert.match(msg!, /^Showing data from .+ because the last refresh failed: Invalid api key/);
	});

	it('marks cached data until a refresh succeeds', () => {
		assert.match(viewMessage({ ...base, cached: true })!, /^Showing cached data from/);
		assert.match(viewMessage({ ...base, cached: true, refreshing: true })!, /refreshing…$/);
	});

	it('leaves the message empty when the rows speak for themselves', () => {
		assert.equal(viewMessage(base), undefined);
		assert.equal(viewMessage({ ...base, state: 'no-key' }), undefined);
	});

	it('shows the reason when nothing could be loaded', () => {
		assert.equal(viewMessage({ ...base, state: 'error', failure: { message: 'boom', at: new Date() } }), 'Could not load enrichment batches: boom');
	});
});
