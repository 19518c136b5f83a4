// Several accounts side by side against the fake API over real sockets: their data never mixes,
// one failing or slow leaves the others alone, each has its own cache, removal deletes it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AccountStore } from '../../../src/accounts/accountStore';
import { Sources } from '../../../src/accounts/sources';
import type { EnrichmentBatch } from '../../../src/api/types';
import { actionsForSource } from '../../../src/commands/errorActions';
import { ENRICHMENTS_PATH, FakeWoodpeckerServer } from '../../fake/server';
import { MemoryMemento, MemorySecrets } from '../../fake/storage';

const GOOD_KEY = 'wpk_sources_test_good_key_000000000000001';
const HQ_KEY = 'wpk_sources_test_agency_hq_key_0000000003';
const WRONG_KEY = 'wpk_sources_test_wrong_key_00000000000002';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const batch = (uuid: string, created: string): EnrichmentBatch => ({ uuid, created, leads: [{ uid: `${uuid}_lead`, status: 'PENDING', processing_result: null }] });

interface Setup {
	fake: FakeWoodpeckerServer;
	accounts: AccountStore;
	sources: Sources;
	secrets: MemorySecrets;
	folder: string;
	logged: string[];
}

function useSources(): () => Setup {
	let setup: Setup | undefined;
	beforeEach(async () => {
		const fake = new FakeWoodpeckerServer({
			apiKey: GOOD_KEY,
			batches: [batch('good-1', hoursAgo(1)), batch('good-2', hoursAgo(2))],
			agency: {
				apiKey: HQ_KEY,
				batches: [batch('hq-1', hoursAgo(3))],
				companies: [
					{ company: { id: 101, name: 'Alpha', active: true }, batches: [batch('alpha-1', hoursAgo(1))] },
					{ company: { id: 102, name: 'Beta', active: true }, batches: [batch('beta-1', hoursAgo(2)), batch('beta-2', hoursAgo(4))] },
					{ company: { id: 103, name: 'Gamma', active: false }, batches: [] },
				],
			},
		});
		const url = await fake.start();
		const secrets = new MemorySecrets();
		const accounts = new AccountStore(secrets, new MemoryMemento());
		await accounts.initialize();
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'woodpecker-sources-'));
		const logged: string[] = [];
		const sources = new Sources({
			accounts,
			cutoffs: { get: () => ({ kind: 'days', days: 1 }) },
			config: () => ({ apiBaseUrl: url, timeoutMs: 5000 }),
			log: { info: (m) => logged.push(m), warn: (m) => logged.push(m), error: (m) => logged.push(m), setSecret() {} },
			storageFolder: folder,
		});
		await sources.initialize();
		setup = { fake, accounts, sources, secrets, folder, logged };
	});
	afterEach(async () => {
		setup?.sources.dispose();
		await setup?.fake.stop();
		if (setup) fs.rmSync(setup.folder, { recursive: true, force: true });
		setup = undefined;
	});
	return () => {
		assert.ok(setup, 'no sources outside a test');
		return setup;
	};
}

/** Resolves once `check` holds, polling; fails after 5 s. */
async function until(check: () => boolean, what: string): Promise<void> {
	const deadline = Date.now() + 5000;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 10));
	}
}

const uuids = (s: Sources, id: string) => s.get(id)?.store.data?.model.rows.map((r) => r.batch.uuid);

