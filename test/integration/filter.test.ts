// Filter… and Group by Day in the real extension host: what the view shows and says, what the
// commands that take leads out (Export, Find Lead, Copy All Lead UIDs) take, after a restart too,
// with one account and with several.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EnrichmentBatch, Lead } from '../../src/api/types';
import type { ItemSnapshot, TreeSnapshot } from '../../src/testApi';
import { DEMO_AGENCY_KEY, formatWithOffset } from '../fake/data';
import { waitForSnapshot } from './helpers';
import { batchNodes, sampleBatches, showView, sleep, useSession } from './support';

const converted = (uid: string): Lead => ({ uid, status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' });
const pending = (uid: string): Lead => ({ uid, status: 'PENDING', processing_result: null });

function tempFile(name: string): vscode.Uri {
	return vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'woodpecker-filter-')), name));
}

function allIds(s: TreeSnapshot): string[] {
	const ids: string[] = [];
	const item = (i: ItemSnapshot) => ids.push(i.id);
	const batches = (bs: TreeSnapshot['batches']) => bs.forEach((b) => (item(b), b.leads.forEach(item)));
	const days = (ds: TreeSnapshot['days']) => ds.forEach((d) => (item(d), batches(d.batches)));
	s.actions.forEach(item);
	batches(s.batches);
	days(s.days);
	for (const a of s.accounts) {
		item(a);
		a.actions.forEach(item);
		batches(a.batches);
		days(a.days);
	}
	return ids;
}

