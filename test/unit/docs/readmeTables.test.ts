import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ManifestForDocs, commandNames, paletteCommands, tableDrift, tableUnder } from '../../docs/readmeTables';
import { repoRoot } from '../../editor/paths';

const SAMPLE_MANIFEST: ManifestForDocs = {
	contributes: {
		commands: [
			{ command: 'w.refresh', title: '%command.refresh%', category: 'Woodpecker' },
			{ command: 'w.filter', title: 'Filter…', category: 'Woodpecker' },
			{ command: 'w.clearFilter', title: 'Clear Filter', category: 'Woodpecker' },
			{ command: 'w.row.refresh', title: 'Refresh', category: 'Woodpecker' },
			{ command: 'w.hidden', title: 'Only in Menus', category: 'Woodpecker' },
		],
		menus: {
			commandPalette: [
				{ command: 'w.hidden', when: 'false' },
				{ command: 'w.filter', when: 'w.hasData' },
			],
		},
		configuration: {
			properties: {
				'w.timeout': { default: 30 },
				'w.url': { default: 'https://api.example' },
				'w.old': { default: 0, markdownDeprecationMessage: 'Replaced.' },
			},
		},
	},
};
const SAMPLE_NLS = { 'command.refresh': 'Refresh' };

describe("README's Commands and Settings tables", () => {
	it('reads the first table under a heading, with pipes inside code kept in their cell', () => {
		const md = ['# T', '## Settings', 'Intro.', '', '| A | B |', '|---|---|', '| `a\\|b` | x `c|d` |', '| 2 | y |', '', '| other | table |', '## Next', '| no | |'].join('\n');
		assert.deepEqual(tableUnder(md, 'Settings'), [
			['`a|b`', 'x `c|d`'],
			['2', 'y'],
		]);
		assert.deepEqual(tableUnder(md, 'Missing'), []);
	});

	it('a row with "A / B" names two commands of the same category', () => {
		assert.deepEqual(commandNames('Woodpecker: Filter… / Clear Filter'), ['Woodpecker: Filter…', 'Woodpecker: Clear Filter']);
		assert.deepEqual(commandNames('Woodpecker: Refresh'), ['Woodpecker: Refresh']);
	});

	it("the palette's commands: %key% titles resolved, hidden ones left out, one name each", () => {
		assert.deepEqual(paletteCommands(SAMPLE_MANIFEST, SAMPLE_NLS), ['Woodpecker: Refresh', 'Woodpecker: Filter…', 'Woodpecker: Clear Filter']);
	});

	it('finds a missing command, a misspelled one (a command only menus show may be listed), a missing setting, an unknown one and a wrong default', () => {
		const readme = [
			'## Commands',
			'| Command | Where |',
			'|---|---|',
			'| Woodpecker: Refresh | title |',
			'| Woodpecker: Filter / Clear Filter | title |',
			'| Woodpecker: Only in Menus | a row menu |',
			'## Settings',
			'| Setting | Default | Meaning |',
			'|---|---|---|',
			'| `w.timeout` | `60` | … |',
			'| `w.old` | — | … |',
			'| `w.typo` | `1` | … |',
		].join('\n');
		assert.deepEqual(tableDrift(readme, SAMPLE_MANIFEST, SAMPLE_NLS), {
			commandsMissing: ['Woodpecker: Filter…'],
			commandsUnknown: ['Woodpecker: Filter'],
			settingsMissing: ['w.url'],
			settingsUnknown: ['w.typo'],
			wrongDefaults: ['`w.timeout`: `60`'],
		});
	});

	it("README.md documents every palette command and every setting of package.json, with each setting's default, and nothing else", () => {
		const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
		const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as ManifestForDocs;
		const nlsFile = path.join(repoRoot, 'package.nls.json');
		const nls = fs.existsSync(nlsFile) ? (JSON.parse(fs.readFileSync(nlsFile, 'utf8')) as Record<string, string>) : {};
		assert.ok(tableUnder(readme, 'Commands').length >= 10 && tableUnder(readme, 'Settings').length >= 5, 'README has its Commands and Settings tables');
		assert.deepEqual(tableDrift(readme, manifest, nls), { commandsMissing: [], commandsUnknown: [], settingsMissing: [], settingsUnknown: [], wrongDefaults: [] });
	});
});
