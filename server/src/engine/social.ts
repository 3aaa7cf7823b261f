/**
 * Hashtags, topics and mentions: the one parser of platform syntax. The preview (what a platform
 * links), the protected spans (what typography leaves alone) and the `hashtag-syntax` rule (what a
 * platform would not link) all read posts through this module, so they cannot disagree.
 *
 * - `findHashtags(text, style)` → `#tag` hashtags and `#话题#` topics as a platform of that
 *   hashtag style (platforms.json `hashtag`) links them; style `'any'` is the platform-neutral
 *   union used by the protected spans (a topic, else a hashtag, at each `#`).
 * - `findMentions(text, platform?)` → `@name`, `@name@domain`, `@中文昵称`; `findSeparatedMentions`
 *   → only those with a separator before the @ (not 关注@小明); `findLinkedMentions(text, platform)`
 *   → those the platform links (X: as twitter-text extracts them).
 * - `hashCandidates(text)` and the small helpers `tagBody`, `notATag`, `languageName`,
 *   `charBefore` → the raw material `hashtag-syntax` checks.
 *
 * Never a tag: a `#` inside a link (`https://example.com/p#faq`, an IRI `https://example.com/活动#报名`,
 * a bare domain `dell.com/#faq`), an HTML entity (`&#39;`).
 * A topic never contains a link and never spans a line. Regular expressions here are linear
 * (no nested quantifiers).
 */
import { twitterText } from './lazy';
import type { PlatformProfile } from './platforms';
import { findLinks, findUrls, type Span } from './text';
import { readingOf, type Reading } from './reading';
import { firstMatch, nextMatch } from './matches';
import { xUrls } from './counting/xurls';

export type HashtagStyle = PlatformProfile['hashtag'] | 'any';

export interface TagSpan extends Span {
	/** `topic`: `#话题#` with a closing hash; `hashtag`: `#tag`. */
	kind: 'hashtag' | 'topic';
	/** What the platform shows instead (Xiaohongshu's `#话题[话题]#` shows as `#话题`). */
	display?: string;
}

export interface MentionSpan extends Span {
	/** Length of `@user` without the `@domain` part. */
	localLength: number;
}

/** A letter, digit or `_`: a word character in every platform's parser. */
export const WORD_CHAR = /[\p{L}\p{N}_]/u;
// Letters, marks, digits, and the joiners and marks twitter-text allows inside a hashtag
// (ZWNJ, ZWJ, Hebrew geresh and gershayim, ～ 〜 ゛ ゜ ゠ ・ 〃, the Tibetan tsheg, the middle dot).
const TAG_BODY = /[\p{L}\p{M}\p{N}_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7]*/uy;
const DIGITS = /^\d+$/;
const COLOUR = /^(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const LETTER = /[\p{L}\p{M}]/u;
/** What twitter-text refuses right before a hashtag's #: a letter, a combining mark, a digit or `_`. */
export const TAG_WORD = /[\p{L}\p{M}\p{N}_]/u;
const HAN_OR_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
/** Longest topic text between the two hashes that we read as one topic. */
const TOPIC_MAX = 64;

/** The letters, marks, digits and `_` after the `#` at `hash`. */
export function tagBody(text: string, hash: number): string {
	TAG_BODY.lastIndex = hash + 1;
	return TAG_BODY.exec(text)?.[0] ?? '';
}

/** A `#` that starts nothing a platform could read as a tag: `#1`, `#FF0000`, `# heading`. */
export function notATag(body: string): boolean {
	return body === '' || DIGITS.test(body) || (COLOUR.test(body) && /\d/.test(body));
}

/** C#, F#, J#: one capital Latin letter standing alone before the #. */
export function languageName(text: string, hash: number): boolean {
	return hash >= 1 && /[A-Z]/.test(text[hash - 1]) && (hash < 2 || !/[A-Za-z0-9_]/.test(text[hash - 2]));
}

/** The code point just before `offset` ('' at the start). */
export function charBefore(text: string, offset: number): string {
	if (offset <= 0) {
		return '';
	}
	const c = text.charCodeAt(offset - 1);
	return c >= 0xdc00 && c <= 0xdfff && offset >= 2 ? text.slice(offset - 2, offset) : text[offset - 1];
}

/**
 * Offsets of the hash signs that can start or close a tag: not inside a link, not in an HTML
 * entity (`&#39;`), and not inside `skip` (e-mail, code…). `fullWidth` adds `＃` (U+FF03).
 */
export function hashCandidates(text: string, opts: { skip?: readonly { start: number; end: number }[]; fullWidth?: boolean; reading?: Reading } = {}): number[] {
	const out: number[] = [];
	// Most texts have no hash sign at all: nothing to exclude then.
	if (!text.includes('#') && !(opts.fullWidth && text.includes('＃'))) {
		return out;
	}
	// Links as copy protection reads them: an IRI's fragment (…/活动页#第二步) is no tag either.
	// Sorted by start, walked once beside the text (a long post has thousands of links and hashes).
	const excluded = [...findLinks.shared(text, opts.reading), ...(opts.skip ?? [])].sort((a, b) => a.start - b.start);
	let k = 0;
	let reach = -1; // the furthest end of the excluded spans that start at or before i
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c !== 0x23 && !(opts.fullWidth && c === 0xff03)) {
			continue;
		}
		while (k < excluded.length && excluded[k].start <= i) {
			reach = Math.max(reach, excluded[k].end);
			k++;
		}
		if (text.charCodeAt(i - 1) !== 0x26 && !(i < reach)) {
			out.push(i);
		}
	}
	return out;
}

