import * as assert from 'node:assert/strict';
import type { EnrichmentBatch } from '../../src/api/types';
import { visibleText } from '../../src/tree/visibleText';
import { batch, lead, rowLabel } from './scenes';
import { type Workbench, eventually, useWorkbench } from './workbench';

// Values a hostile or broken API could send: markup that would run if it ever became HTML, a
// javascript: URL, markdown and codicon syntax, control and bidi characters.
const SCRIPT_UID = `</pre><script>document.title='pwned'</script><img src=x onerror="document.title='pwned'">`;
const MARKDOWN_UID = '$(alert) [click](javascript:alert(1)) **bold** `tick`';
const HOSTILE_TEXT = 'javascript:alert(1)\u0000\u0007\u001b[31m\u202e\t<b>x</b>';
/** How rows show it: control and bidi characters spelled out, so they cannot hide or reorder text. */
const HOSTILE_SHOWN = visibleText(HOSTILE_TEXT);

function hostileBatches(): { markup: EnrichmentBatch; odd: EnrichmentBatch } {
	const markup = batch('f0000000-0000-4000-8000-000000000001', 20, [lead(SCRIPT_UID, 'pending'), lead(MARKDOWN_UID, 'converted')]);
	const odd: EnrichmentBatch = {
		uuid: 'f0000000-0000-4000-8000-000000000002',
		created: HOSTILE_TEXT, // not a date: shown as it came, listed last
		homepage: 'javascript:alert(1)',
		leads: [lead('plain_0001', { status: '<img src=x onerror=alert(1)>', processing_result: HOSTILE_TEXT })],
	};
	return { markup, odd };
}

/** Proof that nothing from the data ran as script in the Raw JSON panel or the workbench. */
async function assertNothingRan(wb: Workbench, expectedTitle: string): Promise<void> {
	const view = wb.webview();
	assert.equal(await view.locator('#lines script, #lines img, #lines a, #lines b').count(), 0, 'markup from the data became elements');
	assert.equal(await view.locator('img').count(), 0, 'an <img> exists in the webview');
	// Two scripts belong there: VS Code's inline acquireVsCodeApi and the panel's media/rawJson.js.
	const scripts = await view
		.locator('html')
		.evaluate((el) =>
			[...(el as { ownerDocument: { querySelectorAll(s: string): Iterable<{ src: string; textContent: string | null }> } }).ownerDocument.querySelectorAll('script')].map((s) =>
				s.src ? new URL(s.src).pathname.split('/').slice(-2).join('/') : (s.textContent ?? '').includes('acquireVsCodeApi') ? 'inline acquireVsCodeApi' : `inline: ${(s.textContent ?? '').slice(0, 80)}`,
			),
		);
	assert.deepEqual(scripts.sort(), ['inline acquireVsCodeApi', 'media/rawJson.js'], 'a <script> other than VS Code’s and the panel’s own exists in the webview');
	const documentTitle = (el: unknown) => (el as { ownerDocument: { title: string } }).ownerDocument.title;
	assert.equal(await view.locator('html').evaluate(documentTitle), 'Raw JSON', 'the panel document’s title changed');
	assert.notEqual(await wb.webviewHost().locator('html').evaluate(documentTitle), 'pwned', 'the webview host’s title changed');
	const title = await wb.page.evaluate<string>('document.title');
	assert.ok(title.startsWith(`Raw JSON: ${expectedTitle}`), `the workbench title is VS Code's, not the data's: ${JSON.stringify(title)}`);
	assert.deepEqual(wb.dialogs, [], 'a dialog was opened');
}

