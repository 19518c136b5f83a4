import * as assert from 'node:assert/strict';
import { FILTER_STATE_KEY, GROUP_BY_DAY_STATE_KEY, type ViewOptions, ViewOptionsStore } from '../../../src/settings/viewOptionsStore';
import { MemoryMemento } from '../../fake/storage';

describe('view options store', () => {
	it('starts with every lead, ungrouped', () => {
		const store = new ViewOptionsStore(new MemoryMemento());
		assert.equal(store.filter, 'all');
		assert.equal(store.groupByDay, false);
	});

	it('keeps the filter and Group by Day in global state, and fires once per real change', async () => {
		const state = new MemoryMemento();
		const store = new ViewOptionsStore(state);
		const seen: ViewOptions[] = [];
		store.onDidChange((o) => seen.push(o));
		await store.setFilter('converted');
		await store.setFilter('converted');
		await store.setGroupByDay(true);
		await store.setGroupByDay(true);
		assert.deepEqual(seen, [
			{ filter: 'converted', groupByDay: false },
			{ filter: 'converted', groupByDay: true },
		]);
		assert.equal(state.get(FILTER_STATE_KEY), 'converted');
		assert.equal(state.get(GROUP_BY_DAY_STATE_KEY), true);
		// As after a reload: a new store over the same state.
		const again = new ViewOptionsStore(state);
		assert.equal(again.filter, 'converted');
		assert.equal(again.groupByDay, true);
		await store.setFilter('all');
		await store.setGroupByDay(false);
		assert.deepEqual(seen.slice(2), [
			{ filter: 'all', groupByDay: true },
			{ filter: 'all', groupByDay: false },
		]);
		store.dispose();
	});

	it('reads a stored value it does not know as every lead, ungrouped', async () => {
		const state = new MemoryMemento();
		await state.update(FILTER_STATE_KEY, 'Converted');
		await state.update(GROUP_BY_DAY_STATE_KEY, 'yes');
		const store = new ViewOptionsStore(state);
		assert.equal(store.filter, 'all');
		assert.equal(store.groupByDay, false);
	});
});
