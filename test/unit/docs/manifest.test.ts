import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../editor/paths';

interface Setting {
	scope?: string;
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const settings = manifest.contributes.configuration.properties as Record<string, Setting>;

/** Settings a workspace may set even in Restricted Mode: they only show or hide things on this screen. */
const HARMLESS_FROM_A_WORKSPACE = ['woodpecker.showPendingInStatusBar', 'woodpecker.notifyWhenProcessed'];

describe('package.json for the marketplace', () => {
	it('every setting a workspace can set is either restricted in untrusted workspaces or only shows or hides something', () => {
		const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
		const workspaceSettable = Object.keys(settings).filter((k) => !['machine', 'application'].includes(settings[k].scope ?? 'window'));
		assert.deepEqual(
			workspaceSettable.filter((k) => !restricted.includes(k) && !HARMLESS_FROM_A_WORKSPACE.includes(k)),
			[],
			'decide for each new setting: restricted, or harmless',
		);
		assert.deepEqual(
			restricted.filter((k) => !settings[k]),
			[],
			'restricted settings that do not exist',
		);
		assert.deepEqual(
			restricted.filter((k) => settings[k].scope === 'machine'),
			[],
			'a machine setting never comes from a workspace: listing it says nothing',
		);
		assert.equal(settings['woodpecker.apiBaseUrl'].scope, 'machine', 'the address the key is sent to is never set by a workspace');
	});

	it('activates on the URI handler and the tools only (views and commands are implied), never on *', () => {
		assert.deepEqual(manifest.activationEvents, ['onUri', 'onLanguageModelTool:woodpecker_listEnrichmentBatches', 'onLanguageModelTool:woodpecker_getEnrichmentBatch', 'onLanguageModelTool:woodpecker_findLead']);
		const tools = (manifest.contributes.languageModelTools as Array<{ name: string }>).map((t) => `onLanguageModelTool:${t.name}`);
		assert.deepEqual(
			manifest.activationEvents.filter((e: string) => e.startsWith('onLanguageModelTool:')),
			tools,
		);
	});

	it('has what the marketplace shows and vsce needs: repository, bugs, homepage, a 128 px PNG icon, banner, categories, keywords', () => {
		assert.equal(manifest.repository.url, 'https://github.com/woodpecker-community/vscode-woodpecker-enrichments.git');
		assert.equal(manifest.bugs.url, 'https://github.com/woodpecker-community/vscode-woodpecker-enrichments/issues');
		assert.equal(manifest.homepage, 'https://github.com/woodpecker-community/vscode-woodpecker-enrichments#readme');
		const png = fs.readFileSync(path.join(repoRoot, manifest.icon));
		assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
		// IHDR: width and height, big-endian, at bytes 16 and 20.
		assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
		assert.match(manifest.galleryBanner.color, /^#[0-9A-Fa-f]{6}$/);
		assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
		assert.ok(manifest.categories.length > 0 && manifest.keywords.length > 0 && manifest.keywords.length <= 30);
		assert.equal(manifest.capabilities.virtualWorkspaces, true);
	});

	it('every %key% in package.json has its English text in package.nls.json', () => {
		const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
		const keys = [...JSON.stringify(manifest).matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
		assert.ok(
			keys.some((k) => k.startsWith('walkthrough.')),
			'the walkthrough strings are keys',
		);
		assert.deepEqual(
			keys.filter((k) => typeof nls[k] !== 'string'),
			[],
		);
	});
});
