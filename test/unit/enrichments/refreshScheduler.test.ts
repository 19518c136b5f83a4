// When the extension refreshes, and who is told: every rule of the one scheduler, with a
// recording store, hand-fired editor events and a clock the test drives.
import * as assert from 'node:assert/strict';
import type { RefreshRequest, Source, SourceOutcome } from '../../../src/accounts/sources';
import type { WoodpeckerApiError } from '../../../src/api/errors';
import { Emitter } from '../../../src/common/emitter';
import type { RefreshEnd } from '../../../src/enrichments/enrichmentStore';
import { RefreshScheduler, type SchedulerSettings, type SchedulerSources, type SchedulerTimers } from '../../../src/enrichments/refreshScheduler';

type Outcome = SourceOutcome['outcome'];
const failed = (kind: WoodpeckerApiError['kind']): Outcome => ({ ok: false, error: { kind, message: kind } as WoodpeckerApiError });

/**
 * Records what the scheduler asks, as "refresh <trigger>[ restart][ account <id>][ sources <ids>]"
 * and "reset <id|all>: <reason>". A refresh ends a turn later with `outcome` for each source it
 * names (every id in `ids` when it names none), unless `hold` keeps it running until `finish()`.
 */
class RecordingSources implements SchedulerSources {
	hasKey = true;
	isRefreshing = false;
	hold = false;
	ids = ['a1'];
	/** The sources whose shown leads include pending ones. */
	pending = new Set<string>();
	outcome: Outcome = { ok: true };
	readonly calls: string[] = [];
	readonly added = new Emitter<readonly Source[]>();
	readonly onDidAdd = this.added.event;
	readonly changed = new Emitter<void>();
	readonly onDidChange = this.changed.event;
	readonly finished = new Emitter<RefreshEnd & { source: Source }>();
	readonly onDidFinishRefresh = this.finished.event;
	private running: { ids: readonly string[]; resolve: () => void } | undefined;

	pendingSourceIds(): string[] {
		return this.ids.filter((id) => this.pending.has(id));
	}

	refresh(r: RefreshRequest = {}): Promise<SourceOutcome[]> {
		const account = r.accountId ? ` account ${r.accountId}` : '';
		const sources = r.sourceIds ? ` sources ${r.sourceIds.join(',')}` : '';
		this.calls.push(`refresh ${r.trigger ?? 'background'}${r.restart ? ' restart' : ''}${account}${sources}`);
		this.isRefreshing = true;
		this.changed.fire();
		return new Promise((resolve) => {
			this.running = { ids: r.sourceIds ?? this.ids, resolve: () => resolve([]) };
			if (!this.hold) void Promise.resolve().then(() => this.finish());
		});
	}

	/** Ends the refresh under way as a store does: not refreshing, then changed, then finished per source. */
	finish(outcome = this.outcome): void {
		const running = this.running;
		if (!running) return;
		this.running = undefined;
		this.isRefreshing = false;
		this.changed.fire();
		for (const id of running.ids) this.finished.fire({ outcome, trigger: 'background', source: { id } as Source });
		running.resolve();
	}

	async resetAccount(accountId: string | undefined, reason: string): Promise<void> {
		this.calls.push(`reset ${accountId ?? 'all'}: ${reason}`);
	}
}

