/**
 * How the lexicon compares text: folding (same length, offsets unchanged), the white space a term's
 * space matches, Latin word characters for word boundaries, and terms normalized for the trie.
 */
import type { Reading } from '../reading';

/** A term's space, after normalizing. */
export const SPACE = ' ';

/** Folds one UTF-16 code unit; the result is always one code unit. */
export function foldUnit(c: number, caseSensitive: boolean): number {
	if (c >= 0xff01 && c <= 0xff5e) {
		c -= 0xfee0; // full-width ASCII
	} else if (c === 0x3000) {
		c = 0x20;
	} else if (c === 0x2018 || c === 0x2019) {
		c = 0x27;
	}
	if (!caseSensitive && c >= 0x41 && c <= 0x5a) {
		c += 0x20;
	}
	return c;
}

// Runs of characters that fold; the text between runs is copied as it is.
const FOLD_CASE = /[A-Z\uff01-\uff5e\u3000\u2018\u2019]+/g;
const FOLD_WIDTH = /[\uff01-\uff5e\u3000\u2018\u2019]+/g;

/** foldUnit over each character of `s` (a run, or a whole text): one exec per run, not a callback per character. */
function foldRuns(s: string, caseSensitive: boolean): string {
	const re = caseSensitive ? FOLD_WIDTH : FOLD_CASE;
	re.lastIndex = 0;
	let m = re.exec(s);
	if (!m) {
		return s;
	}
	let out = '';
	let last = 0;
	for (; m; m = re.exec(s)) {
		out += s.slice(last, m.index);
		const run = m[0];
		for (let k = 0; k < run.length; k++) {
			out += String.fromCharCode(foldUnit(run.charCodeAt(k), caseSensitive));
		}
		last = m.index + run.length;
	}
	return out + s.slice(last);
}

/**
 * Folds a text the way the lexicon compares: same length, offsets unchanged. Several word lists
 * search the same post field one after another: with the post's reading each field is folded once.
 */
export function foldText(s: string, caseSensitive = false, r?: Reading): string {
	if (!r || r.text !== s) {
		return foldRuns(s, caseSensitive);
	}
	return r.get(caseSensitive ? 'lexicon.foldWidth' : 'lexicon.foldCase', () => foldRuns(s, caseSensitive));
}

/** White space a term's space matches (a run of it, or none). */
export function isSpace(ch: string): boolean {
	return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0' || ch === '\u3000' || ch === '\u2009' || ch === '\u202f';
}

/** A hash of two code units (past the text's end, `b` is NaN and counts as 0: a false positive at worst). */
export function pairHash(a: number, b: number): number {
	return ((a * 31) ^ b) & 0xffff;
}

/** A hash of a run of code units (a Latin word), one unit at a time: `runHash(runHash(0, a), b)`… (16 bits). */
export function runHash(h: number, c: number): number {
	return (Math.imul(h, 31) + c) & 0xffff;
}

/** A Latin letter or digit (after folding): the characters word boundaries are about. */
export function isWordCode(c: number): boolean {
	return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f
		|| (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** Collapses whitespace runs in a term to one space and trims it. */
export function normalizeTerm(s: string, caseSensitive: boolean): string {
	return foldText(s, caseSensitive).replace(/[\s\u3000]+/g, SPACE).trim();
}
