// Settings that were renamed: a value the user set under the old name is moved to the new one at
// the same level (user or workspace), once, and the log says so. The old name stays declared, as
// deprecated, so a settings file that still has it reads clearly.
import * as vscode from 'vscode';
import { Settings } from './config';

export interface MigrationLog {
	info(message: string): void;
	warn(message: string): void;
}

/** woodpecker.autoRefreshMinutes (refresh every N minutes while the view is visible) → woodpecker.idleRefreshMinutes. */
const RENAMED: ReadonlyArray<{ from: string; to: string }> = [{ from: Settings.autoRefreshMinutes, to: Settings.idleRefreshMinutes }];

export async function migrateSettings(log: MigrationLog): Promise<void> {
	const config = vscode.workspace.getConfiguration(Settings.section);
	for (const { from, to } of RENAMED) {
		const old = config.inspect(from);
		const now = config.inspect(to);
		const levels = [
			{ value: old?.globalValue, kept: now?.globalValue, target: vscode.ConfigurationTarget.Global, where: vscode.l10n.t('user settings') },
			{ value: old?.workspaceValue, kept: now?.workspaceValue, target: vscode.ConfigurationTarget.Workspace, where: vscode.l10n.t('workspace settings') },
		];
		for (const { value, kept, target, where } of levels) {
			if (value === undefined) continue;
			try {
				// A value already set under the new name is the newer choice: it stays.
				if (kept === undefined) await config.update(to, value, target);
				await config.update(from, undefined, target);
				log.info(kept === undefined ? `Moved woodpecker.${from} (${JSON.stringify(value)}) to woodpecker.${to} in ${where}.` : `Removed woodpecker.${from} from ${where}: woodpecker.${to} is already set there.`);
			} catch (e) {
				log.warn(`Could not move woodpecker.${from} to woodpecker.${to} in ${where}: ${e instanceof Error ? e.message : String(e)}. Set woodpecker.${to} yourself.`);
			}
		}
	}
}
