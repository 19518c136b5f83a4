import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';

const SECRET_KEY = 'woodpecker.apiKey';

/** The API key, kept only in VS Code's SecretStorage (the OS keychain on desktop). */
export class ApiKeyStore extends Disposable {
	private readonly changed = this._register(new vscode.EventEmitter<void>());
	/** Fires when the key is set, changed or cleared, here or in another window. */
	readonly onDidChange = this.changed.event;

	constructor(private readonly secrets: vscode.SecretStorage) {
		super();
		this._register(secrets.onDidChange((e) => e.key === SECRET_KEY && this.changed.fire()));
	}

	async get(): Promise<string | undefined> {
		return (await this.secrets.get(SECRET_KEY))?.trim() || undefined;
	}

	/** Stores a trimmed key; an empty one clears it. */
	async set(key: string | undefined): Promise<void> {
		const clean = key?.trim();
		if (clean) await this.secrets.store(SECRET_KEY, clean);
		else await this.secrets.delete(SECRET_KEY);
	}
}
