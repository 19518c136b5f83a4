// Runs the enclosing describe() in another time zone: Node reads TZ again whenever it is assigned.

/** Sets TZ for the tests of the calling describe() and puts the old value back afterwards. */
export function inTimeZone(zone: string): void {
	let saved: string | undefined;
	before(() => {
		saved = process.env.TZ;
		process.env.TZ = zone;
	});
	after(() => {
		if (saved === undefined) delete process.env.TZ;
		else process.env.TZ = saved;
	});
}