describe('Hostile values from the API', () => {
	const workbench = useWorkbench();

	it('are shown as literal text in the tree, its tooltips and the Raw JSON panel, and never run', async () => {
		const wb = workbench();
		const { markup, odd } = hostileBatches();
		wb.serve([odd, markup]);
		await wb.signIn();

		// Tree rows: the values verbatim (VS Code renders labels as text).
		await wb.expand(wb.treeRow(rowLabel(markup)));
		let rows = await eventually(
			() => wb.treeRows(),
			(r) => r.length === 4,
			'two batches and two leads',
		);
		const oddRow = rows[3];
		assert.deepEqual([oddRow.label, oddRow.description, oddRow.icon], [HOSTILE_SHOWN, '1 lead · 1 other', 'warning']);
		await wb.expand(wb.treeRowAt(oddRow.index));
		rows = await eventually(
			() => wb.treeRows(),
			(r) => r.length === 5,
			'the odd batch’s lead',
		);
		assert.deepEqual(
			rows.map((r) => [r.label, r.description]),
			[
				[rowLabel(markup), '2 leads · 1 pending · 1 converted'],
				['Pending', SCRIPT_UID],
				['Converted', MARKDOWN_UID],
				[HOSTILE_SHOWN, '1 lead · 1 other'],
				[`<img src=x onerror=alert(1)> · ${HOSTILE_SHOWN}`, 'plain_0001'],
			],
		);

		// Tooltips are markdown: the values must stay inside code spans, never become links or HTML.
		await wb.treeRowAt(oddRow.index).hover();
		const hover = wb.page.locator('.monaco-hover .rendered-markdown', { hasText: 'Enrichment batch' });
		await hover.waitFor();
		assert.match(await hover.locator('code').nth(1).innerText(), /^javascript:alert\(1\)/);
		assert.equal(await hover.locator('a, img, script, b').count(), 0, 'the batch tooltip rendered markup from the data');
		await wb.leadRow(MARKDOWN_UID).hover();
		const leadHover = wb.page.locator('.monaco-hover .rendered-markdown', { hasText: 'Status' });
		await leadHover.waitFor();
		assert.equal(await leadHover.locator('code').first().innerText(), MARKDOWN_UID.replace(/`/g, 'ˋ'));
		assert.equal(await leadHover.locator('strong').count(), 1, 'only the tooltip’s own "Lead" is bold');
		assert.equal(await leadHover.locator('a, img, script, .codicon').count(), 0, 'the lead tooltip rendered markdown from the data');
		await wb.page.keyboard.press('Escape');

		// Copy takes the value as it is.
		await wb.contextMenu(wb.treeRowAt(rows[1].index), 'Copy Lead UID');
		await eventually(
			() => wb.readClipboard(),
			(t) => t === SCRIPT_UID,
			'the script uid, verbatim, on the clipboard',
		);

		// Raw JSON of the lead: the title and the text are the data, and nothing ran.
		await wb.contextMenu(wb.treeRowAt(rows[1].index), 'Show Raw JSON');
		const leadText = await wb.rawJsonText(`Lead ${SCRIPT_UID}`);
		assert.equal(await wb.webview().locator('#title').textContent(), `Lead ${SCRIPT_UID}`);
		assert.deepEqual(JSON.parse(leadText), markup.leads[0]);
		await assertNothingRan(wb, `Lead ${SCRIPT_UID}`);

		// Raw JSON of the odd batch: control characters appear as JSON escapes, the rest verbatim.
		await wb.contextMenu(wb.treeRowAt(oddRow.index), 'Show Raw JSON');
		const batchText = await wb.rawJsonText(`Batch ${odd.uuid}`);
		assert.deepEqual(JSON.parse(batchText), odd, 'the text shown is the batch, field for field');
		assert.ok(batchText.includes('"homepage": "javascript:alert(1)"'));
		assert.ok(batchText.includes('javascript:alert(1)\\u0000\\u0007\\u001b[31m\\u202e\\t<b>x</b>'), 'control and bidi characters are shown as JSON escapes');
		await assertNothingRan(wb, `Batch ${odd.uuid}`);
		await wb.screenshot('hostile-values');
	});

	it('server text with a command link stays text in the notification: no link, nothing runs', async () => {
		const wb = workbench();
		await wb.signIn();
		const details = 'Denied. [Open a terminal](command:workbench.action.terminal.new) or [see](https://example.com)';
		wb.h.fake.failAlways({ kind: 'status', status: 403, body: JSON.stringify({ title: 'Forbidden', status: 403, details }) });
		await wb.viewTitleButton('Refresh').click();
		const toast = wb.notification(/Could not refresh Woodpecker enrichments: Denied\./);
		await toast.waitFor();
		assert.match(await toast.innerText(), /Denied\. \[Open a terminal\] \(command:workbench\.action\.terminal\.new\) or \[see\] \(https:\/\/example\.com\)/);
		const links = await toast.locator('.notification-list-item-message a').evaluateAll((els) =>
			els.map((e) => {
				const a = e as { textContent: string; getAttribute(n: string): string | null };
				return `${a.textContent} -> ${a.getAttribute('href')}`;
			}),
		);
		assert.deepEqual(links, [], 'server text became a link');
		assert.equal(await wb.page.locator('.terminal-outer-container, .integrated-terminal').count(), 0, 'a terminal was opened');
	});
});
