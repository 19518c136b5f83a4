import * as assert from 'node:assert/strict';
import { describeInvalidUuid } from '../../../src/commands/batchUuid';

describe('batch uuid', () => {
	it('takes 8-4-4-4-12 hex digits, either case, spaces around allowed', () => {
		assert.equal(describeInvalidUuid('e345310f-cfa7-42e3-b2fc-d888a332a899'), undefined);
		assert.equal(describeInvalidUuid('  E345310F-CFA7-42E3-B2FC-D888A332A899 \n'), undefined);
	});

	it('refuses anything else, saying what a uuid looks like', () => {
		const shape = 'A batch uuid has 32 hex digits in groups of 8-4-4-4-12, like e345310f-cfa7-42e3-b2fc-d888a332a899.';
		for (const bad of [
			'e345310f',
			'e345310f-cfa7-42e3-b2fc-d888a332a89',
			'e345310f-cfa7-42e3-b2fc-d888a332a8990',
			'g345310f-cfa7-42e3-b2fc-d888a332a899',
			'e345310fcfa742e3b2fcd888a332a899',
			'e345310f-cfa7-42e3-b2fc-d888a332a899/../x',
			'../etc',
		]) {
			assert.equal(describeInvalidUuid(bad), shape, bad);
		}
		assert.equal(describeInvalidUuid('   '), 'Type or paste a batch uuid.');
	});
});
