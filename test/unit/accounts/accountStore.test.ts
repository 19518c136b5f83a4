// The account store over in-memory SecretStorage and global state: the migration of the one key
// of older versions, add / rename / remove, one secret entry per account, and other windows.
import * as assert from 'node:assert/strict';
import { AccountStore } from '../../../src/accounts/accountStore';
import { MemoryMemento, MemorySecrets } from '../../fake/storage';

const KEY_1 = 'wpk_account_test_key_1_000000000000000001';
const KEY_2 = 'wpk_account_test_key_2_000000000000000002';

function setup(seed: { legacyKey?: string; state?: unknown } = {}) {
	const secrets = new MemorySecrets();
	const state = new MemoryMemento();
	if (seed.legacyKey) secrets.values.set('woodpecker.apiKey', seed.legacyKey);
	if (seed.state !== undefined) state.values.set('woodpecker.accounts', seed.state);
	let n = 0;
	const store = new AccountStore(secrets, state, () => `a-${(++n).toString(16).padStart(8, '0')}`);
	const keyEvents: string[] = [];
	let changes = 0;
	store.onDidChangeKey((id) => keyEvents.push(id));
	store.onDidChange(() => changes++);
	return { secrets, state, store, keyEvents, changes: () => changes };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('account store', () => {
	describe('migration of the single key of earlier versions', () => {
		it('makes a "Default" account holding that key, in its own secret entry, and deletes the old entry', async () => {
			const s = setup({ legacyKey: ` ${KEY_1} ` });
			const migrated = await s.store.initialize();
			assert.deepEqual(migrated, { id: 'default', name: 'Default', companies: [] });
			assert.deepEqual(s.store.accounts, [{ id: 'default', name: 'Default', companies: [] }]);
			assert.equal(await s.store.getKey('default'), KEY_1);
			assert.deepEqual([...s.secrets.values.entries()], [['woodpecker.account.default.apiKey', KEY_1]]);
			assert.deepEqual(s.state.values.get('woodpecker.accounts'), { version: 1, accounts: [{ id: 'default', name: 'Default', companies: [] }] });
		});

		it('runs once: the next start finds the account and migrates nothing', async () => {
			const s = setup({ legacyKey: KEY_1 });
			await s.store.initialize();
			const again = new AccountStore(s.secrets, s.state);
			assert.equal(await again.initialize(), undefined);
			assert.deepEqual(
				again.accounts.map((a) => a.name),
				['Default'],
			);
			assert.equal(await again.getKey('default'), KEY_1);
		});

		it('stopped after the key was copied but before the list was saved, the next start finishes it', async () => {
			const s = setup({ legacyKey: KEY_1 });
			s.secrets.values.set('woodpecker.account.default.apiKey', KEY_1);
			const migrated = await s.store.initialize();
			assert.equal(migrated?.name, 'Default');
			assert.equal(s.secrets.values.has('woodpecker.apiKey'), false);
		});

		it('with accounts already stored, an old entry left behind is deleted, not made an account', async () => {
			const s = setup({ legacyKey: KEY_2, state: { version: 1, accounts: [{ id: 'a-00000009', name: 'Acme', companies: [] }] } });
			assert.equal(await s.store.initialize(), undefined);
			assert.deepEqual(
				s.store.accounts.map((a) => a.name),
				['Acme'],
			);
			assert.equal(s.secrets.values.has('woodpecker.apiKey'), false);
		});

		it('a first start with no key makes no account', async () => {
			const s = setup();
			assert.equal(await s.store.initialize(), undefined);
			assert.deepEqual(s.store.accounts, []);
			assert.equal(s.state.values.has('woodpecker.accounts'), false);
		});
	});

	describe('accounts', () => {
		it('adds accounts with their keys in separate secret entries, names in global state and never a key there', async () => {
			const s = setup();
			await s.store.initialize();
			const first = await s.store.add(' Acme ', KEY_1);
			const second = await s.store.add('Globex', KEY_2);
			assert.deepEqual([first.id, first.name, second.id, second.name], ['a-00000001', 'Acme', 'a-00000002', 'Globex']);
			assert.equal(s.secrets.values.get('woodpecker.account.a-00000001.apiKey'), KEY_1);
			assert.equal(s.secrets.values.get('woodpecker.account.a-00000002.apiKey'), KEY_2);
			const stored = JSON.stringify(s.state.values.get('woodpecker.accounts'));
			assert.equal(stored, '{"version":1,"accounts":[{"id":"a-00000001","name":"Acme","companies":[]},{"id":"a-00000002","name":"Globex","companies":[]}]}');
			assert.deepEqual(s.keyEvents, ['a-00000001', 'a-00000002'], 'each new account is a key change: it loads');
		});

		it('refuses an empty, too long or taken name (case aside), with the reason', async () => {
			const s = setup();
			await s.store.initialize();
			await s.store.add('Acme', KEY_1);
			assert.equal(s.store.validateName('   '), 'Give the account a name.');
			assert.equal(s.store.validateName('x'.repeat(61)), 'Keep the name to 60 characters.');
			assert.equal(s.store.validateName('x'.repeat(60)), undefined);
			assert.equal(s.store.validateName(' ACME '), 'An account named "Acme" exists already.');
			assert.equal(s.store.validateName('Acme', 'a-00000001'), undefined, 'an account may keep its own name');
			await assert.rejects(s.store.add('acme', KEY_2), /An account named "Acme" exists already\./);
			assert.equal(s.store.accounts.length, 1);
		});

		it('renames an account, keeping its id and key; a taken name is refused', async () => {
			const s = setup();
			await s.store.initialize();
			const a = await s.store.add('Acme', KEY_1);
			const b = await s.store.add('Globex', KEY_2);
			await s.store.rename(a.id, 'Acme Outreach');
			assert.deepEqual(s.store.find(a.id), { id: 'a-00000001', name: 'Acme Outreach', companies: [] });
			assert.equal(await s.store.getKey(a.id), KEY_1);
			await assert.rejects(s.store.rename(b.id, 'acme outreach'), /exists already/);
			assert.equal(s.store.find(b.id)?.name, 'Globex');
		});

		it('removes an account with its secret entry, leaving the others', async () => {
			const s = setup();
			await s.store.initialize();
			const a = await s.store.add('Acme', KEY_1);
			const b = await s.store.add('Globex', KEY_2);
			const before = s.changes();
			await s.store.remove(a.id);
			assert.deepEqual(
				s.store.accounts.map((x) => x.id),
				[b.id],
			);
			assert.deepEqual([...s.secrets.values.keys()], ['woodpecker.account.a-00000002.apiKey']);
			assert.equal(s.changes(), before + 1);
			// Its id is not given again (its folder may still be being deleted); a keyless account has no entry.
			const c = await s.store.add('Initech', '');
			assert.equal(c.id, 'a-00000003');
			assert.equal(await s.store.getKey(c.id), undefined);
			assert.equal(s.secrets.values.size, 1);
		});

		it("sets and clears one account's key, reporting each change, the same key included", async () => {
			const s = setup();
			await s.store.initialize();
			const a = await s.store.add('Acme', KEY_1);
			s.keyEvents.length = 0;
			await s.store.setKey(a.id, KEY_1);
			await s.store.setKey(a.id, '  ');
			assert.deepEqual(s.keyEvents, [a.id, a.id]);
			assert.equal(s.secrets.values.has('woodpecker.account.a-00000001.apiKey'), false);
			await assert.rejects(s.store.setKey('a-0000ffff', KEY_2), /no longer exists/);
		});

		it('keeps the chosen client companies, each once, by id and name only', async () => {
			const s = setup();
			await s.store.initialize();
			const a = await s.store.add('Agency HQ', KEY_1);
			const extra = { id: 12, name: 'Beta', owner: 'someone', api_key: 'never-kept' } as { id: number; name: string };
			await s.store.setCompanies(a.id, [{ id: 11, name: 'Alpha' }, extra, { id: 11, name: 'Alpha' }]);
			assert.deepEqual(s.store.find(a.id)?.companies, [
				{ id: 11, name: 'Alpha' },
				{ id: 12, name: 'Beta' },
			]);
			assert.ok(!JSON.stringify(s.state.values.get('woodpecker.accounts')).includes('never-kept'));
		});

		it('reads back what it stored, and leaves out entries it does not recognise', async () => {
			const s = setup({
				state: {
					version: 1,
					accounts: [
						{ id: 'a-00000001', name: 'Acme', companies: [{ id: 5, name: 'Five' }, { id: 'x', name: 'bad id' }, null] },
						{ id: '../escape', name: 'Bad id' },
						{ id: 'a-00000001', name: 'Same id again' },
						{ id: 'a-00000002', name: 42 },
						null,
						{ id: 'a-00000003', name: 'No companies field' },
					],
				},
			});
			await s.store.initialize();
			assert.deepEqual(s.store.accounts, [
				{ id: 'a-00000001', name: 'Acme', companies: [{ id: 5, name: 'Five' }] },
				{ id: 'a-00000003', name: 'No companies field', companies: [] },
			]);
			const foreign = setup({ state: { version: 2, accounts: [{ id: 'a-1', name: 'Future' }] } });
			await foreign.store.initialize();
			assert.deepEqual(foreign.store.accounts, []);
		});
	});

	describe('another window', () => {
		it('tells a key changed elsewhere once, and not the echo of its own change', async () => {
			const s = setup();
			await s.store.initialize();
			const a = await s.store.add('Acme', KEY_1);
			await settle();
			s.keyEvents.length = 0;
			await s.secrets.storeElsewhere('woodpecker.account.a-00000001.apiKey', KEY_2);
			await settle();
			assert.deepEqual(s.keyEvents, [a.id]);
			await s.secrets.storeElsewhere('woodpecker.account.a-00000001.apiKey', KEY_2);
			await settle();
			assert.deepEqual(s.keyEvents, [a.id], 'the same value again is no change');
			await s.secrets.storeElsewhere('woodpecker.account.a-0000abcd.apiKey', KEY_2);
			await s.secrets.storeElsewhere('unrelated.secret', KEY_2);
			await settle();
			assert.deepEqual(s.keyEvents, [a.id], 'entries of unknown accounts and other secrets are not ours');
		});
	});

	describe('details', () => {
		it('holds no account before it is initialized', () => {
			assert.deepEqual(setup().store.accounts, []);
		});

		it('trims keys wherever they come from, and names when renamed', async () => {
			const s = setup();
			await s.store.initialize();
			const a = await s.store.add('Acme', `  ${KEY_1}\n`);
			assert.equal(s.secrets.values.get(`woodpecker.account.${a.id}.apiKey`), KEY_1);
			await s.store.setKey(a.id, ` ${KEY_2} `);
			assert.equal(s.secrets.values.get(`woodpecker.account.${a.id}.apiKey`), KEY_2);
			s.secrets.values.set(`woodpecker.account.${a.id}.apiKey`, `\t${KEY_1} `);
			assert.equal(await s.store.getKey(a.id), KEY_1);
			await s.store.setKey(a.id, undefined);
			assert.equal(s.secrets.values.has(`woodpecker.account.${a.id}.apiKey`), false);
			await s.store.rename(a.id, '  Acme Outreach  ');
			assert.equal(s.store.find(a.id)?.name, 'Acme Outreach');
		});

		it('renames and changes only the account named, and refuses one that is gone', async () => {
			const s = setup();
			await s.store.initialize();
			const a = await s.store.add('Acme', KEY_1);
			const b = await s.store.add('Globex', KEY_2);
			await s.store.rename(b.id, 'Globex Inc');
			await s.store.setCompanies(b.id, [{ id: 7, name: 'Seven' }]);
			assert.deepEqual(s.store.accounts, [
				{ id: a.id, name: 'Acme', companies: [] },
				{ id: b.id, name: 'Globex Inc', companies: [{ id: 7, name: 'Seven' }] },
			]);
			assert.deepEqual(s.state.values.get('woodpecker.accounts'), {
				version: 1,
				accounts: [
					{ id: a.id, name: 'Acme', companies: [] },
					{ id: b.id, name: 'Globex Inc', companies: [{ id: 7, name: 'Seven' }] },
				],
			});
			await assert.rejects(s.store.setCompanies('a-0000ffff', []), /^Error: That account no longer exists\.$/);
			await assert.rejects(s.store.rename('a-0000ffff', 'Other'), /^Error: That account no longer exists\.$/);
		});

		it('removing an account that is gone changes nothing', async () => {
			const s = setup();
			await s.store.initialize();
			await s.store.add('Acme', KEY_1);
			const before = s.changes();
			s.state.values.delete('woodpecker.accounts');
			await s.store.remove('a-0000ffff');
			assert.equal(s.changes(), before);
			assert.equal(s.state.values.has('woodpecker.accounts'), false, 'nothing saved');
		});

		it('never gives an id twice, even when the generator repeats itself', async () => {
			const secrets = new MemorySecrets();
			const ids = ['a-00000001', 'a-00000001', 'a-00000001', 'a-00000002'];
			const store = new AccountStore(secrets, new MemoryMemento(), () => ids.shift()!);
			await store.initialize();
			assert.equal((await store.add('One', KEY_1)).id, 'a-00000001');
			assert.equal((await store.add('Two', KEY_2)).id, 'a-00000002');
		});

		it('makes ids of eight hex digits after "a-"', async () => {
			const random = Math.random;
			Math.random = () => 0.00001; // 0xffffffff × 0.00001 = 42949 = 0xa7c5
			try {
				const store = new AccountStore(new MemorySecrets(), new MemoryMemento());
				await store.initialize();
				assert.equal((await store.add('One', KEY_1)).id, 'a-0000a7c5');
			} finally {
				Math.random = random;
			}
		});

		it('leaves out stored entries with an id that is no plain name, or companies without a text name', async () => {
			const s = setup({
				state: {
					version: 1,
					accounts: [
						{ id: 42, name: 'Numeric id' },
						{ id: 'a-00000004/../x', name: 'Path in the id' },
						{
							id: 'a-00000005',
							name: 'Kept',
							companies: [
								{ id: 6, name: 7 },
								{ id: 8, name: 'Eight' },
							],
						},
					],
				},
			});
			await s.store.initialize();
			assert.deepEqual(s.store.accounts, [{ id: 'a-00000005', name: 'Kept', companies: [{ id: 8, name: 'Eight' }] }]);
		});

		it('takes only its own secret entries as key changes from elsewhere', async () => {
			const s = setup();
			await s.store.initialize();
			const a = await s.store.add('Acme', KEY_1);
			await settle();
			s.keyEvents.length = 0;
			await s.secrets.storeElsewhere(`other.woodpecker.account.${a.id}.apiKey`, KEY_2);
			await s.secrets.storeElsewhere(`woodpecker.account.${a.id}.apiKeyOld`, KEY_2);
			await settle();
			assert.deepEqual(s.keyEvents, []);
		});

		it('an account added without a key: a key stored for it elsewhere is news; its own echo is not', async () => {
			const s = setup();
			await s.store.initialize();
			const a = await s.store.add('Later', '');
			const b = await s.store.add('Now', KEY_1);
			await settle();
			s.keyEvents.length = 0;
			await s.secrets.storeElsewhere(`woodpecker.account.${b.id}.apiKey`, KEY_1);
			await s.secrets.storeElsewhere(`woodpecker.account.${a.id}.apiKey`, KEY_2);
			await settle();
			assert.deepEqual(s.keyEvents, [a.id]);
		});
	});
});
