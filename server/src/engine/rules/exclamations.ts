/**
 * The hand-off between tone-shouting and zh-punctuation over runs of exclamation marks, in a
 * module of its own so that neither rule imports the other's module for it (tone-shouting reads
 * zh-punctuation's decisions; zh-punctuation reads this threshold).
 */

/** A whole number ≥ 1 from an option value, else `d`. */
export const optionCount = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 1 ? Math.floor(v) : d);

/** The shortest run of exclamation marks tone-shouting reports with these options (zh-punctuation leaves such runs to it). */
export function shoutingBangs(options: Readonly<Record<string, unknown>>): number {
	return Math.max(2, optionCount(options.exclamations, 3));
}
