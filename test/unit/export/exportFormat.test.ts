import * as assert from 'node:assert/strict';
import type { EnrichmentBatch } from '../../../src/api/types';
import { csvCell, leadUids, toCsv, toJson } from '../../../src/export/exportFormat';

const b1: EnrichmentBatch = {
	uuid: 'b0000000-0000-4000-8000-000000000001',
	created: '2026-11-30T10:00:00+02:00',
	leads: [
		{ uid: 'lead_1', status: 'PENDING', processing_result: null },
		{ uid: 'lead_2', status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' },
	],
};
const hostile: EnrichmentBatch = {
	uuid: 'b0000000-0000-4000-8000-000000000002',
	created: '2026-11-29T09:00:00Z',
	leads: [
		{ uid: '=HYPERLINK("http://evil.example","click")', status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' },
		{ uid: 'a,b "quoted"\nnext line', status: '+1', processing_result: '@SUM(A1)' },
		{ uid: '-2', status: '\tTAB', processing_result: '\rCR' },
	],
};

describe('export format', () => {
	it('CSV cells: formulas neutralized with an apostrophe, commas, quotes and line breaks quoted', () => {
		assert.equal(csvCell('lead_1'), 'lead_1');
		assert.equal(csvCell('=1+1'), "'=1+1");
		assert.equal(csvCell('+1'), "'+1");
		assert.equal(csvCell('-1'), "'-1");
		assert.equal(csvCell('@A1'), "'@A1");
		assert.equal(csvCell('\tx'), "'\tx");
		assert.equal(csvCell('\rx'), '"\'\rx"');
		assert.equal(csvCell('a,b'), '"a,b"');
		assert.equal(csvCell('say "hi"'), '"say ""hi"""');
		assert.equal(csvCell('two\nlines'), '"two\nlines"');
		assert.equal(csvCell('=A1,"x"'), '"\'=A1,""x"""');
		assert.equal(csvCell(null), '');
		assert.equal(csvCell(undefined), '');
		assert.equal(csvCell({ odd: 1 }), '"{""odd"":1}"');
		assert.equal(csvCell('mid=dle'), 'mid=dle', 'only a leading character counts');
	});

	it('CSV: the documented header, a CRLF line per lead, hostile values made inert', async () => {
		const { text, leads } = await toCsv([{ label: 'Default', batches: [b1, hostile] }]);
		assert.equal(leads, 5);
		assert.equal(
			text,
			[
				'batch_uuid,batch_created,lead_uid,status,processing_result',
				'b0000000-0000-4000-8000-000000000001,2026-11-30T10:00:00+02:00,lead_1,PENDING,',
				'b0000000-0000-4000-8000-000000000001,2026-11-30T10:00:00+02:00,lead_2,PROCESSED,CONVERTED_TO_PROSPECT',
				'b0000000-0000-4000-8000-000000000002,2026-11-29T09:00:00Z,"\'=HYPERLINK(""http://evil.example"",""click"")",PROCESSED,NOT_CONVERTED_TO_PROSPECT',
				'b0000000-0000-4000-8000-000000000002,2026-11-29T09:00:00Z,"a,b ""quoted""\nnext line",\'+1,\'@SUM(A1)',
				"b0000000-0000-4000-8000-000000000002,2026-11-29T09:00:00Z,'-2,'\tTAB,\"'\rCR\"",
				'',
			].join('\r\n'),
		);
	});

	it('CSV with several accounts: an account column first', async () => {
		const { text } = await toCsv([
			{ label: 'Acme', batches: [{ ...b1, leads: [b1.leads[0]] }] },
			{ label: 'HQ › Beta, Inc', batches: [] },
		]);
		assert.equal(text, 'account,batch_uuid,batch_created,lead_uid,status,processing_result\r\nAcme,b0000000-0000-4000-8000-000000000001,2026-11-30T10:00:00+02:00,lead_1,PENDING,\r\n');
	});

	it('JSON: the batches exactly as received, pretty-printed; per account with several', async () => {
		const one = await toJson([{ label: 'Default', batches: [b1] }]);
		assert.equal(one.leads, 2);
		assert.deepEqual(JSON.parse(one.text), { lead_enrichments: [b1] });
		assert.equal(one.text, `${JSON.stringify({ lead_enrichments: [b1] }, null, 2)}\n`);
		const several = await toJson([
			{ label: 'Acme', batches: [b1] },
			{ label: 'Globex', batches: [] },
		]);
		const expected = {
			accounts: [
				{ account: 'Acme', lead_enrichments: [b1] },
				{ account: 'Globex', lead_enrichments: [] },
			],
		};
		assert.equal(several.text, `${JSON.stringify(expected, null, 2)}\n`);
		assert.equal((await toJson([{ label: 'Empty', batches: [] }])).text, '{\n  "lead_enrichments": []\n}\n');
	});

	it('yields to the event loop while it works through a large export', async () => {
		const leads = Array.from({ length: 100 }, (_, i) => ({ uid: `uid_${i}`, status: 'PENDING', processing_result: null }));
		const batches = Array.from({ length: 3000 }, (_, i) => ({ uuid: `u${i}`, created: '2026-11-30T10:00:00Z', leads }));
		let ticked = false;
		setImmediate(() => (ticked = true));
		const { leads: n } = await toCsv([{ label: 'Big', batches }]);
		assert.equal(n, 300_000);
		assert.ok(ticked, 'a macrotask ran before the export ended: it did not hold the event loop throughout');
	});

	it('Copy All Lead UIDs: one per line, in order', () => {
		assert.equal(leadUids(b1.leads), 'lead_1\nlead_2');
		assert.equal(leadUids([]), '');
	});
});
