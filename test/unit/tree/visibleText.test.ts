import * as assert from 'node:assert/strict';
import { markdownCode, visibleText } from '../../../src/tree/visibleText';

describe('visible text', () => {
	it('spells out control and bidi characters so they cannot hide or reorder text', () => {
		assert.equal(visibleText('a\u202eb\u0000c\td\u2066'), 'a\\u202eb\\u0000c\\u0009d\\u2066');
	});

	it('leaves ordinary text, markup and non-Latin scripts alone', () => {
		for (const s of ['0SVAICGlkzJ5fMrBxUdiQ_0000', '<b>x</b>', 'ünïcødé 日本 עברית']) assert.equal(visibleText(s), s);
	});

	it('makes a Markdown code span that a backtick in the data cannot close', () => {
		assert.equal(markdownCode('a`b``c'), '`aˋbˋˋc`');
		assert.equal(markdownCode('x\u202ey'), '`x\\u202ey`');
		assert.equal(markdownCode(''), '``');
	});
});
