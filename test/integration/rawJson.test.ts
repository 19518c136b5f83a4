import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EnrichmentBatch } from '../../src/api/types';
import { formatWithOffset } from '../fake/data';
import { setSetting, testApi, waitForSnapshot } from './helpers';
import { batchNodes, leadNodes, sampleBatches, useSession, waitFor } from './support';

async function closeAllEditors(): Promise<void> {
	const api = await testApi();
	await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	await waitFor(async () => ((await api.snapshot({ leads: false })).rawJsonPanel.open ? undefined : true), 'the Raw JSON panel to close');
}

async function panel() {
	return (await (await testApi()).snapshot({ leads: false })).rawJsonPanel;
}

describe('Show Raw JSON', () => {
	beforeEach(closeAllEditors);
	const session = useSession();

	it('shows the whole response, a batch and a lead in one panel, reused, titled after what it shows', async () => {
		const { api } = await session.start(sampleBatches().batches);
		const { uuids } = sampleBatches();
		const createdBefore = (await panel()).created;

		await vscode.commands.executeCommand('woodpecker.showRawJson');
		assert.deepEqual(await panel(), { open: true, title: 'Raw JSON: Last response', created: createdBefore + 1, shows: 'Last response', note: undefined });

		const batch = batchNodes(api)[0];
		await vscode.commands.executeCommand('woodpecker.showRawJson', batch);
		assert.equal((await panel()).title, `Raw JSON: Batch ${uuids.mixed}`);

		const lead = leadNodes(api, batch)[1];
		await vscode.commands.executeCommand('woodpecker.showRawJson', lead);
		assert.deepEqual(await panel(), { open: true, title: 'Raw JSON: Lead mixSearchId0000000000B_0008', created: createdBefore + 1, shows: 'Lead mixSearchId0000000000B_0008', note: undefined });
	});

	it('opens a new panel after the user closed the last one', async () => {
		await session.start(sampleBatches().batches);
		await vscode.commands.executeCommand('woodpecker.showRawJson');
		const created = (await panel()).created;
		await closeAllEditors();
		await vscode.commands.executeCommand('woodpecker.showRawJson');
		assert.deepEqual(await panel(), { open: true, title: 'Raw JSON: Last response', created: created + 1, shows: 'Last response', note: undefined });
	});

	it('never outlives the key: cleared, saying why, when the key is cleared or changed', async () => {
		const { api } = await session.start(sampleBatches().batches);
		await vscode.commands.executeCommand('woodpecker.showRawJson', batchNodes(api)[0]);
		assert.equal((await panel()).shows, `Batch ${sampleBatches().uuids.mixed}`);
		await api.storeApiKey(undefined);
		await waitForSnapshot((s) => s.state === 'no-key', 'the key to be cleared');
		const cleared = await waitFor(async () => ((await panel()).shows === undefined ? panel() : undefined), 'the panel to be cleared');
		assert.deepEqual(cleared, {
			open: true,
			title: 'Raw JSON',
			created: cleared.created,
			shows: undefined,
			note: 'Cleared because the API key changed: this panel showed what Woodpecker answered before.',
		});
		// Copy All has nothing left to copy.
		await vscode.env.clipboard.writeText('before');
		assert.equal(await api.rawJsonCopyAll(), false);
		assert.equal(await vscode.env.clipboard.readText(), 'before');
	});

	it('is cleared when woodpecker.apiBaseUrl points elsewhere', async () => {
		const { api, fake } = await session.start(sampleBatches().batches);
		await vscode.commands.executeCommand('woodpecker.showRawJson');
		await setSetting('apiBaseUrl', `${fake.url}/elsewhere`);
		await waitFor(async () => ((await panel()).shows === undefined ? true : undefined), 'the panel to be cleared');
		assert.equal((await panel()).note, 'Cleared because woodpecker.apiBaseUrl changed: this panel showed what Woodpecker answered before.');
		await api.whenIdle();
	});

	it("says how many of the answer's batches the view shows; the response itself stays as received", async () => {
		// Two of the five sample batches are older than 24 hours: the server sends them, the view leaves them out.
		const { batches } = sampleBatches();
		batches.push({ uuid: '0a000000-0000-4000-8000-000000000006', created: formatWithOffset(Date.now() - 40 * 3_600_000, 120), leads: [] });
		await session.start(batches);
		await vscode.commands.executeCommand('woodpecker.showRawJson');
		const api = await testApi();
		assert.equal((await api.snapshot({ leads: false })).batches.length, 4);
		assert.match(api.rawJsonSubtitle() ?? '', /^6 batches, 4 shown · last 24 hours · received \S/);
		assert.equal((api.rawJsonValue() as { lead_enrichments: unknown[] }).lead_enrichments.length, 6, 'the whole answer, as received');
	});

	it('writes "1 batch", not "1 batches"', async () => {
		await session.start([sampleBatches().batches[1]]);
		await vscode.commands.executeCommand('woodpecker.showRawJson');
		assert.match((await testApi()).rawJsonSubtitle() ?? '', /^1 batch · last 24 hours/);
	});

	it("shows a duplicated uuid's own object for each of its rows", async () => {
		const at = (m: number) => formatWithOffset(Date.now() - m * 60_000, 120);
		const dup: EnrichmentBatch[] = [
			{ uuid: 'X', created: at(10), leads: [{ uid: 'first', status: 'PENDING', processing_result: null }] },
			{ uuid: 'X', created: at(20), leads: [{ uid: 'second', status: 'PENDING', processing_result: null }] },
			{ uuid: 'X#2', created: at(30), leads: [{ uid: 'third', status: 'PENDING', processing_result: null }] },
		];
		const { api } = await session.start(dup);
		const rows = batchNodes(api);
		assert.deepEqual(
			rows.map((r) => r.id),
			['b1:X', 'b1:X#2', 'b3:X#2'],
			'three rows, three ids',
		);
		for (const [i, uid] of ['first', 'second', 'third'].entries()) {
			await vscode.commands.executeCommand('woodpecker.showRawJson', rows[i]);
			assert.deepEqual(
				(api.rawJsonValue() as EnrichmentBatch).leads.map((l) => l.uid),
				[uid],
			);
		}
	});
});
