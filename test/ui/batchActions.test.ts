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
});

