import * as assert from 'node:assert/strict';
import { FirstIndex } from '../../../src/tree/uuidIndex';

function build(keys: string[]): { index: FirstIndex; firsts: number[] } {
	const index = new FirstIndex(keys.length, (j) => keys[j]);
	return { index, firsts: keys.map((k, i) => index.addFirst(k, i)) };
}

describe('tree/uuidIndex', () => {
	it('keeps the first position of each key and reports repeats', () => {
		const { index, firsts } = build(['a', 'b', 'a', 'c', 'b', 'a']);
		assert.deepEqual(firsts, [-1, -1, 0, -1, 1, 0]);
		assert.equal(index.get('a'), 0);
		assert.equal(index.get('c'), 3);
		assert.equal(index.get('zzz'), -1);
		assert.equal(index.get(''), -1);
	});

	it('tells apart keys whose hashed characters are all the same', () => {
		// Same length, same first and last four characters: same hash, different keys.
		const keys = Array.from({ length: 500 }, (_, i) => `abcd-${String(i).padStart(4, '0')}-wxyz`);
		const { index, firsts } = build([...keys, ...keys]);
		assert.deepEqual(firsts.slice(0, 500), keys.map(() => -1));
		assert.deepEqual(firsts.slice(500), keys.map((_, i) => i));
		keys.forEach((k, i) => assert.equal(index.get(k), i));
		assert.equal(index.get('abcd-9999-wxyz'), -1);
	});

	it('finds each of 20,000 random uuids, short keys and the empty string', () => {
		let seed = 7;
		const hex = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) % 16).toString(16);
		const keys = Array.from({ length: 20_000 }, () => Array.from({ length: 32 }, hex).join('').replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'));
		keys.push('x', 'xy', '');
		const { index, firsts } = build(keys);
		const seen = new Map<string, number>();
		keys.forEach((k, i) => {
			assert.equal(firsts[i], seen.get(k) ?? -1);
			if (!seen.has(k)) seen.set(k, i);
		});
		for (const [k, i] of seen) assert.equal(index.get(k), i);
	});
});
