import * as assert from 'node:assert/strict';
import { waitForSnapshot } from './helpers';
import { logText, sampleBatches, showView, useSession, waitFor } from './support';

const LINK = 'vscode://woodpecker-community.woodpecker-enrichments/batch';

describe('Links that open a batch', () => {
	const session = useSession();

	it('…/batch?uuid=<uuid> fetches that batch and selects its row', async () => {
		const sample = sampleBatches();
		const { api, fake } = await session.start(sample.batches);
		await showView();
		await api.openLink(`${LINK}?uuid=${sample.uuids.done}`);
		assert.deepEqual(
			fake.server.requests.map((r) => r.path),
			[`/rest/v2/lead_finder/leads/enrichments/${sample.uuids.done}`],
			'one direct lookup, nothing else',
		);
		const s = await waitForSnapshot((x) => x.selection.length > 0, 'the row selected');
		assert.equal(s.rawJsonPanel.open, false, 'the row is the answer: no panel');
		const row = s.batches.find((b) => b.uuid === sample.uuids.done)!;
		assert.deepEqual(s.selection, [row.id]);
	});

	it('a link whose uuid is not one sends nothing and says so in the log', async () => {
		const { api, fake } = await session.start(sampleBatches().batches);
		await api.openLink(`${LINK}?uuid=not-a-uuid`);
		await api.openLink(`${LINK.replace('/batch', '/elsewhere')}?uuid=${sampleBatches().uuids.done}`);
		assert.deepEqual(fake.server.requests, []);
		await waitFor(
			() => (/A batch link without a valid uuid \("not-a-uuid"\): nothing was sent\./.test(logText()) && /Ignored a link the extension does not know: \/elsewhere/.test(logText()) ? true : undefined),
			'both in the log',
		);
	});
});
