import * as assert from 'node:assert/strict';
import { batch, lead } from './scenes';
import { type Workbench, eventually, useWorkbench } from './workbench';

const STEP_TITLES = ['Connect your Woodpecker account', 'Open the Enrichments view', 'Choose a cutoff', "Copy a lead's uid", 'Ask Copilot'];

/**
 * Each step of the walkthrough page, in order: 'done' when its checkbox is ticked (VS Code's registered icon
 * getting-started-step-checked, drawn as codicon pass-filled, class `complete`), 'open' when it shows the
 * unticked icon, '?' when neither (so a renamed class fails the test rather than reading as "not done").
 */
function stepStates(wb: Workbench): Promise<string[]> {
	return wb.page.evaluate<string[]>(`[...document.querySelectorAll('.gettingStartedContainer .getting-started-step')].map((step) =>
		step.querySelector('.codicon-getting-started-step-checked.complete') ? 'done' : step.querySelector('.codicon-getting-started-step-unchecked') ? 'open' : '?')`);
}

/** The element or one inside it has the keyboard focus. */
function holdsFocusWithin(element: unknown): boolean {
	const e = element as { contains(other: unknown): boolean; ownerDocument: { activeElement: unknown } };
	return e.contains(e.ownerDocument.activeElement);
}

describe('Walkthrough', () => {
	const workbench = useWorkbench();

	it('Welcome: Open Walkthrough… → Woodpecker shows its five steps; storing the key, opening the view, choosing a cutoff with its button and copying a uid tick theirs', async () => {
		const wb = workbench();
		wb.serve([batch('f0000000-0000-4000-8000-000000000001', 30, [lead('walk_0001', 'pending')])]);

		await wb.runCommand('Welcome: Open Walkthrough...');
		const choice = wb.quickInput().locator('.monaco-list-row', { hasText: 'Get started with Woodpecker Enrichments' });
		await choice.waitFor();
		await choice.click();
		const page = wb.page.locator('.gettingStartedContainer');
		await page.locator('.getting-started-step').first().waitFor();
		const titles = await page.locator('.getting-started-step .step-title').allInnerTexts();
		assert.deepEqual(
			titles.map((t) => t.trim()),
			STEP_TITLES,
		);
		assert.deepEqual(await stepStates(wb), ['open', 'open', 'open', 'open', 'open'], 'a new profile has done nothing yet');

		// In the walkthrough's order: the key first (which also starts the extension), then the cutoff.
		await wb.signIn();
		await eventually(
			() => stepStates(wb),
			(d) => d.join() === 'done,done,open,open,open',
			'the key and view steps ticked',
		);

		// As a user would: select the step, then its button. The page moves the focus to a step it
		// opens, and rebuilds the step's page (a webview, which takes the focus) on every layout: a quick
		// pick opened before that settled closes. A step done on the command itself would close it too.
		await page.locator('.getting-started-step', { hasText: 'Choose a cutoff' }).click();
		const cutoffStep = page.locator('.getting-started-step.expanded', { hasText: 'Choose a cutoff' });
		await cutoffStep.waitFor();
		await eventually(
			() => cutoffStep.evaluate(holdsFocusWithin),
			(f) => f,
			'the opened step to hold the focus',
		);
		// Its page (markdown in a webview) loads beside it; a webview coming up was seen to take the focus and close the pick.
		await wb.page.locator('.getting-started-media iframe.webview.ready').waitFor();
		await eventually(
			() => wb.webview().locator('h1', { hasText: 'Choose how far back to look' }).count(),
			(n) => n === 1,
			"the step's page",
		);
		await cutoffStep.getByRole('button', { name: 'Set Cutoff…' }).click();
		const row = wb.quickInput().locator('.monaco-list-row', { hasText: 'Last 7 days' });
		await row.waitFor();
		await row.click();
		await wb.quickInput().waitFor({ state: 'hidden' });
		await eventually(
			() => stepStates(wb),
			(d) => d.join() === 'done,done,done,open,open',
			'the "Choose a cutoff" step ticked too',
		);

		await wb.expand(wb.treeItems().first());
		await wb.contextMenu(wb.leadRow('walk_0001'), 'Copy Lead UID');
		await eventually(
			() => wb.readClipboard(),
			(t) => t === 'walk_0001',
			'the uid on the clipboard',
		);
		await eventually(
			() => stepStates(wb),
			(d) => d.join() === 'done,done,done,done,open',
			'the copy step ticked; Ask Copilot is left',
		);
		// The test window (1400×900, the default side bar) leaves the page room for its two columns: the steps and the step's page.
		await page.locator('.getting-started-step', { hasText: 'Ask Copilot' }).click();
		await page.locator('.getting-started-step.expanded', { hasText: 'Ask Copilot' }).waitFor();
		await page.locator('.getting-started-media').waitFor();
		await wb.readmeScreenshot('walkthrough');
	});
});
