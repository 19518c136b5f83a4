import * as vscode from 'vscode';

/** After this long a refresh also shows a notification, whose Cancel aborts the request. */
export const CANCELLABLE_AFTER_MS = 1500;

/**
 * Shows a refresh's progress on the view at once and, when it takes a while, as a cancellable
 * notification too (view progress cannot be cancelled).
 */
export function showRefreshProgress<T>(viewId: string, task: Promise<T>, cancel: () => void, delayMs = CANCELLABLE_AFTER_MS): Promise<T> {
	const settled = task.then(
		() => undefined,
		() => undefined,
	);
	void vscode.window.withProgress({ location: { viewId } }, () => settled);
	const timer = setTimeout(() => {
		void vscode.window.withProgress(
			{ location: vscode.ProgressLocation.Notification, title: 'Loading Woodpecker enrichments…', cancellable: true },
			(_progress, token) => {
				token.onCancellationRequested(cancel);
				return settled;
			},
		);
	}, delayMs);
	void settled.then(() => clearTimeout(timer));
	return task;
}
