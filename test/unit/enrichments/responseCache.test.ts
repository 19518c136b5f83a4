import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_CACHED_BYTES, ResponseCache } from '../../../src/enrichments/responseCache';

describe('response cache', () => {
	let dir: string;
	const logs: string[] = [];
	const log = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m) };
	const body = { lead_enrichments: [{ uuid: 'u', created: '2026-05-01T10:00:00Z', leads: [{ uid: 'l', status: 'NEW_STATE', processing_result: null, extra: 1 }] }] };

	beforeEach(async () => {
		dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wp-cache-'));
		logs.length = 0;
	});
	afterEach(() => fs.rm(dir, { recursive: true, force: true }));

	it('round-trips the answer, its time, cutoff and base URL, keeping unknown values', async () => {
		const cache = new ResponseCache(dir, log);
		const receivedAt = new Date('2026-11-26T10:00:00Z');
		await cache.save({ body, receivedAt, cutoff: { kind: 'days', days: 7 }, baseUrl: 'https://api.woodpecker.co' }, 100);
		const back = await cache.load();
		assert.deepEqual(back, { body, receivedAt, cutoff: { kind: 'days', days: 7 }, baseUrl: 'https://api.woodpecker.co' });
	});

	it('returns nothing when there is no cache yet', async () => {
		assert.equal(await new ResponseCache(dir, log).load(), undefined);
	});

	for (const [name, content] of [
		['broken JSON', '{"version":1, "body": {'],
		['a foreign file', '{"hello":"world"}'],
		['a wrong shape', JSON.stringify({ version: 1, receivedAt: '2026-11-26T10:00:00Z', baseUrl: 'x', body: { lead_enrichments: [{ created: 'x', leads: [] }] } })],
	] as const) {
		it(`discards ${name} with a log line and deletes it`, async () => {
			await fs.writeFile(path.join(dir, 'last-response.json'), content);
			assert.equal(await new ResponseCache(dir, log).load(), undefined);
			assert.match(logs.join('\n'), /Discarded the cached enrichments/);
			await assert.rejects(fs.stat(path.join(dir, 'last-response.json')));
		});
	}

	it('does not cache answers over its size limit', async () => {
		const cache = new ResponseCache(dir, log);
		await cache.save({ body, receivedAt: new Date(), cutoff: { kind: 'days', days: 1 }, baseUrl: 'x' }, MAX_CACHED_BYTES + 1);
		assert.equal(await cache.load(), undefined);
		assert.match(logs.join('\n'), /Not caching/);
	});

	it('runs its operations in the order they were asked: a write begun before a clear never lands after it', async () => {
		const cache = new ResponseCache(dir, log);
		const entry = { body, receivedAt: new Date('2026-11-26T10:00:00Z'), cutoff: { kind: 'days', days: 1 } as const, baseUrl: 'https://api.woodpecker.co' };
		const writes = [cache.save(entry, 100), cache.clear()];
		await Promise.all(writes);
		assert.equal(await cache.load(), undefined, 'the clear came last');
		await Promise.all([cache.clear(), cache.save(entry, 100)]);
		assert.deepEqual((await cache.load())?.body, body, 'the save came last');
	});

	it('reads the saved address back in its normal form, so an equivalent setting finds it', async () => {
		await fs.writeFile(path.join(dir, 'last-response.json'), JSON.stringify({ version: 1, receivedAt: '2026-11-26T10:00:00Z', cutoff: { kind: 'days', days: 7 }, baseUrl: 'https://api.woodpecker.co/rest/', body }));
		assert.equal((await new ResponseCache(dir, log).load())?.baseUrl, 'https://api.woodpecker.co');
	});
});
