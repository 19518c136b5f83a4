import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_AGENCY_KEY } from '../fake/data';
import { setSetting, waitForSnapshot } from './helpers';
import { sampleBatches, useSession, waitFor } from './support';

/** Pending leads of the batches the view shows (all but the 30-hour-old one), counted from the data served. */
function pendingShown(): number {
	const sample = sampleBatches();
	return sample.batches
		.filter((b) => b.uuid !== sample.uuids.old)
		.flatMap((b) => b.leads)
		.filter((l) => l.status === 'PENDING' && l.processing_result === null).length;
}

describe('Pending leads in the status bar', () => {
	const session = useSession();

	it('shows "N pending" while leads are pending, hides when none are, and the setting turns it off', async () => {
		const { api, fake } = await session.start(sampleBatches().batches);
		// The sample has one pending lead, in a batch on screen.
		assert.equal(pendingShown(), 1);
		assert.deepEqual((await api.snapshot({ leads: false })).statusBar, {
			text: '$(sync~spin) 1 pending',
			tooltip: '1 Woodpecker lead is still being enriched. Click to show them.',
		});

		await setSetting('showPendingInStatusBar', false);
		await waitFor(async () => ((await api.snapshot({ leads: false })).statusBar === undefined ? true : undefined), 'the item hidden by the setting');
		await setSetting('showPendingInStatusBar', undefined);
		await waitFor(async () => ((await api.snapshot({ leads: false })).statusBar ? true : undefined), 'the item back');

		// Everything processed: the item goes.
		fake.server.setBatches(sampleBatches().batches.map((b) => ({ ...b, leads: b.leads.filter((l) => l.status !== 'PENDING') })));
		await vscode.commands.executeCommand('woodpecker.refresh');
		assert.equal((await api.snapshot({ leads: false })).statusBar, undefined);
	});

	it('counts the pending leads of every account, and says how many accounts they are in', async () => {
		const { api } = await session.start(sampleBatches().batches);
		await api.addAccount('Agency HQ', DEMO_AGENCY_KEY);
		const s = await waitForSnapshot((x) => x.accounts.length === 2 && x.accounts.every((a) => a.batches.length > 0) && !x.refreshing, 'two accounts loaded');
		const leads = (await api.snapshot()).accounts.flatMap((a) => a.batches.flatMap((b) => b.leads));
		const pending = leads.filter((l) => l.icon === 'clock').length;
		const accountsWithPending = (await api.snapshot()).accounts.filter((a) => a.batches.some((b) => b.leads.some((l) => l.icon === 'clock'))).length;
		assert.equal(s.statusBar?.text, `$(sync~spin) ${pending} pending`);
		assert.match(s.statusBar?.tooltip ?? '', new RegExp(`still being enriched in ${accountsWithPending} account`));
	});
});
