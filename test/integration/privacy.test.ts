// After a whole session (key set, refreshes, failures, copy, raw JSON, restart) the key must be
// nowhere the editor writes: not in settings, the response cache in globalStorage, the log files,
// the state databases (desktop VS Code's *.vscdb in the user data folder; code-server keeps its
// state in the browser's IndexedDB, whose profile the harness puts on disk), nor in the
// extension's global state read back. code-server stores the secret itself in IndexedDB,
// encrypted with the server's serve-web-key-half: the plain key must appear in none of it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { demoAgency } from '../fake/data';
import { waitForSnapshot } from './helpers';
import { CutoffItem, batchNodes, logFiles, cacheFile, leadNodes, listFiles, restoreDefaultCutoff, sampleBatches, setCutoffByPick, startCommand, uniqueKey, useSession, userDataDir, waitFor, waitForFailure } from './support';

describe('The API key on disk', () => {
	const session = useSession();
	afterEach(restoreDefaultCutoff);

	it('appears in no file of the user data folder after a full session: settings, cache, logs', async function () {
		this.timeout(40_000);
		const key = uniqueKey();
		const { api, fake } = await session.start(sampleBatches().batches, { apiKey: key, settings: { requestTimeoutSeconds: 2 } });

		await vscode.commands.executeCommand('woodpecker.refresh');
		fake.server.failNext({ kind: 'status', status: 401 });
		startCommand('woodpecker.refresh');
		await waitForFailure();
		fake.server.failNext({ kind: 'status', status: 500 }, 3);
		startCommand('woodpecker.refresh');
		await waitFor(async () => ((await api.snapshot({ leads: false })).message?.includes('HTTP 500') ? true : undefined), 'the 500 message');
		await vscode.commands.executeCommand('notifications.clearAll');
		await vscode.commands.executeCommand('woodpecker.refresh');
		// Something in global state to search (picked before a webview takes the focus from quick open).
		await setCutoffByPick(CutoffItem.last7Days);
		const lead = leadNodes(api, batchNodes(api)[0])[0];
		await vscode.commands.executeCommand('woodpecker.copyLeadUid', lead);
		await vscode.commands.executeCommand('woodpecker.showRawJson');
		await vscode.commands.executeCommand('woodpecker.showRawJson', lead);
		// A second account, an agency HQ with a client company: its key must be nowhere either.
		const agencyKey = uniqueKey();
		fake.server.setAgency({ ...demoAgency(new Date()), apiKey: agencyKey });
		const hqId = await api.addAccount('Agency HQ', agencyKey);
		await api.setCompanies(hqId, [{ id: 12345678, name: 'Acme Ltd' }]);
		await waitFor(async () => ((await api.snapshot({ leads: false })).accounts.find((a) => a.sourceId === hqId)?.companies[0]?.batches.length ? true : undefined), "the agency's company loaded");
		await api.restart();
		await vscode.commands.executeCommand('woodpecker.refresh');
		assert.ok(fake.server.requests.length >= 9, `the session made ${fake.server.requests.length} requests`);
		assert.ok(
			fake.server.requests.every((r) => r.apiKey === key || r.apiKey === agencyKey),
			'every request carried one of the two keys',
		);
		assert.ok(
			fake.server.requests.some((r) => r.apiKey === agencyKey && r.companyId === '12345678'),
			'the company was asked with the HQ key',
		);

		// What was written is there to search: the cache holds the answer, the log the failures.
		const firstUuid = (await waitForSnapshot((x) => (x.accounts[0]?.batches.length ?? 0) > 0, "the first account's batches after the restart")).accounts[0].batches[0].uuid;
		await waitFor(() => (fs.existsSync(cacheFile()) && fs.readFileSync(cacheFile(), 'utf8').includes(firstUuid) ? true : undefined), 'the cached answer');
		await waitFor(() => (logFiles().some((f) => fs.readFileSync(f, 'utf8').includes('Invalid api key')) ? true : undefined), 'the 401 in the Woodpecker log');

		// The extension's global state, read back as stored: the cutoff is there, the key is not.
		const state = api.globalState();
		assert.deepEqual(state['woodpecker.cutoff'], { kind: 'days', days: 7 }, `global state: ${JSON.stringify(Object.keys(state))}, view: ${(await api.snapshot({ leads: false })).description}`);
		assert.ok(!JSON.stringify(state).includes(key), 'the global state holds the API key');
		assert.ok(!JSON.stringify(state).includes(agencyKey), "the global state holds the agency's API key");
		assert.match(JSON.stringify(state['woodpecker.accounts']), /"name":"Agency HQ"/, 'the accounts are in global state, by name');

		// The editor writes its state lazily: wait until a state store on disk holds this session's cutoff,
		// so the key's absence from it means something.
		const roots = [userDataDir(), process.env.WOODPECKER_TEST_BROWSER_PROFILE].filter((r): r is string => !!r && fs.existsSync(r));
		const stateStores = () => roots.flatMap(listFiles).filter((f) => /\.vscdb(-wal|-journal|\.backup)?$|[\\/]IndexedDB[\\/]/.test(f));
		const holdsCutoff = (f: string) => fs.readFileSync(f).includes('woodpecker.cutoff') || fs.readFileSync(f).includes(Buffer.from('woodpecker.cutoff', 'utf16le'));
		await waitFor(() => (stateStores().some(holdsCutoff) ? true : undefined), "a state store on disk holding the extension's global state", 30_000);
		const companyCache = path.join(path.dirname(cacheFile(hqId)), 'company-12345678', 'last-response.json');
		await waitFor(() => (fs.existsSync(companyCache) ? true : undefined), "the company's cached answer");
		const searched = roots.flatMap(listFiles);
		for (const must of [path.join(userDataDir(), 'User', 'settings.json'), cacheFile(), cacheFile(hqId), companyCache, ...logFiles(), ...stateStores()]) assert.ok(searched.includes(must), `${must} was not searched`);
		for (const secret of [key, agencyKey]) {
			const leaking = searched.filter((f) => {
				const bytes = fs.readFileSync(f);
				return bytes.includes(secret) || bytes.includes(Buffer.from(secret, 'utf16le'));
			});
			assert.deepEqual(leaking, [], `files holding the ${secret === key ? 'first' : "agency's"} API key`);
		}
	});
});
