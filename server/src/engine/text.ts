/**
 * Character classes and token finders shared by the counters and the rules.
 * Regular expressions here are linear (no nested quantifiers), so no input can make them slow.
 */

import tldData from './data/protected-words.json';
import { readingOf, type Reading, type Readings } from './reading';

export const HAN = /\p{Script=Han}/u;
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
export const URL_RE = /\bhttps?:\/\/[^\s<>"'\u3000-\u303f\uff00-\uffef\u2e80-\u9fff\uac00-\ud7af]+/giu;
const URL_TRAIL = /[.,;:!?)\]}'"]+$/u;

/**
 * A finder whose answer a post's reading keeps: counting one post for several platforms asks for
 * the same body's links and emoji many times (limit, fold, bytes, the hover's breakdown), and
 * copy protection, the counters and the rules all ask. `find(text)` gives fresh copies;
 * `find.shared(text, reading)` the reading's own read-only answer (computed afresh without a
 * reading of that text: nothing is remembered at module level).
 */
function perReading<T extends Span>(name: string, find: (text: string, r?: Reading) => T[]): ((text: string) => T[]) & { shared(text: string, r?: Reading | Readings): readonly Readonly<T>[] } {
	const key = `text.${name}`;
	const shared = (text: string, r?: Reading | Readings): readonly T[] => {
		if (!r) {
			return find(text);
		}
		const reading = readingOf(text, r);
		return reading.get(key, () => find(text, reading));
	};
	return Object.assign((text: string) => find(text), { shared });
}

// Where a URL can start: URL_RE only matches at its scheme. Finding the schemes first and then
// trying URL_RE (sticky, same flags) only there gives URL_RE's matches without running its
// character classes over the whole text.
const URL_SCHEME = /https?:\/\//giu;
const URL_AT = new RegExp(URL_RE.source, 'iuy');

export const findUrls = perReading('urls', (text: string): Span[] => {
	const out: Span[] = [];
	URL_SCHEME.lastIndex = 0;
	for (let c = URL_SCHEME.exec(text); c; c = URL_SCHEME.exec(text)) {
		URL_AT.lastIndex = c.index;
		const m = URL_AT.exec(text);
		if (!m) {
			URL_SCHEME.lastIndex = c.index + 1;
			continue;
		}
		URL_SCHEME.lastIndex = c.index + m[0].length;
		const url = m[0].replace(URL_TRAIL, '');
		if (url.length > 8) {
			out.push({ start: c.index, end: c.index + url.length, text: url });
		}
	}
	return out;
});

