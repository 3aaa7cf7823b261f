/**
 * Protected spans: the parts of a post that no typography rule may change inside — links,
 * e-mail addresses, @mentions, hashtags and #话题# topics, inline code and code blocks,
 * Markdown link targets and list markers, numbers with their units (3.5, 10:30, v2.0.1,
 * 5000mAh, 15%), quoted English sentences, ASCII emoticons and configured exceptions
 * (product names such as `豆瓣FM`).
 *
 * API (small on purpose):
 * - `findProtected(text, { exceptions })` → sorted, non-overlapping spans, each with a `kind`.
 * - `spanAt(spans, offset)` → the span whose interior holds `offset` (start ≤ offset < end).
 * - `touchesProtected(spans, start, end)` → true when an edit of [start, end) would change a
 *   span: a replacement that overlaps one, or an insertion strictly inside one. Edits at a
 *   span's edge (an insertion at its start or end) do not touch it.
 *
 * URLs come from text.ts; hashtags, `#话题#` topics and mentions from social.ts (the one parser of
 * platform syntax, here in its platform-neutral form: `findHashtags(text, 'any')`, `findMentions(text)`).
No regular expression
 * here has nested quantifiers; the two with a back-reference (a code fence, inline code) scan at
 * most to the closing fence, or to the end of the line for inline code.
 */
import words from './data/protected-words.json';
import { findHashtags, findMentions, findReplyMarks } from './social';
import { findLinks, lowerBound, type Span } from './text';
import type { Reading } from './reading';
import { firstMatch, nextMatch } from './matches';

export type ProtectedKind =
	| 'code' // `inline` and fenced ``` blocks
	| 'url' // http(s) links, IRIs with non-ASCII paths and bare domains (text.ts findLinks)
	| 'link' // Markdown link destinations `](…)` and the `!` of an image
	| 'email'
	| 'mention' // @name, @name@domain, @中文昵称, 关注@小明 (social.ts findMentions)
	| 'hashtag' // #tag
	| 'topic' // #话题# (Weibo, Bilibili), also written with full-width ＃
	| 'reply' // Weibo repost chains and replies: //@name: and 回复@name: (social.ts findReplyMarks)
	| 'abbreviation' // Inc., vs., e.g., U.S.A. (data/protected-words.json, config `protect.abbreviations`)
	| 'name' // Yahoo!, Disney+, C++, Node.js, .NET (data/protected-words.json, config `protect.names`)
	| 'word' // a word ending in + or a grade's -: 100+, 18+, A+, D- (Latin text up to its last mark)
	| 'markup' // Markdown list markers: `1. `, `2) `, `- `
	| 'number' // 3.5, 10:30, 1,000, v2.0.1, 2024-05-01, 5000mAh, 15%, 90°, ¥100, -5 and +886 after Chinese
	| 'quote' // a quoted English sentence: "Stay hungry, stay foolish."
	| 'emoticon' // :) :-( ;) :D ^_^
	| 'exception'; // configured literal strings

export interface ProtectedSpan extends Span {
	kind: ProtectedKind;
}

export interface ProtectOptions {
	/** Literal strings kept exactly as written (case-sensitive), e.g. product names. */
	exceptions?: readonly string[];
	/** Abbreviations with a period, added to the data's (config and packs: `protect.abbreviations`). */
	abbreviations?: readonly string[];
	/** Names with punctuation in them, added to the data's (config and packs: `protect.names`). */
	names?: readonly string[];
	/** The post's reading of `text`: links and hashtags found once per post (engine/reading.ts). */
	reading?: Reading;
}

/** The built-in abbreviations, names and top-level domains (data/protected-words.json, with sources). */
const PROTECTED_WORDS: { readonly abbreviations: readonly string[]; readonly names: readonly string[]; readonly tlds: readonly string[] } = {
	abbreviations: words.abbreviations.words,
	names: words.names.words,
	tlds: words.domains.tlds,
};

/**
 * The `protect` lists of a resolved config (copydesk.json and packs add to the data's), as
 * ProtectOptions; malformed entries are dropped (config/index.ts reports them).
 */
