// After a whole session (key set, refreshes, failures, copy, raw JSON, restart) the key must be
// nowhere on disk: not in settings, the response cache in globalStorage, or the log files.
// code-server keeps the secret itself in the browser (IndexedDB, encrypted with the server's
// serve-web-key-half), so nothing in the user data folder holds it by design; *.vscdb state
// databases, should an editor keep them there, are skipped as binary stores.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';
import { type Session, batchNodes, cacheFile, leadNodes, listFiles, sampleBatches, startCommand, startSession, uniqueKey, userDataDir, waitFor, waitForNotice } from './support';

const SKIPPED = /\.vscdb(\.backup)?$/;

function logFiles(): string[] {
	return listFiles(path.join(userDataDir(), 'logs')).filter((f) => f.includes(`${path.sep}${EXTENSION_ID}${path.sep}`));
}

describe('The API key on disk', () => {
	let session: Session | undefined;
	afterEach(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await session?.dispose();
		session = undefined;
	});

	it('appears in no file of the user data folder after a full session: settings, cache, logs', async function () {
		this.timeout(40_000);
		const key = uniqueKey();
		session = await startSession(sampleBatches().batches, { apiKey: key, settings: { requestTimeoutSeconds: 2 } });
		const { api, fake } = session;

		await vscode.commands.executeCommand('woodpecker.refresh');
		fake.server.failNext({ kind: 'status', status: 401 });
		startCommand('woodpecker.refresh');
		await waitForNotice();
		fake.server.failNext({ kind: 'status', status: 500 }, 3);
		startCommand('woodpecker.refresh');
		await waitFor(async () => ((await api.snapshot({ leads: false })).notice?.description.includes('HTTP 500') ? true : undefined), 'the 500 notice');
		await vscode.commands.executeCommand('notifications.clearAll');
		await vscode.commands.executeCommand('woodpecker.refresh');
		const lead = leadNodes(api, batchNodes(api)[0])[0];
		await vscode.commands.executeCommand('woodpecker.copyLeadUid', lead);
		await vscode.commands.executeCommand('woodpecker.showRawJson');
		await vscode.commands.executeCommand('woodpecker.showRawJson', lead);
		await api.restart();
		await vscode.commands.executeCommand('woodpecker.refresh');
		assert.ok(fake.server.requests.length >= 7, `the session made ${fake.server.requests.length} requests`);
		assert.ok(fake.server.requests.every((r) => r.apiKey === key), 'every request carried the key');

		// What was written is there to search: the cache holds the answer, the log the failures.
		await waitFor(() => (fs.existsSync(cacheFile()) && fs.readFileSync(cacheFile(), 'utf8').includes(batchNodes(api)[0].row.batch.uuid) ? true : undefined), 'the cached answer');
		await waitFor(() => (logFiles().some((f) => fs.readFileSync(f, 'utf8').includes('Invalid api key')) ? true : undefined), 'the 401 in the Woodpecker log');

		const root = userDataDir();
		const files = listFiles(root);
		const searched = files.filter((f) => !SKIPPED.test(f));
		for (const must of [path.join(root, 'User', 'settings.json'), cacheFile(), ...logFiles()]) assert.ok(searched.includes(must), `${must} was not searched`);
		const leaking = searched.filter((f) => fs.readFileSync(f).includes(key));
		assert.deepEqual(leaking.map((f) => path.relative(root, f)), [], 'files holding the API key');
	});
});
