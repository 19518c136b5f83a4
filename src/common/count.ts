/** "1 batch", "3 batches": a count with its noun. */
export function count(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}
