// The one place that decides when to refresh: a key or address change, a cutoff change, the view
// coming into sight, the auto-refresh timer, or the user asking (Refresh, Retry: the only refreshes
// whose failure is also notified). Commands only change state.
// No `vscode` import: the editor's events are handed in, so every rule is unit-tested.
import { Disposable, toDisposable } from '../common/disposable';
import type { Source, SourceOutcome, Sources } from '../accounts/sources';
import type { Event } from '../common/emitter';

export interface SchedulerSettings {
	/** Normalized base URL. */
	apiBaseUrl: string;
	/** 0 means off. */
	autoRefreshMinutes: number;
}

/** What the scheduler asks of the sources (every account and client company). */
export type SchedulerSources = Pick<Sources, 'hasKey' | 'refresh' | 'resetAccount' | 'onDidAdd'>;

export interface SchedulerDeps {
	sources: SchedulerSources;
	/** Fires with the account's id when its key was set, changed or cleared (an account added, too). */
	onDidChangeKey: Event<string>;
	onDidChangeCutoff: Event<unknown>;
	/** Fires after a `woodpecker.*` setting changed; `settings()` then reads the new values. */
	onDidChangeSettings: Event<void>;
	settings: () => SchedulerSettings;
	view: { readonly visible: boolean; onDidChangeVisibility: Event<unknown> };
	timers?: { setInterval(fn: () => void, ms: number): unknown; clearInterval(handle: unknown): void };
}

const MINUTE_MS = 60_000;

export class RefreshScheduler extends Disposable {
	/** Set once the view has been seen with a key: until then nothing is loaded (no request at activation). */
	private started = false;
	private settings: SchedulerSettings;
	private timer: { handle: unknown; minutes: number } | undefined;
	private readonly timers: NonNullable<SchedulerDeps['timers']>;

	constructor(private readonly deps: SchedulerDeps) {
		super();
		this.timers = deps.timers ?? { setInterval: (fn, ms) => setInterval(fn, ms), clearInterval: (h) => clearInterval(h as NodeJS.Timeout) };
		this.settings = deps.settings();
		this._register(deps.view.onDidChangeVisibility(() => this.onVisibilityChanged()));
		this._register(deps.onDidChangeKey((accountId) => void this.onKeyChanged(accountId)));
		this._register(deps.sources.onDidAdd((added) => this.onSourcesAdded(added)));
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

	private onVisibilityChanged(): void {
		this.configureTimer();
		if (this.deps.view.visible && !this.started && this.deps.sources.hasKey) {
			this.started = true;
			void this.deps.sources.refresh({ trigger: 'background' });
		}
	}

	/** A company just chosen (or an account just made) loads at once if the view has been seen; otherwise when it is. */
	private onSourcesAdded(added: readonly Source[]): void {
		this.configureTimer();
		if (this.started) void this.deps.sources.refresh({ trigger: 'background', sourceIds: added.map((s) => s.id) });
	}

	/**
	 * A new key is a new account: forget the old one's data, then load with the new key, seen or not
	 * (the user just gave it). Its outcome shows in the view, where Set API Key brings the user: a
	 * notification there would outlive the key being fixed (error notifications stay until dismissed).
	 */
	private async onKeyChanged(accountId: string): Promise<void> {
		await this.deps.sources.resetAccount(accountId, 'the API key changed');
		this.started = true;
		this.configureTimer();
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
		this.configureTimer();
		if (this.settings.apiBaseUrl === before.apiBaseUrl) return;
		// Another address may be another Woodpecker (or none): its old rows must not look current.
		await this.deps.sources.resetAccount(undefined, 'woodpecker.apiBaseUrl changed');
		if (this.started && this.deps.sources.hasKey) await this.deps.sources.refresh({ trigger: 'background', restart: true });
	}

	/** Auto-refresh runs only while the view is visible and the setting is above 0. */
	private configureTimer(): void {
		const minutes = this.deps.view.visible && this.deps.sources.hasKey ? this.settings.autoRefreshMinutes : 0;
		if (this.timer?.minutes === minutes) return;
		this.stopTimer();
		if (minutes > 0) this.timer = { minutes, handle: this.timers.setInterval(() => this.tick(), minutes * MINUTE_MS) };
	}

	private tick(): void {
		if (this.deps.sources.hasKey) void this.deps.sources.refresh({ trigger: 'background' });
	}

	private stopTimer(): void {
		if (this.timer) this.timers.clearInterval(this.timer.handle);
		this.timer = undefined;
	}
}
