/**
 * One limit model for every surface. A field has a hard limit (`limit`: the platform refuses or
 * cuts the text past it) and, where the platform has one, a recommended length below it (`warn`:
 * WeChat's title 32 of 64, digest 120 of 128), plus an optional limit in UTF-8 bytes. The CodeLens,
 * the status bar, the hover, the preview, the report, `copydesk count` and `copydesk check` all judge
 * and show a count through these functions, so they say the same thing and agree on the exit code:
 * past the hard limit is the `platform-limit` rule's severity (an error by default), past only the
 * recommended length a warning at most.
 */
import { msg } from './messages';
import type { Severity, SeveritySetting } from './types';

/** The parts of a field count the model reads (a FieldCount, a report or preview field). */
export interface Limits {
	count: number;
	limit?: number;
	warn?: number;
	byteCount?: number;
	byteLimit?: number;
}

/** ok: within every limit; over-recommended: past the recommended length only; over: past a hard limit. */
export type LimitState = 'ok' | 'over-recommended' | 'over';

/** The recommended length when there is one below the hard limit (or no hard limit at all). */
export function recommendedOf(c: Pick<Limits, 'limit' | 'warn'>): number | undefined {
	return c.warn !== undefined && (c.limit === undefined || c.warn < c.limit) ? c.warn : undefined;
}

/** Within the hard limits (characters and bytes): what the platform accepts. */
export function isValidCount(c: Limits): boolean {
	return (c.limit === undefined || c.count <= c.limit) && (c.byteLimit === undefined || (c.byteCount ?? 0) <= c.byteLimit);
}

export function limitState(c: Limits): LimitState {
	if (!isValidCount(c)) {
		return 'over';
	}
	const rec = recommendedOf(c);
	return rec !== undefined && c.count > rec ? 'over-recommended' : 'ok';
}

/** The limits as every surface shows them after "count/": "140", "32 (max 64)", "∞". */
export function limitLabel(c: Pick<Limits, 'limit' | 'warn'>): string {
	const rec = recommendedOf(c);
	if (rec !== undefined && c.limit !== undefined) {
		return msg('limit.both', { recommended: rec, limit: c.limit });
	}
	return String(c.limit ?? rec ?? '∞');
}

function fmt(n: number): string {
	return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** "37/32 (max 64)": the count and its limits. */
export function countLabel(c: Limits): string {
	return `${fmt(c.count)}/${limitLabel(c)}`;
}

const ORDER: Severity[] = ['hint', 'info', 'warning', 'error'];

/**
 * The severity of a count in this state, given `platform-limit`'s configured severity (undefined:
 * its default, an error): past a hard limit, that severity; past only the recommended length, a
 * warning at most. Undefined when nothing is over or the rule is off.
 */
export function limitSeverity(state: LimitState, configured: SeveritySetting | undefined): Severity | undefined {
	if (state === 'ok' || configured === 'off') {
		return undefined;
	}
	const base: Severity = configured ?? 'error';
	return state === 'over' ? base : ORDER[Math.min(ORDER.indexOf(base), ORDER.indexOf('warning'))];
}
