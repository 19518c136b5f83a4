// When the extension refreshes, and who is told: every rule of the one scheduler, with a
// recording store, hand-fired editor events and a timer the test drives.
import * as assert from 'node:assert/strict';
import type { RefreshRequest, Source, SourceOutcome } from '../../../src/accounts/sources';
import { Emitter } from '../../../src/common/emitter';
import { RefreshScheduler, type SchedulerSettings, type SchedulerSources } from '../../../src/enrichments/refreshScheduler';

/** Records what the scheduler asks, as "refresh <trigger>[ restart][ account <id>][ sources <ids>]" and "reset <id|all>: <reason>". */
class RecordingSources implements SchedulerSources {
	hasKey = true;
	readonly calls: string[] = [];
	readonly added = new Emitter<readonly Source[]>();
	readonly onDidAdd = this.added.event;
	async refresh(r: RefreshRequest = {}): Promise<SourceOutcome[]> {
		const account = r.accountId ? ` account ${r.accountId}` : '';
		const sources = r.sourceIds ? ` sources ${r.sourceIds.join(',')}` : '';
		this.calls.push(`refresh ${r.trigger ?? 'background'}${r.restart ? ' restart' : ''}${account}${sources}`);
		return [];
	}
	async resetAccount(accountId: string | undefined, reason: string): Promise<void> {
		this.calls.push(`reset ${accountId ?? 'all'}: ${reason}`);
	}
}

class FakeTimers {
	readonly intervals = new Map<number, { fn: () => void; ms: number }>();
	private next = 1;
	setInterval = (fn: () => void, ms: number) => {
		const id = this.next++;
		this.intervals.set(id, { fn, ms });
		return id;
	};
	clearInterval = (id: unknown) => {
		this.intervals.delete(id as number);
	};
	/** The one interval running, if any: its period in ms. */
	period(): number | undefined {
		assert.ok(this.intervals.size <= 1, 'more than one timer');
		return [...this.intervals.values()][0]?.ms;
	}
	fire(): void {
		for (const { fn } of this.intervals.values()) fn();
	}
}

