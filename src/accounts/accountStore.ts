// The accounts the view watches. Names, ids and chosen client companies live in global state;
// each key lives in SecretStorage under its own entry, and nowhere else.
// No `vscode` import: the editor's SecretStorage and Memento fit the small interfaces below.
import * as l10n from '@vscode/l10n';
import { Disposable } from '../common/disposable';
import { Emitter, type Event } from '../common/emitter';

export interface SecretsLike {
	get(key: string): PromiseLike<string | undefined>;
	store(key: string, value: string): PromiseLike<void>;
	delete(key: string): PromiseLike<void>;
	onDidChange: Event<{ key: string }>;
}

export interface MementoLike {
	get<T>(key: string): T | undefined;
	update(key: string, value: unknown): PromiseLike<void>;
}

/** A client company of an agency, as chosen for the view: what its row needs, never a key. */
export interface ClientCompany {
	readonly id: number;
	readonly name: string;
}

export interface Account {
	/** Stable and safe in file and secret names: `default` (the account migrated from one key) or `a-<hex>`. */
	readonly id: string;
	readonly name: string;
	/** The agency's client companies shown under this (HQ) account; empty for most accounts. */
	readonly companies: readonly ClientCompany[];
}

/** The one key of versions before accounts; moved to the "Default" account at first start. */
export const LEGACY_SECRET = 'woodpecker.apiKey';
export const STATE_KEY = 'woodpecker.accounts';
export const DEFAULT_ACCOUNT: Pick<Account, 'id' | 'name'> = { id: 'default', name: 'Default' };
const MAX_NAME_LENGTH = 60;

export function secretName(accountId: string): string {
	return `woodpecker.account.${accountId}.apiKey`;
}

const SECRET_PATTERN = /^woodpecker\.account\.([a-z0-9-]+)\.apiKey$/;

interface Stored {
	version: 1;
	accounts: Account[];
}

export class AccountStore extends Disposable {
	private readonly changed = this._register(new Emitter<void>());
	/** Fires when an account is added, renamed or removed, or its companies change. */
	readonly onDidChange = this.changed.event;
	private readonly keyChanged = this._register(new Emitter<string>());
	/** Fires with the account's id when its key is set, changed or cleared, here or in another window. */
	readonly onDidChangeKey = this.keyChanged.event;

