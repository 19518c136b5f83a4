import * as assert from 'node:assert/strict';
import type { Lead } from '../../../src/api/types';
import { leadLook, leadState, rawStatusText } from '../../../src/model/leadState';

describe('lead state', () => {
	it('classifies the documented statuses', () => {
		assert.equal(leadState({ status: 'PENDING', processing_result: null }), 'pending');
		assert.equal(leadState({ status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' }), 'converted');
		assert.equal(leadState({ status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' }), 'not-converted');
	});

	it('takes a pending lead without a processing_result field as pending', () => {
		assert.equal(leadState({ uid: 'x', status: 'PENDING' } as Lead), 'pending');
	});

	it('calls values outside the documented enums other and shows them as they came', () => {
		const look = leadLook({ status: 'FAILED', processing_result: 'DUPLICATE' });
		assert.equal(look.state, 'other');
		assert.equal(look.text, 'FAILED · DUPLICATE');
		assert.equal(look.icon, 'question');
		assert.equal(leadState({ status: 'PROCESSED', processing_result: null }), 'other');
		assert.equal(leadState({ status: 'PENDING', processing_result: 'CONVERTED_TO_PROSPECT' }), 'other');
	});

	it('gives each state its own icon and color', () => {
		const looks = [
			leadLook({ status: 'PENDING', processing_result: null }),
			leadLook({ status: 'PROCESSED', processing_result: 'CONVERTED_TO_PROSPECT' }),
			leadLook({ status: 'PROCESSED', processing_result: 'NOT_CONVERTED_TO_PROSPECT' }),
			leadLook({ status: 'X', processing_result: null }),
		];
		assert.deepEqual(
			looks.map((l) => [l.text, l.icon, l.color]),
			[
				['Pending', 'clock', 'charts.yellow'],
				['Converted to prospect', 'pass-filled', 'charts.green'],
				['Not converted', 'circle-slash', 'charts.red'],
				['X', 'question', 'charts.purple'],
			],
		);
	});

	it('says each state in words: a short row label, and what a screen reader says', () => {
		const words = ['PENDING', 'CONVERTED_TO_PROSPECT', 'NOT_CONVERTED_TO_PROSPECT'].map((r, i) => leadLook(i === 0 ? { status: 'PENDING', processing_result: null } : { status: 'PROCESSED', processing_result: r }));
		assert.deepEqual(
			[...words, leadLook({ status: 'FAILED', processing_result: 'DUPLICATE' })].map((l) => [l.label, l.spoken]),
			[
				['Pending', 'pending'],
				['Converted', 'converted to prospect'],
				['Not converted', 'not converted to prospect'],
				['FAILED · DUPLICATE', 'status FAILED · DUPLICATE'],
			],
		);
	});

	it('renders missing or non-string raw values without crashing', () => {
		assert.equal(rawStatusText({ status: undefined as unknown as string, processing_result: null }), 'no status');
		assert.equal(rawStatusText({ status: 7 as unknown as string, processing_result: { a: 1 } as unknown as string }), '7 · {"a":1}');
		assert.equal(rawStatusText({ status: 'FAILED', processing_result: null }), 'FAILED');
		assert.equal(rawStatusText({ uid: 'x', status: 'FAILED' } as Lead), 'FAILED');
		assert.equal(rawStatusText({ status: null as unknown as string, processing_result: 'DUPLICATE' }), 'no status · DUPLICATE');
	});
});
