// The "batch processed" notification in the real extension host: a batch pending on the fake API
// becomes processed, a refresh (any refresh) ends, and exactly one notification says so.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { EnrichmentBatch, Lead } from '../../src/api/types';
import { DEMO_AGENCY_KEY, demoAgency, formatWithOffset } from '../fake/data';
import { testApi, waitForSnapshot } from './helpers';
import { cacheFile, hideView, showView, sleep, startCommand, useSession, waitFor, waitForFailure } from './support';

const pending = (uid: string): Lead => ({ uid, status: 'PENDING', processing_result: null });
const converted = (uid: string): Lead => ({ uid, status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' });
const notConverted = (uid: string): Lead => ({ uid, status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' });

const UUID_A = '0d000000-0000-4000-8000-00000000000a';
const UUID_B = '0d000000-0000-4000-8000-00000000000b';
const UUID_DONE = '0d000000-0000-4000-8000-00000000000d';
const UUID_HQ = '0d000000-0000-4000-8000-0000000000e1';

/** A batch created at `createdMs`, written with +02:00 as Woodpecker does. */
function batch(uuid: string, createdMs: number, leads: Lead[]): EnrichmentBatch {
	return { uuid, created: formatWithOffset(createdMs, 120), leads };
}

/** The tree's label for a batch created at `ms`: the editor's language, medium date, short time. */
function timeLabel(ms: number): string {
	return new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** Batch A (3 leads, 2 pending), batch B (2 leads, 1 pending), and one processed from the start; `done` lists the ones served processed. */
function scene(now: number, done: { a?: boolean; b?: boolean } = {}) {
	const at = { a: now - 10 * 60_000, b: now - 40 * 60_000, done: now - 90 * 60_000 };
	const batches = [
		batch(UUID_A, at.a, done.a ? [converted('procA_0001'), notConverted('procA_0002'), converted('procA_0003')] : [pending('procA_0001'), pending('procA_0002'), converted('procA_0003')]),
		batch(UUID_B, at.b, done.b ? [notConverted('procB_0001'), converted('procB_0002')] : [pending('procB_0001'), converted('procB_0002')]),
		batch(UUID_DONE, at.done, [converted('procD_0001')]),
	];
	return { batches, at };
}

describe('Batch processed notification', () => {
	const session = useSession();
	const now = Date.now();
	beforeEach(async () => (await testApi()).clearProcessedNotices());

	it('says once that a pending batch was processed: not again on the next refresh, nor after a restart', async () => {
		const { api, fake } = await session.start(scene(now).batches);
		assert.deepEqual(api.processedNotices(), [], 'the first answer announces nothing');
		fake.server.setBatches(scene(now, { a: true }).batches);
		await vscode.commands.executeCommand('woodpecker.refresh');
		const expected = { text: `Batch ${timeLabel(scene(now).at.a)} processed: 2 of 3 converted to prospects`, buttons: ['Show', 'Copy UIDs'] };
		assert.deepEqual(api.processedNotices(), [expected]);
		// The time reads as the batch's row does.
		assert.equal((await api.snapshot({ leads: false })).batches[0].label, timeLabel(scene(now).at.a));

		await vscode.commands.executeCommand('woodpecker.refresh');
		assert.deepEqual(api.processedNotices(), [expected], 'no second notification');
		await hideView();
		await api.restart();
		await waitForSnapshot((s) => s.state === 'loaded', 'the cached batches after the restart');
		await vscode.commands.executeCommand('woodpecker.refresh');
		assert.deepEqual(api.processedNotices(), [], 'none after the restart');
	});

	it('remembers what it announced across a reload, even when the cached answer had the batch pending again', async () => {
		const { api, fake } = await session.start(scene(now).batches);
		const accountId = api.accounts()[0].id;
		fake.server.setBatches(scene(now, { a: true }).batches);
		await vscode.commands.executeCommand('woodpecker.refresh');
		assert.equal(api.processedNotices().length, 1);
		const remembered = api.globalState()['woodpecker.notifiedBatches'] as string[];
		assert.deepEqual(
			remembered.filter((k) => k.startsWith(`${accountId}|`)),
			[`${accountId}|${UUID_A}`],
		);
		// The server reports A pending again, and that answer is the one cached.
		fake.server.setBatches(scene(now).batches);
		await vscode.commands.executeCommand('woodpecker.refresh');
		await waitFor(() => (fs.existsSync(cacheFile()) && fs.readFileSync(cacheFile(), 'utf8').includes('"procA_0001","status":"PENDING"') ? true : undefined), 'A cached as pending');
		await hideView();
		await api.restart();
		await waitForSnapshot((s) => s.state === 'loaded' && s.badge === 3, 'the cached answer, A pending, after the restart');
		fake.server.setBatches(scene(now, { a: true }).batches);
		await vscode.commands.executeCommand('woodpecker.refresh');
		assert.equal((await api.snapshot({ leads: false })).badge, 1, 'A processed on screen, B still pending');
		assert.deepEqual(api.processedNotices(), [], 'A was announced before the restart');
	});

	it('a batch pending in the cached answer and processed by the first refresh after a restart is announced, by a background refresh too', async () => {
		const { api, fake } = await session.start(scene(now).batches);
		await waitFor(() => (fs.existsSync(cacheFile()) && fs.readFileSync(cacheFile(), 'utf8').includes(UUID_A) ? true : undefined), 'the answer cached');
		await hideView();
		await api.restart();
		await waitForSnapshot((s) => s.state === 'loaded' && s.description === 'last 24 hours · cached', 'the cached answer after the restart');
		fake.server.setBatches(scene(now, { b: true }).batches);
		// Opening the view loads once, in the background.
		await showView();
		await waitForSnapshot((s) => s.description === 'last 24 hours', 'the answer the view loaded');
		assert.deepEqual(
			api.processedNotices().map((n) => n.text),
			[`Batch ${timeLabel(scene(now).at.b)} processed: 1 of 2 converted to prospects`],
		);
	});

	it('two batches finishing in one refresh give one notification', async () => {
		const { api, fake } = await session.start(scene(now).batches);
		fake.server.setBatches(scene(now, { a: true, b: true }).batches);
		await vscode.commands.executeCommand('woodpecker.refresh');
		assert.deepEqual(
			api.processedNotices().map((n) => n.text),
			['2 batches processed: 3 of 5 leads converted to prospects'],
		);
	});

	it('a failed refresh announces nothing; the next good one does', async () => {
		const { api, fake } = await session.start(scene(now).batches);
		fake.server.setBatches(scene(now, { a: true }).batches);
		fake.server.failAlways({ kind: 'status', status: 500 });
		startCommand('woodpecker.refresh');
		await waitForFailure();
		assert.deepEqual(api.processedNotices(), []);
		fake.server.failAlways(undefined);
		await vscode.commands.executeCommand('notifications.clearAll');
		await vscode.commands.executeCommand('woodpecker.refresh');
		assert.equal(api.processedNotices().length, 1);
	});

	it('woodpecker.notifyWhenProcessed off: no notification', async () => {
		const { api, fake } = await session.start(scene(now).batches, { settings: { notifyWhenProcessed: false } });
		fake.server.setBatches(scene(now, { a: true, b: true }).batches);
		await vscode.commands.executeCommand('woodpecker.refresh');
		await sleep(300);
		assert.deepEqual(api.processedNotices(), []);
		const accountId = api.accounts()[0].id;
		const remembered = (api.globalState()['woodpecker.notifiedBatches'] ?? []) as string[];
		assert.deepEqual(
			remembered.filter((k) => k.startsWith(`${accountId}|`)),
			[],
			'nothing remembered as announced',
		);
	});

	it('with several accounts names the account, and batches finishing in two accounts in one refresh give one notification', async () => {
		const { api, fake } = await session.start(scene(now).batches);
		const hqAt = now - 20 * 60_000;
		const agency = (hqLeads: Lead[]) => ({ ...demoAgency(new Date(now)), batches: [batch(UUID_HQ, hqAt, hqLeads)] });
		fake.server.setAgency(agency([pending('procH_0001'), pending('procH_0002')]));
		const hqId = await api.addAccount('Agency HQ', DEMO_AGENCY_KEY);
		await waitForSnapshot((s) => s.accounts.length === 2 && (s.accounts.find((a) => a.sourceId === hqId)?.batches.length ?? 0) > 0 && !s.refreshing, 'the second account loaded');
		fake.server.setAgency(agency([converted('procH_0001'), pending('procH_0002')]));
		await vscode.commands.executeCommand('woodpecker.refresh');
		assert.deepEqual(api.processedNotices(), [], 'one lead still pending');

		// A in the first account and the HQ's batch finish in the same refresh.
		fake.server.setAgency(agency([converted('procH_0001'), converted('procH_0002')]));
		fake.server.setBatches(scene(now, { a: true }).batches);
		await vscode.commands.executeCommand('woodpecker.refresh');
		assert.deepEqual(
			api.processedNotices().map((n) => n.text),
			['2 batches processed: 4 of 5 leads converted to prospects in Default and Agency HQ'],
		);
		// Show opens both accounts and selects the first account's batch.
		await api.clickProcessedNotice('Show');
		const defaultId = api.accounts()[0].id;
		const shown = await waitForSnapshot((s) => s.selection.length > 0, 'a row selected');
		assert.deepEqual(shown.selection, [`${defaultId}|b36:${UUID_A}`]);

		// The HQ's uuid in the other account is another batch: announced there too, naming that account.
		fake.server.setBatches([...scene(now, { a: true }).batches, batch(UUID_HQ, hqAt, [pending('procH_0001')])]);
		await vscode.commands.executeCommand('woodpecker.refresh');
		fake.server.setBatches([...scene(now, { a: true }).batches, batch(UUID_HQ, hqAt, [notConverted('procH_0001')])]);
		await vscode.commands.executeCommand('woodpecker.refresh');
		assert.deepEqual(
			api
				.processedNotices()
				.slice(1)
				.map((n) => n.text),
			[`Batch ${timeLabel(hqAt)} processed: 0 of 1 converted to prospects in Default`],
		);
	});

	it('Copy UIDs puts the lead uids of the finished batches on the clipboard, one per line', async () => {
		const { api, fake } = await session.start(scene(now).batches);
		await vscode.env.clipboard.writeText('clipboard before');
		fake.server.setBatches(scene(now, { a: true, b: true }).batches);
		await vscode.commands.executeCommand('woodpecker.refresh');
		await api.clickProcessedNotice('Copy UIDs');
		assert.equal(await vscode.env.clipboard.readText(), 'procA_0001\nprocA_0002\nprocA_0003\nprocB_0001\nprocB_0002');
	});

	it('Show reveals and selects the batch row; a batch no longer in the tree opens as Raw JSON instead', async () => {
		const { api, fake } = await session.start(scene(now).batches);
		fake.server.setBatches(scene(now, { b: true }).batches);
		await vscode.commands.executeCommand('woodpecker.refresh');
		await api.clickProcessedNotice('Show');
		const shown = await waitForSnapshot((s) => s.visible && s.selection.length > 0, 'the row selected');
		assert.deepEqual(shown.selection, [`b36:${UUID_B}`]);
		assert.equal(shown.rawJsonPanel.open, false);

		// B leaves the answer: Show on its notification now opens it as Raw JSON, with the view in sight.
		fake.server.setBatches(scene(now, { b: true }).batches.filter((b) => b.uuid !== UUID_B));
		await vscode.commands.executeCommand('woodpecker.refresh');
		await hideView();
		await api.clickProcessedNotice('Show');
		const raw = await waitForSnapshot((s) => s.rawJsonPanel.open && s.visible, 'the Raw JSON panel and the view');
		assert.equal(raw.rawJsonPanel.title, `Raw JSON: Batch ${UUID_B}`);
		assert.equal(api.rawJsonSubtitle(), '2 leads · created ' + scene(now).batches[1].created + ' · no longer in the last answer');
		assert.deepEqual(
			(api.rawJsonValue() as EnrichmentBatch).leads.map((l) => l.uid),
			['procB_0001', 'procB_0002'],
		);
	});
});
