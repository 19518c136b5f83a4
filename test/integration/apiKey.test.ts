import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extension, waitForSnapshot } from './helpers';
import { cacheFile, sampleBatches, sleep, startCommand, uniqueKey, useSession, userDataDir, waitFor } from './support';

/** Every woodpecker.* setting the manifest contributes. */
function contributedSettings(): string[] {
	const properties = extension().packageJSON.contributes.configuration.properties as Record<string, unknown>;
	return Object.keys(properties).filter((k) => k.startsWith('woodpecker.'));
}

/** The settings files a key stored as a setting would land in. */
function settingsFiles(): string[] {
	const dir = userDataDir();
	const files = [path.join(dir, 'User', 'settings.json'), path.join(dir, 'Machine', 'settings.json')];
	for (const folder of vscode.workspace.workspaceFolders ?? []) files.push(path.join(folder.uri.fsPath, '.vscode', 'settings.json'));
	return files;
}

describe('API key storage', () => {
	const session = useSession();

	it('keeps the key out of every woodpecker.* setting and the user, machine and workspace settings files', async () => {
		const key = uniqueKey();
		const { fake } = await session.start(sampleBatches().batches, { apiKey: key });
		await vscode.commands.executeCommand('woodpecker.refresh');
		// The key is in use: the fake API received it, so its absence below means something.
		assert.equal(fake.server.requests[0]?.apiKey, key);

		const settings = contributedSettings();
		assert.deepEqual(settings.sort(), [
			'woodpecker.apiBaseUrl',
			'woodpecker.autoRefreshMinutes',
			'woodpecker.enableLanguageModelTools',
			'woodpecker.idleRefreshMinutes',
			'woodpecker.notifyWhenProcessed',
			'woodpecker.pollIntervalSeconds',
			'woodpecker.requestTimeoutSeconds',
			'woodpecker.showPendingInStatusBar',
		]);
		for (const setting of settings) {
			const inspected = JSON.stringify(vscode.workspace.getConfiguration().inspect(setting));
			assert.ok(!inspected.includes(key), `${setting} holds the API key`);
		}
		assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('woodpecker')).includes(key), 'the woodpecker section holds the API key');

		const existing = settingsFiles().filter((f) => fs.existsSync(f));
		assert.ok(existing.includes(path.join(userDataDir(), 'User', 'settings.json')), `no user settings file among ${existing.join(', ')}`);
		for (const file of existing) assert.ok(!fs.readFileSync(file, 'utf8').includes(key), `${file} holds the API key`);
	});

	it('clearing the key empties the view, deletes the cached answer and sends no further request', async () => {
		const { api, fake } = await session.start(sampleBatches().batches);
		await vscode.commands.executeCommand('woodpecker.refresh');
		await waitFor(() => (fs.existsSync(cacheFile()) ? true : undefined), 'the answer to be cached');

		await api.storeApiKey(undefined);
		const s = await waitForSnapshot((snap) => snap.state === 'no-key', 'the no-key state');
		assert.deepEqual({ batches: s.batches, actions: s.actions, badge: s.badge, message: s.message, description: s.description }, { batches: [], actions: [], badge: undefined, message: undefined, description: 'last 24 hours' });
		await waitFor(() => (fs.existsSync(cacheFile()) ? undefined : true), 'the cached answer of the old key to be deleted', 5_000);

		fake.server.reset();
		startCommand('woodpecker.refresh');
		await sleep(500);
		await api.whenIdle();
		assert.equal(fake.server.requests.length, 0, 'a refresh without a key reached the API');
		assert.equal((await api.snapshot({ leads: false })).batches.length, 0);
	});
});
