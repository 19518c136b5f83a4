// The editor's SecretStorage and Memento in memory, for tests and the bench in plain Node.
import type { MementoLike, SecretsLike } from '../../src/accounts/accountStore';
import { Emitter } from '../../src/common/emitter';

export class MemorySecrets implements SecretsLike {
	readonly values = new Map<string, string>();
	private readonly changed = new Emitter<{ key: string }>();
	readonly onDidChange = this.changed.event;

	async get(key: string): Promise<string | undefined> {
		return this.values.get(key);
	}

	async store(key: string, value: string): Promise<void> {
		this.values.set(key, value);
		this.changed.fire({ key });
	}

	async delete(key: string): Promise<void> {
		const had = this.values.delete(key);
		if (had) this.changed.fire({ key });
	}

	/** As another window would: the value changes and the event fires. */
	async storeElsewhere(key: string, value: string | undefined): Promise<void> {
		if (value === undefined) this.values.delete(key);
		else this.values.set(key, value);
		this.changed.fire({ key });
	}
}

export class MemoryMemento implements MementoLike {
	readonly values = new Map<string, unknown>();

	get<T>(key: string): T | undefined {
		return this.values.get(key) as T | undefined;
	}

	async update(key: string, value: unknown): Promise<void> {
		// Stored as the editor stores it: a JSON copy, so no test shares an object with the code.
		if (value === undefined) this.values.delete(key);
		else this.values.set(key, JSON.parse(JSON.stringify(value)));
	}
}
