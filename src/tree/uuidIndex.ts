// Finds rows by uuid. A Map would hash every uuid string and grow its table while a refresh of
// 10k+ batches is building; this open-addressing table of row indexes is one typed array.

/** Row positions by key, the first row of each key kept; keys are compared exactly on any hash match. */
export class FirstIndex {
	private readonly slots: Int32Array;
	private readonly mask: number;

	/** `keyOf(i)`: the key of the row at position i (only asked for positions already added). */
	constructor(
		capacity: number,
		private readonly keyOf: (i: number) => string,
	) {
		let size = 8;
		while (size < capacity * 2) size *= 2;
		this.slots = new Int32Array(size).fill(-1);
		this.mask = size - 1;
	}

	/** Adds position `i` under `key` unless the key is there already; returns the earlier position, or -1. */
	addFirst(key: string, i: number): number {
		for (let h = hash(key) & this.mask; ; h = (h + 1) & this.mask) {
			const j = this.slots[h];
			if (j < 0) {
				this.slots[h] = i;
				return -1;
			}
			if (this.keyOf(j) === key) return j;
		}
	}

	/** The first position added under `key`, or -1. */
	get(key: string): number {
		for (let h = hash(key) & this.mask; ; h = (h + 1) & this.mask) {
			const j = this.slots[h];
			if (j < 0 || this.keyOf(j) === key) return j;
		}
	}
}

/**
 * FNV-1a over the length and the first and last four characters: enough for random uuids and for
 * ids that differ only at the end; keys that collide are still told apart by the exact compare.
 */
function hash(s: string): number {
	const n = s.length;
	let h = Math.imul(0x811c9dc5 ^ n, 0x01000193);
	for (let k = 0; k < 4; k++) {
		h = Math.imul(h ^ (s.charCodeAt(k) | 0), 0x01000193);
		h = Math.imul(h ^ (s.charCodeAt(n - 1 - k) | 0), 0x01000193);
	}
	return h >>> 0;
}
