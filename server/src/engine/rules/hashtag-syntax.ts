/**
 * hashtag-syntax: hashtags, topics, mentions and links written the way the target platform
 * reads them. The platform profile decides (data/platforms.json): its `hashtag` style, its
 * `handle` form, and the limits `maxHashtags` and `maxLinks` — each with its source. A custom
 * platform gets the checks of the style it declares.
 *
 * - weibo (Weibo, Bilibili): topics are #话题# with a closing #; an unclosed #话题 is plain text;
 *   a topic written with the full-width ＃ gets a fix to the half-width # (conservative advice:
 *   no source documents ＃, every source shows #).
 * - x (X, LinkedIn, Facebook, Instagram, Threads, Bluesky, Mastodon) and douyin: a hashtag is
 *   #tag after a space or punctuation; #话题# is not a hashtag. A # glued to a letter (开始#launch)
 *   is a warning on X, where twitter-text decides, and information elsewhere (undocumented).
 * - none (WeChat articles): there is no hashtag syntax at all.
 * - xiaohongshu: topics are picked in the app after typing #; nothing to check in the text.
 *
 * Parsing comes from social.ts (shared with the preview and the protected spans).
 * Never tags: # inside links (#fragment), code and e-mail addresses, HTML entities (&#39;),
 * numbers (#1), colours (#FF0000) and language names (C#, F#).
 */
import { msg } from '../messages';
import { canonicalPlatformId, platformName, sourceOf, type PlatformProfile } from '../platforms';
import { sharedProtected } from '../protected';
import type { RuleContext, Rule } from '../rule';
import { charBefore, findMentions, hashCandidates, languageName, notATag, tagBody, TAG_WORD, WORD_CHAR } from '../social';
import { findUrls, overlapsAny } from '../text';

