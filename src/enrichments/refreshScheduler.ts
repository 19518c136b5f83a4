// The one place that decides when to refresh: a key or address change, a cutoff change, the view
// coming into sight, polling while leads are pending (and, if asked for, while nothing is), or the
// user asking (Refresh, Retry: the only refreshes whose failure is also notified). Commands only
// change state. No `vscode` import: the editor's events are handed in, so every rule is unit-tested.
import * as l10n from '@vscode/l10n';
import { Disposable, toDisposable } from '../common/disposable';
import type { Source, SourceOutcome, Sources } from '../accounts/sources';
import type { Event } from '../common/emitter';

export interface SchedulerSettings {
	/** Normalized base URL. */
	apiBaseUrl: string;
	/** While a lead shown is pending: seconds between refreshes of its source; 0 means off. */
	pollIntervalSeconds: number;
	/** While nothing is pending: minutes between refreshes of everything, while the view is visible; 0 means off. */
	idleRefreshMinutes: number;
}

/** What the scheduler asks of the sources (every account and client company). */
export type SchedulerSources = Pick<Sources, 'hasKey' | 'isRefreshing' | 'refresh' | 'resetAccount' | 'onDidAdd' | 'onDidChange' | 'onDidFinishRefresh' | 'pendingSourceIds'>;

export interface SchedulerTimers {
	setTimeout(fn: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
	/** Milliseconds, on the same clock as the timeouts. */
	now(): number;
}

export interface SchedulerDeps {
	sources: SchedulerSources;
	/** Fires with the account's id when its key was set, changed or cleared (an account added, too). */
	onDidChangeKey: Event<string>;
	onDidChangeCutoff: Event<unknown>;
	/** Fires after a `woodpecker.*` setting changed; `settings()` then reads the new values. */
	onDidChangeSettings: Event<void>;
	settings: () => SchedulerSettings;
	view: { readonly visible: boolean; onDidChangeVisibility: Event<unknown> };
	/** The editor window: nothing is polled while it is not focused. */
	window: { readonly focused: boolean; onDidChangeFocus: Event<unknown> };
	timers?: SchedulerTimers;
}

/** Failures double the wait up to this (or the set interval, if longer). */
export const MAX_BACKOFF_MS = 10 * 60_000;

interface Plan {
	kind: 'poll' | 'idle';
	/** The sources a tick refreshes: the ones with pending leads; all for an idle refresh. */
	sourceIds?: readonly string[];
	intervalMs: number;
}

export class RefreshScheduler extends Disposable {
	/** Set once the view has been seen with a key: until then nothing is loaded (no request at activation). */
	private started = false;
	private settings: SchedulerSettings;
	private timer: { handle: unknown; due: number; kind: Plan['kind'] } | undefined;
	private readonly timers: SchedulerTimers;
	/** When the last refresh ended (or a tick began): the next tick is due an interval later. */
	private lastEnd: number;
	/** Failed refreshes in a row, per source id; a success clears it. */
	private readonly failures = new Map<string, number>();