describe('sources (several accounts)', () => {
	const setup = useSources();

	it('one source per account, in the order they were added, each with its own data', async () => {
		const { accounts, sources, fake } = setup();
		const good = await accounts.add('Good', GOOD_KEY);
		const wrong = await accounts.add('Wrong', WRONG_KEY);
		await until(() => sources.sources.length === 2, 'two sources');
		assert.deepEqual(sources.sources.map((s) => [s.id, sources.label(s)]), [
			[good.id, 'Good'],
			[wrong.id, 'Wrong'],
		]);
		const outcomes = await sources.refresh();
		assert.deepEqual(
			outcomes.map((o) => [o.source.id, o.outcome.ok]),
			[
				[good.id, true],
				[wrong.id, false],
			],
		);
		assert.deepEqual(uuids(sources, good.id), ['good-1', 'good-2']);
		// The rejected key's account shows its own failure and none of the other's batches.
		const failed = sources.get(wrong.id)!.store;
		assert.equal(failed.state, 'error');
		assert.equal(failed.failure?.error.status, 401);
		assert.equal(failed.data, undefined);
		assert.deepEqual(
			fake.requests
				.filter((r) => r.path === ENRICHMENTS_PATH)
				.map((r) => (r.apiKey === GOOD_KEY ? 'good' : r.apiKey === WRONG_KEY ? 'wrong' : 'other'))
				.sort(),
			['good', 'wrong'],
			'each account asked once, with its own key',
		);
	});

	it('a slow account does not hold back the others: theirs show first', async () => {
		const { accounts, sources, fake } = setup();
		const a = await accounts.add('A', GOOD_KEY);
		const b = await accounts.add('B', GOOD_KEY);
		// Whichever request the server gets first is never answered; the other is answered at once.
		fake.failNext({ kind: 'hang' });
		void sources.refresh();
		const has = (id: string) => sources.get(id)?.store.data !== undefined;
		await until(() => has(a.id) || has(b.id), 'one account to show its batches while the other hangs');
		assert.notEqual(has(a.id), has(b.id));
		sources.cancel();
	});

	it('never two requests in flight for one account, whatever is asked at once', async () => {
		const { accounts, sources, fake } = setup();
		const only = await accounts.add('Only', GOOD_KEY);
		fake.latencyMs = 50;
		const source = sources.get(only.id)!;
		await Promise.all([sources.refresh(), source.store.lookUpBatch('good-1'), source.store.lookUpBatch('good-2'), sources.refresh({ restart: true })]);
		assert.equal(fake.maxInFlight, 1);
	});

	it('a key changed on one account resets only that one', async () => {
		const { accounts, sources } = setup();
		const a = await accounts.add('A', GOOD_KEY);
		const b = await accounts.add('B', GOOD_KEY);
		await sources.refresh();
		const forgotten: string[] = [];
		sources.onDidForget(({ source }) => forgotten.push(source.id));
		await sources.resetAccount(a.id, 'the API key changed');
		assert.equal(sources.get(a.id)?.store.data, undefined);
		assert.deepEqual(uuids(sources, b.id), ['good-1', 'good-2']);
		assert.deepEqual(forgotten, [a.id]);
	});

	it('makes no request for an account without a key', async () => {
		const { accounts, sources, fake } = setup();
		await accounts.add('No key', '');
		const outcomes = await sources.refresh();
		assert.deepEqual(outcomes, []);
		assert.equal(fake.requests.length, 0);
	});

	it('keeps each account\'s cache in its own folder; removing the account deletes it and says so', async () => {
		const { accounts, sources, folder } = setup();
		const a = await accounts.add('A', GOOD_KEY);
		const b = await accounts.add('B', GOOD_KEY);
		await sources.refresh();
		const fileOf = (id: string) => path.join(folder, 'accounts', id, 'last-response.json');
		await until(() => fs.existsSync(fileOf(a.id)) && fs.existsSync(fileOf(b.id)), 'both answers cached');
		const forgotten: string[] = [];
		sources.onDidForget(({ source, reason }) => forgotten.push(`${source.id}: ${reason}`));
		await accounts.remove(a.id);
		await until(() => !fs.existsSync(path.join(folder, 'accounts', a.id)), "the removed account's folder to go");
		assert.ok(fs.existsSync(fileOf(b.id)), "the other account's cache stays");
		assert.deepEqual(sources.sources.map((s) => s.id), [b.id]);
		assert.deepEqual(forgotten, [`${a.id}: the account was removed`]);
	});

	it('prefixes its log lines with the account name', async () => {
		const { accounts, sources, logged } = setup();
		await accounts.add('Wrong', WRONG_KEY);
		await sources.refresh();
		assert.ok(logged.some((l) => l.startsWith('[Wrong] Refresh failed: ')), logged.join('\n'));
	});

	describe('an agency and its client companies', () => {
		it('each chosen company is a source under its agency: its own batches, asked with the HQ key and x-company-id, in the agency\'s queue', async () => {
			const { accounts, sources, fake } = setup();
			const hq = await accounts.add('HQ', HQ_KEY);
			const added: string[][] = [];
			sources.onDidAdd((made) => added.push(made.map((m) => m.id)));
			await accounts.setCompanies(hq.id, [
				{ id: 101, name: 'Alpha' },
				{ id: 102, name: 'Beta' },
			]);
			await until(() => added.some((ids) => ids.some((id) => id.endsWith('/company-101'))), 'the new companies announced');
			assert.deepEqual(sources.sources.map((x) => [x.id, sources.label(x)]), [
				[hq.id, 'HQ'],
				[`${hq.id}/company-101`, 'HQ › Alpha'],
				[`${hq.id}/company-102`, 'HQ › Beta'],
			]);
			// Announced to be loaded (the account itself was, before): the companies together, nothing else.
			assert.deepEqual(added.at(-1), [`${hq.id}/company-101`, `${hq.id}/company-102`]);
			assert.ok(added.slice(0, -1).every((ids) => ids.length === 1 && ids[0] === hq.id));
			fake.latencyMs = 30;
			await sources.refresh();
			assert.deepEqual([uuids(sources, hq.id), uuids(sources, `${hq.id}/company-101`), uuids(sources, `${hq.id}/company-102`)], [['hq-1'], ['alpha-1'], ['beta-1', 'beta-2']]);
			const asked = fake.requests.filter((r) => r.path === ENRICHMENTS_PATH);
			assert.deepEqual(asked.map((r) => r.companyId ?? '-').sort(), ['-', '101', '102']);
			assert.ok(asked.every((r) => r.apiKey === HQ_KEY), 'all with the HQ key');
			assert.equal(fake.maxInFlight, 1, 'the agency and its companies share one queue');
		});

		it('lists the companies through the account, every page; changing the choice keeps the sources that stay', async () => {
			const { accounts, sources } = setup();
			const hq = await accounts.add('HQ', HQ_KEY);
			await until(() => sources.sources.length === 1, 'the HQ source');
			const listed = await sources.get(hq.id)!.store.listCompanies();
			assert.deepEqual(listed.map((c) => [c.id, c.name, c.active]), [
				[101, 'Alpha', true],
				[102, 'Beta', true],
				[103, 'Gamma', false],
			]);
			await accounts.setCompanies(hq.id, [{ id: 101, name: 'Alpha' }]);
			await until(() => sources.sources.length === 2, 'Alpha');
			const alpha = sources.get(`${hq.id}/company-101`);
			await accounts.setCompanies(hq.id, [{ id: 101, name: 'Alpha (renamed)' }, { id: 102, name: 'Beta' }]);
			await until(() => sources.sources.length === 3, 'Alpha and Beta');
			assert.equal(sources.get(`${hq.id}/company-101`), alpha, 'the same source, its data kept');
			assert.equal(sources.label(alpha!), 'HQ › Alpha (renamed)');
		});

		it('a dropped company loses its cache folder; the agency keeps its own', async () => {
			const { accounts, sources, folder } = setup();
			const hq = await accounts.add('HQ', HQ_KEY);
			await accounts.setCompanies(hq.id, [{ id: 101, name: 'Alpha' }]);
			await until(() => sources.sources.length === 2, 'two sources');
			await sources.refresh();
			const companyFile = path.join(folder, 'accounts', hq.id, 'company-101', 'last-response.json');
			const hqFile = path.join(folder, 'accounts', hq.id, 'last-response.json');
			await until(() => fs.existsSync(companyFile) && fs.existsSync(hqFile), 'both cached');
			await accounts.setCompanies(hq.id, []);
			await until(() => !fs.existsSync(path.dirname(companyFile)), "the company's folder to go");
			assert.ok(fs.existsSync(hqFile));
		});

		it('a company that left the agency fails alone, and its way out is to choose the companies again', async () => {
			const { accounts, sources, fake } = setup();
			const hq = await accounts.add('HQ', HQ_KEY);
			await accounts.setCompanies(hq.id, [
				{ id: 101, name: 'Alpha' },
				{ id: 102, name: 'Beta' },
			]);
			await until(() => sources.sources.length === 3, 'three sources');
			fake.removeCompany(102);
			const outcomes = await sources.refresh();
			assert.deepEqual(outcomes.map((o) => o.outcome.ok), [true, true, false]);
			const beta = sources.get(`${hq.id}/company-102`)!;
			assert.equal(beta.store.failure?.error.status, 403);
			assert.deepEqual(actionsForSource(beta.store.failure!.error, true), ['chooseCompanies']);
			assert.deepEqual(uuids(sources, `${hq.id}/company-101`), ['alpha-1']);
		});
	});
});
