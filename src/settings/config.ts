// The extension's settings as the code uses them: read once per use, bounded, normalized.
import * as vscode from 'vscode';
import { normalizeBaseUrl } from '../api/baseUrl';
import { BOUNDS, clampSetting } from './bounds';

/** Setting keys, under the `woodpecker` section. */
export const Settings = {
	section: 'woodpecker',
	apiBaseUrl: 'apiBaseUrl',
	requestTimeoutSeconds: 'requestTimeoutSeconds',
	pollIntervalSeconds: 'pollIntervalSeconds',
	idleRefreshMinutes: 'idleRefreshMinutes',
	/** Replaced by idleRefreshMinutes: a value found there is moved (see migrateSettings). */
	autoRefreshMinutes: 'autoRefreshMinutes',
	showPendingInStatusBar: 'showPendingInStatusBar',
	notifyWhenProcessed: 'notifyWhenProcessed',
} as const;

export interface WoodpeckerConfig {
	/** Normalized: equivalent spellings of one address compare equal. */
	apiBaseUrl: string;
	timeoutMs: number;
	/** While leads are pending; 0 means off. */
	pollIntervalSeconds: number;
	/** While nothing is pending; 0 means off. */
	idleRefreshMinutes: number;
	/** The status-bar item with the pending leads' count. */
	showPendingInStatusBar: boolean;
	/** The notification when batches that were pending are fully processed. */
	notifyWhenProcessed: boolean;
}

export interface WarningLog {
	warn(message: string): void;
}

/** Reads the settings; a value out of bounds is replaced, with one warning per distinct value. */
export class ConfigReader {
	private readonly warned = new Set<string>();

	constructor(private readonly log: WarningLog) {}

	read(): WoodpeckerConfig {
		const c = vscode.workspace.getConfiguration(Settings.section);
		const seconds = this.bounded(Settings.requestTimeoutSeconds, c.get(Settings.requestTimeoutSeconds), BOUNDS.requestTimeoutSeconds);
		return {
			apiBaseUrl: normalizeBaseUrl(c.get<string>(Settings.apiBaseUrl)),
			timeoutMs: seconds * 1000,
			pollIntervalSeconds: this.bounded(Settings.pollIntervalSeconds, c.get(Settings.pollIntervalSeconds), BOUNDS.pollIntervalSeconds),
			idleRefreshMinutes: this.bounded(Settings.idleRefreshMinutes, c.get(Settings.idleRefreshMinutes), BOUNDS.idleRefreshMinutes),
			// Anything but an explicit false keeps the default (shown).
			showPendingInStatusBar: c.get(Settings.showPendingInStatusBar) !== false,
			notifyWhenProcessed: c.get(Settings.notifyWhenProcessed) !== false,
		};
	}

	private bounded(name: string, raw: unknown, bound: (typeof BOUNDS)[keyof typeof BOUNDS]): number {
		const { value, problem } = clampSetting(name, raw, bound);
		if (problem && !this.warned.has(problem)) {
			this.warned.add(problem);
			this.log.warn(problem);
		}
		return value;
	}
}

export function affectsConfig(e: vscode.ConfigurationChangeEvent, key?: string): boolean {
	return e.affectsConfiguration(key ? `${Settings.section}.${key}` : Settings.section);
}
