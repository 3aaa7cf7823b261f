/** Character classes of the team rules' patterns: sets of UTF-16 code units as sorted ranges (see index.ts). */

/** A set of UTF-16 code units: sorted, disjoint inclusive ranges [lo, hi, lo, hi, …]. */
export interface CharClass {
	/** The class as written, normalized: equal keys are the same class (the trie shares them). */
	key: string;
	ranges: readonly number[];
	negated: boolean;
}

export const DIGIT: readonly number[] = [0x30, 0x39, 0xff10, 0xff19];
export const SPACE: readonly number[] = [0x09, 0x0d, 0x20, 0x20, 0xa0, 0xa0, 0x2009, 0x2009, 0x202f, 0x202f, 0x3000, 0x3000];
export const WORD: readonly number[] = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
// CJK Unified Ideographs, Extension A and the compatibility ideographs (BMP).
export const HAN: readonly number[] = [0x3400, 0x4dbf, 0x4e00, 0x9fff, 0xf900, 0xfaff];
export const NOT_NEWLINE: readonly number[] = [0x0a, 0x0a, 0x0d, 0x0d];

/** Sorted, merged ranges. */
function normalize(ranges: readonly number[]): number[] {
	const pairs: [number, number][] = [];
	for (let i = 0; i < ranges.length; i += 2) {
		pairs.push([ranges[i], ranges[i + 1]]);
	}
	pairs.sort((a, b) => a[0] - b[0]);
	const out: number[] = [];
	for (const [lo, hi] of pairs) {
		if (out.length && lo <= out[out.length - 1] + 1) {
			out[out.length - 1] = Math.max(out[out.length - 1], hi);
		} else {
			out.push(lo, hi);
		}
	}
	return out;
}

export function makeClass(ranges: readonly number[], negated: boolean): CharClass {
	const r = normalize(ranges);
	return { key: `${negated ? '^' : ''}${r.join(',')}`, ranges: r, negated };
}

/** True when code unit `c` is in the class. */
export function inClass(cls: CharClass, c: number): boolean {
	const r = cls.ranges;
	let found = false;
	for (let i = 0; i < r.length; i += 2) {
		if (c < r[i]) {
			break;
		}
		if (c <= r[i + 1]) {
			found = true;
			break;
		}
	}
	return found !== cls.negated;
}

/** A class as the folded text meets it: what the class holds and what those characters fold to. */
export function foldClass(cls: CharClass, caseSensitive: boolean): CharClass {
	const r = [...cls.ranges];
	const add: number[] = [];
	for (let i = 0; i < r.length; i += 2) {
		const lo = r[i];
		const hi = r[i + 1];
		const overlap = (a: number, b: number, d: number) => {
			const x = Math.max(lo, a);
			const y = Math.min(hi, b);
			if (x <= y) {
				add.push(x + d, y + d);
			}
		};
		overlap(0xff01, 0xff5e, -0xfee0);
		overlap(0x3000, 0x3000, 0x20 - 0x3000);
		overlap(0x2018, 0x2019, 0);
		if (lo <= 0x2019 && hi >= 0x2018) {
			add.push(0x27, 0x27);
		}
		if (!caseSensitive) {
			overlap(0x41, 0x5a, 0x20);
			// Full-width capitals fold to ASCII lower case.
			overlap(0xff21, 0xff3a, 0x20 - 0xfee0);
		}
	}
	if (!add.length) {
		return cls;
	}
	return { key: cls.key, ranges: normalize([...r, ...add]), negated: cls.negated };
}
