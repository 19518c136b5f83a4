import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { demoBatches } from '../fake/data';
import { extension, testApi, useFakeApi, waitForSnapshot } from './helpers';

describe('Activation', () => {
	it('activates and hands tests the test API', async () => {
		const api = await testApi();
		assert.ok(extension().isActive);
		assert.equal(typeof api.snapshot, 'function');
	});

	it('registers every command package.json contributes', async () => {
		await testApi();
		const contributed = (extension().packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command);
		assert.ok(contributed.length > 0, 'package.json contributes no commands');
		const registered = new Set(await vscode.commands.getCommands(true));
		assert.deepEqual(
			contributed.filter((id) => !registered.has(id)),
			[],
			'contributed but not registered',
		);
	});

	it('fills the tree with batches from the API once a key is stored and Refresh runs', async () => {
		const fake = await useFakeApi(demoBatches());
		try {
			await vscode.commands.executeCommand('woodpecker.refresh');
			const snapshot = await waitForSnapshot((s) => s.batches.length > 0, 'batch rows');
			assert.equal(snapshot.state, 'loaded');
			assert.ok(fake.server.requests.length > 0, 'the fake API saw no request');
			assert.ok(
				fake.server.requests.every((r) => r.apiKey === 'test-key'),
				'a request carried another key',
			);
		} finally {
			await fake.dispose();
		}
	});
});
