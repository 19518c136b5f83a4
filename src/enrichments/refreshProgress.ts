import * as vscode from 'vscode';
import type { RefreshTrigger } from './enrichmentStore';

/** After this long a refresh the user asked for also shows a notification, whose Cancel aborts it. */
const CANCELLABLE_AFTER_MS = 1500;

/**
 * Shows a refresh's progress on the view. One the user asked for that takes a while also gets a
 * cancellable notification (view progress cannot be cancelled); a background one never does.
 */
export function showRefreshProgress(viewId: string, task: Promise<unknown>, options: { trigger: RefreshTrigger; cancel: () => void }, delayMs = CANCELLABLE_AFTER_MS): void {
	const settled = task.then(
		() => undefined,
		() => undefined,
	);
	void vscode.window.withProgress({ location: { viewId } }, () => settled);
	if (options.trigger !== 'user') return;
	const timer = setTimeout(() => {
		void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Loading Woodpecker enrichments…'), cancellable: true }, (_progress, token) => {
			token.onCancellationRequested(options.cancel);
			return settled;
		});
	}, delayMs);
	void settled.then(() => clearTimeout(timer));
}
