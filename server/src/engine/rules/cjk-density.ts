/**
 * cjk-density: in a post whose locale is Chinese, too few Han characters: the copy reads as
 * an untranslated or half-translated announcement. A run of Latin letters (a brand name, a
 * product, an English word) counts as one word, so "发布 Surface Pro" is still Chinese copy.
 */
import { hanShare } from '../explain';
import type { Rule } from '../rule';

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
			threshold: { default: 0.6, description: { en: 'Lowest share of Han characters (0–1).', 'zh-cn': '汉字占比的下限（0–1）。' } },
			minLength: { default: 8, description: { en: 'Posts with fewer Han characters plus words than this are not checked.', 'zh-cn': '汉字与词数之和少于此值的帖子不检查。' } },
			unit: { default: 'word', description: { en: '"word": a run of Latin letters counts once; "letter": every letter counts.', 'zh-cn': '"word"：连续的拉丁字母算一个词；"letter"：每个字母都计数。' } },
		},
		messages: {
			en: {
				low: 'Only {percent}% of this post is Chinese (threshold {threshold}%): for {locale} readers it reads as not localized.',
				explain: '**Han share** {percent}%: {han} Han characters and {words} words in other scripts ({letters} letters). Links, mentions, hashtags and emoji are left out. Threshold: {threshold}%.',
			},
			'zh-cn': {
				low: '此帖子只有 {percent}% 是中文（下限 {threshold}%）：对 {locale} 读者来说没有本地化。',
				explain: '**汉字占比** {percent}%：{han} 个汉字，{words} 个其他文字的词（{letters} 个字母）。链接、提及、话题和表情不计入。下限：{threshold}%。',
			},
		},
	},
	check(ctx) {
		if (!ctx.target.locale.toLowerCase().startsWith('zh')) {
			return;
		}
		const unit = ctx.options.unit === 'letter' ? 'letter' : 'word';
		const h = hanShare(ctx.text, unit);
		const threshold = Number(ctx.options.threshold);
		if (h.han + (unit === 'word' ? h.otherWords : h.otherLetters) < Number(ctx.options.minLength) || h.share >= threshold) {
			return;
		}
		const args = {
			percent: Math.round(h.share * 100), threshold: Math.round(threshold * 100), locale: ctx.target.locale,
			han: h.han, words: h.otherWords, letters: h.otherLetters,
		};
		ctx.report({ start: 0, end: ctx.text.length, message: ctx.t('low', args), explain: ctx.t('explain', args) });
	},
};

export default rule;
