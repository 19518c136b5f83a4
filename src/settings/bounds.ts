// The range each number setting may take. The manifest declares the same bounds, but the
// settings editor only warns: a hand-edited 0.001 or 1e9 reaches the code, and setTimeout
// overflows past 2^31 − 1 ms (about 24.8 days) and then fires at once.
import * as l10n from '@vscode/l10n';

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
		return { value: bound.default, problem: l10n.t('woodpecker.{0} is {1}, not a number; using {2}.', name, JSON.stringify(raw), bound.default) };
	}
	// raw is a number here, so a bound without an off value never matches.
	if (raw === bound.off) return { value: raw };
	const value = Math.min(bound.max, Math.max(bound.min, Math.round(raw)));
	if (value === raw) return { value };
	return { value, problem: l10n.t('woodpecker.{0} is {1}; using {2} (it takes whole numbers from {3} to {4}{5}).', name, raw, value, bound.min, bound.max, bound.off !== undefined ? l10n.t(', or {0} for off', bound.off) : '') };
}

/** Number.isFinite, which is false for anything that is no number, as a type guard. */
function isFiniteNumber(v: unknown): v is number {
	return Number.isFinite(v);
}
