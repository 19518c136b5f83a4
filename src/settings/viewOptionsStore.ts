// How the view presents what it loaded: the lead filter and Group by Day, kept in global state
// (like the cutoff) so they survive reloads and follow the user, whatever folder is open: the
// batches belong to the accounts, not to a workspace. No `vscode` import: plain mocha tests it.
import type { MementoLike } from '../accounts/accountStore';
import { Disposable } from '../common/disposable';
import { Emitter } from '../common/emitter';
import { DEFAULT_FILTER, type LeadFilter, parseFilter } from '../model/leadFilter';

export const FILTER_STATE_KEY = 'woodpecker.filter';
export const GROUP_BY_DAY_STATE_KEY = 'woodpecker.groupByDay';

export interface ViewOptions {
	readonly filter: LeadFilter;
	readonly groupByDay: boolean;
}

export const PLAIN_VIEW: ViewOptions = { filter: DEFAULT_FILTER, groupByDay: false };

export class ViewOptionsStore extends Disposable implements ViewOptions {
	private readonly changed = this._register(new Emitter<ViewOptions>());
	/** Fires with the options after one of them changed. */
	readonly onDidChange = this.changed.event;

	constructor(private readonly state: MementoLike) {
		super();
	}

	get filter(): LeadFilter {
		return parseFilter(this.state.get(FILTER_STATE_KEY));
	}

	get groupByDay(): boolean {
		return this.state.get(GROUP_BY_DAY_STATE_KEY) === true;
	}

	async setFilter(filter: LeadFilter): Promise<void> {
		if (filter === this.filter) return;
		await this.state.update(FILTER_STATE_KEY, filter);
		this.fire();
	}

	async setGroupByDay(on: boolean): Promise<void> {
		if (on === this.groupByDay) return;
		await this.state.update(GROUP_BY_DAY_STATE_KEY, on);
		this.fire();
	}

	private fire(): void {
		this.changed.fire({ filter: this.filter, groupByDay: this.groupByDay });
	}
}
