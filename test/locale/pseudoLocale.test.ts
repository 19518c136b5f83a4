// The localization pipeline in the real editor: with qps-ploc as the display language, the
// extension's generated pseudo bundles are loaded and their words are what the view shows.
// Expected texts are written out by hand from the English ("«!! … !!»", vowels and c, n, s accented).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension } from '../integration/helpers';
import { sampleBatches, showView, startSession } from '../integration/support';

describe('The pseudo-locale (qps-ploc) run', () => {
	it('loads the pseudo-locale bundles: the manifest, the view description and the status bar read them', async () => {
		assert.equal(vscode.env.language, 'qps-ploc');
		const views = (extension().packageJSON as { contributes: { views: { woodpecker: Array<{ name: string }> } } }).contributes.views.woodpecker;
		assert.equal(views[0].name, '«!! Éñríçhméñtš !!»');

		// Starting the session activates the extension, which is when VS Code loads its bundle.
		const session = await startSession(sampleBatches().batches);
		try {
			assert.equal(vscode.l10n.bundle?.['last 24 hours'], '«!! lášt 24 hóúrš !!»');
			await showView();
			const s = await session.api.snapshot({ leads: false });
			// The description comes from a module without vscode: @vscode/l10n took the bundle at activation.
			assert.equal(s.description, '«!! lášt 24 hóúrš !!»');
			assert.deepEqual(s.statusBar?.text, '«!! $(sync~spin) 1 péñdíñg !!»');
		} finally {
			await session.dispose();
		}
		// Left on screen for the run's last screenshot: the welcome text in the pseudo locale.
		await showView();
	});
});
