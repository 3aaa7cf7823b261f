/**
 * Character classes and token finders shared by the counters and the rules.
 * Regular expressions here are linear (no nested quantifiers), so no input can make them slow.
 */

export const HAN = /\p{Script=Han}/u;
const HAN_G = /\p{Script=Han}/gu;
/** CJK letters other than Han: kana, Hangul, bopomofo. */
export const CJK_OTHER = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
/** Full-width and CJK punctuation and symbols (U+3000–U+303F, U+FF00–U+FFEF, and the Chinese quotes and ellipsis). */
export const CJK_PUNCT = /[\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014\u00b7]/u;
// An emoji as platforms draw it: a flag (two regional indicators), a keycap, or a pictograph in
// emoji presentation (by default or with U+FE0F) with optional skin tone, joined by ZWJ into a
// sequence, or followed by tag characters (subdivision flags). Character classes only: V8 runs
// this far faster than \p{RGI_Emoji}, which expands to thousands of string alternatives.
const EMOJI_ELEMENT = '(?:\\p{Emoji_Presentation}|\\p{Extended_Pictographic}\\uFE0F)\\p{Emoji_Modifier}?';
const EMOJI_JOINED = '(?:\\u200D\\p{Extended_Pictographic}\\uFE0F?\\p{Emoji_Modifier}?)*';
export const EMOJI_SOURCE = `\\p{Regional_Indicator}{2}|[0-9#*]\\uFE0F?\\u20E3|${EMOJI_ELEMENT}${EMOJI_JOINED}(?:[\\u{E0020}-\\u{E007E}]+\\u{E007F})?`;
export const EMOJI_G = new RegExp(EMOJI_SOURCE, 'gu');

export function isHan(ch: string): boolean {
	return HAN.test(ch);
}

export function countHan(text: string): number {
	return text.match(HAN_G)?.length ?? 0;
}

/** UTF-8 byte length of a string, without allocating a buffer. */
export function utf8Length(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) {
			n += 1;
		} else if (c < 0x800) {
			n += 2;
		} else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
			n += 4;
			i++;
		} else {
			n += 3;
		}
	}
	return n;
}

export interface Span {
	start: number;
	end: number;
	text: string;
}

// A URL runs until white space, a CJK character or full-width punctuation; trailing
// sentence punctuation is not part of it.
const URL_RE = /\bhttps?:\/\/[^\s<>"'\u3000-\u303f\uff00-\uffef\u2e80-\u9fff\uac00-\ud7af]+/giu;
const URL_TRAIL = /[.,;:!?)\]}'"]+$/u;

export function findUrls(text: string): Span[] {
	const out: Span[] = [];
	for (const m of text.matchAll(URL_RE)) {
		const url = m[0].replace(URL_TRAIL, '');
		if (url.length > 8) {
			out.push({ start: m.index!, end: m.index! + url.length, text: url });
		}
	}
	return out;
}

export function findEmoji(text: string): Span[] {
	const out: Span[] = [];
	for (const m of text.matchAll(EMOJI_G)) {
		out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
	}
	return out;
}

/** True when `span` overlaps any of `spans` (both sorted or not). */
export function overlapsAny(span: { start: number; end: number }, spans: readonly { start: number; end: number }[]): boolean {
	return spans.some((s) => s.start < span.end && span.start < s.end);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemeCount(text: string): number {
	let n = 0;
	for (const _ of graphemes.segment(text)) {
		n++;
	}
	return n;
}

/** Start offsets of each grapheme cluster, plus text.length at the end. */
export function graphemeBoundaries(text: string): number[] {
	const out: number[] = [];
	for (const s of graphemes.segment(text)) {
		out.push(s.index);
	}
	out.push(text.length);
	return out;
}
