import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { testApi } from './helpers';
import { type Session, batchNodes, leadNodes, sampleBatches, startSession, waitFor } from './support';

async function closeAllEditors(): Promise<void> {
	const api = await testApi();
	await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	await waitFor(async () => ((await api.snapshot({ leads: false })).rawJsonPanel.open ? undefined : true), 'the Raw JSON panel to close');
}

describe('Show Raw JSON', () => {
	let session: Session | undefined;
	beforeEach(async () => {
		await closeAllEditors();
		session = await startSession(sampleBatches().batches);
	});
	afterEach(async () => {
		await closeAllEditors();
		await session?.dispose();
		session = undefined;
	});

	it('shows the whole response, a batch and a lead in one panel, reused, titled after what it shows', async () => {
		const { api } = session!;
		const { uuids } = sampleBatches();
		const createdBefore = (await api.snapshot({ leads: false })).rawJsonPanel.created;
		const panel = async () => (await api.snapshot({ leads: false })).rawJsonPanel;

		await vscode.commands.executeCommand('woodpecker.showRawJson');
		assert.deepEqual(await panel(), { open: true, title: 'Raw JSON: Last response', created: createdBefore + 1 });

		const batch = batchNodes(api)[0];
		await vscode.commands.executeCommand('woodpecker.showRawJson', batch);
		assert.deepEqual(await panel(), { open: true, title: `Raw JSON: Batch ${uuids.mixed}`, created: createdBefore + 1 });

		const lead = leadNodes(api, batch)[1];
		await vscode.commands.executeCommand('woodpecker.showRawJson', lead);
		assert.deepEqual(await panel(), { open: true, title: 'Raw JSON: Lead mixSearchId0000000000B_0008', created: createdBefore + 1 });
	});

	it('opens a new panel after the user closed the last one', async () => {
		const { api } = session!;
		await vscode.commands.executeCommand('woodpecker.showRawJson');
		const created = (await api.snapshot({ leads: false })).rawJsonPanel.created;
		await closeAllEditors();
		await vscode.commands.executeCommand('woodpecker.showRawJson');
		assert.deepEqual((await api.snapshot({ leads: false })).rawJsonPanel, { open: true, title: 'Raw JSON: Last response', created: created + 1 });
	});
});