function configuredWords(config: { extra: Record<string, unknown> } | undefined): Pick<ProtectOptions, 'abbreviations' | 'names'> {
	const p = config?.extra.protect as { abbreviations?: unknown; names?: unknown } | undefined;
	const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : []);
	return { abbreviations: list(p?.abbreviations), names: list(p?.names) };
}

// Fenced code blocks: a line starting with ``` or ~~~ up to the matching closing fence (or the end).
const FENCE_RE = /^[ \t]{0,3}(`{3,}|~{3,})[^\n]*(?:\n[\s\S]*?(?:\n[ \t]{0,3}\1[ \t]*(?=\n|$)|$))?/gm;
// Inline code on one line: `code` or ``code with ` inside``.
const INLINE_CODE_RE = /(?<!`)(`+)(?:[^`\n]|[^`\n][^\n]*?[^`\n])\1(?!`)/g;
const EMAIL_RE = /(?<![\p{L}\p{N}_.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gu;
const LINK_DEST_RE = /\]\([^()\s]*\)|!(?=\[)/g;
const LIST_MARKER_RE = /^[ \t]*(?:\d{1,9}[.)]|[-*+])(?=[ \t])/gm;
// A number: optional currency or `v`, digits with . : / - separators between digit groups (and , before
// exactly three digits: 1,000), then
// a unit in ASCII letters or a symbol directly attached (5000mAh, 4K, 15%, 90°, 20℃).
// A sign belongs to the number after Chinese, a space or the line start (氣溫是-5度, 打+886), but a
// hyphen after a number and at most two Han characters is a range (5月1日-5月3日, 10点-12点).
const NUMBER_RE = /(?<![\p{Script=Latin}\p{N}_]|[\p{Script=Latin}\p{N}_]\.)(?:(?<=^|[\s\p{Script=Han}])(?:\+|(?<!\d[ \t]?\p{Script=Han}{1,2}[ \t]?)-)(?=\d))?(?:[¥$€£￥]|[vV](?=\d))?\d+(?:,\d{3}(?!\d)|[.:/\-]\d+)*(?:[%‰°℃℉]|[A-Za-z]+(?![\p{N}]))?/gu;
// Quoted text in straight, curly or corner quotes, on one line.
const QUOTE_RE = /"[^"\n]{1,500}"|“[^“”\n]{1,500}”|‘[^‘’\n]{1,500}’|「[^「」\n]{1,500}」|『[^『』\n]{1,500}』/gu;
const HAN_OR_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
const LATIN_LETTER = /[A-Za-z]/;
// Two or more single letters each with a period: U.S.A., e.g., R.I.P. (an abbreviation).
const INITIALS_RE = /(?<![\p{Script=Latin}\p{N}_.])(?:[A-Za-z]\.){2,}/gu;
// A Latin word or number ending in + (C++, A+, 100+, 18+, Apple TV+), or a grade with - before
// Chinese (D-, D--): the marks are part of the word, so spacing goes after them (100+ 的).
const PLUS_WORD_RE = /(?<![\p{Script=Latin}\p{N}_+\-])[A-Za-z0-9]+\+{1,2}(?![\p{Script=Latin}\p{N}_+])|(?<![\p{Script=Latin}\p{N}_+\-])[A-F]-{1,2}(?=\p{Script=Han})/gu;
const EMOTICON_RE = /(?<![\p{Script=Latin}\p{N}])(?:[:;=][-^']?[()DPpOo3\]\[|\\/*]|\^_?\^|[Xx]D)(?![A-Za-z0-9])/gu;

function collect(text: string, re: RegExp, kind: ProtectedKind, out: ProtectedSpan[], accept?: (m: RegExpExecArray) => boolean): void {
	// matches in a loop (engine/matches.ts: no iterator or regex copy per call); an empty match is no span.
	for (let m = firstMatch(re, text); m; m = nextMatch(re, text, m)) {
		if (m[0].length && (!accept || accept(m))) {
			out.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind });
		}
	}
}

// What each pattern cannot match without: a text without any of these characters skips it (most
// posts have no backtick, no @, no quotes; many have no digit).
const MAY_FENCE = /```|~~~/;
const MAY_LINK = /\]\(|!\[/;
const MAY_QUOTE = /["“‘「『]/;
const MAY_NUMBER = /[0-9]/;
const MAY_EMOTICON = /[:;=^Xx]/;
// Every built-in abbreviation and name has a mark right after a Latin letter or digit (Inc., Yahoo!, C#, AT&T), or is .NET:
// a Chinese post whose only marks are topics (#话题#) or full stops after Chinese is not searched for them.
const MAY_WORD = /[A-Za-z0-9][.!+#&*]|\.[A-Za-z]/;
const MAY_PLUS_WORD = /[A-F]-|\+/;

/** Every protected span of `text`, sorted by start, none overlapping (the earlier, then the longer, wins). */
export function findProtected(text: string, opts: ProtectOptions = {}): ProtectedSpan[] {
	return computeProtected(text, opts);
}

/**
 * The post's protected spans, found once per post and shared by the rules that ask
 * (zh-spacing, zh-punctuation, zh-script, hashtag-syntax) through the rule context's memo.
 * The result is shared: do not change it.
 */
export function sharedProtected(ctx: { text: string; config?: { extra: Record<string, unknown> }; shared<T>(key: string, compute: () => T): T; reading?(text?: string): Reading }, exceptions: readonly string[] = []): ProtectedSpan[] {
	// The config is the same for every rule of one lint run, so only the exceptions name the memo.
	return ctx.shared(exceptions.length ? `protected ${JSON.stringify(exceptions)}` : 'protected []', () => findProtected(ctx.text, { exceptions, ...configuredWords(ctx.config), reading: ctx.reading?.() }));
}

/** findProtected without the prefilters (each pattern runs on every text): the reference for tests. */
export function findProtectedUnfiltered(text: string, opts: ProtectOptions = {}): ProtectedSpan[] {
	return computeProtected(text, opts, false);
}

function computeProtected(text: string, opts: ProtectOptions, prefilter = true): ProtectedSpan[] {
	const all: ProtectedSpan[] = [];
	const may = (re: RegExp) => !prefilter || re.test(text);
	const has = (ch: string) => !prefilter || text.includes(ch);
	if (may(MAY_FENCE)) {
		collect(text, FENCE_RE, 'code', all);
	}
	if (has('`')) {
		collect(text, INLINE_CODE_RE, 'code', all);
	}
	for (const u of findLinks.shared(text, opts.reading)) {
		all.push({ start: u.start, end: u.end, text: u.text, kind: 'url' });
	}
	if (has('@')) {
		for (const r of findReplyMarks(text)) {
			all.push({ start: r.start, end: r.end, text: r.text, kind: 'reply' });
		}
	}
	if (may(MAY_LINK)) {
		collect(text, LINK_DEST_RE, 'link', all);
	}
	if (has('@')) {
		collect(text, EMAIL_RE, 'email', all);
		for (const m of findMentions(text, undefined, opts.reading)) {
			all.push({ start: m.start, end: m.end, text: m.text, kind: 'mention' });
		}
	}
	for (const h of findHashtags(text, 'any', opts.reading)) {
		all.push({ start: h.start, end: h.end, text: h.text, kind: h.kind });
	}
	collect(text, LIST_MARKER_RE, 'markup', all);
	// A quoted English sentence: Latin letters, no Han or kana inside (「喵」 is Chinese, not protected).
	if (may(MAY_QUOTE)) {
		collect(text, QUOTE_RE, 'quote', all, (m) => LATIN_LETTER.test(m[0]) && !HAN_OR_CJK.test(m[0].slice(1, -1)));
	}
	if (may(MAY_NUMBER)) {
		collect(text, NUMBER_RE, 'number', all);
	}
	// `:(` followed later on the line by `)` is a colon and a bracket (发布了:(新品)), not a frown.
	if (may(MAY_EMOTICON)) {
		collect(text, EMOTICON_RE, 'emoticon', all, (m) => !(m[0].endsWith('(') && /^[^\n]*\)/.test(text.slice(m.index + m[0].length))));
	}
	if (may(MAY_WORD) || opts.abbreviations?.length || opts.names?.length) {
		collectWords(text, wordMatcher('abbreviation', PROTECTED_WORDS.abbreviations, opts.abbreviations), 'abbreviation', all);
		collectWords(text, wordMatcher('name', PROTECTED_WORDS.names, opts.names), 'name', all);
		if (text.includes('.')) {
			collect(text, INITIALS_RE, 'abbreviation', all);
		}
	}
	if (may(MAY_PLUS_WORD)) {
		collect(text, PLUS_WORD_RE, 'word', all);
	}
	for (const ex of opts.exceptions ?? []) {
		if (typeof ex !== 'string' || !ex) {
			continue;
		}
		for (let i = text.indexOf(ex); i >= 0; i = text.indexOf(ex, i + ex.length)) {
			all.push({ start: i, end: i + ex.length, text: ex, kind: 'exception' });
		}
	}
	// Code first (nothing inside code is anything else), then the others by start, the longer first.
	const byStart = (a: ProtectedSpan, b: ProtectedSpan) => a.start - b.start || b.end - a.end;
	const code = disjoint(all.filter((x) => x.kind === 'code').sort(byStart));
	const rest = disjoint(all.filter((x) => x.kind !== 'code').sort(byStart), (x) => touchesProtected(code, x.start, x.end));
	return [...code, ...rest].sort(byStart);
}

