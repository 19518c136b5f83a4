import * as assert from 'node:assert/strict';
import { type SourceTextInput, sourceAccessibilityLabel, sourceDescription, sourceIcon, sourceTooltip } from '../../../src/tree/sourceText';

// Local times, so formatTime's "same day" reads them as the user would, whatever the machine's zone.
const now = new Date(2026, 10, 26, 16, 0);
const receivedAt = new Date(2026, 10, 26, 14, 3);
const failedAt = new Date(2026, 10, 26, 14, 5);
const time = (d: Date) => d.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
const acme: SourceTextInput = { name: 'Acme', kind: 'account', state: 'loaded', batches: 12, pending: 3, cached: false, refreshing: false, receivedAt, now };
const beta: SourceTextInput = { ...acme, name: 'Beta Ltd', kind: 'company', agency: 'Agency HQ', pending: 0, batches: 1 };
const failure = { message: 'Invalid api key. (HTTP 401 Unauthorized)', at: failedAt };

describe('account and company rows', () => {
	it('describe their batches and pending leads, or what stands in the way', () => {
		assert.equal(sourceDescription(acme), '12 batches · 3 pending');
		assert.equal(sourceDescription(beta), '1 batch');
		assert.equal(sourceDescription({ ...acme, shownBatches: 5 }), '5 of 12 batches · 3 pending', 'under a filter: the batches it shows');
		assert.equal(sourceDescription({ ...acme, shownBatches: 0, cached: true }), '0 of 12 batches · 3 pending · cached');
		assert.equal(sourceDescription({ ...beta, shownBatches: 1 }), '1 of 1 batch');
		assert.equal(sourceDescription({ ...acme, state: 'empty', batches: 0, pending: 0, shownBatches: 0 }), 'no batches');
		assert.equal(sourceDescription({ ...acme, state: 'empty', batches: 0, pending: 0 }), 'no batches');
		assert.equal(sourceDescription({ ...acme, cached: true }), '12 batches · 3 pending · cached');
		assert.equal(sourceDescription({ ...acme, cached: true, failure }), '12 batches · 3 pending · refresh failed');
		assert.equal(sourceDescription({ ...acme, state: 'no-key', batches: undefined }), 'no API key');
		assert.equal(sourceDescription({ ...acme, state: 'idle', batches: undefined }), 'not loaded yet');
		assert.equal(sourceDescription({ ...acme, state: 'loading', batches: undefined }), 'loading…');
		assert.equal(sourceDescription({ ...acme, state: 'error', batches: undefined, failure }), 'could not load');
		assert.equal(sourceDescription({ ...beta, state: 'error', failure, outOfReach: true }), 'no longer reachable');
	});

	it('show their state in the icon first, their kind otherwise', () => {
		assert.deepEqual(sourceIcon(acme), { id: 'account' });
		assert.deepEqual(sourceIcon(beta), { id: 'organization' });
		assert.deepEqual(sourceIcon({ ...acme, refreshing: true }), { id: 'sync~spin' });
		assert.deepEqual(sourceIcon({ ...acme, state: 'no-key' }), { id: 'key', color: 'list.warningForeground' });
		assert.deepEqual(sourceIcon({ ...acme, state: 'error', failure }), { id: 'error', color: 'list.errorForeground' });
		assert.deepEqual(sourceIcon({ ...acme, failure, refreshing: true }), { id: 'warning', color: 'list.warningForeground' }, 'data on screen, the last refresh failed');
	});

	it('give the whole reason in the tooltip, with server text unable to format or link', () => {
		assert.equal(sourceTooltip(acme), `**Account** \`Acme\`\n\nReceived ${time(receivedAt)}`);
		assert.equal(sourceTooltip({ ...acme, state: 'no-key', receivedAt: undefined }), '**Account** `Acme`\n\nNo API key is set for this account.');
		assert.equal(
			sourceTooltip({ ...acme, state: 'error', receivedAt: undefined, failure: { message: 'Bad [link](command:x) *here*', at: failedAt } }),
			'**Account** `Acme`\n\nCould not load: Bad \\[link\\]\\(command:x\\) \\*here\\*',
		);
		assert.equal(
			sourceTooltip({ ...beta, cached: true, failure }),
			`**Client company** \`Beta Ltd\` of \`Agency HQ\`\n\nRefresh failed at ${time(failedAt)}: Invalid api key\\. \\(HTTP 401 Unauthorized\\)\n\nCached data from ${time(receivedAt)}`,
		);
		assert.match(
			sourceTooltip({ ...beta, state: 'error', failure, outOfReach: true, receivedAt: undefined }),
			/^\*\*Client company\*\* `Beta Ltd` of `Agency HQ`\n\nThe agency's key no longer reaches this company: it may have left the agency\. Choose Client Companies… to update the list\.\n\nCould not load: /,
		);
	});

	it('read to a screen reader as kind, name and state', () => {
		assert.equal(sourceAccessibilityLabel(acme), 'Account Acme, 12 batches · 3 pending');
		assert.equal(sourceAccessibilityLabel({ ...beta, state: 'no-key' }), 'Client company Beta Ltd, no API key');
	});
});
