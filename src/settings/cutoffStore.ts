import * as vscode from 'vscode';
import { type Cutoff, parseStoredCutoff } from './cutoff';

const STATE_KEY = 'woodpecker.cutoff';

/** The cutoff in force, kept in globalState so it survives reloads. */
export class CutoffStore {
	constructor(private readonly state: vscode.Memento) {}

	get(): Cutoff {
		return parseStoredCutoff(this.state.get(STATE_KEY));
	}

	async set(cutoff: Cutoff): Promise<void> {
		await this.state.update(STATE_KEY, cutoff);
	}
}
