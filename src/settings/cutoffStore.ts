import type * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { Emitter } from '../common/emitter';
import { type Cutoff, parseStoredCutoff, sameCutoff } from './cutoff';

const STATE_KEY = 'woodpecker.cutoff';

/** The cutoff in force, kept in globalState so it survives reloads. */
export class CutoffStore extends Disposable {
	private readonly changed = this._register(new Emitter<Cutoff>());
	/** Fires with the new cutoff when it changes. */
	readonly onDidChange = this.changed.event;

	constructor(private readonly state: vscode.Memento) {
		super();
	}

	get(): Cutoff {
		return parseStoredCutoff(this.state.get(STATE_KEY));
	}

	async set(cutoff: Cutoff): Promise<void> {
		const before = this.get();
		await this.state.update(STATE_KEY, cutoff);
		if (!sameCutoff(before, cutoff)) this.changed.fire(cutoff);
	}
}
