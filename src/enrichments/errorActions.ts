// Which buttons a failure's notification offers. Pure, so it is unit-tested.
import type { WoodpeckerApiError } from '../api/client';

export const SET_KEY = 'Set API Key';
export const RETRY = 'Retry';
export const SHOW_LOG = 'Show Log';
export const OPEN_SETTINGS = 'Open Settings';

/** The buttons that fit a failure: a key problem offers Set API Key, a passing fault Retry. */
export function actionsFor(error: WoodpeckerApiError, canRetry: boolean): string[] {
	if (error.kind === 'http' && (error.status === 401 || error.status === 403)) return [SET_KEY, SHOW_LOG];
	if (error.kind === 'invalid-request' && /key/i.test(error.title)) return [SET_KEY];
	// A wrong address: Woodpecker does not know it (404), or it points elsewhere (3xx, not followed).
	if (error.kind === 'invalid-request' || (error.kind === 'http' && (error.status === 404 || (error.status >= 300 && error.status < 400)))) return [OPEN_SETTINGS, SHOW_LOG];
	return canRetry ? [RETRY, SHOW_LOG] : [SHOW_LOG];
}