function setup(initial: Partial<SchedulerSettings> & { visible?: boolean } = {}) {
	const store = new RecordingSources();
	const key = new Emitter<string>();
	const cutoff = new Emitter<unknown>();
	const settingsChanged = new Emitter<void>();
	const visibility = new Emitter<unknown>();
	const view = { visible: initial.visible ?? false, onDidChangeVisibility: visibility.event };
	const settings: SchedulerSettings = { apiBaseUrl: initial.apiBaseUrl ?? 'https://api.woodpecker.co', autoRefreshMinutes: initial.autoRefreshMinutes ?? 0 };
	const timers = new FakeTimers();
	const scheduler = new RefreshScheduler({
		sources: store,
		onDidChangeKey: key.event,
		onDidChangeCutoff: cutoff.event,
		onDidChangeSettings: settingsChanged.event,
		settings: () => ({ ...settings }),
		view,
		timers,
	});
	return {
		store,
		scheduler,
		timers,
		settings,
		show(visible: boolean) {
			view.visible = visible;
			visibility.fire({ visible });
		},
		changeKey: (accountId = 'a1') => key.fire(accountId),
		addSources: (ids: string[]) => store.added.fire(ids.map((id) => ({ id }) as Source)),
		changeCutoff: () => cutoff.fire({}),
		changeSettings: (next: Partial<SchedulerSettings>) => {
			Object.assign(settings, next);
			settingsChanged.fire();
		},
	};
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('refresh scheduler', () => {
	it('requests nothing while the view has not been seen, then loads once when it is', () => {
		const s = setup();
		s.scheduler.start();
		assert.deepEqual(s.store.calls, []);
		s.show(true);
		assert.deepEqual(s.store.calls, ['refresh background']);
		s.show(false);
		s.show(true);
		assert.deepEqual(s.store.calls, ['refresh background'], 'showing the view again does not reload');
	});

	it('loads at start when the view is already on screen, and not without a key', () => {
		const s = setup({ visible: true });
		s.scheduler.start();
		assert.deepEqual(s.store.calls, ['refresh background']);
		const n = setup({ visible: true });
		n.store.hasKey = false;
		n.scheduler.start();
		assert.deepEqual(n.store.calls, []);
	});

	it('a new key (here or in another window): forgets that account only and loads it, seen or not, telling the view only', async () => {
		const s = setup();
		s.changeKey('a2');
		await settle();
		assert.deepEqual(s.store.calls, ['reset a2: the API key changed', 'refresh background restart account a2']);
	});

	it('a key cleared: forgets that account; with no key left anywhere the timer stops', async () => {
		const s = setup({ visible: true, autoRefreshMinutes: 5 });
		s.scheduler.start();
		assert.equal(s.timers.period(), 300_000);
		s.store.hasKey = false;
		s.changeKey('a1');
		await settle();
		// The sources make no request for an account without a key (their own tests show it).
		assert.deepEqual(s.store.calls, ['refresh background', 'reset a1: the API key changed', 'refresh background restart account a1']);
		assert.equal(s.timers.period(), undefined, 'no timer without a key');
	});

	it('sources made later (an account added, a company chosen) load alone once the view was seen, not before', () => {
		const s = setup();
		s.addSources(['a1/company-7']);
		assert.deepEqual(s.store.calls, [], 'not before the view was seen');
		s.show(true);
		s.addSources(['a1/company-8', 'a1/company-9']);
		assert.deepEqual(s.store.calls, ['refresh background', 'refresh background sources a1/company-8,a1/company-9']);
	});

	it('a cutoff change replaces a refresh under way; before the view was seen it waits', () => {
		const s = setup();
		s.changeCutoff();
		assert.deepEqual(s.store.calls, []);
		s.show(true);
		s.changeCutoff();
		assert.deepEqual(s.store.calls, ['refresh background', 'refresh background restart']);
	});

	it('another base URL is another account: forget, then reload in the background', async () => {
		const s = setup({ visible: true });
		s.scheduler.start();
		s.changeSettings({ apiBaseUrl: 'https://eu.api.woodpecker.co' });
		await settle();
		assert.deepEqual(s.store.calls, ['refresh background', 'reset all: woodpecker.apiBaseUrl changed', 'refresh background restart']);
	});

	it('a settings change that keeps the address reloads nothing', async () => {
		const s = setup({ visible: true });
		s.scheduler.start();
		s.changeSettings({ autoRefreshMinutes: 0 });
		await settle();
		assert.deepEqual(s.store.calls, ['refresh background']);
	});

	it('auto-refresh runs only while the view is visible, at the set period, in the background', () => {
		const s = setup({ autoRefreshMinutes: 5 });
		s.scheduler.start();
		assert.equal(s.timers.period(), undefined, 'not while hidden');
		s.show(true);
		assert.equal(s.timers.period(), 5 * 60_000);
		s.timers.fire();
		assert.deepEqual(s.store.calls, ['refresh background', 'refresh background']);
		s.show(false);
		assert.equal(s.timers.period(), undefined, 'stopped when hidden');
		s.show(true);
		s.changeSettings({ autoRefreshMinutes: 1 });
		assert.equal(s.timers.period(), 60_000, 'a new period takes effect at once');
		s.changeSettings({ autoRefreshMinutes: 0 });
		assert.equal(s.timers.period(), undefined, '0 turns it off');
	});

	it('Refresh and Retry are the user asking, for every source or the ones named', async () => {
		const s = setup();
		await s.scheduler.refreshNow();
		await s.scheduler.refreshNow(['a2']);
		assert.deepEqual(s.store.calls, ['refresh user', 'refresh user sources a2']);
		s.changeCutoff();
		assert.deepEqual(s.store.calls, ['refresh user', 'refresh user sources a2', 'refresh background restart'], 'after a refresh asked for, a cutoff change loads at once');
	});

	it('stops its timer and listens no more once disposed', () => {
		const s = setup({ visible: true, autoRefreshMinutes: 5 });
		s.scheduler.start();
		s.scheduler.dispose();
		assert.equal(s.timers.period(), undefined);
		s.changeCutoff();
		s.show(true);
		assert.deepEqual(s.store.calls, ['refresh background']);
	});
});
