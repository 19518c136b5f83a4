import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SourceSnapshot, TreeSnapshot } from '../../src/testApi';
import { DEMO_AGENCY_KEY } from '../fake/data';
import { COMPANIES_PATH, ENRICHMENTS_PATH } from '../fake/server';
import { waitForSnapshot } from './helpers';
import { cacheFile, globalStorageDir, logText, sampleBatches, startCommand, useSession, waitFor } from './support';

/** The demo agency's client companies (test/fake/data.ts). */
const ACME = { id: 12345678, name: 'Acme Ltd' };
const GLOBEX = { id: 23456789, name: 'Globex Corporation' };

function account(s: TreeSnapshot, label: string): SourceSnapshot {
	const row = s.accounts.find((a) => a.label === label);
	assert.ok(row, `no account row ${label} among ${s.accounts.map((a) => a.label).join(', ')}`);
	return row;
}

const settled = (s: TreeSnapshot) => !s.refreshing && s.accounts.every((a) => !/loading|not loaded/.test(a.description) && a.companies.every((c) => !/loading|not loaded/.test(c.description)));

describe('Several accounts', () => {
	const session = useSession();

	it('with one account the tree is as before; a second one makes account rows, each with its own batches', async () => {
		const { api, fake } = await session.start(sampleBatches().batches);
		const single = await api.snapshot({ leads: false });
		assert.deepEqual(single.accounts, []);
		assert.equal(single.batches.length, 4);

		await api.addAccount('Agency HQ', DEMO_AGENCY_KEY);
		const s = await waitForSnapshot((x) => x.accounts.length === 2 && settled(x), 'two account rows');
		assert.deepEqual(s.batches, [], 'no batch at the root: they are under their accounts');
		assert.equal(s.state, 'accounts');
		const first = account(s, 'Default');
		const second = account(s, 'Agency HQ');
		assert.deepEqual(first.batches.map((b) => b.uuid).sort(), single.batches.map((b) => b.uuid).sort());
		const hqUuids = second.batches.map((b) => b.uuid);
		assert.ok(hqUuids.length > 0, 'the agency has batches of its own');
		assert.ok(!hqUuids.some((u) => first.batches.some((b) => b.uuid === u)), 'no batch of one account under the other');
		assert.match(first.description, /^4 batches · \d+ pending$/);
		assert.equal(first.icon, 'account');
		assert.equal(first.contextValue, 'woodpecker.account');
		// The new account loaded alone; Refresh then asks both, each with its own key.
		assert.deepEqual(
			fake.server.requests.filter((r) => r.path === ENRICHMENTS_PATH).map((r) => r.apiKey),
			[DEMO_AGENCY_KEY],
		);
		fake.server.reset();
		await vscode.commands.executeCommand('woodpecker.refresh');
		const lists = fake.server.requests.filter((r) => r.path === ENRICHMENTS_PATH);
		assert.deepEqual(lists.map((r) => r.apiKey).sort(), [DEMO_AGENCY_KEY, session.current.key].sort());
		assert.equal(new Set(lists.map((r) => r.query.created_after)).size, 1, 'one cutoff for every account');
		// Rows keep their ids across the refresh, so VS Code keeps their expansion and selection.
		const ids = (x: TreeSnapshot) => x.accounts.flatMap((a) => [a.id, ...a.batches.map((b) => b.id)]);
		const again = await api.snapshot({ leads: false });
		assert.deepEqual(ids(again), ids(s));
		assert.equal(new Set(ids(again)).size, ids(again).length, 'ids unique across accounts');
		// The badge counts the pending leads of every account.
		const leads = await api.snapshot();
		const pending = leads.accounts.flatMap((a) => a.batches.flatMap((b) => b.leads)).filter((l) => l.icon === 'clock').length;
		assert.ok(pending > 0);
		assert.equal(leads.badge, pending);
	});

	it('a 401 on one account shows on its row with its own Set API Key; the other keeps its data and keeps refreshing', async () => {
		const { api, fake } = await session.start(sampleBatches().batches);
		const wrongId = await api.addAccount('Old Client', 'a-key-the-server-rejects');
		const s = await waitForSnapshot((x) => x.accounts.length === 2 && settled(x), 'the failing account row');
		const wrong = account(s, 'Old Client');
		assert.equal(wrong.description, 'could not load');
		assert.equal(wrong.icon, 'error');
		assert.match(wrong.tooltip, /Invalid api key/);
		assert.deepEqual(
			wrong.actions.map((a) => [a.label, a.command]),
			[
				['Set API Key…', { command: 'woodpecker.setApiKey', arguments: [{ sourceId: wrongId }] }],
				['Show Log', { command: 'woodpecker.showLog', arguments: [] }],
			],
		);
		assert.equal(account(s, 'Default').batches.length, 4);
		assert.equal(s.message, undefined, 'each row speaks for itself: no view message');

		fake.server.reset();
		// As the row's Retry runs it; its failure notification holds the command until dismissed.
		startCommand('woodpecker.refresh', { sourceId: wrongId });
		await waitFor(() => (fake.server.requests.length ? true : undefined), 'the retry request');
		await waitForSnapshot(settled, 'the retry to end');
		assert.deepEqual(
			fake.server.requests.map((r) => r.apiKey),
			['a-key-the-server-rejects'],
			'Retry on the row refreshes that account only',
		);
		await vscode.commands.executeCommand('notifications.clearAll');
		fake.server.reset();
		startCommand('woodpecker.refresh');
		const after = await waitForSnapshot((x) => settled(x) && fake.server.requests.length >= 2, 'both accounts refreshed');
		assert.equal(account(after, 'Default').batches.length, 4);
		assert.equal(account(after, 'Old Client').description, 'could not load');
		await vscode.commands.executeCommand('notifications.clearAll');
	});

	it('Remove Account deletes its key and its cache, and only its own', async () => {
		const { api } = await session.start(sampleBatches().batches);
		const otherId = await api.addAccount('Agency HQ', DEMO_AGENCY_KEY);
		await waitForSnapshot((x) => x.accounts.length === 2 && settled(x), 'two accounts');
		await waitFor(() => (fs.existsSync(cacheFile(otherId)) && fs.existsSync(cacheFile()) ? true : undefined), 'both answers cached');
		const firstId = api.accounts()[0].id;
		assert.deepEqual(
			api.accounts().map((a) => a.id),
			[firstId, otherId],
		);

		// As the row's context menu runs it; the modal confirmation is answered by the test API below.
		await api.removeAccount(otherId);
		const s = await waitForSnapshot((x) => x.accounts.length === 0 && x.batches.length === 4, 'back to one account, as before');
		assert.equal(s.state, 'loaded');
		await waitFor(() => (fs.existsSync(path.join(globalStorageDir(), 'accounts', otherId)) ? undefined : true), "the removed account's cache folder to go");
		assert.ok(fs.existsSync(cacheFile()), "the remaining account's cache stays");
		assert.equal(await api.hasStoredKey(otherId), false, 'its secret entry is deleted');
		assert.equal(await api.hasStoredKey(firstId), true);
	});
});

