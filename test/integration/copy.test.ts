import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { batchNodes, leadNodes, sampleBatches, useSession } from './support';

const SENTINEL = 'clipboard before the copy';

describe('Copy commands', () => {
	const session = useSession(() => sampleBatches().batches);
	beforeEach(() => vscode.env.clipboard.writeText(SENTINEL));

	it('Copy Lead UID on a lead copies its uid', async () => {
		const [, , lead] = leadNodes(session.current.api, batchNodes(session.current.api)[0]);
		await vscode.commands.executeCommand('woodpecker.copyLeadUid', lead);
		assert.equal(await vscode.env.clipboard.readText(), 'mixSearchId0000000000B_0009');
	});

	it('Copy Lead UID on a selection of two leads copies both uids, one per line, in selection order', async () => {
		const [mixed, , done] = batchNodes(session.current.api);
		const first = leadNodes(session.current.api, done)[1];
		const second = leadNodes(session.current.api, mixed)[0];
		await vscode.commands.executeCommand('woodpecker.copyLeadUid', first, [first, second]);
		assert.equal(await vscode.env.clipboard.readText(), 'donSearchId0000000000D_0004\nmixSearchId0000000000B_0007');
	});

	it('Copy Lead UID on a lead outside the selection copies only that lead', async () => {
		const leads = leadNodes(session.current.api, batchNodes(session.current.api)[0]);
		await vscode.commands.executeCommand('woodpecker.copyLeadUid', leads[2], [leads[0], leads[1]]);
		assert.equal(await vscode.env.clipboard.readText(), 'mixSearchId0000000000B_0009');
	});

	it("Copy Batch UUID on a batch copies its uuid, and on a lead its batch's uuid", async () => {
		const { uuids } = sampleBatches();
		const batches = batchNodes(session.current.api);
		assert.equal(batches[2].row.batch.uuid, uuids.done);
		await vscode.commands.executeCommand('woodpecker.copyBatchUuid', batches[2]);
		assert.equal(await vscode.env.clipboard.readText(), uuids.done);
		const lead = leadNodes(session.current.api, batches[3])[0];
		await vscode.commands.executeCommand('woodpecker.copyBatchUuid', lead);
		assert.equal(await vscode.env.clipboard.readText(), uuids.odd);
	});
});