/** What an e-mail address (@), code (` or ~~~) or a Markdown link target (`](`, `![`) cannot be without. */
const MAY_EXCLUDE = /[@`~]|\]\(|!\[/;
const SENTENCE_PUNCT = /[，。！？；：!?;]/u;

const isBoundary = (ch: string | undefined) => ch === undefined || ch === '' || /\s/u.test(ch);

/** Information instead of the rule's severity when the platform fact behind a check is uncertain (Bilibili's topic syntax). */
function soft(p: PlatformProfile, key: string): 'info' | undefined {
	return sourceOf(p, key)?.confidence === 'uncertain' ? 'info' : undefined;
}

function sourceNote(p: PlatformProfile, key: string): string {
	const s = sourceOf(p, key);
	return s ? '\n\n' + msg('hover.source', { source: s.source, confidence: msg(`confidence.${s.confidence}`) }) : '';
}

const rule: Rule = {
	meta: {
		id: 'hashtag-syntax',
		category: 'localization',
		description: {
			en: 'Hashtags, topics, mentions and links in the target platform\'s own syntax: #话题# on Weibo and Bilibili, #tag after a space on X, at most 5 hashtags on Instagram, one topic tag and 5 links on Threads.',
			'zh-cn': '话题、标签、提及和链接符合目标平台自己的写法：微博和哔哩哔哩用 #话题#，X 的 #标签 前要有空格，Instagram 最多 5 个标签，Threads 一个话题标签、最多 5 个链接。',
		},
		defaultSeverity: 'warning',
		fixable: true,
		messages: {
			en: {
				unclosed: '"{tag}" is not a topic on {platform}: a topic needs a closing # ("{fixed}"); without it {platform} shows plain text.',
				paired: '"{tag}" is not closed: {platform} pairs it with the next #, and the topic becomes "{topic}". Close it: "{fixed}".',
				closedX: '"{tag}" is not a hashtag on X: a # right after the tag cancels it, and X shows the text as written. Write "{fixed}" followed by a space.',
				closed: '"{tag}" is Weibo\'s topic syntax; {platform} hashtags have no closing #: write "{fixed}" followed by a space.',
				boundary: '{platform} does not see a hashtag in "{word}": a # needs a space or punctuation before it.',
				boundaryUnsure: '{platform} may not see a hashtag in "{word}": X does not link a # right after a letter, and {platform} is not known to differ. A space before the # is safe.',
				fullWidth: '"{tag}" is written with the full-width ＃: {platform}\'s topic syntax uses the half-width #, and a full-width one may stay plain text. Use the half-width #: "{fixed}".',
				none: '{platform} has no hashtag syntax: "{tag}" stays plain text.',
				maxHashtags: '{platform} allows at most {max} {max|hashtag|hashtags} per post: "{tag}" is number {n}.',
				oneTag: '{platform} takes one topic tag per post: "{tag}" is number {n} and will not be a topic.',
				maxLinks: '{platform} refuses a post with more than {max} {max|link|links}: this is link {n}.',
				handleX: '"{mention}" is not an X handle: X links @ followed by Latin letters, digits or _, so this stays plain text.',
				handleLong: '"{mention}" is longer than an X handle ({max} characters at most): X will not link it.',
				handleDomain: '"{mention}" is not a Bluesky handle: Bluesky links full handles such as @{name}.bsky.social, so this stays plain text.',
				handleRunOn: '{platform} reads a nickname up to the next space or punctuation: "{mention}" runs into the next @. Put a space after it.',
				fixClose: 'Close the topic: "{fixed}"',
				fixOpen: 'Remove the closing #: "{fixed}"',
				fixSpace: 'Insert a space before the #',
				fixHalfWidth: 'Use the half-width #',
				fixSpaceAfter: 'Insert a space after "{mention}"',
			},
			'zh-cn': {
				unclosed: '“{tag}”在{platform}不是话题：话题需要收尾的 #（“{fixed}”）；缺了它，{platform}只显示普通文字。',
				paired: '“{tag}”没有收尾：{platform}会把它和下一个 # 配成一对，话题变成“{topic}”。请补上：“{fixed}”。',
				closedX: '“{tag}”在 X 上不是话题标签：标签后紧跟的 # 会使它失效，X 按原样显示文字。请写成“{fixed}”，后面加空格。',
				closed: '“{tag}”是微博的话题写法；{platform}的标签没有收尾的 #：请写成“{fixed}”，后面加空格。',
				boundary: '{platform}不会把“{word}”识别为标签：# 前面需要空格或标点。',
				boundaryUnsure: '{platform}可能不会把“{word}”识别为标签：X 不识别紧跟在文字后的 #，尚不知{platform}是否不同。在 # 前加空格最稳妥。',
				fullWidth: '“{tag}”用了全角的 ＃：{platform}的话题写法是半角 #，全角的可能只显示为普通文字。请用半角 #：“{fixed}”。',
				none: '{platform}没有话题标签语法：“{tag}”只是普通文字。',
				maxHashtags: '{platform}每条帖子最多 {max} 个标签：“{tag}”是第 {n} 个。',
				oneTag: '{platform}每条帖子只取一个话题标签：“{tag}”是第 {n} 个，不会成为话题。',
				maxLinks: '{platform}拒绝发布超过 {max} 个链接的帖子：这是第 {n} 个链接。',
				handleX: '“{mention}”不是 X 账号名：X 只链接 @ 后的拉丁字母、数字或下划线，这里只是普通文字。',
				handleLong: '“{mention}”超过 X 账号名的长度（最多 {max} 个字符）：X 不会链接它。',
				handleDomain: '“{mention}”不是 Bluesky 账号：Bluesky 只链接完整的账号名（如 @{name}.bsky.social），这里只是普通文字。',
				handleRunOn: '{platform}把昵称读到下一个空格或标点为止：“{mention}”与后面的 @ 连在一起。请在它后面加空格。',
				fixClose: '补上收尾的 #：“{fixed}”',
				fixOpen: '删去收尾的 #：“{fixed}”',
				fixSpace: '在 # 前加空格',
				fixHalfWidth: '改用半角 #',
				fixSpaceAfter: '在“{mention}”后加空格',
			},
		},
	},
	check(ctx) {
		const p = ctx.target.platform;
		const text = ctx.text;
		const name = platformName(p, ctx.lang);
		// social.ts reads the syntax; a # or @ inside a link, an e-mail address or code is never one.
		// Without an @, a backtick or tilde, `](` or `![`, a text has no e-mail, code or link span: the
		// protected spans (all kinds, for their overlaps) are not needed then.
		const excluded = [...findUrls.shared(text, ctx.reading(text)), ...(MAY_EXCLUDE.test(text) ? sharedProtected(ctx).filter((s) => s.kind === 'email' || s.kind === 'code' || s.kind === 'link') : [])];
		const style = p.hashtag;
		const hashes = hashCandidates(text, { skip: excluded, fullWidth: style === 'weibo', reading: ctx.reading(text) });
		if (style === 'weibo') {
			checkWeibo(ctx, hashes, name);
		} else if (style === 'x' || style === 'instagram' || style === 'threads' || style === 'douyin') {
			checkHashtags(ctx, hashes, name);
		} else if (style === 'none') {
			for (const h of hashes) {
				const body = tagBody(text, h);
				if (notATag(body) || languageName(text, h)) {
					continue;
				}
				const end = h + 1 + body.length + (text[h + 1 + body.length] === '#' ? 1 : 0);
				ctx.report({ start: h, end, severity: 'info', message: ctx.t('none', { platform: name, tag: text.slice(h, end) }), explain: sourceNote(p, 'hashtag') });
			}
		}
		checkMentions(ctx, findMentions(text, p, ctx.reading(text)).filter((m) => !overlapsAny(m, excluded)), name);
		if (p.maxLinks !== undefined) {
			findUrls.shared(text, ctx.reading(text)).slice(p.maxLinks).forEach((u, i) => {
				ctx.report({ start: u.start, end: u.end, severity: soft(p, 'maxLinks') ?? 'error', message: ctx.t('maxLinks', { platform: name, max: p.maxLinks!, n: p.maxLinks! + i + 1 }), explain: sourceNote(p, 'maxLinks') });
			});
		}
	},
};

/** Weibo and Bilibili: #话题# pairs on one line; an # left open is an unclosed topic. */
function checkWeibo(ctx: RuleContext, hashes: number[], name: string): void {
	const text = ctx.text;
	const opener = (h: number) => !languageName(text, h) && !notATag(tagBody(text, h));
	const unclosed: { hash: number; pairedWith?: number }[] = [];
	const pairs: [number, number][] = [];
	let open = -1;
	for (const h of hashes) {
		if (open >= 0) {
			const inner = text.slice(open + 1, h);
			// A topic never spans a line or holds a link.
			if (inner.includes('\n') || /^\s|\s$/u.test(inner) || findUrls(inner).length) {
				unclosed.push({ hash: open });
				open = -1;
			} else if (inner.length) {
				// Spaces may stand inside a topic, so the platform pairs this # with the next one;
				// a sentence's punctuation inside shows the writer meant two things.
				if (SENTENCE_PUNCT.test(inner)) {
					unclosed.push({ hash: open, pairedWith: h });
				} else {
					pairs.push([open, h]);
				}
				open = -1;
				continue;
			}
		}
		if (open < 0 && opener(h)) {
			open = h;
		}
	}
	if (open >= 0) {
		unclosed.push({ hash: open });
	}
	// ＃ (U+FF03) in a closed topic where the platform's syntax has the half-width # (an unclosed one
	// is fixed below with its closing #).
	const wide = (h: number) => text[h] === '＃';
	for (const [s, e] of pairs) {
		const marks = [s, e].filter(wide);
		if (!marks.length) {
			continue;
		}
		const end = e + 1;
		const tag = text.slice(s, end);
		const fixed = tag.replace(/＃/g, '#');
		ctx.report({
			start: s, end,
			severity: soft(ctx.target.platform, 'hashtag'),
			message: ctx.t('fullWidth', { tag, fixed, platform: name }),
			explain: sourceNote(ctx.target.platform, 'hashtag'),
			fixes: [{ title: ctx.t('fixHalfWidth'), kind: 'syntax', edits: marks.map((h) => ({ start: h, end: h + 1, newText: '#' })), preferred: true }],
		});
	}
	for (const { hash: h, pairedWith } of unclosed) {
		const body = tagBody(text, h);
		const end = h + 1 + body.length;
		const tag = text.slice(h, end);
		// An unclosed ＃话题 is closed and made half-width in one fix.
		const fixed = `${tag.replace(/^＃/, '#')}#`;
		// The end is clear only when the writer ended the tag with a space, a line end or the post's end.
		const clear = isBoundary(text[end]);
		const args = { tag, fixed, platform: name, topic: pairedWith === undefined ? '' : text.slice(h, pairedWith + 1) };
		ctx.report({
			start: h, end,
			severity: soft(ctx.target.platform, 'hashtag'),
			message: pairedWith === undefined ? ctx.t('unclosed', args) : ctx.t('paired', args),
			explain: sourceNote(ctx.target.platform, 'hashtag'),
			fixes: clear ? [{ title: ctx.t('fixClose', { fixed }), kind: 'syntax', edits: [...(wide(h) ? [{ start: h, end: h + 1, newText: '#' }] : []), { start: end, end, newText: '#' }], preferred: !mixedStyles(ctx) }] : undefined,
		});
	}
}