describe('Filter', () => {
	const session = useSession();

	it('shows only batches with a matching lead, "1 of 3 leads", the filter named after the cutoff, the badge still counting pending leads; it survives a restart', async () => {
		const sample = sampleBatches();
		const { api } = await session.start(sample.batches);
		await vscode.commands.executeCommand('woodpecker.filter', { filter: 'converted' });
		const s = await api.snapshot();
		assert.deepEqual(s.filter, { id: 'converted', label: 'Converted' });
		assert.equal(s.description, 'last 24 hours · Converted');
		assert.deepEqual(
			s.batches.map((b) => [b.uuid, b.description, b.leads.map((l) => l.description)]),
			[
				[sample.uuids.mixed, '1 of 3 leads', ['mixSearchId0000000000B_0008']],
				[sample.uuids.done, '1 of 2 leads', ['donSearchId0000000000D_0003']],
			],
		);
		assert.deepEqual(
			s.batches.map((b) => [b.shownLeads, b.totalLeads]),
			[
				[1, 3],
				[1, 2],
			],
		);
		assert.deepEqual(s.counts, { batches: 4, shownBatches: 2, leads: 7, shownLeads: 2 });
		assert.equal(s.badge, 1, 'the badge counts the pending lead the filter hides');
		assert.equal(s.statusBar?.text, '$(sync~spin) 1 pending');
		assert.equal(s.message, undefined);
		assert.match(s.batches[0].tooltip, /Shown: 1 of 3 leads \(filter "Converted"\)/);
		assert.equal(s.batches[0].icon, 'sync', "the icon still says the batch's worst state");

		await api.restart();
		const after = await waitForSnapshot((x) => x.batches.length > 0, 'the batches after the restart');
		assert.equal(after.filter.id, 'converted', 'the filter is kept in global state');
		assert.equal(after.description, 'last 24 hours · Converted · cached');
		assert.deepEqual(
			after.batches.map((b) => b.uuid),
			[sample.uuids.mixed, sample.uuids.done],
		);
		assert.equal(api.globalState()['woodpecker.filter'], 'converted');

		await vscode.commands.executeCommand('woodpecker.clearFilter');
		const cleared = await api.snapshot({ leads: false });
		assert.equal(cleared.description, 'last 24 hours · cached');
		assert.deepEqual(
			cleared.batches.map((b) => b.description),
			['3 leads · 1 pending · 1 converted · 1 not converted', '0 leads', '2 leads · 1 converted · 1 not converted', '2 leads · 2 other'],
		);
	});

	it('says so when it hides every batch, with a Clear Filter row that brings them back', async () => {
		const now = Date.now();
		const batches: EnrichmentBatch[] = [
			{ uuid: '0b000000-0000-4000-8000-000000000001', created: formatWithOffset(now - 5 * 60_000, 120), leads: [converted('c_0001'), converted('c_0002')] },
			{ uuid: '0b000000-0000-4000-8000-000000000002', created: formatWithOffset(now - 50 * 60_000, 120), leads: [converted('c_0003')] },
		];
		const { api } = await session.start(batches);
		await vscode.commands.executeCommand('woodpecker.filter', { filter: 'pending' });
		const s = await api.snapshot();
		assert.equal(s.message, 'No leads match the filter "Pending" in the 2 batches within the cutoff.');
		assert.deepEqual(
			s.actions.map((a) => a.label),
			['Clear Filter'],
		);
		assert.deepEqual(s.batches, []);
		assert.equal(s.state, 'loaded');
		assert.equal(s.badge, undefined);
		const row = s.actions[0];
		assert.equal(row.command?.command, 'woodpecker.clearFilter');
		await vscode.commands.executeCommand(row.command!.command, ...row.command!.arguments);
		const back = await api.snapshot({ leads: false });
		assert.equal(back.message, undefined);
		assert.deepEqual(back.actions, []);
		assert.equal(back.batches.length, 2);
	});

	it('refuses a filter it does not know, changing nothing', async () => {
		const { api } = await session.start(sampleBatches().batches);
		await vscode.commands.executeCommand('woodpecker.filter', { filter: 'converted' });
		await vscode.commands.executeCommand('woodpecker.filter', { filter: 'Everything' });
		assert.equal((await api.snapshot({ leads: false })).filter.id, 'converted');
	});

	it('Export… writes only the matching leads of the matching batches, as CSV and as JSON', async () => {
		const sample = sampleBatches();
		await session.start(sample.batches);
		await vscode.commands.executeCommand('woodpecker.filter', { filter: 'not-converted' });
		const csv = tempFile('out.csv');
		await vscode.commands.executeCommand('woodpecker.export', { format: 'csv', uri: csv });
		const mixed = sample.batches.find((b) => b.uuid === sample.uuids.mixed)!;
		const done = sample.batches.find((b) => b.uuid === sample.uuids.done)!;
		assert.deepEqual(fs.readFileSync(csv.fsPath, 'utf8').split('\r\n'), [
			'batch_uuid,batch_created,lead_uid,status,processing_result',
			`${sample.uuids.mixed},${mixed.created},mixSearchId0000000000B_0009,PROCESSED,NOT_CONVERTED_TO_PROSPECT`,
			`${sample.uuids.done},${done.created},donSearchId0000000000D_0004,PROCESSED,NOT_CONVERTED_TO_PROSPECT`,
			'',
		]);
		const json = tempFile('out.json');
		await vscode.commands.executeCommand('woodpecker.export', { format: 'json', uri: json });
		assert.deepEqual(JSON.parse(fs.readFileSync(json.fsPath, 'utf8')), {
			lead_enrichments: [
				{ uuid: sample.uuids.mixed, created: mixed.created, leads: [{ uid: 'mixSearchId0000000000B_0009', status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' }] },
				{ uuid: sample.uuids.done, created: done.created, leads: [{ uid: 'donSearchId0000000000D_0004', status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' }] },
			],
		});
	});

	it('Copy All Lead UIDs on a batch copies the leads it shows; Find Lead… finds only shown leads, and offers to clear the filter for a hidden one', async () => {
		const sample = sampleBatches();
		const { api } = await session.start(sample.batches);
		await showView();
		await vscode.commands.executeCommand('woodpecker.filter', { filter: 'other' });
		const [odd] = batchNodes(api);
		assert.equal(odd.row.batch.uuid, sample.uuids.odd);
		await vscode.commands.executeCommand('woodpecker.copyAllLeadUids', odd);
		assert.equal(await vscode.env.clipboard.readText(), 'oddSearchId0000000000A_0001\noddSearchId0000000000A_0002');
		await vscode.commands.executeCommand('woodpecker.filter', { filter: 'converted' });
		const [mixed] = batchNodes(api);
		await vscode.commands.executeCommand('woodpecker.copyAllLeadUids', mixed);
		assert.equal(await vscode.env.clipboard.readText(), 'mixSearchId0000000000B_0008');

		await vscode.commands.executeCommand('woodpecker.findLead', { uid: 'donSearchId0000000000D_0003' });
		const found = await api.snapshot();
		const done = found.batches.find((b) => b.uuid === sample.uuids.done)!;
		assert.deepEqual(found.selection, [done.leads[0].id]);
		// A lead the filter hides is not selected; the command offers Clear Filter (its notification is left unanswered).
		void vscode.commands.executeCommand('woodpecker.findLead', { uid: 'mixSearchId0000000000B_0007' });
		await sleep(300);
		assert.deepEqual((await api.snapshot({ leads: false })).selection, [done.leads[0].id], 'the hidden lead was not selected');
	});

	it('with several accounts applies under every account row, "2 of 4 batches" on each', async () => {
		const sample = sampleBatches();
		const { api } = await session.start(sample.batches);
		await showView();
		await api.addAccount('Agency HQ', DEMO_AGENCY_KEY);
		await waitForSnapshot((x) => x.accounts.length === 2 && x.accounts.every((a) => a.batches.length > 0) && !x.refreshing, 'two accounts loaded');
		await vscode.commands.executeCommand('woodpecker.filter', { filter: 'converted' });
		const s = await api.snapshot();
		const def = s.accounts.find((a) => a.label === 'Default')!;
		assert.equal(def.description, '2 of 4 batches · 1 pending');
		assert.deepEqual(
			def.batches.map((b) => b.description),
			['1 of 3 leads', '1 of 2 leads'],
		);
		const hq = s.accounts.find((a) => a.label === 'Agency HQ')!;
		assert.ok(hq.batches.length > 0, 'the agency has converted leads');
		for (const b of hq.batches) {
			assert.ok(b.leads.length > 0 && b.leads.every((l) => l.label === 'Converted'), `only converted leads under ${b.label}`);
			assert.match(b.description, /^\d+ of \d+ leads?$/);
		}
		assert.equal(s.description, 'last 24 hours · Converted');
		assert.equal(s.message, undefined);
	});
});

describe('Group by Day', () => {
	const session = useSession();
	let batches: EnrichmentBatch[] = [];
	// Made before each test, away from midnight (waiting it out if need be, hence the long timeout).
	beforeEach(async function () {
		this.timeout(5 * 60_000);
		batches = await dayBatches();
	});

	/** Local times of today and yesterday (the suite runs in Los Angeles time), away from midnight: within two minutes of it, waits. */
	async function todayAndYesterday(): Promise<{ today: (h: number, m: number) => number; yesterday: (h: number, m: number) => number }> {
		const now = new Date();
		const sinceMidnight = now.getTime() - new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
		const toMidnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - now.getTime();
		if (sinceMidnight < 2 * 60_000) await sleep(2 * 60_000 - sinceMidnight + 1000);
		else if (toMidnight < 2 * 60_000) await sleep(toMidnight + 2 * 60_000 + 1000);
		const d = new Date();
		return {
			today: (h, m) => new Date(d.getFullYear(), d.getMonth(), d.getDate(), h, m).getTime(),
			yesterday: (h, m) => new Date(d.getFullYear(), d.getMonth(), d.getDate() - 1, h, m).getTime(),
		};
	}

	/** Two batches today (00:00 and one minute ago), two yesterday (23:59 and 23:58: within 24 hours), one with no date. */
	async function dayBatches(): Promise<EnrichmentBatch[]> {
		const { today, yesterday } = await todayAndYesterday();
		const at = (t: number) => formatWithOffset(t, 120);
		return [
			{ uuid: '0c000000-0000-4000-8000-000000000001', created: at(Math.min(Date.now() - 60_000, today(23, 59))), leads: [pending('t_0001'), converted('t_0002')] },
			{ uuid: '0c000000-0000-4000-8000-000000000002', created: at(today(0, 0)), leads: [pending('t_0003')] },
			{ uuid: '0c000000-0000-4000-8000-000000000003', created: at(yesterday(23, 59)), leads: [converted('y_0001')] },
			{ uuid: '0c000000-0000-4000-8000-000000000004', created: at(yesterday(23, 58)), leads: [converted('y_0002'), pending('y_0003')] },
			{ uuid: '0c000000-0000-4000-8000-000000000005', created: 'soon', leads: [converted('u_0001')] },
		];
	}

	it('groups batches under Today, Yesterday and Unknown date, with their counts; ids stay unique; it survives a restart', async () => {
		const { api } = await session.start(batches);
		await vscode.commands.executeCommand('woodpecker.groupByDay');
		const s = await api.snapshot();
		assert.equal(s.groupByDay, true);
		assert.deepEqual(s.batches, [], 'the batches are under their days');
		assert.deepEqual(
			s.days.map((d) => [d.label, d.description, d.key === 'unknown', d.batches.map((b) => b.uuid.slice(-1))]),
			[
				['Today', '2 batches · 2 pending', false, ['1', '2']],
				['Yesterday', '2 batches · 1 pending', false, ['3', '4']],
				['Unknown date', '1 batch', true, ['5']],
			],
		);
		assert.deepEqual(
			s.days.map((d) => d.icon),
			['calendar', 'calendar', 'calendar'],
		);
		assert.match(s.days[0].tooltip, /^\*\*\w+day, \w+ \d+, \d{4}\*\*\n\n2 batches · 3 leads · 2 pending$/);
		const ids = allIds(s);
		assert.equal(new Set(ids).size, ids.length, 'every id is unique');

		await vscode.commands.executeCommand('woodpecker.filter', { filter: 'converted' });
		const filtered = await api.snapshot();
		assert.deepEqual(
			filtered.days.map((d) => [d.label, d.description]),
			[
				['Today', '1 batch · 1 of 2 leads'],
				['Yesterday', '2 batches · 2 of 3 leads'],
				['Unknown date', '1 batch · 1 of 1 lead'],
			],
		);
		assert.equal(filtered.days[0].id, s.days[0].id, 'a day row keeps its id whatever the filter');

		await api.restart();
		const after = await waitForSnapshot((x) => x.days.length > 0, 'the day rows after the restart');
		assert.equal(after.groupByDay, true);
		assert.deepEqual(
			after.days.map((d) => d.label),
			['Today', 'Yesterday', 'Unknown date'],
		);

		await vscode.commands.executeCommand('woodpecker.ungroupByDay');
		const flat = await api.snapshot({ leads: false });
		assert.deepEqual(flat.days, []);
		assert.equal(flat.batches.length, 4, 'the converted batches, ungrouped');
	});

	it('Find Lead… reveals a lead under its (closed) day row, and the view reveals a looked-up batch there', async () => {
		const { api } = await session.start(batches);
		await showView();
		await vscode.commands.executeCommand('woodpecker.groupByDay');
		await vscode.commands.executeCommand('woodpecker.findLead', { uid: 'y_0003' });
		const s = await api.snapshot();
		const yesterday = s.days.find((d) => d.label === 'Yesterday')!;
		const lead = yesterday.batches.find((b) => b.uuid.endsWith('4'))!.leads.find((l) => l.description === 'y_0003')!;
		assert.deepEqual(s.selection, [lead.id]);
		const node = api.nodes().find((n) => n.kind === 'day' && n.key === yesterday.key)!;
		const batch = api.nodes(node).find((n) => n.kind === 'batch' && n.row.batch.uuid.endsWith('4'))!;
		const leadNode = api.nodes(batch).find((n) => n.kind === 'lead' && n.uid === 'y_0003')!;
		// getParent walks lead → batch → day → (root), as reveal does.
		assert.deepEqual(api.parents(leadNode), [batch, node]);

		await api.openLink('vscode://woodpecker-community.woodpecker-enrichments/batch?uuid=0c000000-0000-4000-8000-000000000005');
		const looked = await waitForSnapshot((x) => x.selection.length === 1 && x.selection[0] !== lead.id, 'the looked-up batch selected');
		const unknown = looked.days.find((d) => d.key === 'unknown')!;
		assert.deepEqual(looked.selection, [unknown.batches[0].id]);
	});

	it("with several accounts groups each account's batches under its own day rows, and Find Lead… reaches a lead there", async () => {
		const { api } = await session.start(batches);
		await showView();
		await api.addAccount('Agency HQ', DEMO_AGENCY_KEY);
		await waitForSnapshot((x) => x.accounts.length === 2 && x.accounts.every((a) => a.batches.length > 0) && !x.refreshing, 'two accounts loaded');
		await vscode.commands.executeCommand('woodpecker.groupByDay');
		const s = await api.snapshot();
		const def = s.accounts.find((a) => a.label === 'Default')!;
		assert.deepEqual(
			def.days.map((d) => [d.label, d.batches.length]),
			[
				['Today', 2],
				['Yesterday', 2],
				['Unknown date', 1],
			],
		);
		assert.deepEqual(def.batches, []);
		const hq = s.accounts.find((a) => a.label === 'Agency HQ')!;
		assert.ok(hq.days.length > 0 && hq.days[0].id.startsWith(`${hq.sourceId}|day/`), 'the agency has its own, scoped, day rows');
		const ids = allIds(s);
		assert.equal(new Set(ids).size, ids.length, 'every id is unique across accounts');
		await vscode.commands.executeCommand('woodpecker.findLead', { uid: 'y_0002' });
		const found = await api.snapshot();
		const yesterday = found.accounts.find((a) => a.label === 'Default')!.days[1];
		assert.equal(yesterday.label, 'Yesterday');
		const lead = yesterday.batches[1].leads.find((l) => l.description === 'y_0002')!;
		assert.deepEqual(found.selection, [lead.id]);
	});
});
