import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extension, testApi } from './helpers';

interface Step {
	id: string;
	title: string;
	description: string;
	media: { markdown?: string };
	completionEvents: string[];
}

describe('The manifest as the editor loaded it', () => {
	it('contributes the walkthrough: five steps, each completed by the real event, strings resolved from package.nls.json', async () => {
		await testApi();
		const walkthroughs = extension().packageJSON.contributes.walkthroughs as Array<{ id: string; title: string; steps: Step[] }>;
		assert.equal(walkthroughs.length, 1);
		const [walkthrough] = walkthroughs;
		assert.equal(walkthrough.id, 'woodpecker.gettingStarted');
		assert.equal(walkthrough.title, 'Get started with Woodpecker Enrichments');
		assert.deepEqual(
			walkthrough.steps.map((s) => [s.id, s.title, s.completionEvents]),
			[
				// Context keys set once the thing is done: a step done on the command would tick as the
				// command starts, and the walkthrough page taking the focus back closes its quick pick.
				['setKey', 'Connect your Woodpecker account', ['onContext:woodpecker.hasApiKey']],
				['openView', 'Open the Enrichments view', ['onView:woodpecker.enrichments']],
				['setCutoff', 'Choose a cutoff', ['onContext:woodpecker.cutoffChosen']],
				['copyUid', "Copy a lead's uid", ['onContext:woodpecker.leadUidCopied']],
				['askCopilot', 'Ask Copilot', ['onCommand:workbench.action.chat.open']],
			],
		);
		for (const step of walkthrough.steps) {
			assert.ok(!/%walkthrough\./.test(step.description), `step ${step.id}'s description is an unresolved key: ${step.description}`);
			const media = path.join(extension().extensionPath, step.media.markdown ?? '');
			assert.ok(step.media.markdown && fs.existsSync(media), `step ${step.id}'s media ${step.media.markdown} is missing`);
		}
	});

	it("every command a walkthrough button runs is one of the extension's, registered", async () => {
		await testApi();
		const steps = (extension().packageJSON.contributes.walkthroughs as Array<{ steps: Step[] }>)[0].steps;
		const linked = steps.flatMap((s) => [...s.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]));
		const ours = linked.filter((id) => id.startsWith('woodpecker.'));
		assert.deepEqual(ours, ['woodpecker.setApiKey', 'woodpecker.addAccount', 'woodpecker.enrichments.focus', 'woodpecker.setCutoff', 'woodpecker.copyLeadUid']);
		const registered = new Set(await vscode.commands.getCommands(true));
		assert.deepEqual(
			ours.filter((id) => !registered.has(id)),
			[],
			'linked from the walkthrough but not registered',
		);
	});

	it('declares what it supports: limited in untrusted workspaces (the settings a workspace could abuse), virtual workspaces, activation without *', async () => {
		await testApi();
		const pkg = extension().packageJSON;
		assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
		assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, [
			'woodpecker.enableLanguageModelTools',
			'woodpecker.requestTimeoutSeconds',
			'woodpecker.pollIntervalSeconds',
			'woodpecker.idleRefreshMinutes',
			'woodpecker.autoRefreshMinutes',
		]);
		assert.equal(pkg.capabilities.virtualWorkspaces, true);
		assert.deepEqual(pkg.activationEvents, ['onUri', 'onLanguageModelTool:woodpecker_listEnrichmentBatches', 'onLanguageModelTool:woodpecker_getEnrichmentBatch', 'onLanguageModelTool:woodpecker_findLead']);
		assert.equal(pkg.repository.url, 'https://github.com/woodpecker-community/vscode-woodpecker-enrichments.git');
	});
});
