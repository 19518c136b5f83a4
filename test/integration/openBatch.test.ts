// Open Enrichment Batch… in the real extension host: a batch outside the cutoff lands in the
// "Opened by uuid" group at the top, selected; it stays across a reload until removed, counts as
// pending while it is, and the refresh (polling too) fetches it again until it is processed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EnrichmentBatch } from '../../src/api/types';
import type { EnrichmentNode } from '../../src/tree/enrichmentTreeProvider';
import { formatWithOffset } from '../fake/data';
import { ENRICHMENTS_PATH } from '../fake/server';
import { setSetting, waitForSnapshot } from './helpers';
import { sampleBatches, showView, useSession } from './support';

const LINK = 'vscode://woodpecker-community.woodpecker-enrichments/batch';
const OLD_PENDING = '0c000000-0000-4000-8000-000000000001';

/** The sample, the done batch's pending lead processed (so only what is opened can be pending), and a 40-hour-old batch with one pending lead. */
function batches(now = Date.now()): EnrichmentBatch[] {
	const sample = sampleBatches(now).batches.map((b) => ({ ...b, leads: b.leads.map((l) => (l.status === 'PENDING' ? { ...l, status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' } : l)) }));
	const old: EnrichmentBatch = {
		uuid: OLD_PENDING,
		created: formatWithOffset(now - 40 * 3_600_000, 120),
		leads: [
			{ uid: 'openSearchId000000000D_0001', status: 'PENDING', processing_result: null },
			{ uid: 'openSearchId000000000D_0002', status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' },
		],
	};
	return [...sample, old];
}

describe('Open Enrichment Batch… and the "Opened by uuid" group', function () {
	this.timeout(40_000);
	const session = useSession();
	afterEach(async () => {
		await setSetting('pollIntervalSeconds', undefined);
	});

	it('a batch outside the cutoff: one direct lookup, shown selected in "Opened by uuid" at the top, its pending lead counted', async () => {
		const { api, fake } = await session.start(batches());
		await showView();
		assert.equal((await api.snapshot({ leads: false })).badge, undefined, 'nothing pending in the list');
		fake.server.requests.length = 0;
		await api.openLink(`${LINK}?uuid=${OLD_PENDING}`);
		assert.deepEqual(
			fake.server.requests.map((r) => r.path),
			[`${ENRICHMENTS_PATH}/${OLD_PENDING}`],
		);
		const s = await waitForSnapshot((x) => x.opened !== undefined && x.selection.length > 0, 'the group and the selection');
		assert.equal(api.nodes()[0].kind, 'opened', 'the group comes first');
		assert.equal(s.opened?.label, 'Opened by uuid');
		assert.equal(s.opened?.description, '1 batch · 1 pending');
		assert.deepEqual(
			s.opened?.batches.map((b) => b.uuid),
			[OLD_PENDING],
		);
		assert.equal(s.opened?.batches[0].contextValue, 'woodpecker.batch.opened');
		assert.deepEqual(s.selection, [s.opened?.batches[0].id]);
		assert.ok(!s.batches.some((b) => b.uuid === OLD_PENDING), 'not in the list: the cutoff leaves it out');
		assert.equal(s.badge, 1);
		assert.equal(s.statusBar?.text, '$(sync~spin) 1 pending');
		assert.deepEqual(
			(await api.snapshot()).opened?.batches[0].leads.map((l) => l.description),
			['openSearchId000000000D_0001', 'openSearchId000000000D_0002'],
		);
	});

	it('a batch within the cutoff is selected in the list; no group', async () => {
		const { api } = await session.start(batches());
		await showView();
		const uuid = sampleBatches().uuids.done;
		await api.openLink(`${LINK}?uuid=${uuid}`);
		const s = await waitForSnapshot((x) => x.selection.length > 0, 'the selection');
		assert.equal(s.opened, undefined);
		assert.deepEqual(s.selection, [s.batches.find((b) => b.uuid === uuid)?.id]);
	});

	it('is kept across a reload, and each refresh fetches it again while pending; processed, only the list is asked', async () => {
		const { api, fake, listRequests } = await session.start(batches());
		await showView();
		await api.openLink(`${LINK}?uuid=${OLD_PENDING}`);
		await waitForSnapshot((x) => x.opened !== undefined, 'the group');
		await api.restart();
		await waitForSnapshot((x) => x.opened?.batches.length === 1 && x.state === 'loaded', 'the group after the reload');

		fake.server.requests.length = 0;
		fake.server.setBatches(batches().map((b) => (b.uuid === OLD_PENDING ? { ...b, leads: b.leads.map((l) => ({ ...l, status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' })) } : b)));
		await vscode.commands.executeCommand('woodpecker.refresh');
		assert.deepEqual(
			fake.server.requests.map((r) => r.path),
			[ENRICHMENTS_PATH, `${ENRICHMENTS_PATH}/${OLD_PENDING}`],
			'the list, then the opened batch, in one refresh',
		);
		const s = await api.snapshot();
		assert.equal(s.opened?.description, '1 batch');
		assert.equal(s.badge, undefined);
		assert.equal(s.opened?.batches[0].description, '2 leads · 2 converted');
		fake.server.requests.length = 0;
		await vscode.commands.executeCommand('woodpecker.refresh');
		assert.equal(fake.server.requests.length, 1);
		assert.equal(listRequests().length, 1, 'only the list');
	});

	it('polling watches an opened batch that is the only one pending', async () => {
		const { api } = await session.start(batches(), { settings: { pollIntervalSeconds: 15 } });
		await showView();
		assert.equal(api.polling().next, undefined, 'nothing pending: no poll');
		await api.openLink(`${LINK}?uuid=${OLD_PENDING}`);
		await waitForSnapshot((x) => x.opened !== undefined, 'the group');
		const next = api.polling().next;
		assert.equal(next?.kind, 'poll');
	});

	it('Remove from Opened and Clear Opened Batches forget it, also for the next session; Raw JSON shows an opened batch', async () => {
		const { api } = await session.start(batches());
		await showView();
		await api.openLink(`${LINK}?uuid=${OLD_PENDING}`);
		await waitForSnapshot((x) => x.opened !== undefined, 'the group');
		const group = api.nodes().find((n) => n.kind === 'opened')!;
		const row = api.nodes(group)[0] as EnrichmentNode;
		await vscode.commands.executeCommand('woodpecker.showRawJson', row);
		const shown = await api.snapshot({ leads: false });
		assert.equal(shown.rawJsonPanel.shows, `Batch ${OLD_PENDING}`);
		assert.deepEqual((api.rawJsonValue() as EnrichmentBatch).uuid, OLD_PENDING);

		await vscode.commands.executeCommand('woodpecker.removeOpenedBatch', row);
		await waitForSnapshot((x) => x.opened === undefined, 'the group gone');
		assert.deepEqual(api.globalState()['woodpecker.openedBatches'], {});

		await api.openLink(`${LINK}?uuid=${OLD_PENDING}`);
		await waitForSnapshot((x) => x.opened !== undefined, 'the group again');
		await vscode.commands.executeCommand('woodpecker.clearOpenedBatches');
		await waitForSnapshot((x) => x.opened === undefined, 'cleared');
		await api.restart();
		const after = await waitForSnapshot((x) => x.state === 'loaded', 'after the reload');
		assert.equal(after.opened, undefined);
	});
});