/**
 * True when the same body is also checked for a platform whose hashtags are written another way
 * (`platforms: [weibo, x]`): closing `#ad` for Weibo is what X asks to undo, so those fixes are
 * offered as quick fixes but never applied by "fix all", which would otherwise go back and forth.
 */
function mixedStyles(ctx: RuleContext): boolean {
	const own = ctx.target.platform.hashtag;
	const ids = ctx.target.post.settings.platforms?.map((p) => p.value) ?? [];
	return ids.some((id) => {
		const canon = canonicalPlatformId(id, ctx.config.platforms);
		return canon !== undefined && ctx.config.platforms[canon].hashtag !== own;
	});
}

/** #tag platforms: no closing #, a boundary before the #, and the platform's tag limit. */
function checkHashtags(ctx: RuleContext, hashes: number[], name: string): void {
	const text = ctx.text;
	const p = ctx.target.platform;
	const explain = sourceNote(p, 'hashtag');
	const tags: { start: number; end: number }[] = [];
	let consumed = -1;
	for (const h of hashes) {
		if (h <= consumed || languageName(text, h)) {
			continue;
		}
		const body = tagBody(text, h);
		if (notATag(body)) {
			continue;
		}
		const end = h + 1 + body.length;
		const tag = text.slice(h, end);
		if (text[end] === '#') {
			// #话题#: the closing # may be removed when nothing but a space, punctuation or the end follows.
			consumed = end;
			const removable = end + 1 >= text.length || !WORD_CHAR.test(text.slice(end + 1).match(/^./su)![0]);
			const fixed = tag;
			ctx.report({
				start: h, end: end + 1,
				severity: soft(p, 'hashtag'),
				message: p.id === 'x' ? ctx.t('closedX', { tag: `${tag}#`, fixed, platform: name }) : ctx.t('closed', { tag: `${tag}#`, fixed, platform: name }),
				explain,
				fixes: removable
					? [{ title: ctx.t('fixOpen', { fixed }), kind: 'syntax', edits: [{ start: end, end: end + 1, newText: '' }], preferred: !mixedStyles(ctx) }]
					: undefined,
			});
			continue;
		}
		const before = charBefore(text, h);
		if (before && TAG_WORD.test(before)) {
			// Show the word the # is glued to: 中文#标签.
			let s = h - before.length;
			while (s > 0 && TAG_WORD.test(charBefore(text, s))) {
				s -= charBefore(text, s).length;
			}
			// X: twitter-text (the parser X runs) links no # after a letter, digit or _ (开始#launch);
			// the other #tag platforms are not documented, so the advice is softer there.
			const verified = p.unit === 'x';
			ctx.report({
				start: h, end,
				severity: verified ? soft(p, 'hashtag') : 'info',
				message: verified ? ctx.t('boundary', { word: text.slice(s, end), platform: name }) : ctx.t('boundaryUnsure', { word: text.slice(s, end), platform: name }),
				explain,
				fixes: [{ title: ctx.t('fixSpace'), kind: 'syntax', edits: [{ start: h, end: h, newText: ' ' }], preferred: true }],
			});
			continue;
		}
		tags.push({ start: h, end });
	}
	if (p.maxHashtags !== undefined) {
		tags.slice(p.maxHashtags).forEach((t, i) => {
			const args = { platform: name, max: p.maxHashtags!, n: p.maxHashtags! + i + 1, tag: text.slice(t.start, t.end) };
			ctx.report({ start: t.start, end: t.end, severity: soft(p, 'maxHashtags'), message: p.maxHashtags === 1 ? ctx.t('oneTag', args) : ctx.t('maxHashtags', args), explain: sourceNote(p, 'maxHashtags') });
		});
	}
}

