/**
 * Counting text the way each platform counts it.
 *
 * `countText` gives the platform's number and the offset of the first character past a
 * limit. It walks the text once as a sequence of tokens (URLs, mentions, emoji and single
 * characters or grapheme clusters), each with a cost in the platform's unit. For X the
 * number comes from twitter-text's `parseTweet` (config v3) plus a correction for emoji
 * newer than its emoji parser; the walk then only explains the number.
 */
import type TwitterText from 'twitter-text';
import { twitterText } from '../lazy';
import type { PlatformProfile } from '../platforms';
import { findMentions } from '../social';
import { readingOf, type Reading } from '../reading';
import { memo1 } from '../memo';
import { CJK_OTHER, CJK_PUNCT, HAN, findEmoji, findUrls, graphemeBoundaries, utf8Length, type Span } from '../text';
import { xUrls } from './xurls';

export type TokenCategory = 'han' | 'cjk' | 'ascii' | 'other' | 'emoji' | 'url' | 'mention';
const TOKEN_CATEGORIES: readonly TokenCategory[] = ['han', 'cjk', 'ascii', 'other', 'emoji', 'url', 'mention'];

export interface CountResult {
	/** The platform's number for the text. */
	count: number;
	/** Offset (UTF-16, into the text) of the first character past `limit`, when over it. */
	overflowAt?: number;
}

export interface TokenCost {
	category: TokenCategory;
	start: number;
	end: number;
	/** Cost in the platform's unit (0.5 for a half-width character on Weibo). */
	cost: number;
}

/** X's counting configuration (twitter-text's config v3). */
type XConfig = {
	ranges: { start: number; end: number; weight: number }[];
	scale: number;
	defaultWeight: number;
	transformedURLLength: number;
	maxWeightedTweetLength: number;
};

let xConfig: XConfig | undefined;

/** X's weights (twitter-text config v3), read when an X post is first counted. */
function X(): XConfig {
	// @types/twitter-text does not declare `configs`; the package exports it (v1, v2, v3, defaults = v3).
	xConfig ??= (twitterText() as unknown as { configs: { defaults: XConfig } }).configs.defaults;
	return xConfig;
}

type Tweet = ReturnType<typeof TwitterText.parseTweet>;

/**
 * twitter-text's parse of a text: one X post is measured several times (limit, warn, fold, the
 * overflow point, the hover's breakdown), and parseTweet is the most expensive call of the
 * engine, so the post's reading keeps it. Copied out, so callers cannot change it.
 */
function parseTweet(text: string, r?: Reading): Tweet {
	return { ...readingOf(text, r).get('x.parse', () => twitterText().parseTweet(text)) };
}

function xWeight(cp: number): number {
	for (const r of X().ranges) {
		if (cp >= r.start && cp <= r.end) {
			return r.weight / X().scale;
		}
	}
	return X().defaultWeight / X().scale;
}

/** Cost of one code point in a per-code-point unit. */
function codePointCost(cp: number, p: PlatformProfile): number {
	switch (p.unit) {
		case 'weibo':
			return cp <= 0x80 ? 0.5 : 1;
		case 'x':
			return xWeight(cp);
		case 'utf16':
			return cp > 0xffff ? 2 : 1;
		case 'utf8':
			return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		default:
			return 1;
	}
}

/** Cost of a run of plain text (no URL, mention or emoji inside). */
function plainCost(text: string, p: PlatformProfile): number {
	if (p.unit === 'grapheme') {
		return graphemeBoundaries(text).length - 1;
	}
	let c = 0;
	for (const ch of text) {
		c += codePointCost(ch.codePointAt(0)!, p);
	}
	return c;
}

// The category of each single-unit character, worked out on first sight: three Unicode
// property tests per character were most of the cost of explaining a count.
const bmpCategory = new Uint8Array(0x10000);

function categoryOf(ch: string): TokenCategory {
	const cp = ch.codePointAt(0)!;
	if (cp < 0x80) {
		return 'ascii';
	}
	// One code unit only: a grapheme cluster is tested whole (a Prepend mark before a Han character is Han).
	if (ch.length !== 1) {
		return categoryByProperty(ch);
	}
	let c = bmpCategory[cp];
	if (c === 0) {
		c = 1 + TOKEN_CATEGORIES.indexOf(categoryByProperty(ch));
		bmpCategory[cp] = c;
	}
	return TOKEN_CATEGORIES[c - 1];
}

function categoryByProperty(ch: string): TokenCategory {
	if (HAN.test(ch)) {
		return 'han';
	}
	if (CJK_OTHER.test(ch) || CJK_PUNCT.test(ch)) {
		return 'cjk';
	}
	return 'other';
}

