import { demoBatches } from '../fake/data';
import { eventually, useWorkbench } from './workbench';

describe('Batch actions in the workbench', () => {
	const workbench = useWorkbench();

	it('copies the UUID of a batch from its context menu to the clipboard', async () => {
		const wb = workbench();
		await wb.signIn();
		await wb.contextMenu(wb.treeItems().first(), 'Copy Batch UUID');
		// The runner's fake serves demoBatches(); their uuids are seeded, the same in every call.
		const uuids = new Set(demoBatches().map((b) => b.uuid));
		await eventually(() => wb.readClipboard(), (text) => uuids.has(text), 'a batch uuid on the clipboard');
	});

	it('reports a rejected key when looking up a batch, with Set API Key at hand', async () => {
		const wb = workbench();
		await wb.signIn();
		wb.h.fake.failNext({ kind: 'status', status: 401 });
		await wb.runCommand('Woodpecker: Look Up Batch by UUID…');
		await wb.answerInputBox('e345310f-cfa7-42e3-b2fc-d888a332a899');
		const toast = wb.notification(/Could not look up batch/);
		await toast.waitFor();
		await toast.getByRole('button', { name: 'Set API Key' }).waitFor();
		await wb.screenshot('lookup-401-notification');
	});
});

