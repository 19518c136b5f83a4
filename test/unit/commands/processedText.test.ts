import * as assert from 'node:assert/strict';
import { processedText } from '../../../src/commands/processedText';

describe('processed notification text', () => {
	it('one batch: its time and how many of its leads became prospects', () => {
		assert.equal(processedText([{ time: '2 Dec 2026, 10:42', converted: 7, total: 10 }]), 'Batch 2 Dec 2026, 10:42 processed: 7 of 10 converted to prospects');
	});

	it('several batches: how many, and the leads summed', () => {
		const items = [
			{ time: 'a', converted: 7, total: 10 },
			{ time: 'b', converted: 14, total: 19 },
			{ time: 'c', converted: 0, total: 1 },
		];
		assert.equal(processedText(items), '3 batches processed: 21 of 30 leads converted to prospects');
		assert.equal(
			processedText([
				{ time: 'a', converted: 0, total: 0 },
				{ time: 'b', converted: 1, total: 1 },
			]),
			'2 batches processed: 1 of 1 lead converted to prospects',
		);
	});

	it('with several accounts names the account, or both, or how many', () => {
		assert.equal(processedText([{ time: '10:42', converted: 1, total: 2, place: 'Acme Ltd' }]), 'Batch 10:42 processed: 1 of 2 converted to prospects in Acme Ltd');
		const one = { time: 'x', converted: 1, total: 2 };
		assert.equal(
			processedText([
				{ ...one, place: 'HQ › Acme Ltd' },
				{ ...one, place: 'HQ › Acme Ltd' },
			]),
			'2 batches processed: 2 of 4 leads converted to prospects in HQ › Acme Ltd',
		);
		assert.equal(
			processedText([
				{ ...one, place: 'Acme Ltd' },
				{ ...one, place: 'Globex' },
			]),
			'2 batches processed: 2 of 4 leads converted to prospects in Acme Ltd and Globex',
		);
		assert.equal(
			processedText([
				{ ...one, place: 'A' },
				{ ...one, place: 'B' },
				{ ...one, place: 'C' },
			]),
			'3 batches processed: 3 of 6 leads converted to prospects in 3 accounts',
		);
	});

	it('text from the server or the user cannot become a link', () => {
		assert.equal(processedText([{ time: '[x](command:evil)', converted: 0, total: 1, place: '[y](https://e.example)' }]), 'Batch [x] (command:evil) processed: 0 of 1 converted to prospects in [y] (https://e.example)');
	});
});