interface Special extends Span {
	category: 'url' | 'mention' | 'emoji';
	cost: number;
}

/**
 * Keeps the candidates that overlap none of `taken`. Both are sorted by start and `taken`
 * does not overlap itself, so one pass does it (a 10 MB line of links and emoji stays linear).
 */
function notTaken<T extends Span>(taken: readonly Span[], candidates: readonly T[]): T[] {
	const out: T[] = [];
	let j = 0;
	for (const c of candidates) {
		while (j < taken.length && taken[j].end <= c.start) {
			j++;
		}
		if (!(j < taken.length && taken[j].start < c.end)) {
			out.push(c);
		}
	}
	return out;
}

function byStart(a: Span, b: Span): number {
	return a.start - b.start;
}

// The memo key of a profile's special tokens, built once per profile object.
const specialKeys = new WeakMap<PlatformProfile, string>();

function specialKey(p: PlatformProfile): string {
	// Everything the tokens depend on besides the text (the handle style decides which mentions count).
	return memo1(specialKeys, p, () => `count.special\u0000${p.unit}\u0000${p.url}\u0000${p.mention}\u0000${p.handle}\u0000${p.emoji}`);
}

/** A post's links, mentions and emoji as a platform counts them: the same for every field count of one platform (kept by the reading). */
function specialTokens(text: string, p: PlatformProfile, r?: Reading): readonly Special[] {
	if (!r) {
		return findSpecialTokens(text, p);
	}
	return r.get(specialKey(p), () => findSpecialTokens(text, p, r));
}

function findSpecialTokens(text: string, p: PlatformProfile, r?: Reading): Special[] {
	const out: Special[] = [];
	const urls: readonly Span[] = p.unit === 'x'
		? xUrls(text, r)
		: findUrls.shared(text, r);
	for (const u of urls) {
		out.push({ start: u.start, end: u.end, text: u.text, category: 'url', cost: p.url ?? plainCost(u.text, p) });
	}
	out.sort(byStart);
	if (p.mention === 'local') {
		for (const m of notTaken(out, findMentions(text, p, r))) {
			out.push({ start: m.start, end: m.end, text: m.text, category: 'mention', cost: plainCost(m.text.slice(0, m.localLength), p) });
		}
		out.sort(byStart);
	}
	for (const e of notTaken(out.slice(), findEmoji.shared(text, r))) {
		const cost = p.emoji === 'utf8' ? utf8Length(e.text)
			: p.unit === 'x' ? X().defaultWeight / X().scale
				: p.unit === 'grapheme' ? 1
					: plainCost(e.text, p);
		out.push({ start: e.start, end: e.end, text: e.text, category: 'emoji', cost });
	}
	return out.sort(byStart);
}

/**
 * Walks the text token by token. `visit` sees every token with its cost; the walk stops
 * early when it returns false.
 */
export function walkTokens(text: string, p: PlatformProfile, visit: (t: TokenCost) => boolean | void, r?: Reading): void {
	const specials = specialTokens(text, p, r);
	let i = 0;
	const plain = (end: number): boolean => {
		if (p.unit === 'grapheme') {
			const slice = text.slice(i, end);
			const b = graphemeBoundaries(slice);
			for (let k = 0; k + 1 < b.length; k++) {
				const s = i + b[k];
				if (visit({ category: categoryOf(slice.slice(b[k], b[k + 1])), start: s, end: i + b[k + 1], cost: 1 }) === false) {
					return false;
				}
			}
			i = end;
			return true;
		}
		while (i < end) {
			const cp = text.codePointAt(i)!;
			const len = cp > 0xffff ? 2 : 1;
			const ch = text.slice(i, i + len);
			if (visit({ category: categoryOf(ch), start: i, end: i + len, cost: codePointCost(cp, p) }) === false) {
				return false;
			}
			i += len;
		}
		return true;
	};
	for (const s of specials) {
		if (!plain(s.start)) {
			return;
		}
		if (visit({ category: s.category, start: s.start, end: s.end, cost: s.cost }) === false) {
			return;
		}
		i = s.end;
	}
	plain(text.length);
}

/** Rounds a platform's raw total to the number the platform shows. */
function finish(total: number, p: PlatformProfile): number {
	return p.unit === 'weibo' ? Math.ceil(total) : Math.round(total * 100) / 100;
}

/** X: twitter-text's number, with every emoji counted 2 as X documents. */
function countX(text: string, r?: Reading): number {
	const reading = readingOf(text, r);
	return reading.get('x.count', () => {
		let w = parseTweet(text, reading).weightedLength;
		const urls = xUrls(text, reading);
		for (const e of notTaken(urls, findEmoji.shared(text, reading))) {
			w += 2 - twitterText().parseTweet(e.text).weightedLength;
		}
		return w;
	});
}

