// The manifest's commands as the palette and the menus show them: each with a category, an icon
// where it sits in a menu, and a palette `when` for those that need a row or loaded data.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Command {
	command: string;
	title?: string;
	category?: string;
	icon?: string;
}
interface MenuEntry {
	command: string;
	when?: string;
}
const pkg = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as {
	contributes: { commands: Command[]; menus: Record<string, MenuEntry[]> };
};
const { commands, menus } = pkg.contributes;
const palette = new Map(menus.commandPalette.map((e) => [e.command, e.when]));

/** The commands that act on what the view has loaded: without data they have nothing to work on. */
const NEED_DATA = ['woodpecker.showRawJson', 'woodpecker.copyLeadUid', 'woodpecker.copyBatchUuid', 'woodpecker.copyAllLeadUids', 'woodpecker.copyAsJson', 'woodpecker.export', 'woodpecker.findLead'];

describe('the manifest commands', () => {
	it('each have a title and a category', () => {
		assert.deepEqual(
			commands.filter((c) => !c.title || !c.category).map((c) => c.command),
			[],
		);
	});

	it('each have an icon when a view menu shows them', () => {
		const inMenus = new Set([...menus['view/title'], ...menus['view/item/context']].map((e) => e.command));
		assert.deepEqual(
			commands.filter((c) => inMenus.has(c.command) && !c.icon).map((c) => c.command),
			[],
		);
	});

	it('only on a row: the palette hides them or names the context they need', () => {
		const titled = new Set(menus['view/title'].map((e) => e.command));
		const rowOnly = [...new Set(menus['view/item/context'].map((e) => e.command))].filter((c) => !titled.has(c));
		assert.ok(rowOnly.length >= 10, `only ${rowOnly.length} row commands`);
		assert.deepEqual(
			rowOnly.filter((c) => !palette.get(c)),
			[],
		);
	});

	it('that need loaded data show in the palette only with data', () => {
		assert.deepEqual(
			NEED_DATA.filter((c) => !/\bwoodpecker\.hasData\b/.test(palette.get(c) ?? '')),
			[],
		);
	});

	it('are all in the palette list or deliberately shown always', () => {
		const always = ['woodpecker.setCutoff', 'woodpecker.setApiKey', 'woodpecker.showLog', 'woodpecker.addAccount', 'woodpecker.filter'];
		assert.deepEqual(
			commands.map((c) => c.command).filter((c) => !palette.has(c) && !always.includes(c)),
			[],
		);
	});
});