// An IRI's path, query or fragment may go on past where URL_RE stops (a Han character, a
// full-width letter): `https://example.com/活动/报名页面.html?来源=微博#第二步`. It ends at white
// space, at CJK or full-width punctuation, at a quote or angle bracket, or where the next link starts.
const IRI_STOP = /[\s<>"'\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2026\u2014]/u;
const IRI_OPEN = /[/?=&#_-]$/u;
const AFTER_FILE_NAME = /(?<=\.[A-Za-z][A-Za-z0-9]{0,4})[^\x00-\x7f]+$/u;
const IRI_STRUCTURE = /^[^\x00-\x7f]+(?:[/?#=&]|\.[A-Za-z0-9])/u;
// A bare domain: ASCII letters, digits, dots and hyphens ending in `.` and a top-level domain from
// the data (protected-words.json), then an optional ASCII path. Not after a letter, digit, `.`, `@`,
// `/`, `_` or `-` (a longer name, an e-mail address, a path), not before a letter, digit or hyphen.
// Its labels are checked after the match (no empty label, none that starts or ends with `-`).
const URL_PATH_CHARS = "[A-Za-z0-9\\-._~%!$&'()*+,;=:@/?#]*";
const DOMAIN_RE = new RegExp(`(?<![A-Za-z0-9.@/_-])[A-Za-z0-9][A-Za-z0-9.-]*\\.(?:${[...tldData.domains.tlds].sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z0-9_-])(?:/${URL_PATH_CHARS})?`, 'gi');
/** Every label of a host is letters, digits and inner hyphens (`a..com`, `-a.com` are no hosts). */
function goodHost(host: string): boolean {
	return host.split('.').every((l) => l.length > 0 && l.length <= 63 && l[0] !== '-' && l[l.length - 1] !== '-' && /^[A-Za-z0-9-]+$/.test(l));
}

/**
 * Links as copy protection sees them (no typography rule may change them): every `findUrls` link,
 * continued over a non-ASCII path, query or fragment once the path has begun (an IRI), plus bare
 * domains with a top-level domain from the data (`dell.com.cn/xps`). Sorted, not overlapping.
 * The counters keep `findUrls`: what a platform counts as a link is its own parser's business
 * (X through twitter-text, which also finds bare domains; the others per platforms.json).
 */
export const findLinks = perReading('links', (text: string, r?: Reading): Span[] => {
	const out: Span[] = [];
	const urls = findUrls.shared(text, r);
	urls.forEach((u, k) => {
		let end = u.end;
		// The path has begun when a `/` follows the host (https://host/…): only then can a Han
		// character be part of the link; `https://example.com了解更多` ends at `.com`.
		const afterScheme = u.text.indexOf('//') + 2;
		if (u.text.indexOf('/', afterScheme) >= 0 && end < text.length && text.charCodeAt(end) > 0x7f) {
			const limit = k + 1 < urls.length ? urls[k + 1].start : text.length;
			let e = u.end;
			while (e < limit && !IRI_STOP.test(text[e])) {
				e++;
			}
			// A file name ends the link (…/报名页面.html今天截止: the link ends at `.html`).
			const rest = text.slice(u.end, e).replace(URL_TRAIL, '').replace(AFTER_FILE_NAME, '');
			// Part of the link when it starts a segment (…/活动, ?来源=微博, #第二步) or link structure follows
			// the Chinese right away (…/docs页面.html); `…/docs了解更多` and `…?c=2更新dell.com` are a link
			// followed by Chinese.
			if (rest && (IRI_OPEN.test(u.text) || IRI_STRUCTURE.test(rest))) {
				end = u.end + rest.length;
			}
		}
		out.push({ start: u.start, end, text: text.slice(u.start, end) });
	});
	if (text.includes('.')) {
		const links = out.length;
		DOMAIN_RE.lastIndex = 0;
		for (let m = DOMAIN_RE.exec(text); m; m = DOMAIN_RE.exec(text)) {
			const link = m[0].replace(URL_TRAIL, '');
			const slash = link.indexOf('/');
			const start = m.index;
			if (goodHost(slash < 0 ? link : link.slice(0, slash)) && !out.slice(0, links).some((u) => u.start < start + link.length && start < u.end)) {
				out.push({ start, end: start + link.length, text: link });
			}
		}
		out.sort((a, b) => a.start - b.start);
	}
	return out;
});

// Every emoji match holds one of these: its first character (a pictograph or a regional
// indicator), or the keycap mark one or two characters after its start. Scanning for them with
// one character class and trying EMOJI_SOURCE (sticky) only there gives EMOJI_G's matches at a
// fraction of the cost on text that is mostly not emoji.
const EMOJI_CANDIDATE = /[\p{Emoji_Presentation}\p{Extended_Pictographic}\p{Regional_Indicator}\u20E3]/gu;
const EMOJI_AT = new RegExp(EMOJI_SOURCE, 'uy');

export const findEmoji = perReading('emoji', (text: string): Span[] => {
	const out: Span[] = [];
	let p = 0;
	for (;;) {
		EMOJI_CANDIDATE.lastIndex = p;
		const c = EMOJI_CANDIDATE.exec(text);
		if (!c) {
			return out;
		}
		// No match starts before c - 2 (a keycap's digit); try each start from there in order.
		let m: RegExpExecArray | null = null;
		for (let q = c[0] === '\u20E3' ? Math.max(p, c.index - 2) : c.index; q <= c.index && !m; q++) {
			EMOJI_AT.lastIndex = q;
			m = EMOJI_AT.exec(text);
		}
		if (m) {
			out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
			p = m.index + m[0].length;
		} else {
			p = c.index + c[0].length;
		}
	}
});

/** True when `span` overlaps any of `spans` (both sorted or not). */
export function overlapsAny(span: { start: number; end: number }, spans: readonly { start: number; end: number }[]): boolean {
	return spans.some((s) => s.start < span.end && span.start < s.end);
}

// Made on first use: making one costs milliseconds of ICU set-up, and text of simple code units never needs it.
let graphemes: Intl.Segmenter | undefined;

/**
 * Code units that are a grapheme cluster on their own whatever stands beside them, as long as
 * their neighbour is one too: ASCII but CR, CJK ideographs, CJK punctuation up to U+3029 (not
 * the tone marks after it), full-width ASCII forms and U+2010–U+2027 (dashes, quotes, ellipsis).
 * None of these is Extend, ZWJ, SpacingMark, Prepend, Extended_Pictographic, a regional
 * indicator or Hangul, so no rule of UAX #29 joins two of them.
 */
function isSimple(c: number): boolean {
	return c < 0x80 ? c !== 0x0d
		: (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3000 && c <= 0x3029)
			|| (c >= 0xff01 && c <= 0xff5e) || (c >= 0x2010 && c <= 0x2027);
}

/**
 * Start offsets of each grapheme cluster, plus text.length at the end. Between two "simple"
 * code units there is always a boundary, so only the stretches between such boundaries go
 * through Intl.Segmenter (emoji, combining marks, Hangul…): the same answer, much faster on
 * the Chinese and English text of real posts. No rule looks back past a simple unit, so a
 * stretch segments the same alone as in context (a test compares both on random text).
 */
export function graphemeBoundaries(text: string): number[] {
	const out: number[] = [];
	const n = text.length;
	let i = 0;
	while (i < n) {
		// `i` is a boundary here.
		if (i + 1 === n || (isSimple(text.charCodeAt(i)) && isSimple(text.charCodeAt(i + 1)))) {
			out.push(i);
			i++;
			continue;
		}
		let k = i + 1;
		while (k < n && !(isSimple(text.charCodeAt(k - 1)) && isSimple(text.charCodeAt(k)))) {
			k++;
		}
		graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
		for (const s of graphemes.segment(text.slice(i, k))) {
			out.push(i + s.index);
		}
		i = k;
	}
	out.push(n);
	return out;
}

export function graphemeCount(text: string): number {
	return graphemeBoundaries(text).length - 1;
}

/** Offsets where each line of `text` starts (the first is 0). Lines end with \n, \r\n or a lone \r, as in LSP. */
export function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) {
			starts.push(i + 1);
		} else if (c === 13) {
			if (text.charCodeAt(i + 1) === 10) {
				i++;
			}
			starts.push(i + 1);
		}
	}
	return starts;
}

/** 0-based line of an offset, by binary search in `lineStarts(text)`. */
export function lineOf(starts: readonly number[], offset: number): number {
	return Math.max(0, lowerBound(starts.length, (i) => starts[i] <= offset) - 1);
}

/**
 * The first index in [0, n) at which `before(i)` is false, where `before` holds on a prefix of the range
 * and not after it (in a sorted list, "this item lies before what I look for"); n when it always holds.
 * The one binary search of the engine: O(log n) calls of `before`.
 */
export function lowerBound(n: number, before: (i: number) => boolean): number {
	let lo = 0;
	let hi = n;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (before(mid)) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo;
}

/** The items of `xs` grouped by `key`, each group in the items' order (Node 20 has no Map.groupBy). */
export function groupBy<T, K>(xs: Iterable<T>, key: (x: T) => K): Map<K, T[]> {
	const out = new Map<K, T[]>();
	for (const x of xs) {
		const k = key(x);
		const g = out.get(k);
		if (g) {
			g.push(x);
		} else {
			out.set(k, [x]);
		}
	}
	return out;
}
