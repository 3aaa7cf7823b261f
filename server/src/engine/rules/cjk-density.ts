/**
 * cjk-density: in a post whose locale is Chinese, too few Han characters: the copy reads as
 * an untranslated or half-translated announcement (a body with no Chinese at all says so).
 * A run of Latin letters (a brand name, a product, an English word) counts as one word, so
 * "发布 Surface Pro" is still Chinese copy. A mostly-Chinese post for an English locale is
 * allowed; on a platform that counts like X it gets an information with what its Han
 * characters cost there (the counter's own weights, so no number lives here).
 */
import { walkTokens } from '../counting/count';
import { hanShare } from '../explain';
import { platformName } from '../platforms';
import type { Rule, RuleContext } from '../rule';

const rule: Rule = {
	meta: {
		id: 'cjk-density',
		category: 'localization',
		description: {
			en: 'A post for Chinese readers has too few Chinese characters: it is not localized.',
			'zh-cn': '面向中文读者的帖子汉字太少：文案没有本地化。',
		},
		defaultSeverity: 'warning',
		fixable: false,
		options: {
			threshold: { default: 0.6, minimum: 0, maximum: 1, description: { en: 'Lowest share of Han characters (0–1).', 'zh-cn': '汉字占比的下限（0–1）。' } },
			minLength: { default: 8, description: { en: 'Posts with fewer Han characters plus words than this are not checked.', 'zh-cn': '汉字与词数之和少于此值的帖子不检查。' } },
			unit: { default: 'word', description: { en: '"word": a run of Latin letters counts once; "letter": every letter counts.', 'zh-cn': '"word"：连续的拉丁字母算一个词；"letter"：每个字母都计数。' } },
		},
		messages: {
			en: {
				low: 'Only {percent}% of this post is Chinese (threshold {threshold}%): for {locale} readers it reads as not localized.',
				english: 'This post has no Chinese at all: for {locale} readers on {platform} it is not localized.',
				weight: '{han} Han {han|character|characters} use {weight} of {platform}\'s {limit} (each costs {each}); the post counts {count}.',
				weightExplain: '**{platform} weighting**: a Han character costs {each}, a Latin letter or digit 1, so about {max} Han characters fill a post. Han characters: {han} → {weight}. Whole post: {count} of {limit}.',
				explain: '**Han share** {percent}%: {han} Han {han|character|characters} and {words} {words|word|words} in other scripts ({letters} {letters|letter|letters}). Links, mentions, hashtags and emoji are left out. Threshold: {threshold}%.',
			},
			'zh-cn': {
				low: '此帖子只有 {percent}% 是中文（下限 {threshold}%）：对 {locale} 读者来说没有本地化。',
				english: '此帖子没有一个汉字：对{platform}的 {locale} 读者来说没有本地化。',
				weight: '{platform}上的中文帖子：{han} 个汉字计 {weight}，上限 {limit}（每个汉字计 {each}）；全帖计 {count}。',
				weightExplain: '**{platform} 的计数**：一个汉字计 {each}，一个拉丁字母或数字计 1，所以大约 {max} 个汉字就写满一条帖子。汉字：{han} 个 → {weight}。全帖：{count} / {limit}。',
				explain: '**汉字占比** {percent}%：{han} 个汉字，{words} 个其他文字的词（{letters} 个字母）。链接、提及、话题和表情不计入。下限：{threshold}%。',
			},
		},
	},
	check(ctx) {
		const unit = ctx.options.unit === 'letter' ? 'letter' : 'word';
		const h = hanShare(ctx.text, unit, ctx.reading());
		const threshold = Number(ctx.options.threshold);
		const platform = platformName(ctx.target.platform, ctx.lang);
		if (!ctx.target.locale.toLowerCase().startsWith('zh')) {
			if (ctx.target.platform.unit === 'x' && h.han > 0 && h.share >= threshold) {
				reportWeight(ctx, platform);
			}
			return;
		}
		if (h.han + (unit === 'word' ? h.otherWords : h.otherLetters) < Number(ctx.options.minLength) || h.share >= threshold) {
			return;
		}
		const args = {
			percent: Math.round(h.share * 100), threshold: Math.round(threshold * 100), locale: ctx.target.locale,
			han: h.han, words: h.otherWords, letters: h.otherLetters, platform,
		};
		ctx.report({ start: 0, end: ctx.text.length, message: h.han === 0 ? ctx.t('english', args) : ctx.t('low', args), explain: ctx.t('explain', args) });
	},
};

/** X-like counting: what the post's Han characters cost, from the counter's own weights. */
function reportWeight(ctx: RuleContext, platform: string): void {
	const p = ctx.target.platform;
	let han = 0;
	let weight = 0;
	walkTokens(ctx.text, p, (t) => {
		if (t.category === 'han') {
			han++;
			weight += t.cost;
		}
	}, ctx.reading());
	const body = ctx.target.counts.find((c) => c.field === 'body');
	const limit = body?.limit ?? p.body.limit;
	if (!han || limit === undefined) {
		return;
	}
	const each = Math.round((weight / han) * 100) / 100;
	const args = { platform, han, weight, limit, each, count: body?.count ?? weight, max: Math.floor(limit / each) };
	ctx.report({ start: 0, end: ctx.text.length, severity: 'info', message: ctx.t('weight', args), explain: ctx.t('weightExplain', args) });
}

export default rule;
