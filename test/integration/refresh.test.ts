import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ENRICHMENTS_PATH } from '../fake/server';
import { assertCreatedAfterCovers, sampleBatches, useSession } from './support';

// The label a batch row gets: its creation time in the UI language, as the provider formats it.
function createdLabel(created: string): string {
	return new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(created));
}

describe('Refresh', () => {
	const session = useSession();

	it('sends one GET of the enrichments list with the stored key in x-api-key, reaching back far enough for the last 24 hours', async () => {
		const { fake } = await session.start(sampleBatches().batches, { apiKey: 'refresh-test-key' });
		await vscode.commands.executeCommand('woodpecker.refresh');
		const requests = fake.server.requests;
		assert.equal(requests.length, 1);
		assert.equal(requests[0].method, 'GET');
		assert.equal(requests[0].path, ENRICHMENTS_PATH);
		assert.equal(requests[0].apiKey, 'refresh-test-key');
		assert.deepEqual(Object.keys(requests[0].query), ['created_after']);
		assertCreatedAfterCovers(requests[0].query.created_after, 24);
	});

	it('fills the tree newest first with the counts, icons and colors of each batch and lead', async () => {
		const { batches, uuids } = sampleBatches();
		const { api, fake } = await session.start([]);
		assert.equal((await api.snapshot()).state, 'empty', 'an empty answer should leave the view empty');
		fake.server.setBatches(batches);
		await vscode.commands.executeCommand('woodpecker.refresh');
		const s = await api.snapshot();
		const created = (uuid: string) => batches.find((b) => b.uuid === uuid)!.created;

		assert.equal(s.state, 'loaded');
		assert.equal(s.description, 'last 24 hours');
		assert.equal(s.message, undefined);
		assert.deepEqual(s.actions, []);
		assert.equal(s.badge, 1, 'the badge counts pending leads');
		// The 30-hour-old batch is outside the last 24 hours (the server sent it: the view leaves it out); the rest newest first.
		assert.deepEqual(
			s.batches.map((b) => b.uuid),
			[uuids.mixed, uuids.empty, uuids.done, uuids.odd],
		);
		assert.deepEqual(
			s.batches.map(({ id, label, description, icon, color, contextValue, collapsible }) => ({ id, label, description, icon, color, contextValue, collapsible })),
			[
				{
					id: `b36:${uuids.mixed}`,
					label: createdLabel(created(uuids.mixed)),
					description: '3 leads · 1 pending · 1 converted · 1 not converted',
					icon: 'sync',
					color: 'charts.yellow',
					contextValue: 'woodpecker.batch',
					collapsible: true,
				},
				{ id: `b36:${uuids.empty}`, label: createdLabel(created(uuids.empty)), description: '0 leads', icon: 'circle-outline', color: 'disabledForeground', contextValue: 'woodpecker.batch', collapsible: false },
				{ id: `b36:${uuids.done}`, label: createdLabel(created(uuids.done)), description: '2 leads · 1 converted · 1 not converted', icon: 'check-all', color: 'charts.green', contextValue: 'woodpecker.batch', collapsible: true },
				{ id: `b36:${uuids.odd}`, label: createdLabel(created(uuids.odd)), description: '2 leads · 2 other', icon: 'warning', color: 'charts.purple', contextValue: 'woodpecker.batch', collapsible: true },
			],
		);
		const mixed = s.batches[0];
		assert.match(mixed.tooltip, new RegExp(`UUID: \`${uuids.mixed}\``));
		assert.match(mixed.tooltip, new RegExp(`Created: \`${created(uuids.mixed).replace(/\+/g, '\\+')}\``));
		assert.deepEqual(
			mixed.leads.map(({ id, label, description, icon, color, contextValue, accessibilityLabel }) => ({ id, label, description, icon, color, contextValue, accessibilityLabel })),
			[
				{
					id: `b36:${uuids.mixed}/27:mixSearchId0000000000B_0007`,
					label: 'Pending',
					description: 'mixSearchId0000000000B_0007',
					icon: 'clock',
					color: 'charts.yellow',
					contextValue: 'woodpecker.lead',
					accessibilityLabel: 'Lead mixSearchId0000000000B_0007: pending',
				},
				{
					id: `b36:${uuids.mixed}/27:mixSearchId0000000000B_0008`,
					label: 'Converted',
					description: 'mixSearchId0000000000B_0008',
					icon: 'pass-filled',
					color: 'charts.green',
					contextValue: 'woodpecker.lead',
					accessibilityLabel: 'Lead mixSearchId0000000000B_0008: converted to prospect',
				},
				{
					id: `b36:${uuids.mixed}/27:mixSearchId0000000000B_0009`,
					label: 'Not converted',
					description: 'mixSearchId0000000000B_0009',
					icon: 'circle-slash',
					color: 'charts.red',
					contextValue: 'woodpecker.lead',
					accessibilityLabel: 'Lead mixSearchId0000000000B_0009: not converted to prospect',
				},
			],
		);
		// Values the docs do not list are shown as they came, with a question mark.
		assert.deepEqual(
			s.batches[3].leads.map(({ label, icon, color }) => ({ label, icon, color })),
			[
				{ label: 'FAILED', icon: 'question', color: 'charts.purple' },
				{ label: 'PROCESSED · DUPLICATE', icon: 'question', color: 'charts.purple' },
			],
		);
		assert.deepEqual(s.batches[1].leads, [], 'a batch without leads has no children');
	});

	it('does not send a second request when Refresh is run again while one is under way', async () => {
		const { api, fake } = await session.start(sampleBatches().batches);
		fake.server.latencyMs = 800;
		const first = vscode.commands.executeCommand('woodpecker.refresh');
		const second = vscode.commands.executeCommand('woodpecker.refresh');
		assert.equal((await api.snapshot({ leads: false })).refreshing, true, 'the first refresh should still be running');
		await Promise.all([first, second]);
		assert.equal(fake.server.requests.length, 1);
		assert.equal(fake.server.maxInFlight, 1);
		const s = await api.snapshot({ leads: false });
		assert.equal(s.refreshing, false);
		assert.equal(s.batches.length, 4);
	});
});
