import type * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { Emitter } from '../common/emitter';

const SECRET_KEY = 'woodpecker.apiKey';

/** The API key, kept only in VS Code's SecretStorage (the OS keychain on desktop). */
export class ApiKeyStore extends Disposable {
	private readonly changed = this._register(new Emitter<void>());
	/** Fires when the key is set, changed or cleared, here or in another window. */
	readonly onDidChange = this.changed.event;
	/** The value this window last knew, so the echo of its own change (or another window's) is reported once. */
	private known: Promise<string | undefined>;

	constructor(private readonly secrets: vscode.SecretStorage) {
		super();
		this.known = this.get();
		this._register(secrets.onDidChange((e) => e.key === SECRET_KEY && void this.onSecretChanged()));
	}

	async get(): Promise<string | undefined> {
		return (await this.secrets.get(SECRET_KEY))?.trim() || undefined;
	}

	/** Stores a trimmed key (an empty one clears it) and reports the change, even to the same key: the user asked for it. */
	async set(key: string | undefined): Promise<void> {
		const clean = key?.trim() || undefined;
		this.known = Promise.resolve(clean);
		if (clean) await this.secrets.store(SECRET_KEY, clean);
		else await this.secrets.delete(SECRET_KEY);
		this.changed.fire();
	}

	private async onSecretChanged(): Promise<void> {
		const before = await this.known;
		const now = this.get();
		this.known = now;
		if ((await now) !== before) this.changed.fire();
	}
}