const matchers = new Map<string, RegExp | null>();

/**
 * One regular expression for a list of literal words, the longer first (U.S.A. before U.S.), on
 * Latin word boundaries: no Latin letter, digit or `_` before, and after a word that ends in a
 * letter or digit none after either (Node.js, not Node.json); Chinese may touch either side. Alternatives of literals only: linear.
 */
function wordMatcher(kind: string, builtin: readonly string[], added: readonly string[] = []): RegExp | null {
	// Keyed by the configured additions only: the built-in list never changes (no key to build without any).
	const key = added.length ? `${kind}\u0000${added.join('\u0000')}` : kind;
	let re = matchers.get(key);
	if (re === undefined) {
		const list = [...builtin, ...added];
		const alts = [...new Set(list.filter((w) => typeof w === 'string' && w.length > 0 && w.length <= 100))]
			.sort((a, b) => b.length - a.length)
			.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + (/[\p{L}\p{N}_]$/u.test(w) ? '(?![\\p{Script=Latin}\\p{N}_])' : ''));
		re = alts.length ? new RegExp(`(?<![\\p{Script=Latin}\\p{N}_])(?:${alts.join('|')})`, 'gu') : null;
		if (matchers.size > 32) {
			matchers.clear(); // configs come and go in a long-lived server: keep a few
		}
		matchers.set(key, re);
	}
	return re;
}

