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

interface ProgressCall {
	trigger: string;
	cancel: () => void;
}

interface Extra {
	progress: ProgressCall[];
	/** log.setSecret calls as "<owner>=<GOOD|HQ|other|->". */
	secretCalls: string[];
	/** Disposes the sources and makes new ones over the same accounts and folder, as a reload does. */
	remake(): Promise<Sources>;
}

function useSources(): () => Setup & Extra {
	let setup: (Setup & Extra) | undefined;
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
		const progress: ProgressCall[] = [];
		const secretCalls: string[] = [];
		const make = () =>
			new Sources({
				accounts,
				cutoffs: { get: () => ({ kind: 'days', days: 1 }) },
				config: () => ({ apiBaseUrl: url, timeoutMs: 5000 }),
				log: {
					info: (m) => logged.push(m),
					warn: (m) => logged.push(m),
					error: (m) => logged.push(m),
					setSecret: (owner, secret) => secretCalls.push(`${owner}=${secret === undefined ? '-' : secret === GOOD_KEY ? 'GOOD' : secret === HQ_KEY ? 'HQ' : 'other'}`),
				},
				progress: (_task, o) => progress.push(o),
				storageFolder: folder,
			});
		const sources = make();
		await sources.initialize();
		setup = {
			fake,
			accounts,
			sources,
			secrets,
			folder,
			logged,
			progress,
			secretCalls,
			async remake() {
				setup!.sources.dispose();
				const again = make();
				await again.initialize();
				setup!.sources = again;
				return again;
			},
		};
	});
	afterEach(async () => {
		setup?.sources.dispose();
		await setup?.fake.stop();
		// A cache write started by the last refresh may still be landing: let it, then retry the delete.
		await new Promise((r) => setTimeout(r, 50));
		if (setup) fs.rmSync(setup.folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
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
		assert.deepEqual(
			sources.sources.map((s) => [s.id, sources.label(s)]),
			[
				[good.id, 'Good'],
				[wrong.id, 'Wrong'],
			],
		);
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

	it("keeps each account's cache in its own folder; removing the account deletes it and says so", async () => {
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
		assert.deepEqual(
			sources.sources.map((s) => s.id),
			[b.id],
		);
		assert.deepEqual(forgotten, [`${a.id}: the account was removed`]);
	});

	it('prefixes its log lines with the account name', async () => {
		const { accounts, sources, logged } = setup();
		await accounts.add('Wrong', WRONG_KEY);
		await sources.refresh();
		assert.ok(
			logged.some((l) => l.startsWith('[Wrong] Refresh failed: ')),
			logged.join('\n'),
		);
	});

	describe('an agency and its client companies', () => {
		it("each chosen company is a source under its agency: its own batches, asked with the HQ key and x-company-id, in the agency's queue", async () => {
			const { accounts, sources, fake } = setup();
			const hq = await accounts.add('HQ', HQ_KEY);
			const added: string[][] = [];
			sources.onDidAdd((made) => added.push(made.map((m) => m.id)));
			await accounts.setCompanies(hq.id, [
				{ id: 101, name: 'Alpha' },
				{ id: 102, name: 'Beta' },
			]);
			await until(() => added.some((ids) => ids.some((id) => id.endsWith('/company-101'))), 'the new companies announced');
			assert.deepEqual(
				sources.sources.map((x) => [x.id, sources.label(x)]),
				[
					[hq.id, 'HQ'],
					[`${hq.id}/company-101`, 'HQ › Alpha'],
					[`${hq.id}/company-102`, 'HQ › Beta'],
				],
			);
			// Announced to be loaded: the companies together (and, in either order, the account itself once).
			await until(() => added.length === 2, 'both announcements');
			assert.deepEqual(
				[...added].sort((x, y) => x.length - y.length),
				[[hq.id], [`${hq.id}/company-101`, `${hq.id}/company-102`]],
			);
			fake.latencyMs = 30;
			await sources.refresh();
			assert.deepEqual([uuids(sources, hq.id), uuids(sources, `${hq.id}/company-101`), uuids(sources, `${hq.id}/company-102`)], [['hq-1'], ['alpha-1'], ['beta-1', 'beta-2']]);
			const asked = fake.requests.filter((r) => r.path === ENRICHMENTS_PATH);
			assert.deepEqual(asked.map((r) => r.companyId ?? '-').sort(), ['-', '101', '102']);
			assert.ok(
				asked.every((r) => r.apiKey === HQ_KEY),
				'all with the HQ key',
			);
			assert.equal(fake.maxInFlight, 1, 'the agency and its companies share one queue');
		});

		it('lists the companies through the account, every page; changing the choice keeps the sources that stay', async () => {
			const { accounts, sources } = setup();
			const hq = await accounts.add('HQ', HQ_KEY);
			await until(() => sources.sources.length === 1, 'the HQ source');
			const listed = await sources.get(hq.id)!.store.listCompanies();
			assert.deepEqual(
				listed.map((c) => [c.id, c.name, c.active]),
				[
					[101, 'Alpha', true],
					[102, 'Beta', true],
					[103, 'Gamma', false],
				],
			);
			await accounts.setCompanies(hq.id, [{ id: 101, name: 'Alpha' }]);
			await until(() => sources.sources.length === 2, 'Alpha');
			const alpha = sources.get(`${hq.id}/company-101`);
			await accounts.setCompanies(hq.id, [
				{ id: 101, name: 'Alpha (renamed)' },
				{ id: 102, name: 'Beta' },
			]);
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
			assert.deepEqual(
				outcomes.map((o) => o.outcome.ok),
				[true, true, false],
			);
			const beta = sources.get(`${hq.id}/company-102`)!;
			assert.equal(beta.store.failure?.error.status, 403);
			assert.deepEqual(actionsForSource(beta.store.failure!.error, true), ['chooseCompanies']);
			assert.deepEqual(uuids(sources, `${hq.id}/company-101`), ['alpha-1']);
		});
	});

	describe('details', () => {
		it('says whether several sources share the view, how many accounts there are, and whether any has a key or refreshes', async () => {
			const { accounts, sources, fake } = setup();
			assert.deepEqual([sources.several, sources.accountCount, sources.hasKey, sources.isRefreshing], [false, 0, false, false]);
			await accounts.add('No key', '');
			await until(() => sources.sources.length === 1, 'one source');
			assert.deepEqual([sources.several, sources.accountCount, sources.hasKey], [false, 1, false]);
			await accounts.add('Keyed', GOOD_KEY);
			await until(() => sources.hasKey, 'the keyed account read');
			assert.deepEqual([sources.several, sources.accountCount, sources.hasKey], [true, 2, true]);
			fake.failNext({ kind: 'delay', ms: 200 });
			const running = sources.refresh();
			assert.equal(sources.isRefreshing, true, 'one of them refreshes');
			await running;
			assert.equal(sources.isRefreshing, false);
		});

		it("refreshes one account's sources (itself and its companies) when asked for that account", async () => {
			const { accounts, sources, fake } = setup();
			const plain = await accounts.add('Plain', GOOD_KEY);
			const hq = await accounts.add('HQ', HQ_KEY);
			await accounts.setCompanies(hq.id, [{ id: 101, name: 'Alpha' }]);
			await until(() => sources.sources.length === 3, 'three sources');
			const outcomes = await sources.refresh({ accountId: hq.id });
			assert.deepEqual(
				outcomes.map((o) => o.source.id),
				[hq.id, `${hq.id}/company-101`],
			);
			assert.ok(fake.requests.every((r) => r.apiKey === HQ_KEY));
			assert.equal(sources.get(plain.id)?.store.data, undefined);
		});

		it('shows one progress for all, in the background unless the user asked; its cancel stops every source', async () => {
			const { accounts, sources, fake, progress } = setup();
			const a = await accounts.add('A', GOOD_KEY);
			const b = await accounts.add('B', GOOD_KEY);
			await until(() => sources.hasKey && sources.sources.every((x) => x.store.hasKey), 'keys read');
			assert.deepEqual(await sources.refresh({ sourceIds: [] }), [], 'nothing to refresh');
			assert.equal(progress.length, 0, 'and no progress shown for it');
			await sources.refresh();
			fake.failAlways({ kind: 'hang' });
			const outcomes = sources.refresh({ trigger: 'user' });
			assert.deepEqual(
				progress.map((p) => p.trigger),
				['background', 'user'],
			);
			await until(() => fake.inFlight === 2, 'both requests under way');
			progress[1].cancel();
			const ended = await outcomes;
			assert.deepEqual(
				ended.map((o) => [o.source.id, !o.outcome.ok && o.outcome.error.kind]),
				[
					[a.id, 'aborted'],
					[b.id, 'aborted'],
				],
			);
		});

		it('a restart aborts the refresh under way and sends a new one', async () => {
			const { accounts, sources, fake } = setup();
			await accounts.add('A', GOOD_KEY);
			await until(() => sources.hasKey, 'the key read');
			fake.failNext({ kind: 'delay', ms: 500 });
			const first = sources.refresh();
			await until(() => fake.inFlight === 1, 'the first request under way');
			const second = await sources.refresh({ restart: true });
			const [firstOutcome] = await first;
			assert.equal(!firstOutcome.outcome.ok && firstOutcome.outcome.error.kind, 'aborted');
			assert.equal(second[0].outcome.ok, true);
		});

		it('resetting every account (another address) forgets what each showed', async () => {
			const { accounts, sources } = setup();
			const a = await accounts.add('A', GOOD_KEY);
			const b = await accounts.add('B', GOOD_KEY);
			await sources.refresh();
			await sources.resetAccount(undefined, 'woodpecker.apiBaseUrl changed');
			assert.deepEqual([sources.get(a.id)?.store.data, sources.get(b.id)?.store.data], [undefined, undefined]);
		});

		it('after a reload each account shows its cached answer at once, marked cached', async () => {
			const { accounts, sources, folder } = setup();
			const a = await accounts.add('A', GOOD_KEY);
			await sources.refresh();
			await until(() => fs.existsSync(path.join(folder, 'accounts', a.id, 'last-response.json')), 'the answer cached');
			const again = await setup().remake();
			const data = again.get(a.id)?.store.data;
			assert.equal(data?.cached, true);
			assert.deepEqual(
				data?.model.rows.map((r) => r.batch.uuid),
				['good-1', 'good-2'],
			);
		});

		it('an account made now reads no cache: a file left in its folder is deleted unread', async () => {
			const { accounts, sources, folder } = setup();
			const first = await accounts.add('First', GOOD_KEY);
			await sources.refresh();
			const file = path.join(folder, 'accounts', first.id, 'last-response.json');
			await until(() => fs.existsSync(file), 'the answer cached');
			// A valid cache file where a company chosen now will keep its own (as a deletion still under way could leave):
			const companyFile = path.join(folder, 'accounts', first.id, 'company-101', 'last-response.json');
			fs.mkdirSync(path.dirname(companyFile), { recursive: true });
			fs.copyFileSync(file, companyFile);
			await accounts.setCompanies(first.id, [{ id: 101, name: 'Alpha' }]);
			await until(() => !fs.existsSync(companyFile), 'the leftover deleted');
			assert.equal(sources.get(`${first.id}/company-101`)?.store.data, undefined, 'and never shown');
		});

		it('announces only sources made after start-up', async () => {
			const { accounts } = setup();
			await accounts.add('Early', GOOD_KEY);
			const again = await setup().remake();
			const added: string[][] = [];
			again.onDidAdd((made) => added.push(made.map((m) => m.id)));
			await new Promise((r) => setTimeout(r, 20));
			assert.deepEqual(added, []);
		});

		it("tells which source's refresh ended, and passes on every change", async () => {
			const { accounts, sources } = setup();
			const a = await accounts.add('A', GOOD_KEY);
			await until(() => sources.hasKey, 'the key read');
			const ends: string[] = [];
			let changes = 0;
			sources.onDidFinishRefresh((e) => ends.push(`${e.source.id} ${e.trigger} ${e.outcome.ok}`));
			sources.onDidChange(() => changes++);
			await sources.refresh({ trigger: 'user' });
			assert.deepEqual(ends, [`${a.id} user true`]);
			assert.ok(changes >= 2, 'the start and the end of the refresh');
		});

		it('tells once when a whole refresh ended, every source it refreshed having its answer by then', async () => {
			const { accounts, sources, fake } = setup();
			const a = await accounts.add('A', GOOD_KEY);
			const b = await accounts.add('B', GOOD_KEY);
			await until(() => sources.sources.every((x) => x.store.hasKey), 'keys read');
			const ends: Array<{ ids: string[]; loaded: boolean[] }> = [];
			sources.onDidFinishAll((outcomes) => ends.push({ ids: outcomes.map((o) => o.source.id), loaded: sources.sources.map((x) => x.store.data !== undefined) }));
			fake.failNext({ kind: 'delay', ms: 200 });
			const outcomes = await sources.refresh();
			assert.deepEqual(ends, [{ ids: [a.id, b.id], loaded: [true, true] }], 'one event, when the slower one has landed too, before refresh() returns');
			assert.deepEqual(
				outcomes.map((o) => o.source.id),
				[a.id, b.id],
			);
			await sources.refresh({ sourceIds: [b.id] });
			await sources.refresh({ sourceIds: [] });
			assert.deepEqual(
				ends.map((e) => e.ids),
				[[a.id, b.id], [b.id]],
				'one per refresh that refreshed something',
			);
		});

		it('says why a company was dropped; disposing says nothing and leaves no source', async () => {
			const { accounts, sources } = setup();
			const hq = await accounts.add('HQ', HQ_KEY);
			await accounts.setCompanies(hq.id, [{ id: 101, name: 'Alpha' }]);
			await until(() => sources.sources.length === 2, 'two sources');
			const forgotten: string[] = [];
			sources.onDidForget(({ source, reason }) => forgotten.push(`${source.id}: ${reason}`));
			await accounts.setCompanies(hq.id, []);
			await until(() => sources.sources.length === 1, 'one source');
			assert.deepEqual(forgotten, [`${hq.id}/company-101: the company is no longer watched`]);
			sources.dispose();
			assert.deepEqual(sources.sources, []);
			assert.equal(forgotten.length, 1);
		});

		it('masks each key in the log while its source uses it, and forgets it when the source goes', async () => {
			const { accounts, sources, secretCalls } = setup();
			const a = await accounts.add('A', GOOD_KEY);
			await until(() => sources.hasKey, 'the key read');
			assert.ok(secretCalls.includes(`${a.id}=GOOD`), secretCalls.join(' '));
			await accounts.remove(a.id);
			await until(() => sources.sources.length === 0, 'gone');
			assert.equal(secretCalls.at(-1), `${a.id}=-`);
		});
	});
});