/** Mentions in the platform's handle form: X handles, Bluesky domains, Weibo nicknames ended by a separator. */
function checkMentions(ctx: RuleContext, mentions: { start: number; end: number; text: string }[], name: string): void {
	const p = ctx.target.platform;
	const text = ctx.text;
	let chainEnd = 0;
	for (const m of mentions) {
		const local = m.text.slice(1).split('@')[0];
		const fediverse = m.text.slice(1).includes('@');
		if (p.handle === 'x' && !fediverse) {
			const max = p.handleMaxLength;
			const latin = /^[A-Za-z0-9_]*/.exec(local)![0];
			if (!latin) {
				ctx.report({ start: m.start, end: m.end, severity: soft(p, 'handle'), message: ctx.t('handleX', { mention: m.text }), explain: sourceNote(p, 'handle') });
			} else if (max !== undefined && latin.length > max) {
				ctx.report({ start: m.start, end: m.start + 1 + latin.length, severity: soft(p, 'handleMaxLength'), message: ctx.t('handleLong', { mention: `@${latin}`, max }), explain: sourceNote(p, 'handleMaxLength') });
			}
		} else if (p.handle === 'domain' && !fediverse && !local.includes('.')) {
			ctx.report({ start: m.start, end: m.end, severity: soft(p, 'handle'), message: ctx.t('handleDomain', { mention: m.text, name: local }), explain: sourceNote(p, 'handle') });
		} else if (p.handle === 'nickname' && text[m.end] === '@' && m.start >= chainEnd) {
			// @甲@乙@丙: every nickname of the chain runs into the next; all are reported at once, so
			// one pass of "fix all" separates the whole chain.
			let start = m.start;
			let end = m.end;
			while (text[end] === '@') {
				const mention = text.slice(start, end);
				ctx.report({
					start, end,
					severity: soft(p, 'handle'),
					message: ctx.t('handleRunOn', { mention, platform: name }),
					explain: sourceNote(p, 'handle'),
					fixes: [{ title: ctx.t('fixSpaceAfter', { mention }), kind: 'syntax', edits: [{ start: end, end, newText: ' ' }], preferred: true }],
				});
				let k = end + 1;
				while (k < text.length && text[k] !== '@' && WORD_CHAR.test(text[k])) {
					k++;
				}
				if (k === end + 1) {
					break;
				}
				start = end;
				end = k;
			}
			chainEnd = end;
		}
	}
}

export default rule;