function collectWords(text: string, re: RegExp | null, kind: ProtectedKind, out: ProtectedSpan[]): void {
	if (re) {
		collect(text, re, kind, out);
	}
}

/** Spans sorted by start, without those that overlap an earlier one (or that `skip` rejects). */
function disjoint(sorted: ProtectedSpan[], skip?: (s: ProtectedSpan) => boolean): ProtectedSpan[] {
	const out: ProtectedSpan[] = [];
	let end = -1;
	for (const s of sorted) {
		if (s.start >= end && !skip?.(s)) {
			out.push(s);
			end = s.end;
		}
	}
	return out;
}

/** The span of sorted `spans` whose interior holds `offset` (start ≤ offset < end). */
export function spanAt<S extends { start: number; end: number }>(spans: readonly S[], offset: number): S | undefined {
	let lo = 0;
	let hi = spans.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const s = spans[mid];
		if (offset < s.start) {
			hi = mid - 1;
		} else if (offset >= s.end) {
			lo = mid + 1;
		} else {
			return s;
		}
	}
	return undefined;
}

/** The span of sorted `spans` that ends exactly at `offset`, if any. */
export function spanEndingAt(spans: readonly ProtectedSpan[], offset: number): ProtectedSpan | undefined {
	const s = offset > 0 ? spanAt(spans, offset - 1) : undefined;
	return s && s.end === offset ? s : undefined;
}

/** True when replacing [start, end) would change a protected span (insertions at a span's edge do not). */
export function touchesProtected(spans: readonly { start: number; end: number }[], start: number, end: number): boolean {
	if (end === start) {
		const s = spanAt(spans, start);
		return !!s && s.start < start;
	}
	// The first span that ends after `start`: the edit touches it when it starts before `end`.
	const lo = lowerBound(spans.length, (mid) => spans[mid].end <= start);
	return lo < spans.length && spans[lo].start < end;
}
