import * as vscode from 'vscode';
import { DEFAULT_BASE_URL } from '../api/client';

/** Setting keys, under the `woodpecker` section. */
export const Settings = {
	section: 'woodpecker',
	apiBaseUrl: 'apiBaseUrl',
	requestTimeoutSeconds: 'requestTimeoutSeconds',
	autoRefreshMinutes: 'autoRefreshMinutes',
} as const;

export interface WoodpeckerConfig {
	apiBaseUrl: string;
	timeoutMs: number;
	autoRefreshMinutes: number;
}

export function readConfig(): WoodpeckerConfig {
	const c = vscode.workspace.getConfiguration(Settings.section);
	const seconds = c.get<number>(Settings.requestTimeoutSeconds, 30);
	const minutes = c.get<number>(Settings.autoRefreshMinutes, 0);
	return {
		apiBaseUrl: c.get<string>(Settings.apiBaseUrl, DEFAULT_BASE_URL)?.trim() || DEFAULT_BASE_URL,
		timeoutMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30_000,
		autoRefreshMinutes: Number.isFinite(minutes) && minutes > 0 ? minutes : 0,
	};
}

export function affectsConfig(e: vscode.ConfigurationChangeEvent, key?: string): boolean {
	return e.affectsConfiguration(key ? `${Settings.section}.${key}` : Settings.section);
}
