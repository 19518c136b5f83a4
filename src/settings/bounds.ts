// The range each number setting may take. The manifest declares the same bounds, but the
// settings editor only warns: a hand-edited 0.001 or 1e9 reaches the code, and setTimeout
// overflows past 2^31 − 1 ms (about 24.8 days) and then fires at once.

export interface NumberBound {
	min: number;
	max: number;
	default: number;
	/** A value that switches the feature off, allowed outside [min, max]. */
	off?: number;
}

export const BOUNDS = {
	requestTimeoutSeconds: { min: 1, max: 600, default: 30 },
	pollIntervalSeconds: { min: 15, max: 3600, default: 60, off: 0 },
	idleRefreshMinutes: { min: 1, max: 1440, default: 0, off: 0 },
} as const satisfies Record<string, NumberBound>;

export interface Clamped {
	value: number;
	/** Why the value read is not the value used, for a warning; undefined when it was fine. */
	problem?: string;
}

/** `raw` within `bound`: whole numbers only, the off value kept, anything not a number replaced by the default. */
export function clampSetting(name: string, raw: unknown, bound: NumberBound): Clamped {
	if (raw === undefined) return { value: bound.default };
	if (!isFiniteNumber(raw)) {
		return { value: bound.default, problem: `woodpecker.${name} is ${JSON.stringify(raw)}, not a number; using ${bound.default}.` };
	}
	// raw is a number here, so a bound without an off value never matches.
	if (raw === bound.off) return { value: raw };
	const value = Math.min(bound.max, Math.max(bound.min, Math.round(raw)));
	if (value === raw) return { value };
	return { value, problem: `woodpecker.${name} is ${raw}; using ${value} (it takes whole numbers from ${bound.min} to ${bound.max}${bound.off !== undefined ? `, or ${bound.off} for off` : ''}).` };
}

/** Number.isFinite, which is false for anything that is no number, as a type guard. */
function isFiniteNumber(v: unknown): v is number {
	return Number.isFinite(v);
}