	private list: Account[] = [];
	/** The key each account had when this window last looked, so another window's change is told once. */
	private readonly known = new Map<string, string | undefined>();
	/** Every write waits for the one before: two quick changes land in the order they were made. */
	private last: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly secrets: SecretsLike,
		private readonly state: MementoLike,
		private readonly newId: () => string = randomId,
	) {
		super();
		this._register(secrets.onDidChange((e) => void this.onSecretChanged(e.key)));
	}

	/** The accounts in the order they were added. */
	get accounts(): readonly Account[] {
		return this.list;
	}

	find(id: string): Account | undefined {
		return this.list.find((a) => a.id === id);
	}

	/**
	 * Reads the accounts; a key from before accounts existed becomes the "Default" account, with
	 * nothing asked of the user. Returns that account when it was made now (its cache moves too).
	 */
	async initialize(): Promise<Account | undefined> {
		this.list = readStored(this.state.get<unknown>(STATE_KEY));
		for (const a of this.list) this.known.set(a.id, await this.getKey(a.id));
		const legacy = (await this.secrets.get(LEGACY_SECRET))?.trim();
		if (!legacy) return undefined;
		if (this.list.length) {
			// Accounts exist already (made by this version elsewhere): the old entry is only a leftover.
			await this.secrets.delete(LEGACY_SECRET);
			return undefined;
		}
		// Key first, then the list, then the old entry: stopped at any point, the next start finishes it.
		const account: Account = { ...DEFAULT_ACCOUNT, companies: [] };
		await this.secrets.store(secretName(account.id), legacy);
		this.known.set(account.id, legacy);
		this.list = [account];
		await this.save();
		await this.secrets.delete(LEGACY_SECRET);
		return account;
	}

	async getKey(accountId: string): Promise<string | undefined> {
		return (await this.secrets.get(secretName(accountId)))?.trim() || undefined;
	}

	/** Why `name` cannot name an account (other than `exceptId`), or undefined when it can. */
	validateName(name: string, exceptId?: string): string | undefined {
		const clean = name.trim();
		if (!clean) return l10n.t('Give the account a name.');
		if (clean.length > MAX_NAME_LENGTH) return l10n.t('Keep the name to {0} characters.', MAX_NAME_LENGTH);
		const same = this.list.find((a) => a.id !== exceptId && a.name.toLocaleLowerCase() === clean.toLocaleLowerCase());
		return same ? l10n.t('An account named "{0}" exists already.', same.name) : undefined;
	}

	/** Adds an account with its key; throws with the reason when the name is not valid. */
	add(name: string, key: string): Promise<Account> {
		return this.serialized(async () => {
			const problem = this.validateName(name);
			if (problem) throw new Error(problem);
			const account: Account = { id: this.uniqueId(), name: name.trim(), companies: [] };
			const clean = key.trim();
			if (clean) await this.secrets.store(secretName(account.id), clean);
			this.known.set(account.id, clean || undefined);
			this.list = [...this.list, account];
			await this.save();
			this.changed.fire();
			this.keyChanged.fire(account.id);
			return account;
		});
	}

	rename(id: string, name: string): Promise<void> {
		return this.serialized(async () => {
			const problem = this.validateName(name, id);
			if (problem) throw new Error(problem);
			await this.replace(id, (a) => ({ ...a, name: name.trim() }));
		});
	}

	/** Removes the account and deletes its key; whoever holds its data forgets it on onDidChange. */
	remove(id: string): Promise<void> {
		return this.serialized(async () => {
			if (!this.find(id)) return;
			this.list = this.list.filter((a) => a.id !== id);
			this.known.delete(id);
			await this.save();
			await this.secrets.delete(secretName(id));
			this.changed.fire();
		});
	}

	/** Stores a trimmed key (an empty one clears it) and reports it, even the same key: the user asked. */
	setKey(id: string, key: string | undefined): Promise<void> {
		return this.serialized(async () => {
			if (!this.find(id)) throw new Error(l10n.t('That account no longer exists.'));
			const clean = key?.trim() || undefined;
			this.known.set(id, clean);
			if (clean) await this.secrets.store(secretName(id), clean);
			else await this.secrets.delete(secretName(id));
			this.keyChanged.fire(id);
		});
	}

	setCompanies(id: string, companies: readonly ClientCompany[]): Promise<void> {
		const unique = [...new Map(companies.map((c) => [c.id, { id: c.id, name: c.name }])).values()];
		return this.serialized(() => this.replace(id, (a) => ({ ...a, companies: unique })));
	}

	private async replace(id: string, change: (a: Account) => Account): Promise<void> {
		const at = this.list.findIndex((a) => a.id === id);
		if (at < 0) throw new Error(l10n.t('That account no longer exists.'));
		this.list = this.list.map((a, i) => (i === at ? change(a) : a));
		await this.save();
		this.changed.fire();
	}

	private save(): PromiseLike<void> {
		const stored: Stored = { version: 1, accounts: this.list.map((a) => ({ id: a.id, name: a.name, companies: a.companies.map((c) => ({ id: c.id, name: c.name })) })) };
		return this.state.update(STATE_KEY, stored);
	}

	/** A new id, never one in use: an id is also a folder, whose deletion may still be under way. */
	private uniqueId(): string {
		let id = this.newId();
		while (this.find(id)) id = this.newId();
		return id;
	}

	private serialized<T>(op: () => Promise<T>): Promise<T> {
		const run = this.last.then(op, op);
		this.last = run.catch(() => undefined);
		return run;
	}

	/** Another window changed a key: tell it once, and not the echo of this window's own change. */
	private async onSecretChanged(secret: string): Promise<void> {
		const id = SECRET_PATTERN.exec(secret)?.[1];
		if (!id) return;
		const now = await this.getKey(id);
		if (!this.find(id) || this.known.get(id) === now) return;
		this.known.set(id, now);
		this.keyChanged.fire(id);
	}
}

/** Stored accounts, each checked; anything foreign is left out rather than trusted. */
function readStored(value: unknown): Account[] {
	const v = value as Partial<Stored> | undefined;
	if (!v || v.version !== 1 || !Array.isArray(v.accounts)) return [];
	const accounts: Account[] = [];
	for (const a of v.accounts as unknown[]) {
		const r = a as Record<string, unknown> | null;
		if (!r || typeof r.id !== 'string' || !/^[a-z0-9-]+$/.test(r.id) || typeof r.name !== 'string' || accounts.some((x) => x.id === r.id)) continue;
		const companies = Array.isArray(r.companies) ? (r.companies as unknown[]).filter((c): c is ClientCompany => Number.isSafeInteger((c as ClientCompany)?.id) && typeof (c as ClientCompany)?.name === 'string') : [];
		accounts.push({ id: r.id, name: r.name, companies: companies.map((c) => ({ id: c.id, name: c.name })) });
	}
	return accounts;
}

function randomId(): string {
	return `a-${Math.floor(Math.random() * 0xffffffff)
		.toString(16)
		.padStart(8, '0')}`;
}
