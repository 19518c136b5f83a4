import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_AGENCY_KEY } from '../fake/data';
import { waitForSnapshot } from './helpers';
import { sampleBatches, showView, useSession } from './support';

describe('Find Lead…', () => {
	const session = useSession();

	it('reveals and selects the lead, opening its batch', async () => {
		const sample = sampleBatches();
		const { api } = await session.start(sample.batches);
		await showView();
		const mixed = sample.batches.find((b) => b.uuid === sample.uuids.mixed)!;
		const uid = mixed.leads[2].uid;
		await vscode.commands.executeCommand('woodpecker.findLead', { uid });
		const s = await api.snapshot();
		const batch = s.batches.find((b) => b.uuid === sample.uuids.mixed)!;
		const lead = batch.leads.find((l) => l.description === uid)!;
		assert.deepEqual(s.selection, [lead.id]);
	});

	it('with several accounts, reaches a lead under its account row', async () => {
		const { api } = await session.start(sampleBatches().batches);
		await showView();
		await api.addAccount('Agency HQ', DEMO_AGENCY_KEY);
		const two = await waitForSnapshot((x) => x.accounts.length === 2 && x.accounts.every((a) => a.batches.length > 0) && !x.refreshing, 'two accounts loaded');
		const hq = two.accounts.find((a) => a.label === 'Agency HQ')!;
		const target = (await api.snapshot()).accounts.find((a) => a.label === 'Agency HQ')!.batches[0].leads[0];
		await vscode.commands.executeCommand('woodpecker.findLead', { uid: target.description });
		// The view reports a selection made by reveal a moment later.
		await waitForSnapshot((x) => x.selection.length > 0, 'a selection');
		const s = await api.snapshot({ leads: false });
		assert.deepEqual(s.selection, [target.id]);
		assert.ok(target.id.startsWith(`${hq.sourceId}|`), 'the lead of that account, not a namesake elsewhere');
	});
});