/**
 * `#…#` pairs over the hash candidates: the first `#` that opens a valid topic with the next one
 * wins, as the platforms pair them left to right. `valid` sees the text between the hashes.
 */
function topicsOver(text: string, hashes: readonly number[], valid: (inner: string, wide: boolean) => boolean): TagSpan[] {
	const out: TagSpan[] = [];
	for (let i = 0; i + 1 < hashes.length; i++) {
		const [open, close] = [hashes[i], hashes[i + 1]];
		const inner = text.slice(open + 1, close);
		// A link between the hashes (its own # is not a candidate) ends any topic.
		if (inner.length && inner.length <= TOPIC_MAX && !inner.includes('\n') && !findUrls(inner).length && !/^https?:\/\//i.test(inner) && valid(inner, text[open] === '＃' || text[close] === '＃')) {
			out.push({ start: open, end: close + 1, text: text.slice(open, close + 1), kind: 'topic' });
			i++;
		}
	}
	return out;
}

/**
 * `#tag` runs of letters, marks, digits and `_` with a non-word character (not `&`) before, outside
 * `taken`. Platform styles want a letter in the tag and no closing `#`; the neutral style also takes
 * `#1` and `#tag#`, but nothing right after `/` or `#`.
 */
function wordTags(text: string, hashes: readonly number[], taken: readonly TagSpan[], neutral: boolean): TagSpan[] {
	const out: TagSpan[] = [];
	for (const h of hashes) {
		if (taken.some((t) => t.start <= h && h < t.end)) {
			continue;
		}
		const body = tagBody(text, h);
		const before = charBefore(text, h);
		// A variation selector (✌️#tag) is no word character, though it is a mark.
		if (!body || (before && before !== '\ufe0e' && before !== '\ufe0f' && TAG_WORD.test(before))) {
			continue;
		}
		const next = text.slice(h + 1 + body.length, h + 4 + body.length);
		if (neutral ? !/[\p{L}\p{N}]/u.test(body) || before === '/' || before === '#' : !LETTER.test(body) || /^[#＃]|^:\/\//u.test(next)) {
			continue;
		}
		out.push({ start: h, end: h + 1 + body.length, text: text.slice(h, h + 1 + body.length), kind: 'hashtag' });
	}
	return out;
}

/** `#话题` up to white space (Douyin, Xiaohongshu typed in the app), outside `taken`. */
function spaceTags(text: string, hashes: readonly number[], taken: readonly TagSpan[]): TagSpan[] {
	const out: TagSpan[] = [];
	for (const h of hashes) {
		if (taken.some((t) => t.start <= h && h < t.end)) {
			continue;
		}
		const m = /^[^#\s]{1,40}/u.exec(text.slice(h + 1, h + 41));
		if (m) {
			out.push({ start: h, end: h + 1 + m[0].length, text: text.slice(h, h + 1 + m[0].length), kind: 'hashtag' });
		}
	}
	return out;
}

/**
 * Hashtags and topics as a platform of `style` links them, sorted and non-overlapping:
 * - `weibo`: `#话题#` on one line (spaces allowed inside), at most 64 characters, no link inside;
 * - `x`, `instagram`, `threads`: `#tag` or `＃tag` after a non-word character, with a letter, not
 *   closed by `#` nor followed by `://`, outside links (twitter-text's rules, checked against its
 *   conformance suite: `中文#标签` and `#话题#` are no hashtags);
 * - `douyin`: `#话题` up to white space; `xiaohongshu`: `#话题[话题]#` (shown as `#话题`) and `#话题`;
 * - `none`: nothing;
 * - `any` (platform-neutral, for protected spans): a topic whose text is Chinese or one token
 *   without spaces and has no space at either end, else a `#tag` (also `#tag#`).
 */
export function findHashtags(text: string, style: HashtagStyle, reading?: Reading): TagSpan[] {
	if (style === 'none' || !/[#＃]/u.test(text)) {
		return [];
	}
	const xLike = style === 'x' || style === 'instagram' || style === 'threads';
	// twitter-text reads ＃ as a hash sign too, and also finds links without a scheme (twitter.com/#tag).
	const hashes = hashCandidates(text, xLike ? { fullWidth: true, skip: xUrls(text, reading), reading } : { reading });
	let out: TagSpan[];
	switch (style) {
		case 'weibo':
			out = topicsOver(text, hashes, (inner) => inner.trim() !== '');
			break;
		case 'x':
		case 'instagram':
		case 'threads':
			out = wordTags(text, hashes, [], false);
			break;
		case 'douyin':
			out = spaceTags(text, hashes, []);
			break;
		case 'xiaohongshu': {
			out = [];
			for (const m of text.matchAll(/#([^#\s[\]]{1,40})\[话题\]#/gu)) {
				if (hashes.includes(m.index!)) {
					out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'hashtag', display: `#${m[1]}` });
				}
			}
			out.push(...spaceTags(text, hashes, out));
			break;
		}
		case 'any': {
			// "#a b#" between two X hashtags is not one topic; a topic is Chinese or a single token.
			// A topic may be typed with the full-width ＃ (＃618狂欢＃): still one topic, whose only fix
			// is both marks half-width (hashtag-syntax); a lone ＃ starts no #tag here.
			const wide = text.includes('＃') ? hashCandidates(text, { fullWidth: true }) : hashes;
			// With a full-width mark the topic has no space or sentence punctuation inside: in
			// `#CES2026。＃618狂欢＃` the topic is `＃618狂欢＃`.
			const topics = topicsOver(text, wide, (inner, fw) => (fw ? !/[\s\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u.test(inner)
				: !/^\s|\s$/u.test(inner) && (HAN_OR_CJK.test(inner) || !/\s/u.test(inner))));
			out = [...topics, ...wordTags(text, hashes, topics, true)];
			break;
		}
		default:
			out = [];
	}
	return out.sort((a, b) => a.start - b.start);
}

// Weibo's repost chain `//@昵称:` and reply `回复@昵称:` (also `回复 @昵称：`): the colon belongs to
// the platform's syntax (platforms.md: "repost chain //@昵称:"), not to the sentence.
const REPLY_MARK = /(?:\/\/|回复[ \t]?)@[\p{L}\p{N}_\-]{1,30}[:：]/gu;

/** Weibo repost-chain and reply marks (`//@name:`, `回复@name:`, `回复 @name：`), each with its colon. */
export function findReplyMarks(text: string): Span[] {
	const out: Span[] = [];
	if (!text.includes('@')) {
		return out;
	}
	for (const m of text.matchAll(REPLY_MARK)) {
		out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
	}
	return out;
}

// @name, @name@domain (fediverse), @中文昵称. A mention is not part of an e-mail address, so no
// letter, digit, `_` or `.` stands before the @ — except a Han character (关注@小明), after which
// Chinese platforms (and X, per twitter-text) read a mention.
const MENTION_BODY = '@([\\p{L}\\p{N}_\\-]+(?:\\.[\\p{L}\\p{N}_\\-]+)*)(@[\\p{L}\\p{N}_\\-]+(?:\\.[\\p{L}\\p{N}_\\-]+)+)?';
const MENTION_STRICT = new RegExp(`(?<![\\p{L}\\p{N}_.])${MENTION_BODY}`, 'gu');
const MENTION_AFTER_HAN = new RegExp(`(?<!(?!\\p{Script=Han})[\\p{L}\\p{N}_.])${MENTION_BODY}`, 'gu');

/**
 * True when the platform's parser needs a non-letter before the @, Han included: Mastodon (its
 * mention pattern refuses a word character before the @; the profile's `mention: local`) and
 * Bluesky (`handle: domain`; its facet detection wants a space or the start before the @).
 */
function mentionNeedsSeparator(p: Pick<PlatformProfile, 'mention' | 'handle'>): boolean {
	return p.mention === 'local' || p.handle === 'domain';
}

/**
 * Mentions as `platform` reads them; without a platform, as Chinese copy reads them (an @ right
 * after a Han character is a mention: 关注@小明).
 */
export function findMentions(text: string, platform?: Pick<PlatformProfile, 'mention' | 'handle'>, reading?: Reading): MentionSpan[] {
	return mentionsBy(text, platform && mentionNeedsSeparator(platform) ? MENTION_STRICT : MENTION_AFTER_HAN, reading);
}

/**
 * Only mentions with a separator (not a letter or digit, Han included) before the @: Mastodon's
 * and Bluesky's reading, and the word-list rules' — a Weibo nickname runs to the next space or
 * punctuation, so `关注@小明获取最佳优惠` would hide 最佳 inside a "nickname"; those rules would
 * rather check the term.
 */
export function findSeparatedMentions(text: string, reading?: Reading): MentionSpan[] {
	return mentionsBy(text, MENTION_STRICT, reading);
}

/**
 * The mentions a platform links (the preview): on a platform with X handles (`handle: x`) those
 * twitter-text extracts, up to `handleMaxLength`; none where the platform has no mentions
 * (`mention: none`); elsewhere `findMentions`. Rules that tell the writer what will not be linked
 * (`@中文` on X) read `findMentions` instead, which sees what the writer meant as a mention.
 */
export function findLinkedMentions(text: string, p: Pick<PlatformProfile, 'mention' | 'handle' | 'handleMaxLength'>): MentionSpan[] {
	if (p.mention === 'none') {
		return [];
	}
	if (p.handle === 'x') {
		return twitterText().extractMentionsWithIndices(text)
			.filter((m) => p.handleMaxLength === undefined || m.screenName.length <= p.handleMaxLength)
			.map((m) => ({ start: m.indices[0], end: m.indices[1], text: text.slice(m.indices[0], m.indices[1]), localLength: m.indices[1] - m.indices[0] }));
	}
	return findMentions(text, p);
}

/**
 * The mentions `re` finds; with the post's reading of `text`, found once per post for each of the
 * two readings (the protected spans, the counters and several rules ask): a fresh array of the
 * shared spans each time (callers never change a span).
 */
function mentionsBy(text: string, re: RegExp, reading?: Reading): MentionSpan[] {
	if (!text.includes('@')) {
		return [];
	}
	if (reading) {
		return readingOf(text, reading).get(re === MENTION_STRICT ? 'mentions.strict' : 'mentions.afterHan', () => scanMentions(text, re)).slice();
	}
	return scanMentions(text, re);
}

function scanMentions(text: string, re: RegExp): MentionSpan[] {
	const out: MentionSpan[] = [];
	for (let m = firstMatch(re, text); m; m = nextMatch(re, text, m)) {
		out.push({ start: m.index, end: m.index + m[0].length, text: m[0], localLength: 1 + m[1].length });
	}
	return out;
}
