// A large answer (10,000 batches × 10 leads, the benchmark's "M" payload) must come out whole and
// in order. The time it takes in the editor is measured and written for `npm run bench` to print,
// never asserted: CI machines vary too much.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { generateBatches } from '../fake/data';
import { extension, waitForSnapshot } from './helpers';
import { resultsDir, useSession } from './support';

const BATCHES = 10_000;
const LEADS_PER_BATCH = 10;

/** How long this extension host takes to load the bundle: a fresh copy beside it, so nothing is cached. */
function timeFreshRequire(): number {
	const bundle = path.join(extension().extensionPath, 'dist', 'extension.js');
	const copy = path.join(path.dirname(bundle), `extension.require-probe-${process.pid}.js`);
	fs.copyFileSync(bundle, copy);
	try {
		const t = performance.now();
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- timing require itself is the point
		require(copy);
		return Math.round((performance.now() - t) * 10) / 10;
	} finally {
		fs.rmSync(copy, { force: true });
	}
}

describe('Performance (correctness of a large refresh)', () => {
	const session = useSession();

	it('shows all 10,000 batches newest first with 100,000 leads counted, and records the refresh time', async function () {
		this.timeout(120_000);
		const { api, fake } = await session.start([]);
		const batches = generateBatches({ count: BATCHES, leadsPerBatch: LEADS_PER_BATCH, spanHours: 23 });
		fake.server.setBatches(batches);
		const created = new Map(batches.map((b) => [b.uuid, Date.parse(b.created)]));

		// The Refresh command resolves once the answer is parsed, checked and modelled.
		const started = performance.now();
		await vscode.commands.executeCommand('woodpecker.refresh');
		const refreshMs = performance.now() - started;
		const s = await waitForSnapshot((snap) => snap.batches.length === BATCHES, `${BATCHES} batch rows`, 60_000);

		assert.equal(fake.server.requests.length, 1);
		assert.equal(s.state, 'loaded');
		assert.equal(new Set(s.batches.map((b) => b.uuid)).size, BATCHES, 'every batch once');
		const times = s.batches.map((b) => created.get(b.uuid)!);
		const outOfOrder = times.findIndex((t, i) => i > 0 && t > times[i - 1]);
		assert.equal(outOfOrder, -1, `row ${outOfOrder} is newer than the row above it`);
		const leads = s.batches.reduce((sum, b) => {
			const m = /^(\d+) leads?\b/.exec(b.description);
			assert.ok(m, `description without a lead count: ${b.description}`);
			return sum + Number(m[1]);
		}, 0);
		assert.equal(leads, BATCHES * LEADS_PER_BATCH);

		const file = path.join(resultsDir(), 'perf-in-editor.json');
		const line = JSON.stringify({ refreshM_ms: Math.round(refreshMs), batches: BATCHES, leads, requireMs: timeFreshRequire(), activation: api.activation });
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, `${line}\n`);
		console.log(`perf-in-editor: ${line}`);
	});
});
