// Number settings are bounded in code as well as in the manifest: a hand-edited 0.001 minutes
// must not poll every 60 ms, nor a huge timeout overflow Node's timer into firing at once.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { setSetting } from './helpers';
import { logText, sampleBatches, showView, sleep, useSession, waitFor } from './support';

const count = (text: string, part: string) => text.split(part).length - 1;

describe('Settings out of bounds', () => {
	const session = useSession(() => sampleBatches().batches);

	it('idleRefreshMinutes 0.001 is used as 1 minute, with one warning in the log', async () => {
		await showView();
		const { listRequests, fake, api } = session.current;
		await api.whenIdle();
		fake.server.reset();
		await setSetting('idleRefreshMinutes', 0.001);
		await sleep(2000);
		assert.deepEqual(listRequests(), [], 'it polled');
		const warning = 'woodpecker.idleRefreshMinutes is 0.001; using 1 (it takes whole numbers from 1 to 1440, or 0 for off).';
		await waitFor(() => (logText().includes(warning) ? true : undefined), 'the warning in the log');
		// Read again after another change: still one warning for the same value.
		await setSetting('requestTimeoutSeconds', 5);
		await vscode.commands.executeCommand('woodpecker.refresh');
		await sleep(500);
		assert.equal(count(logText(), warning), 1);
		await setSetting('idleRefreshMinutes', undefined);
		await setSetting('requestTimeoutSeconds', undefined);
	});

	it('pollIntervalSeconds 1 is used as 15 s, the shortest poll, with a warning', async () => {
		await showView();
		const { api } = session.current;
		await api.whenIdle();
		await setSetting('pollIntervalSeconds', 1);
		const next = await waitFor(() => {
			const n = api.polling().next;
			return n && n.inMs > 2000 ? n : undefined;
		}, 'the poll set 15 s after the load');
		assert.equal(next.kind, 'poll');
		assert.ok(next.inMs <= 15_000);
		await waitFor(() => (logText().includes('woodpecker.pollIntervalSeconds is 1; using 15 (it takes whole numbers from 15 to 3600, or 0 for off).') ? true : undefined), 'the warning in the log');
		await setSetting('pollIntervalSeconds', undefined);
	});

	it('requestTimeoutSeconds 10^9 (a timer overflow) is used as 600 s: a slow answer is waited for, not failed at once', async () => {
		const { fake } = session.current;
		await setSetting('requestTimeoutSeconds', 1_000_000_000);
		fake.server.failNext({ kind: 'delay', ms: 1500 });
		const started = Date.now();
		await vscode.commands.executeCommand('woodpecker.refresh');
		assert.ok(Date.now() - started >= 1400, 'the answer was not waited for');
		assert.equal((await session.current.api.snapshot({ leads: false })).state, 'loaded');
		await waitFor(() => (logText().includes('woodpecker.requestTimeoutSeconds is 1000000000; using 600') ? true : undefined), 'the warning in the log');
		await setSetting('requestTimeoutSeconds', undefined);
	});
});
