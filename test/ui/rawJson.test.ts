import * as assert from 'node:assert/strict';
import { batch, lead, rowLabel } from './scenes';
import { eventually, useWorkbench } from './workbench';

describe('Raw JSON panel', () => {
	const workbench = useWorkbench();

	it('shows the last response from the command palette', async () => {
		const wb = workbench();
		await wb.signIn();
		await wb.runCommand('Woodpecker: Show Raw JSON');
		const view = wb.webview();
		await view.locator('#title', { hasText: 'Last response' }).waitFor();
		await view.locator('#lines', { hasText: 'lead_enrichments' }).waitFor();
		await wb.screenshot('raw-json-panel');
	});

	it('shows the whole last response from the view title, even with a lead selected (README: media/screenshots/raw-json.png)', async () => {
		const wb = workbench();
		await wb.useReadmeWindow(420);
		await wb.signIn();
		const newest = [...wb.served].sort((a, b) => Date.parse(b.created) - Date.parse(a.created))[0];
		await wb.expand(wb.treeRow(rowLabel(newest)));
		// A selected (and so focused) lead: the title button must still mean the whole response.
		await wb.leadRow(newest.leads[0].uid).click();
		await wb.viewTitleButton('Show Raw JSON').click();

		const text = await wb.rawJsonText('Last response');
		// The answer reaches back further than the view shows; the subtitle says how many of its batches are on screen.
		const subtitle = /^(\d+) batches, (\d+) shown · last 24 hours · received /.exec(await wb.webview().locator('#subtitle').innerText());
		assert.ok(subtitle, "the subtitle names the answer's batches and those shown");
		assert.equal(Number(subtitle[2]), (await wb.treeRows()).filter((r) => r.level === 1).length);
		assert.ok(Number(subtitle[1]) > Number(subtitle[2]));
		assert.match(await wb.webview().locator('#status').innerText(), /^[\d,]+ lines · [\d.]+ KB$/);
		// The panel is virtual: only the first screenful of the pretty-printed text is rendered.
		const lines = text.split('\n');
		assert.deepEqual(lines.slice(0, 3), ['{', '  "lead_enrichments": [', '    {']);
		// The fake reads created_after inclusively, from that UTC midnight: its first batch since then opens the answer.
		const since = Date.parse(`${wb.listRequests().at(-1)?.query.created_after}T00:00:00Z`);
		const firstSent = wb.served.find((b) => Date.parse(b.created) >= since);
		assert.ok(text.includes(`"uuid": "${firstSent?.uuid}"`), 'the batches come in the order the API sent them');
		await wb.readmeScreenshot('raw-json');
	});

	it('shows one batch from its context menu, as exactly the JSON the API sent', async () => {
		const wb = workbench();
		const b = batch('e0000000-0000-4000-8000-000000000001', 15, [lead('json_0001', 'pending'), lead('json_0002', { status: 'PROCESSED', processing_result: 'DUPLICATE' })]);
		const extra = { ...b, source: { search: 'CTO Berlin', note: 'fields the docs do not list are kept' } };
		wb.serve([extra]);
		await wb.signIn();
		await wb.contextMenu(wb.treeRow(rowLabel(b)), 'Show Raw JSON');

		const text = await wb.rawJsonText(`Batch ${b.uuid}`);
		assert.deepEqual(JSON.parse(text), extra, 'the text shown is the batch, field for field');
		assert.equal(await wb.webview().locator('#subtitle').innerText(), `2 leads · created ${b.created}`);
		await eventually(
			() => wb.page.evaluate<string>('document.title'),
			(t) => t.startsWith(`Raw JSON: Batch ${b.uuid}`),
			'the editor tab named after the batch',
		);
	});
});