function overflowX(text: string, p: PlatformProfile, limit: number, reading?: Reading): number | undefined {
	const r = parseTweet(text, reading);
	if (limit === X().maxWeightedTweetLength && r.weightedLength === countX(text, reading)) {
		// No emoji that twitter-text undercounts: its valid range is the answer.
		return r.validRangeEnd + 1 < text.length ? r.validRangeEnd + 1 : undefined;
	}
	// Otherwise walk the tokens (URLs whole, every emoji 2) to where the total passes the limit.
	let total = 0;
	let at: number | undefined;
	walkTokens(text, p, (t) => {
		total += t.cost;
		if (total > limit) {
			at = t.start;
			return false;
		}
		return true;
	}, reading);
	return at;
}

/** The platform's count of `text`, and where it first goes past `limit`. */
export function countText(text: string, p: PlatformProfile, limit?: number, r?: Reading): CountResult {
	const m = countTextLimits(text, p, limit === undefined ? NO_LIMITS : [limit], r);
	return { count: m.count, overflowAt: m.overflowAt[0] };
}

const NO_LIMITS: readonly number[] = [];

/**
 * The platform's count of `text`, and where it first goes past each of `limits` (undefined where it
 * does not): one walk for all of them, as a field is measured against its limit, warning and fold.
 */
export function countTextLimits(text: string, p: PlatformProfile, limits: readonly number[], r?: Reading): { count: number; overflowAt: (number | undefined)[] } {
	const reading = r && r.text === text ? r : undefined;
	const overflowAt: (number | undefined)[] = limits.map(() => undefined);
	if (p.unit === 'x') {
		const count = countX(text, reading);
		limits.forEach((limit, k) => {
			overflowAt[k] = count > limit ? overflowX(text, p, limit, reading) : undefined;
		});
		return { count, overflowAt };
	}
	// The same walk as walkTokens, without a token object per character: the same costs added
	// in the same order, so the same total.
	let total = 0;
	// The lowest limit not passed yet (Infinity when none is left): one comparison per character.
	let next = Infinity;
	for (const l of limits) {
		next = l < next ? l : next;
	}
	// The total went past `next` at `start`: every limit it is now past is passed there.
	const pass = (start: number) => {
		next = Infinity;
		for (let k = 0; k < limits.length; k++) {
			if (overflowAt[k] === undefined) {
				if (total > limits[k]) {
					overflowAt[k] = start;
				} else if (limits[k] < next) {
					next = limits[k];
				}
			}
		}
	};
	let i = 0;
	const plain = (end: number) => {
		if (p.unit === 'grapheme') {
			const b = graphemeBoundaries(text.slice(i, end));
			for (let k = 0; k + 1 < b.length; k++) {
				total += 1;
				if (total > next) {
					pass(i + b[k]);
				}
			}
			i = end;
			return;
		}
		while (i < end) {
			const cp = text.codePointAt(i)!;
			total += codePointCost(cp, p);
			if (total > next) {
				pass(i);
			}
			i += cp > 0xffff ? 2 : 1;
		}
	};
	for (const s of specialTokens(text, p, reading)) {
		plain(s.start);
		total += s.cost;
		if (total > next) {
			pass(s.start);
		}
		i = s.end;
	}
	plain(text.length);
	return { count: finish(total, p), overflowAt };
}

export interface Breakdown {
	count: number;
	rows: { category: TokenCategory; items: number; cost: number }[];
}

/** What each kind of character costs in the text: for the hover that explains a count. */
export function explainCount(input: string, p: PlatformProfile, r?: Reading): Breakdown {
	// X counts the NFC form of the text (as twitter-text does).
	const text = p.unit === 'x' ? input.normalize('NFC') : input;
	const reading = r && r.text === text ? r : undefined;
	const rows = new Map<TokenCategory, { items: number; cost: number }>();
	let total = 0;
	walkTokens(text, p, (t) => {
		const r = rows.get(t.category) ?? { items: 0, cost: 0 };
		r.items++;
		r.cost += t.cost;
		rows.set(t.category, r);
		total += t.cost;
	}, reading);
	return {
		// Outside X, countText is this walk's total (same costs, same order), so it is not walked again.
		count: p.unit === 'x' ? countText(text, p, undefined, reading).count : finish(total, p),
		rows: TOKEN_CATEGORIES.filter((c) => rows.has(c)).map((c) => ({ category: c, ...rows.get(c)! })),
	};
}
