// The pseudo-locale text the editor run checks for: accented, wrapped, with what VS Code reads kept.
import * as assert from 'node:assert/strict';
import { pseudoText } from '../../editor/pseudoLocale';

describe('pseudo-locale text', () => {
	it('accents the letters and wraps the line', () => {
		assert.equal(pseudoText('last 24 hours'), '«!! lášt 24 hóúrš !!»');
	});

	it('keeps placeholders, codicons, code, setting links and link targets as they are', () => {
		assert.equal(pseudoText('$(sync~spin) {0} pending'), '«!! $(sync~spin) {0} péñdíñg !!»');
		assert.equal(pseudoText('Set `woodpecker.x` in #woodpecker.idleRefreshMinutes#'), '«!! Šét `woodpecker.x` íñ #woodpecker.idleRefreshMinutes# !!»');
		assert.equal(pseudoText('Or [add one](command:woodpecker.addAccount) now'), '«!! Ór [ádd óñé](command:woodpecker.addAccount) ñów !!»');
	});

	it('wraps each line alone, and leaves a lone link (a welcome button) unwrapped so it stays a button', () => {
		assert.equal(pseudoText('No batches.\n[Refresh](command:woodpecker.refresh)\n'), '«!! Ñó bátçhéš. !!»\n[Réfréšh](command:woodpecker.refresh)\n');
	});
});
