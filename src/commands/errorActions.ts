// What a failure offers the user, chosen by its kind, never by its wording; and its text made
// safe for a notification. Pure, so it is unit-tested.
import * as l10n from '@vscode/l10n';
import type { WoodpeckerApiError } from '../api/errors';

/** The ways out of a failure, in the order they are offered. */
export type ErrorAction = 'setApiKey' | 'retry' | 'openSettings' | 'setCutoff' | 'chooseCompanies';

/** The buttons' words (a function: they are looked up once the display language's bundle is loaded). */
export const actionLabels = (): Record<ErrorAction | 'showLog', string> => ({
	setApiKey: l10n.t('Set API Key'),
	retry: l10n.t('Retry'),
	openSettings: l10n.t('Open Settings'),
	setCutoff: l10n.t('Set Cutoff'),
	chooseCompanies: l10n.t('Choose Client Companies'),
	showLog: l10n.t('Show Log'),
});

/** A key problem offers Set API Key, a wrong address Open Settings, a bad cutoff Set Cutoff, anything passing Retry. */
export function actionsFor(error: Pick<WoodpeckerApiError, 'kind' | 'status'>): ErrorAction[] {
	switch (error.kind) {
		case 'aborted':
			return [];
		case 'no-key':
			return ['setApiKey'];
		case 'bad-address':
			return ['openSettings'];
		case 'too-large':
		case 'invalid-request':
			return ['setCutoff'];
		case 'http':
			if (error.status === 401 || error.status === 403) return ['setApiKey'];
			// Woodpecker does not know the address (404), or it points elsewhere (3xx, not followed).
			if (error.status === 404 || (error.status >= 300 && error.status < 400)) return ['openSettings'];
			// The only parameter sent is the cutoff's date.
			if (error.status === 400) return ['setCutoff'];
			return ['retry'];
		default:
			return ['retry'];
	}
}

/**
 * For a client company seen through its agency's key, a 403 or 404 means the agency no longer
 * reaches that company (it left, or its id is gone): choosing the companies again is the way out.
 */
export function actionsForSource(error: Pick<WoodpeckerApiError, 'kind' | 'status'>, isCompany: boolean): ErrorAction[] {
	if (isCompany && error.kind === 'http' && (error.status === 403 || error.status === 404)) return ['chooseCompanies'];
	return actionsFor(error);
}

/** Which account or company an action is for, when several share the view. */
export interface ActionTarget {
	sourceId: string;
}

/** The command an action runs, with its arguments; tree rows and notifications share it. */
export function actionCommand(action: ErrorAction, target?: ActionTarget): { command: string; arguments?: unknown[] } {
	const forTarget = (command: string) => (target ? { command, arguments: [target] } : { command });
	switch (action) {
		case 'setApiKey':
			return forTarget('woodpecker.setApiKey');
		case 'retry':
			return forTarget('woodpecker.refresh');
		case 'openSettings':
			return { command: 'workbench.action.openSettings', arguments: ['woodpecker.apiBaseUrl'] };
		case 'setCutoff':
			return { command: 'woodpecker.setCutoff' };
		case 'chooseCompanies':
			return forTarget('woodpecker.chooseCompanies');
	}
}

/**
 * `text` for a notification, which renders `[label](command:…)` as a link that runs a command:
 * text from the server or a proxy must not. A space between `]` and `(` keeps it readable and inert.
 */
export function inertLinks(text: string): string {
	return text.replace(/\]\s*\(/g, '] (');
}
