/**
 * ad-absolute-terms: absolute and superlative claims (PRC Advertising Law Art. 9(3) and the
 * SAMR 2023 enforcement guide): 最-words, 国家级/世界级/顶级, 第一/No. 1, 唯一/首家/独家,
 * state-authority claims (特供, 国家免检) and their English equivalents. The three terms the
 * law names are errors; the others are warnings that ask for evidence, errors in medical,
 * health, finance and education posts, where the guide allows no leniency. The list and its
 * exceptions (goals, usage notes, ordinals, names) are data: data/absolute-terms.json.
 */
import list from '../data/absolute-terms.json';
import { explainArticles } from '../law';
import { wordListLexicon, type WordList } from '../lexicon';
import type { Rule } from '../rule';
import type { Severity } from '../types';
import { configuredSeverity, industryName, findInPost, replacementFixes, reportHit, suggestionsFor } from './wordlist';

const ID = 'ad-absolute-terms';
export const ABSOLUTE_TERMS = list as WordList;
const lexicon = wordListLexicon(ABSOLUTE_TERMS);

/** Industries where the SAMR guide allows no leniency for absolute claims. */
export const STRICT_INDUSTRIES: readonly string[] = ['medical', 'health', 'finance', 'education'];


const rule: Rule = {
	meta: {
		id: ID,
		category: 'compliance',
		description: {
			en: 'Absolute and superlative claims (最佳, 国家级, 第一, 唯一, "No. 1", "best in the world") that the PRC Advertising Law bans or that need evidence.',
			'zh-cn': '绝对化用语（最佳、国家级、第一、唯一、"No. 1"、"best in the world"）：《广告法》禁止使用或需要证据支持。',
		},
		defaultSeverity: 'warning',
		fixable: true,
		options: {
			allow: {
				default: [],
				description: {
					en: 'Phrases that are not claims here (product names, trademarks, titles conferred by the state): a term inside one is not reported. Literal text.',
					'zh-cn': '在本团队不算宣传用语的短语（商品名称、商标、依法授予的称号）：其中的用语不报告。按字面匹配。',
				},
			},
		},
		messages: {
			en: {
				statutory: '"{term}" is banned in ads by the Advertising Law, Art. 9(3): reword it.',
				evidence: '"{term}" is an absolute claim ({category}): keep it only with proof limited by time, region and source, or reword it.',
				authority: '"{term}" borrows the authority of the state ({category}): remove it.',
				industry: '"{term}" is an absolute claim ({category}) in a {industry} post, where no leniency applies: reword it.',
				explain: '**{term}**: {category}.\n\nNot a breach under the SAMR 2023 guide: a goal or attitude (追求最好), a comparison within your own brand, a usage note (最佳使用时间), an ordinal (第一步), a proven fact limited in time and region ("2025 年华东地区销量第一，数据来源：…"), a product name, trademark or state-conferred title. If one applies, keep the wording and record why with a disable comment that gives the reason.\n\n{law}',
				'fix.replace': 'Replace "{from}" with "{to}"',
				'industry.medical': 'medical',
				'industry.health': 'health',
				'industry.finance': 'finance',
				'industry.education': 'education',
			},
			'zh-cn': {
				statutory: '"{term}"属于《广告法》第九条第（三）项禁止的用语：请改写。',
				evidence: '"{term}"是绝对化用语（{category}）：只有在有限定时间、地域和来源的证据时才能保留，否则请改写。',
				authority: '"{term}"借用国家机关或权威的名义（{category}）：请删除。',
				industry: '"{term}"是绝对化用语（{category}），出现在{industry}类帖子中，不适用从轻处理：请改写。',
				explain: '**{term}**：{category}。\n\n依《广告绝对化用语执法指南》（2023），以下情形一般不构成违法：表达愿望目标或经营理念（追求最好）、同一品牌内部比较、使用方法说明（最佳使用时间）、序数（第一步）、可证明且限定时间和地域的事实（"2025 年华东地区销量第一，数据来源：……"）、商品名称、商标或依法授予的称号。如属上述情形，可保留原文，并用写明理由的禁用注释记录原因。\n\n{law}',
				'fix.replace': '将"{from}"改为"{to}"',
				'industry.medical': '医疗',
				'industry.health': '保健',
				'industry.finance': '金融',
				'industry.education': '教育培训',
			},
		},
	},
	check(ctx) {
		const strict = STRICT_INDUSTRIES.includes(ctx.target.industry);
		const fixedSeverity = configuredSeverity(ctx, ID);
		for (const hit of findInPost(ctx, lexicon)) {
			const item = hit.value;
			const category = item.category.label[ctx.lang];
			const args = { term: hit.text, category };
			let severity: Severity = item.severity;
			let message: string;
			if (item.category.id === 'statutory') {
				message = ctx.t('statutory', args);
			} else if (strict) {
				severity = 'error';
				message = ctx.t('industry', { ...args, industry: industryName(ctx) });
			} else if (item.category.id === 'authority') {
				message = ctx.t('authority', args);
			} else {
				message = ctx.t('evidence', args);
			}
			reportHit(ctx, hit, {
				message,
				severity: fixedSeverity ? undefined : severity,
				explain: ctx.t('explain', { ...args, law: explainArticles(item.category.basis ?? [], ctx.lang) }),
				// The law names these three outright: "fix all" rewords them. Other claims may be provable: offered, not applied.
				fixes: replacementFixes(hit, suggestionsFor(ctx, item.suggest), item.category.id === 'statutory', (from, to) => ctx.t('fix.replace', { from, to })),
			});
		}
	},
};

export default rule;
