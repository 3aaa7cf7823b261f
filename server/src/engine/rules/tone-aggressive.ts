/**
 * tone-aggressive: insults, contempt and profanity toward people, customers or competitors,
 * and disparaging competitors (PRC Advertising Law Art. 13). A short, precise list: words that
 * insult in any context a brand posts in (data/aggressive.json).
 */
import list from '../data/aggressive.json';
import { explainArticles } from '../law';
import type { WordList } from '../lexicon';
import type { Rule } from '../rule';
import type { Severity } from '../types';
import { listHits, longestFirst, patternHits, scanPost, withPattern } from './judgment';
import { configuredSeverity, reportHit } from './wordlist';

const ID = 'tone-aggressive';
export const AGGRESSIVE = list as WordList;

const rule: Rule = {
	meta: {
		id: ID,
		category: 'tone',
		description: {
			en: 'Insults, contempt or profanity toward people, customers or competitors, and disparaging competitors (Advertising Law, Art. 13).',
			'zh-cn': '对他人、顾客或竞争对手的侮辱、蔑视或粗口，以及贬低竞争对手（《广告法》第十三条）。',
		},
		defaultSeverity: 'error',
		fixable: false,
		messages: {
			en: {
				insult: '"{term}" is an insult or contempt: a brand account that insults readers becomes the story.',
				profanity: '"{term}" is profanity: not for a brand account.',
				disparage: '"{term}" disparages competitors, which ads must not do (Advertising Law, Art. 13): compare with facts you can prove.',
				explain: '**{term}**: {category}.\n\nScreenshots of a brand insulting customers or rivals outlive any campaign. Say what your product does, with facts you can prove, and answer critics politely or not at all.{law}',
			},
			'zh-cn': {
				insult: '"{term}"是侮辱或蔑视用语：品牌账号辱骂读者，自己就会成为新闻。',
				profanity: '"{term}"是粗口：不适合品牌账号。',
				disparage: '"{term}"贬低竞争对手，广告不得如此（《广告法》第十三条）：请用可证明的事实作比较。',
				explain: '**{term}**：{category}。\n\n品牌辱骂顾客或同行的截图比任何活动都流传得久。说清产品能做什么，用可证明的事实；回应批评要礼貌，或者不回应。{law}',
			},
		},
	},
	check(ctx) {
		const fixedSeverity = configuredSeverity(ctx, ID);
		for (const fs of scanPost(ctx)) {
			const post = { field: fs.field, shift: fs.shift, source: fs.source };
			const matches = patternHits(ctx, fs, 'aggressive');
			const found = [
				...listHits(ctx, fs, 'aggressive', true).map((h) => ({ hit: { ...h, value: undefined, ...post }, id: h.value.item!.category.id, category: h.value.item!.category, severity: h.value.item!.severity })),
				...matches.map((m) => ({ hit: { ...m, term: m.text, value: undefined, ...post }, id: m.pattern.id, category: m.pattern as { label: Record<'en' | 'zh-cn', string>; basis?: readonly string[]; explain?: Record<'en' | 'zh-cn', string> }, severity: m.pattern.severity as Severity })),
			];
			for (const f of longestFirst(found)) {
				const law = withPattern(f.category, explainArticles(f.category.basis ?? [], ctx.lang), ctx.lang);
				const args = { term: f.hit.text, category: f.category.label[ctx.lang] };
				reportHit(ctx, f.hit, {
					message: f.id === 'disparage' ? ctx.t('disparage', args) : f.id === 'profanity' ? ctx.t('profanity', args) : ctx.t('insult', args),
					severity: fixedSeverity ? undefined : f.severity,
					explain: ctx.t('explain', { ...args, law: law ? `\n\n${law}` : '' }),
				});
			}
		}
	},
};

export default rule;