	constructor(private readonly deps: SchedulerDeps) {
		super();
		this.timers = deps.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout), now: () => Date.now() };
		this.settings = deps.settings();
		this.lastEnd = this.timers.now();
		this._register(deps.view.onDidChangeVisibility(() => this.onVisibilityChanged()));
		this._register(deps.window.onDidChangeFocus(() => this.reschedule()));
		this._register(deps.onDidChangeKey((accountId) => void this.onKeyChanged(accountId)));
		this._register(deps.sources.onDidAdd((added) => this.onSourcesAdded(added)));
		this._register(deps.sources.onDidChange(() => this.reschedule()));
		this._register(deps.sources.onDidFinishRefresh((end) => this.onRefreshFinished(end.source.id, end.outcome)));
		this._register(deps.onDidChangeCutoff(() => this.onCutoffChanged()));
		this._register(deps.onDidChangeSettings(() => void this.onSettingsChanged()));
		this._register(toDisposable(() => this.stopTimer()));
	}

	/** After the store read the key and cache: loads at once if the view is already on screen. */
	start(): void {
		this.onVisibilityChanged();
	}

	/** The user asked (Refresh, Retry): every source, or the ones named. */
	refreshNow(sourceIds?: readonly string[]): Promise<SourceOutcome[]> {
		this.started = true;
		return this.deps.sources.refresh({ trigger: 'user', sourceIds });
	}

	/** When the next refresh of its own is due, and of what kind (for tests). */
	get next(): { kind: Plan['kind']; inMs: number } | undefined {
		return this.timer && { kind: this.timer.kind, inMs: Math.max(0, this.timer.due - this.timers.now()) };
	}

	private onVisibilityChanged(): void {
		if (this.deps.view.visible && !this.started && this.deps.sources.hasKey) {
			this.started = true;
			void this.deps.sources.refresh({ trigger: 'background' });
		}
		this.reschedule();
	}

	/** A company just chosen (or an account just made) loads at once if the view has been seen; otherwise when it is. */
	private onSourcesAdded(added: readonly Source[]): void {
		if (this.started) void this.deps.sources.refresh({ trigger: 'background', sourceIds: added.map((s) => s.id) });
	}

	/**
	 * A new key is a new account: forget the old one's data, then load with the new key, seen or not
	 * (the user just gave it). Its outcome shows in the view, where Set API Key brings the user: a
	 * notification there would outlive the key being fixed (error notifications stay until dismissed).
	 */
	private async onKeyChanged(accountId: string): Promise<void> {
		await this.deps.sources.resetAccount(accountId, l10n.t('the API key changed'));
		this.started = true;
		for (const id of [...this.failures.keys()]) if (id === accountId || id.startsWith(`${accountId}/`)) this.failures.delete(id);
		await this.deps.sources.refresh({ trigger: 'background', restart: true, accountId });
	}

	/** Takes effect at once: a refresh under way for the old cutoff is replaced; the view shows how it went. */
	private onCutoffChanged(): void {
		if (!this.deps.sources.hasKey || !this.started) return;
		void this.deps.sources.refresh({ trigger: 'background', restart: true });
	}

	private async onSettingsChanged(): Promise<void> {
		const before = this.settings;
		this.settings = this.deps.settings();
		this.reschedule();
		if (this.settings.apiBaseUrl === before.apiBaseUrl) return;
		// Another address may be another Woodpecker (or none): its old rows must not look current.
		this.failures.clear();
		await this.deps.sources.resetAccount(undefined, l10n.t('woodpecker.apiBaseUrl changed'));
		if (this.started && this.deps.sources.hasKey) await this.deps.sources.refresh({ trigger: 'background', restart: true });
	}

	private onRefreshFinished(sourceId: string, outcome: SourceOutcome['outcome']): void {
		if (outcome.ok) this.failures.delete(sourceId);
		// A cancelled refresh says nothing about the server.
		else if (outcome.error.kind !== 'aborted') this.failures.set(sourceId, (this.failures.get(sourceId) ?? 0) + 1);
		this.lastEnd = this.timers.now();
		this.reschedule();
	}

	/**
	 * Polling: while a lead shown is pending and the window is focused, its source is refreshed every
	 * `pollIntervalSeconds`, seen or not (the badge, the status bar and the done notification follow
	 * it). While nothing is pending, everything is refreshed every `idleRefreshMinutes` if set, while
	 * the view is visible. Never while a refresh runs: the next is due an interval after it ended.
	 */
	private plan(): Plan | undefined {
		const { sources, window, view } = this.deps;
		if (!this.started || !window.focused || sources.isRefreshing || !sources.hasKey) return undefined;
		const { pollIntervalSeconds, idleRefreshMinutes } = this.settings;
		const pending = pollIntervalSeconds > 0 ? sources.pendingSourceIds() : [];
		if (pending.length) return { kind: 'poll', sourceIds: pending, intervalMs: this.backedOff(pollIntervalSeconds * 1000, pending) };
		if (view.visible && idleRefreshMinutes > 0) return { kind: 'idle', intervalMs: this.backedOff(idleRefreshMinutes * 60_000, [...this.failures.keys()]) };
		return undefined;
	}

	/** Doubles `ms` per failure in a row of the worst of `sourceIds`, up to 10 minutes (or `ms`, if longer). */
	private backedOff(ms: number, sourceIds: readonly string[]): number {
		let worst = 0;
		for (const id of sourceIds) worst = Math.max(worst, this.failures.get(id) ?? 0);
		return Math.min(ms * 2 ** worst, Math.max(ms, MAX_BACKOFF_MS));
	}

	/** Sets the one timer to what the plan asks now; left alone when that is what it already does. */
	private reschedule(): void {
		const plan = this.plan();
		if (!plan) return this.stopTimer();
		const due = this.lastEnd + plan.intervalMs;
		if (this.timer && this.timer.due === due && this.timer.kind === plan.kind) return;
		this.stopTimer();
		const handle = this.timers.setTimeout(() => this.tick(), Math.max(0, due - this.timers.now()));
		this.timer = { handle, due, kind: plan.kind };
	}

	/** Refreshes what the plan names at this moment (the sources pending now, not when the timer was set). */
	private tick(): void {
		this.timer = undefined;
		const plan = this.plan();
		// Counted from now even if nothing is sent (no source had a key), so a tick never repeats at once.
		this.lastEnd = this.timers.now();
		if (!plan) return;
		void this.deps.sources.refresh({ trigger: 'background', sourceIds: plan.sourceIds }).then(() => this.reschedule());
	}

	private stopTimer(): void {
		if (this.timer) this.timers.clearTimeout(this.timer.handle);
		this.timer = undefined;
	}
}
