import * as assert from 'node:assert/strict';
import { ENRICHMENTS_PATH } from '../fake/server';
import { waitForSnapshot } from './helpers';
import { type Session, hideView, sampleBatches, showView, sleep, useSession, waitFor } from './support';

describe('Opening the view', () => {
	const session = useSession();

	// A start with a key already stored: restart() activates again with the same secrets.
	async function restartHidden(s: Session): Promise<void> {
		await hideView();
		await s.api.restart();
		await waitForSnapshot((snap) => snap.state !== 'no-key', 'the restarted extension to read its key');
		s.fake.server.reset();
	}

	it('sends no request at start while the view is hidden, then exactly one when the view container opens', async () => {
		const started = await session.start(sampleBatches().batches, { apiKey: 'view-test-key' });
		const { api, fake } = started;
		await restartHidden(started);
		await sleep(1_000);
		assert.equal(fake.server.requests.length, 0, 'a request was sent while the view was hidden');

		await showView('workbench.view.extension.woodpecker');
		await waitFor(() => (fake.server.requests.length > 0 ? true : undefined), 'the request opening the view sends');
		await api.whenIdle();
		await sleep(500);
		assert.equal(fake.server.requests.length, 1);
		const [request] = fake.server.requests;
		assert.equal(request.path, ENRICHMENTS_PATH);
		assert.equal(request.apiKey, 'view-test-key');
		assert.deepEqual(Object.keys(request.query), ['created_after']);
		const s = await api.snapshot({ leads: false });
		assert.equal(s.state, 'loaded');
		assert.equal(s.description, 'last 24 hours', 'fresh data is not marked cached');
		assert.equal(s.batches.length, 4);

		// Hiding and showing it again does not load again.
		await hideView();
		await showView();
		await sleep(500);
		assert.equal(fake.server.requests.length, 1, 'showing the view again sent another request');
	});

	it('loads once when the view is focused with its own focus command', async () => {
		const started = await session.start(sampleBatches().batches);
		const { api, fake } = started;
		await restartHidden(started);
		await showView('woodpecker.enrichments.focus');
		await waitFor(() => (fake.server.requests.length > 0 ? true : undefined), 'the request focusing the view sends');
		await api.whenIdle();
		await sleep(500);
		assert.equal(fake.server.requests.length, 1);
		assert.equal((await api.snapshot({ leads: false })).batches.length, 4);
	});
});