describe('An agency account and its client companies', () => {
	const session = useSession();

	/** A session whose one account holds the demo agency's HQ key. */
	async function startAgency() {
		const started = await session.start(sampleBatches().batches);
		await started.api.storeApiKey(DEMO_AGENCY_KEY);
		await waitForSnapshot((x) => x.state === 'loaded' && !x.refreshing && x.batches.length > 0 && x.batches.every((b) => !sampleBatches().batches.some((s) => s.uuid === b.uuid)), "the HQ's own batches");
		return started;
	}

	it('each chosen company shows under its agency with its own batches, asked with the HQ key and x-company-id', async () => {
		const { api, fake } = await startAgency();
		const hqId = api.accounts()[0].id;
		await api.setCompanies(hqId, [ACME, GLOBEX]);
		const s = await waitForSnapshot((x) => x.accounts.length === 1 && x.accounts[0].companies.length === 2 && settled(x), 'the agency with two companies');
		const hq = s.accounts[0];
		assert.deepEqual(
			hq.companies.map((c) => [c.label, c.icon, c.contextValue]),
			[
				[ACME.name, 'organization', 'woodpecker.company'],
				[GLOBEX.name, 'organization', 'woodpecker.company'],
			],
		);
		const companyRequests = fake.server.requests.filter((r) => r.path === ENRICHMENTS_PATH && r.companyId !== undefined);
		assert.deepEqual(companyRequests.map((r) => r.companyId).sort(), [String(ACME.id), String(GLOBEX.id)]);
		assert.ok(companyRequests.every((r) => r.apiKey === DEMO_AGENCY_KEY));
		assert.equal(fake.server.maxInFlight, 1, 'the HQ and its companies share one queue');
		const acme = hq.companies[0].batches.map((b) => b.uuid);
		assert.ok(acme.length > 0);
		assert.ok(!acme.some((u) => hq.batches.some((b) => b.uuid === u)), "the company's batches are its own");

		// Dropping one refreshes nothing else and deletes that company's cache.
		const globexCache = path.join(globalStorageDir(), 'accounts', hqId, `company-${GLOBEX.id}`);
		await waitFor(() => (fs.existsSync(globexCache) ? true : undefined), "Globex's answer cached");
		fake.server.reset();
		await api.setCompanies(hqId, [ACME]);
		const after = await waitForSnapshot((x) => x.accounts[0]?.companies.length === 1, 'one company left');
		assert.equal(after.accounts[0].companies[0].label, ACME.name);
		await waitFor(() => (fs.existsSync(globexCache) ? undefined : true), "Globex's cache to go");
		assert.deepEqual(fake.server.requests, [], 'changing the choice refreshes only what changed: here nothing');
	});

	it('a company that left the agency says so on its row, with Choose Client Companies… at hand', async () => {
		const { api, fake } = await startAgency();
		const hqId = api.accounts()[0].id;
		await api.setCompanies(hqId, [ACME, GLOBEX]);
		await waitForSnapshot((x) => x.accounts[0]?.companies.length === 2 && settled(x), 'two companies');
		fake.server.removeCompany(GLOBEX.id);
		// Refresh as the user runs it; the failure's notification holds the command until dismissed.
		startCommand('woodpecker.refresh');
		const s = await waitForSnapshot((x) => settled(x) && x.accounts[0].companies[1].description === 'no longer reachable', 'the gone company row');
		const gone = s.accounts[0].companies[1];
		assert.equal(gone.label, GLOBEX.name);
		assert.deepEqual(gone.actions[0].command, { command: 'woodpecker.chooseCompanies', arguments: [{ sourceId: `${hqId}/company-${GLOBEX.id}` }] });
		assert.ok(s.accounts[0].companies[0].batches.length > 0, 'the other company keeps its batches');
		await vscode.commands.executeCommand('notifications.clearAll');
	});

	it('a key without the agency add-on is told so; nothing about the account changes', async () => {
		const { api, fake } = await session.start(sampleBatches().batches);
		fake.server.reset();
		// Its warning holds the command until dismissed.
		startCommand('woodpecker.chooseCompanies');
		await waitFor(() => (/The key of Default is not an agency key: Woodpecker did not list client companies for it \(No Agency addon\)/.test(logText()) ? true : undefined), 'the warning, in the log too');
		assert.deepEqual(
			fake.server.requests.map((r) => r.path),
			[COMPANIES_PATH],
		);
		await vscode.commands.executeCommand('notifications.clearAll');
		assert.deepEqual(
			api.accounts().map((a) => [a.name, a.companies]),
			[['Default', []]],
		);
		assert.equal((await api.snapshot({ leads: false })).batches.length, 4);
	});
});

describe('The single key of an earlier version', () => {
	const session = useSession();

	it('becomes the "Default" account at the next start, its cached answer shown at once, nothing asked', async () => {
		const { api } = await session.start(sampleBatches().batches);
		const key = session.current.key;
		await waitFor(() => (fs.existsSync(cacheFile()) ? true : undefined), 'the answer cached');
		// What an earlier version left: the key under its old name, its answer in the old file, no accounts.
		const cached = fs.readFileSync(cacheFile(), 'utf8');
		await api.storeLegacyKey(key);
		fs.writeFileSync(path.join(globalStorageDir(), 'last-response.json'), cached);
		await session.current.api.restart();
		const s = await waitForSnapshot((x) => x.batches.length === 4, 'the migrated account with its cached batches');
		assert.deepEqual(api.accounts(), [{ id: 'default', name: 'Default', companies: [] }]);
		assert.equal(await api.hasStoredKey('default'), true);
		assert.equal(await api.hasLegacyKey(), false, 'the old entry is gone');
		assert.equal(fs.existsSync(path.join(globalStorageDir(), 'last-response.json')), false, 'the old cache file moved');
		assert.match(s.description ?? '', /cached|last 24 hours/);
	});
});
