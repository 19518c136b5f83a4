import * as assert from 'node:assert/strict';
import type { EnrichmentBatch } from '../../../src/api/types';
import { type BatchCounts, EnrichmentModel } from '../../../src/model/enrichmentModel';
import { MinuteLabels, batchIcon, batchTooltip, describeCounts } from '../../../src/tree/batchSummary';

/** A batch's counts, as the model finds them. */
function countLeads(batch: EnrichmentBatch): BatchCounts {
	const { total, pending, converted, notConverted, other } = new EnrichmentModel([batch]).rows[0];
	return { total, pending, converted, notConverted, other };
}

const batch: EnrichmentBatch = {
	uuid: 'e345310f-cfa7-42e3-b2fc-d888a332a899',
	created: '2026-05-01T10:00:00+02:00',
	leads: [
		{ uid: 'a_0000', status: 'PENDING', processing_result: null },
		{ uid: 'a_0001', status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' },
		{ uid: 'a_0002', status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' },
		{ uid: 'a_0003', status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' },
		{ uid: 'a_0004', status: 'WEIRD', processing_result: null },
	],
};

describe('batch summary', () => {
	it('counts leads by state', () => {
		assert.deepEqual(countLeads(batch), { total: 5, pending: 1, converted: 1, notConverted: 2, other: 1 });
	});

	it('describes counts, leaving out zero parts', () => {
		assert.equal(describeCounts(countLeads(batch)), '5 leads · 1 pending · 1 converted · 2 not converted · 1 other');
		assert.equal(describeCounts({ total: 3, pending: 1, converted: 1, notConverted: 1, other: 0 }), '3 leads · 1 pending · 1 converted · 1 not converted');
		assert.equal(describeCounts({ total: 1, pending: 0, converted: 1, notConverted: 0, other: 0 }), '1 lead · 1 converted');
		assert.equal(describeCounts({ total: 0, pending: 0, converted: 0, notConverted: 0, other: 0 }), '0 leads');
		assert.equal(describeCounts({ total: 3, pending: 0, converted: 1, notConverted: 1, other: 1 }), '3 leads · 1 converted · 1 not converted · 1 other');
		assert.equal(describeCounts({ total: 130, pending: 64, converted: 66, notConverted: 0, other: 0 }), '130 leads · 64 pending · 66 converted');
	});

	it('formats the creation time in the given locale and keeps unparsable text', () => {
		const f = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
		const labels = new MinuteLabels(() => f);
		const label = (created: string) => labels.label(Date.parse(created), created);
		assert.equal(label('2026-05-01T10:00:00+02:00'), 'May 1, 2026, 8:00 AM');
		assert.equal(label('not a date'), 'not a date');
		assert.equal(label(''), '(no creation time)');
	});

	it('picks the batch icon from its worst state', () => {
		assert.equal(batchIcon(countLeads(batch)).icon, 'sync');
		assert.equal(batchIcon({ total: 2, pending: 0, converted: 1, notConverted: 1, other: 0 }).icon, 'check-all');
		assert.equal(batchIcon({ total: 2, pending: 0, converted: 1, notConverted: 0, other: 1 }).icon, 'warning');
		assert.equal(batchIcon({ total: 0, pending: 0, converted: 0, notConverted: 0, other: 0 }).icon, 'circle-outline');
	});

	it('puts uuid, ISO timestamp and counts in the tooltip, with backticks neutralised', () => {
		const tip = batchTooltip(batch, countLeads(batch));
		assert.match(tip, /UUID: `e345310f-cfa7-42e3-b2fc-d888a332a899`/);
		assert.match(tip, /Created: `2026-05-01T10:00:00\+02:00`/);
		assert.match(tip, /Leads: 5 — 1 pending, 1 converted to prospect, 2 not converted, 1 other/);
		const evil = batchTooltip({ ...batch, uuid: 'x` [link](command:evil) `' }, countLeads(batch));
		assert.ok(!evil.includes('x` ['), 'a backtick in data must not close the code span');
	});

	it('writes the tooltip as Markdown paragraphs, naming "other" only when there are some', () => {
		assert.equal(
			batchTooltip(batch, countLeads(batch)),
			'**Enrichment batch**\n\nUUID: `e345310f-cfa7-42e3-b2fc-d888a332a899`\n\nCreated: `2026-05-01T10:00:00+02:00`\n\nLeads: 5 — 1 pending, 1 converted to prospect, 2 not converted, 1 other',
		);
		assert.equal(
			batchTooltip({ uuid: 'u', created: 'soon', leads: [] }, { total: 2, pending: 0, converted: 1, notConverted: 1, other: 0 }),
			'**Enrichment batch**\n\nUUID: `u`\n\nCreated: `soon`\n\nLeads: 2 — 0 pending, 1 converted to prospect, 1 not converted',
		);
	});

	it('says in the tooltip how many leads a filter shows', () => {
		assert.equal(
			batchTooltip({ uuid: 'u', created: 'soon', leads: [] }, { total: 10, pending: 3, converted: 4, notConverted: 2, other: 1 }, 'converted'),
			'**Enrichment batch**\n\nUUID: `u`\n\nCreated: `soon`\n\nLeads: 10 — 3 pending, 4 converted to prospect, 2 not converted, 1 other\n\nShown: 4 of 10 leads (filter "Converted")',
		);
		assert.equal(batchTooltip(batch, countLeads(batch), 'all'), batchTooltip(batch, countLeads(batch)), 'All adds nothing');
	});
});

describe('minute labels', () => {
	it('formats like the formatter, reusing one text per minute', () => {
		let calls = 0;
		const f = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
		const counting = { format: (t: number) => (calls++, f.format(t)) } as Intl.DateTimeFormat;
		const labels = new MinuteLabels(() => counting);
		const t = Date.parse('2026-05-01T08:00:10Z');
		assert.equal(labels.label(t, 'x'), 'May 1, 2026, 8:00 AM');
		assert.equal(labels.label(t + 40_000, 'x'), 'May 1, 2026, 8:00 AM');
		assert.equal(labels.label(t + 60_000, 'x'), 'May 1, 2026, 8:01 AM');
		assert.equal(calls, 2);
	});

	it('keeps at most 100,001 minutes, then starts again', () => {
		let calls = 0;
		const labels = new MinuteLabels(() => ({ format: (t: number) => (calls++, `minute ${t / 60_000}`) }) as Intl.DateTimeFormat);
		const label = (minute: number) => labels.label(minute * 60_000, 'x');
		for (let m = 0; m <= 100_000; m++) label(m);
		assert.equal(calls, 100_001);
		assert.equal(label(0), 'minute 0', 'the first minute is still kept');
		assert.equal(calls, 100_001);
		assert.equal(label(100_001), 'minute 100001');
		assert.equal(calls, 100_002);
		assert.equal(label(1), 'minute 1', 'the cache was emptied to make room');
		assert.equal(calls, 100_003);
		assert.equal(label(100_001), 'minute 100001');
		assert.equal(calls, 100_003);
	});

	it('shows the raw text of an unparsable creation time', () => {
		const labels = new MinuteLabels(() => new Intl.DateTimeFormat('en-US'));
		assert.equal(labels.label(Number.NaN, 'soon'), 'soon');
		assert.equal(labels.label(Number.NaN, ''), '(no creation time)');
	});
});
