import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EnrichmentBatch } from '../../src/api/types';
import { DEMO_AGENCY_KEY } from '../fake/data';
import { waitForSnapshot } from './helpers';
import { batchNodes, leadNodes, sampleBatches, useSession } from './support';

/** A batch within the last 24 hours whose first uid a spreadsheet would run as a formula. */
function hostileBatch(): EnrichmentBatch {
	return {
		uuid: '0a000000-0000-4000-8000-0000000000ff',
		created: new Date(Date.now() - 20 * 60_000).toISOString(),
		leads: [
			{ uid: '=HYPERLINK("http://evil.example","x")', status: 'PENDING', processing_result: null },
			{ uid: 'plain, with a comma', status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' },
		],
	};
}

function tempFile(name: string): vscode.Uri {
	return vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'woodpecker-export-')), name));
}

describe('Export and copy', () => {
	const session = useSession();

	it('Export… as CSV writes every lead the view shows, under the documented header, hostile cells made inert', async () => {
		const sample = sampleBatches();
		const batches = [...sample.batches, hostileBatch()];
		await session.start(batches);
		const file = tempFile('out.csv');
		await vscode.commands.executeCommand('woodpecker.export', { format: 'csv', uri: file });
		const lines = fs.readFileSync(file.fsPath, 'utf8').split('\r\n');
		assert.equal(lines[0], 'batch_uuid,batch_created,lead_uid,status,processing_result');
		assert.equal(lines.at(-1), '', 'every line ends with CRLF');
		// The view shows every batch but the 30-hour-old one: each of their leads is a line.
		const shown = batches.filter((b) => b.uuid !== sample.uuids.old);
		assert.equal(
			lines.length - 2,
			shown.reduce((n, b) => n + b.leads.length, 0),
		);
		assert.ok(!lines.some((l) => l.startsWith(sample.uuids.old)), 'nothing outside the cutoff');
		const hostileLines = lines.filter((l) => l.startsWith('0a000000-0000-4000-8000-0000000000ff,'));
		assert.equal(hostileLines.length, 2);
		assert.match(hostileLines[0], /,"'=HYPERLINK\(""http:\/\/evil\.example"",""x""\)",PENDING,$/);
		assert.match(hostileLines[1], /,"plain, with a comma",PROCESSED,CONVERTED_TO_PROSPECT$/);
	});

	it('Export… as JSON writes the shown batches exactly as received', async () => {
		const sample = sampleBatches();
		await session.start(sample.batches);
		const file = tempFile('out.json');
		await vscode.commands.executeCommand('woodpecker.export', { format: 'json', uri: file });
		const written = JSON.parse(fs.readFileSync(file.fsPath, 'utf8')) as { lead_enrichments: EnrichmentBatch[] };
		const byUuid = new Map(sample.batches.map((b) => [b.uuid, b]));
		assert.equal(written.lead_enrichments.length, sample.batches.length - 1);
		for (const b of written.lead_enrichments) assert.deepEqual(b, byUuid.get(b.uuid), `batch ${b.uuid} as served`);
		assert.ok(!written.lead_enrichments.some((b) => b.uuid === sample.uuids.old));
	});

	it("with several accounts the CSV names each row's account", async () => {
		const { api } = await session.start(sampleBatches().batches);
		await api.addAccount('Agency HQ', DEMO_AGENCY_KEY);
		await waitForSnapshot((s) => s.accounts.length === 2 && s.accounts.every((a) => a.batches.length > 0) && !s.refreshing, 'two accounts loaded');
		const file = tempFile('several.csv');
		await vscode.commands.executeCommand('woodpecker.export', { format: 'csv', uri: file });
		const lines = fs.readFileSync(file.fsPath, 'utf8').split('\r\n');
		assert.equal(lines[0], 'account,batch_uuid,batch_created,lead_uid,status,processing_result');
		const accounts = new Set(lines.slice(1, -1).map((l) => l.split(',')[0]));
		assert.deepEqual([...accounts].sort(), ['Agency HQ', 'Default']);
	});

	it('Copy All Lead UIDs copies every uid of the batch; Copy as JSON the batch or lead as received', async () => {
		const sample = sampleBatches();
		const { api } = await session.start(sample.batches);
		const node = batchNodes(api).find((b) => b.row.batch.uuid === sample.uuids.mixed)!;
		const served = sample.batches.find((b) => b.uuid === sample.uuids.mixed)!;
		await vscode.commands.executeCommand('woodpecker.copyAllLeadUids', node);
		assert.equal(await vscode.env.clipboard.readText(), served.leads.map((l) => l.uid).join('\n'));
		await vscode.commands.executeCommand('woodpecker.copyAsJson', node);
		assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), served);
		assert.equal(await vscode.env.clipboard.readText(), JSON.stringify(served, null, 2));
		const lead = leadNodes(api, node)[0];
		await vscode.commands.executeCommand('woodpecker.copyAsJson', lead);
		assert.deepEqual(
			JSON.parse(await vscode.env.clipboard.readText()),
			served.leads.find((l) => l.uid === lead.uid),
		);
	});
});
