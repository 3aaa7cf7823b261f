/**
 * Character properties the per-post scanners ask for every character (Han, letter, white space),
 * looked up in a table per UTF-16 code unit that is filled on first sight of each unit, instead of
 * a Unicode-property regular expression per character or token. A code point outside the BMP is
 * classified each time (rare: emoji, CJK extension B and later).
 */
import { isJsSpace } from './textview';

/** `\p{Script=Han}`. */
export const HAN = 1;
/** `[\p{L}\p{M}]`: a letter or a combining mark. */
export const LETTER_OR_MARK = 2;
/** `[\p{L}\p{N}_\-.]`: what a @mention is made of (hanShare's tokens). */
export const MENTION_CHAR = 4;
/** `\s`: white space or a line break (textview.ts isJsSpace, the one definition). */
export const SPACE = 8;
const KNOWN = 128;

const HAN_RE = /^\p{Script=Han}$/u;
const LETTER_OR_MARK_RE = /^[\p{L}\p{M}]$/u;
const MENTION_CHAR_RE = /^[\p{L}\p{N}_\-.]$/u;

function classify(ch: string): number {
	return (HAN_RE.test(ch) ? HAN : 0) | (LETTER_OR_MARK_RE.test(ch) ? LETTER_OR_MARK : 0)
		| (MENTION_CHAR_RE.test(ch) ? MENTION_CHAR : 0) | (ch.length === 1 && isJsSpace(ch.charCodeAt(0)) ? SPACE : 0);
}

const UNIT_FLAGS = new Uint8Array(0x10000);

/**
 * The flags of the code point `cp` (from `codePointAt`). A lone surrogate is a code point of its
 * own, as in a `u` regular expression: none of the flags.
 */
export function flagsOf(cp: number): number {
	if (cp > 0xffff) {
		return classify(String.fromCodePoint(cp));
	}
	let f = UNIT_FLAGS[cp];
	if (!f) {
		f = UNIT_FLAGS[cp] = classify(String.fromCharCode(cp)) | KNOWN;
	}
	return f;
}
