// Reads README's Commands and Settings tables and the manifest's commands and settings, so a test
// can say which of them disagree: the tables are written by hand and must not drift from package.json.

/** The rows of the first table under `## <heading>`, each row its cells (trimmed, outer pipes dropped), the header and separator left out. */
export function tableUnder(markdown: string, heading: string): string[][] {
	const lines = markdown.split(/\r?\n/);
	const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
	if (start < 0) return [];
	const rows: string[][] = [];
	let inTable = false;
	for (const line of lines.slice(start + 1)) {
		if (/^#{1,2} /.test(line)) break;
		const t = line.trim();
		if (t.startsWith('|')) {
			inTable = true;
			rows.push(splitRow(t));
		} else if (inTable) break;
	}
	// Header, then the |---| line.
	return rows.slice(2);
}

/** A table row's cells; `\|` inside a cell is a literal pipe, and backticks keep theirs too. */
function splitRow(row: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let code = false;
	for (let i = 1; i < row.length; i++) {
		const c = row[i];
		if (c === '\\' && row[i + 1] === '|') {
			cell += '|';
			i++;
		} else if (c === '`') {
			code = !code;
			cell += c;
		} else if (c === '|' && !code) {
			cells.push(cell.trim());
			cell = '';
		} else cell += c;
	}
	return cells;
}

/** "Woodpecker: Filter… / Clear Filter" → ["Woodpecker: Filter…", "Woodpecker: Clear Filter"]: the category is written once. */
export function commandNames(cell: string): string[] {
	const m = /^([^:]+):\s*(.+)$/.exec(cell);
	if (!m) return [cell];
	return m[2].split(' / ').map((title) => `${m[1].trim()}: ${title.trim()}`);
}

/** The setting in a Settings row's first cell: `woodpecker.x` → woodpecker.x. */
export function settingName(cell: string): string {
	return cell.replace(/^`|`$/g, '');
}

export interface ManifestCommand {
	command: string;
	title: string;
	category?: string;
}

export interface ManifestForDocs {
	contributes: {
		commands: ManifestCommand[];
		menus?: { commandPalette?: Array<{ command: string; when?: string }> };
		configuration: { properties: Record<string, { default?: unknown; markdownDeprecationMessage?: string; deprecationMessage?: string }> };
	};
}

/** `%key%` → its English text from package.nls.json; anything else as it is. */
export function resolve(text: string, nls: Record<string, string>): string {
	const m = /^%(.+)%$/.exec(text);
	return m && nls[m[1]] !== undefined ? nls[m[1]] : text;
}

/** "Category: Title" of every command the palette can show (those whose palette `when` is not `false`), each once. */
export function paletteCommands(manifest: ManifestForDocs, nls: Record<string, string>): string[] {
	const hidden = new Set((manifest.contributes.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
	return commandTitles(
		manifest.contributes.commands.filter((c) => !hidden.has(c.command)),
		nls,
	);
}

/** "Category: Title" of each command, each name once. */
function commandTitles(commands: ManifestCommand[], nls: Record<string, string>): string[] {
	const names = commands.map((c) => {
		const title = resolve(c.title, nls);
		return c.category ? `${resolve(c.category, nls)}: ${title}` : title;
	});
	return [...new Set(names)];
}

/** What README's tables get wrong: palette commands and settings missing from them, names in them the manifest does not have, wrong defaults. */
export function tableDrift(readme: string, manifest: ManifestForDocs, nls: Record<string, string>) {
	const documentedCommands = tableUnder(readme, 'Commands').flatMap((r) => commandNames(r[0] ?? ''));
	const palette = paletteCommands(manifest, nls);
	// A row may also name a command only menus show (Remove from Opened): it must still exist.
	const every = commandTitles(manifest.contributes.commands, nls);
	const settingRows = tableUnder(readme, 'Settings');
	const documentedSettings = settingRows.map((r) => settingName(r[0] ?? ''));
	const properties = manifest.contributes.configuration.properties;
	const settings = Object.keys(properties);
	const wrongDefaults = settingRows
		.filter((r) => properties[settingName(r[0] ?? '')])
		.filter((r) => {
			const p = properties[settingName(r[0] ?? '')];
			const cell = r[1] ?? '';
			// A deprecated setting's default means nothing: the table says "—".
			if (p.markdownDeprecationMessage ?? p.deprecationMessage) return cell !== '—';
			const literal = typeof p.default === 'string' ? p.default : JSON.stringify(p.default);
			return !cell.startsWith(`\`${literal}\``);
		})
		.map((r) => `${r[0]}: ${r[1]}`);
	return {
		commandsMissing: palette.filter((c) => !documentedCommands.includes(c)),
		commandsUnknown: documentedCommands.filter((c) => !every.includes(c)),
		settingsMissing: settings.filter((s) => !documentedSettings.includes(s)),
		settingsUnknown: documentedSettings.filter((s) => !settings.includes(s)),
		wrongDefaults,
	};
}
