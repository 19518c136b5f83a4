import * as assert from 'node:assert/strict';
import { WoodpeckerApiError, type WoodpeckerErrorKind } from '../../../src/api/client';
import { actionCommand, actionsFor, inertLinks } from '../../../src/commands/errorActions';

const err = (kind: WoodpeckerErrorKind, status = 0) => new WoodpeckerApiError({ kind, status, title: 'x', message: 'm' });

describe('error actions', () => {
	it('offers Set API Key for a rejected, forbidden or missing key', () => {
		assert.deepEqual(actionsFor(err('http', 401)), ['setApiKey']);
		assert.deepEqual(actionsFor(err('http', 403)), ['setApiKey']);
		assert.deepEqual(actionsFor(err('no-key')), ['setApiKey']);
	});

	it('offers Retry for passing faults', () => {
		for (const e of [err('http', 500), err('http', 502), err('http', 429), err('http', 418), err('network'), err('timeout'), err('invalid-response', 200), err('unexpected')]) {
			assert.deepEqual(actionsFor(e), ['retry'], `${e.kind} ${e.status}`);
		}
	});

	it('offers Open Settings when the address is wrong', () => {
		for (const e of [err('http', 404), err('http', 301), err('http', 302), err('http', 308), err('bad-address')]) {
			assert.deepEqual(actionsFor(e), ['openSettings'], `${e.kind} ${e.status}`);
		}
	});

	it('offers Set Cutoff when the cutoff is what went wrong', () => {
		assert.deepEqual(actionsFor(err('too-large')), ['setCutoff']);
		assert.deepEqual(actionsFor(err('invalid-request')), ['setCutoff']);
		assert.deepEqual(actionsFor(err('http', 400)), ['setCutoff']);
	});

	it('offers nothing for a cancelled request', () => {
		assert.deepEqual(actionsFor(err('aborted')), []);
	});

	it('runs the right command for each action', () => {
		assert.deepEqual(actionCommand('setApiKey'), { command: 'woodpecker.setApiKey' });
		assert.deepEqual(actionCommand('retry'), { command: 'woodpecker.refresh' });
		assert.deepEqual(actionCommand('openSettings'), { command: 'workbench.action.openSettings', arguments: ['woodpecker.apiBaseUrl'] });
		assert.deepEqual(actionCommand('setCutoff'), { command: 'woodpecker.setCutoff' });
	});

	it('keeps server text from becoming a link a notification would run', () => {
		assert.equal(inertLinks('Denied. [Fix it](command:workbench.action.terminal.new) now'), 'Denied. [Fix it] (command:workbench.action.terminal.new) now');
		assert.equal(inertLinks('[a](https://evil.example) and [b] (c) and [d]  (e)'), '[a] (https://evil.example) and [b] (c) and [d] (e)');
		assert.equal(inertLinks('plain (HTTP 500 Internal Server Error)'), 'plain (HTTP 500 Internal Server Error)');
	});
});
