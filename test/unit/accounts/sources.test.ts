// Several accounts side by side against the fake API over real sockets: their data never mixes,
// one failing or slow leaves the others alone, each has its own cache, removal deletes it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AccountStore } from '../../../src/accounts/accountStore';
import { Sources } from '../../../src/accounts/sources';
import type { EnrichmentBatch } from '../../../src/api/types';
import { ENRICHMENTS_PATH, FakeWoodpeckerServer } from '../../fake/server';
import { MemoryMemento, MemorySecrets } from '../../fake/storage';

const GOOD_KEY = 'wpk_sources_test_good_key_000000000000001';
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
		const fake = new FakeWoodpeckerServer({ apiKey: GOOD_KEY, batches: [batch('good-1', hoursAgo(1)), batch('good-2', hoursAgo(2))] });
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
});
