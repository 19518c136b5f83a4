// The unit runner's own rules, proven on small fixtures it runs in a child process: a left-over
// `.only`, a pending test and a leaked handle each fail the run; a clean file passes.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const RUNNER = path.join(process.cwd(), 'out', 'test', 'runUnit.js');

async function runOn(fixture: string): Promise<{ code: number | null; result: { passed: number; failed: number }; output: string }> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wp-runner-'));
	try {
		fs.writeFileSync(path.join(dir, 'fixture.test.js'), fixture);
		const resultFile = path.join(dir, 'result.json');
		const child = spawn(process.execPath, [RUNNER], { env: { ...process.env, WOODPECKER_UNIT_DIR: dir, WOODPECKER_UNIT_RESULT: resultFile }, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (c: Buffer) => (output += c));
		child.stderr.on('data', (c: Buffer) => (output += c));
		const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
		return { code, result: JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { passed: number; failed: number }, output };
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

describe('the unit runner', function () {
	this.timeout(20_000);

	it('passes a clean file and exits 0', async () => {
		const r = await runOn("describe('clean', () => { it('passes', () => {}); });");
		assert.deepEqual([r.code, r.result.passed, r.result.failed], [0, 1, 0], r.output);
	});

	it('fails a run with a left-over .only, though the test it singles out passes', async () => {
		const r = await runOn("describe('o', () => { it['only']('singled out', () => {}); it('skipped by only', () => {}); });");
		assert.equal(r.code, 1, r.output);
		assert.ok(r.result.failed >= 1, JSON.stringify(r.result));
	});

	it('fails a pending test (no body, or skipped)', async () => {
		const r = await runOn("describe('p', () => { it('has no body'); it['skip']('is skipped', () => {}); it('passes', () => {}); });");
		assert.equal(r.code, 1, r.output);
		assert.equal(r.result.failed, 2, JSON.stringify(r.result));
	});

	it('fails a run whose test leaves a server listening, naming what was left', async () => {
		const r = await runOn("describe('leak', () => { it('leaves a server', () => { require('node:net').createServer().listen(0, '127.0.0.1'); }); });");
		assert.equal(r.code, 1, r.output);
		assert.deepEqual(r.result, { suite: 'unit', passed: 1, failed: 1 });
		assert.match(r.output, /the tests left TCPServerWrap running/);
	});
});