/** Timeouts on a clock that moves only when the test says. */
class FakeClock implements SchedulerTimers {
	time = 1_000_000;
	private readonly timeouts = new Map<number, { fn: () => void; at: number }>();
	private nextId = 1;
	setTimeout = (fn: () => void, ms: number) => {
		const id = this.nextId++;
		this.timeouts.set(id, { fn, at: this.time + ms });
		return id;
	};
	clearTimeout = (id: unknown) => {
		this.timeouts.delete(id as number);
	};
	now = () => this.time;
	/** In how many ms the one timeout set fires, if one is. */
	due(): number | undefined {
		assert.ok(this.timeouts.size <= 1, 'more than one timer');
		const [t] = this.timeouts.values();
		return t && t.at - this.time;
	}
	/** Moves the clock on by `ms`, firing what falls due on the way (and letting refreshes end). */
	async advance(ms: number): Promise<void> {
		const end = this.time + ms;
		for (;;) {
			const [id, t] = [...this.timeouts.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
			if (id === undefined || t!.at > end) break;
			this.time = t!.at;
			this.timeouts.delete(id);
			t!.fn();
			await settle();
		}
		this.time = end;
	}
}

function setup(initial: Partial<SchedulerSettings> & { visible?: boolean; focused?: boolean } = {}) {
	const store = new RecordingSources();
	const key = new Emitter<string>();
	const cutoff = new Emitter<unknown>();
	const settingsChanged = new Emitter<void>();
	const visibility = new Emitter<unknown>();
	const focus = new Emitter<unknown>();
	const view = { visible: initial.visible ?? false, onDidChangeVisibility: visibility.event };
	const window = { focused: initial.focused ?? true, onDidChangeFocus: focus.event };
	const settings: SchedulerSettings = {
		apiBaseUrl: initial.apiBaseUrl ?? 'https://api.woodpecker.co',
		pollIntervalSeconds: initial.pollIntervalSeconds ?? 60,
		idleRefreshMinutes: initial.idleRefreshMinutes ?? 0,
	};
	const clock = new FakeClock();
	const scheduler = new RefreshScheduler({
		sources: store,
		onDidChangeKey: key.event,
		onDidChangeCutoff: cutoff.event,
		onDidChangeSettings: settingsChanged.event,
		settings: () => ({ ...settings }),
		view,
		window,
		timers: clock,
	});
	return {
		store,
		scheduler,
		clock,
		settings,
		show(visible: boolean) {
			view.visible = visible;
			visibility.fire({ visible });
		},
		focus(focused: boolean) {
			window.focused = focused;
			focus.fire({ focused });
		},
		changeKey: (accountId = 'a1') => key.fire(accountId),
		addSources: (ids: string[]) => store.added.fire(ids.map((id) => ({ id }) as Source)),
		changeCutoff: () => cutoff.fire({}),
		changeSettings: (next: Partial<SchedulerSettings>) => {
			Object.assign(settings, next);
			settingsChanged.fire();
		},
		/** Opens the view and lets its first load end (with `pending` sources showing pending leads). */
		async load(pending: string[] = []) {
			view.visible = true;
			visibility.fire({ visible: true });
			pending.forEach((id) => store.pending.add(id));
			await settle();
		},
	};
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const SECOND = 1000;
const MINUTE = 60 * SECOND;

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
		s.changeSettings({ pollIntervalSeconds: 30 });
		await settle();
		assert.deepEqual(s.store.calls, ['refresh background']);
	});

	it('Refresh and Retry are the user asking, for every source or the ones named', async () => {
		const s = setup();
		await s.scheduler.refreshNow();
		await s.scheduler.refreshNow(['a2']);
		assert.deepEqual(s.store.calls, ['refresh user', 'refresh user sources a2']);
		s.changeCutoff();
		assert.deepEqual(s.store.calls, ['refresh user', 'refresh user sources a2', 'refresh background restart'], 'after a refresh asked for, a cutoff change loads at once');
	});

	it('a key cleared: forgets that account; with no key left anywhere nothing is polled', async () => {
		const s = setup();
		await s.load(['a1']);
		assert.equal(s.clock.due(), 60 * SECOND);
		s.store.hasKey = false;
		s.changeKey('a1');
		await settle();
		// The sources make no request for an account without a key (their own tests show it).
		assert.deepEqual(s.store.calls, ['refresh background', 'reset a1: the API key changed', 'refresh background restart account a1']);
		assert.equal(s.clock.due(), undefined, 'no timer without a key');
	});

	describe('polling while leads are pending', () => {
		it('refreshes only the sources with pending leads, every pollIntervalSeconds, until nothing is pending', async () => {
			const s = setup();
			s.store.ids = ['a1', 'a2', 'a1/company-7'];
			await s.load(['a2', 'a1/company-7']);
			assert.deepEqual(s.scheduler.next, { kind: 'poll', inMs: 60_000 });
			await s.clock.advance(59 * SECOND);
			assert.deepEqual(s.store.calls, ['refresh background'], 'not before the interval');
			await s.clock.advance(1 * SECOND);
			assert.deepEqual(s.store.calls, ['refresh background', 'refresh background sources a2,a1/company-7']);
			s.store.pending.delete('a2');
			await s.clock.advance(60 * SECOND);
			assert.deepEqual(s.store.calls.slice(2), ['refresh background sources a1/company-7']);
			// That poll showed nothing pending any more.
			s.store.pending.clear();
			s.store.changed.fire();
			assert.equal(s.clock.due(), undefined, 'stopped by itself');
			await s.clock.advance(3600 * SECOND);
			assert.equal(s.store.calls.length, 3, 'an hour later still nothing sent');
		});

		it('resumes after any refresh that shows pending leads again', async () => {
			const s = setup();
			await s.load();
			assert.equal(s.clock.due(), undefined);
			s.store.pending.add('a1');
			await s.scheduler.refreshNow();
			await settle();
			assert.equal(s.clock.due(), 60 * SECOND);
		});

		it('polls with the view hidden, but never while the window is not focused; back in focus an overdue poll runs at once', async () => {
			const s = setup();
			await s.load(['a1']);
			s.show(false);
			assert.equal(s.clock.due(), 60 * SECOND, 'hidden: the status bar and the notification still follow it');
			await s.clock.advance(20 * SECOND);
			s.focus(false);
			assert.equal(s.clock.due(), undefined);
			await s.clock.advance(3600 * SECOND);
			assert.deepEqual(s.store.calls, ['refresh background'], 'nothing sent for an hour out of focus');
			s.focus(true);
			assert.equal(s.clock.due(), 0, 'overdue: at once');
			await s.clock.advance(0);
			assert.deepEqual(s.store.calls, ['refresh background', 'refresh background sources a1']);
			assert.equal(s.clock.due(), 60 * SECOND);
		});

		it('back in focus before the interval ran out, waits only for the rest of it', async () => {
			const s = setup();
			await s.load(['a1']);
			await s.clock.advance(25 * SECOND);
			s.focus(false);
			await s.clock.advance(10 * SECOND);
			s.focus(true);
			assert.equal(s.clock.due(), 25 * SECOND);
		});

		it('never runs beside another refresh: the next poll is due an interval after the last refresh ended', async () => {
			const s = setup();
			await s.load(['a1']);
			await s.clock.advance(50 * SECOND);
			s.store.hold = true;
			void s.scheduler.refreshNow();
			assert.equal(s.clock.due(), undefined, 'no poll while the user refresh runs');
			await s.clock.advance(120 * SECOND);
			assert.deepEqual(s.store.calls, ['refresh background', 'refresh user']);
			s.store.finish();
			assert.equal(s.clock.due(), 60 * SECOND);
		});

		it('failures double the wait up to 10 minutes, without a notification; a success resets it', async () => {
			const s = setup();
			await s.load(['a1']);
			s.store.outcome = failed('http');
			const waits: number[] = [];
			for (let i = 0; i < 7; i++) {
				waits.push(s.clock.due()!);
				await s.clock.advance(s.clock.due()!);
			}
			assert.deepEqual(
				waits,
				[60, 120, 240, 480, 600, 600, 600].map((n) => n * SECOND),
			);
			assert.ok(
				s.store.calls.slice(1).every((c) => c === 'refresh background sources a1'),
				'background: a failure only shows in the view',
			);
			s.store.outcome = { ok: true };
			await s.clock.advance(s.clock.due()!);
			assert.equal(s.clock.due(), 60 * SECOND);
		});

		it('a cancelled refresh is no failure; a failing source without pending leads does not slow the others', async () => {
			const s = setup();
			s.store.ids = ['a1', 'a2'];
			await s.load(['a1']);
			s.store.finished.fire({ outcome: failed('aborted'), trigger: 'background', source: { id: 'a1' } as Source });
			for (let i = 0; i < 3; i++) s.store.finished.fire({ outcome: failed('network'), trigger: 'background', source: { id: 'a2' } as Source });
			assert.equal(s.clock.due(), 60 * SECOND);
		});

		it('a longer interval than 10 minutes is not shortened by backoff', async () => {
			const s = setup({ pollIntervalSeconds: 3600 });
			await s.load(['a1']);
			s.store.outcome = failed('http');
			await s.clock.advance(3600 * SECOND);
			assert.equal(s.clock.due(), 3600 * SECOND);
		});

		it('pollIntervalSeconds 0 turns it off; a new interval takes effect at once', async () => {
			const s = setup();
			await s.load(['a1']);
			await s.clock.advance(10 * SECOND);
			s.changeSettings({ pollIntervalSeconds: 15 });
			assert.equal(s.clock.due(), 5 * SECOND);
			s.changeSettings({ pollIntervalSeconds: 0 });
			assert.equal(s.clock.due(), undefined);
		});

		it('nothing is polled before the view was seen, even with pending leads in the cache', async () => {
			const s = setup();
			s.store.pending.add('a1');
			s.scheduler.start();
			s.store.changed.fire();
			assert.equal(s.clock.due(), undefined);
			await s.clock.advance(3600 * SECOND);
			assert.deepEqual(s.store.calls, []);
		});
	});

	describe('refreshing while nothing is pending (idleRefreshMinutes)', () => {
		it('refreshes every source at the set period while the view is visible and the window focused', async () => {
			const s = setup({ idleRefreshMinutes: 5 });
			s.scheduler.start();
			assert.equal(s.clock.due(), undefined, 'not before the view was seen');
			await s.load();
			assert.deepEqual(s.scheduler.next, { kind: 'idle', inMs: 5 * MINUTE });
			await s.clock.advance(5 * MINUTE);
			assert.deepEqual(s.store.calls, ['refresh background', 'refresh background']);
			s.show(false);
			assert.equal(s.clock.due(), undefined, 'stopped when hidden');
			s.show(true);
			s.focus(false);
			assert.equal(s.clock.due(), undefined, 'stopped out of focus');
			s.focus(true);
			s.changeSettings({ idleRefreshMinutes: 1 });
			assert.equal(s.clock.due(), 1 * MINUTE, 'a new period takes effect at once');
			s.changeSettings({ idleRefreshMinutes: 0 });
			assert.equal(s.clock.due(), undefined, '0 turns it off');
		});

		it('gives way to polling while something is pending', async () => {
			const s = setup({ idleRefreshMinutes: 5 });
			await s.load(['a1']);
			assert.deepEqual(s.scheduler.next, { kind: 'poll', inMs: 60_000 });
			s.changeSettings({ pollIntervalSeconds: 0 });
			assert.deepEqual(s.scheduler.next, { kind: 'idle', inMs: 5 * MINUTE }, 'polling off: the idle period still applies');
		});
	});

	it('stops its timer and listens no more once disposed', async () => {
		const s = setup();
		await s.load(['a1']);
		s.scheduler.dispose();
		assert.equal(s.clock.due(), undefined);
		s.changeCutoff();
		s.show(true);
		s.focus(true);
		await s.clock.advance(3600 * SECOND);
		assert.deepEqual(s.store.calls, ['refresh background']);
	});
});
