/**
 * ad-guarantee: guarantees and efficacy or return promises: cure claims (Ad Law Arts. 16–18),
 * guaranteed results (Art. 4, 16, 18), promised investment returns (Arts. 25–26), guaranteed
 * exam results (Art. 24), in Chinese and English. The list is data: data/guarantees.json.
 */
import list from '../data/guarantees.json';
import { explainArticles } from '../law';
import type { WordList } from '../lexicon';
import type { Rule } from '../rule';
import type { Severity } from '../types';
import { STRICT_INDUSTRIES } from './ad-absolute-terms';
import { listHits, longestFirst, patternHits, scanPost, withPattern } from './judgment';
import { configuredSeverity, industryName, replacementFixes, reportHit, suggestionsFor } from './wordlist';

const ID = 'ad-guarantee';
export const GUARANTEES = list as WordList;


const rule: Rule = {
	meta: {
		id: ID,
		category: 'compliance',
		description: {
			en: 'Guarantees and promises of efficacy or returns (根治, 无副作用, 稳赚不赔, 保本, 包过, "guaranteed results", "risk-free returns") that the PRC Advertising Law bans.',
			'zh-cn': '保证性承诺和功效、收益承诺（根治、无副作用、稳赚不赔、保本、包过、"guaranteed results"、"risk-free returns"）：《广告法》禁止。',
		},
		defaultSeverity: 'error',
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
				cure: '"{term}" is a cure or efficacy claim: banned in medical and health-food ads, and no other ad may claim to treat disease (Advertising Law, Arts. 16–18).',
				promise: '"{term}" guarantees a result: back it with evidence or reword it (Advertising Law, Art. 4).',
				condition: '"{term}" claims to prevent, treat or relieve a disease or body condition: only medical, drug and medical-device ads may (Advertising Law, Arts. 17–18). Describe what the product does instead.',
				germ: '"{term}" states a germ-killing rate: cite the test report (body, date) next to it (Art. 11), and only registered disinfection products may claim to kill germs (Art. 17).',
				'promise.industry': '"{term}" guarantees a result in a {industry} post: guarantees of efficacy or results are banned there (Advertising Law, Arts. 16, 18, 24, 25).',
				returns: '"{term}" promises returns or no risk: investment ads must state the risks instead (Advertising Law, Art. 25).',
				exam: '"{term}" guarantees exam, admission or training results (Advertising Law, Art. 24): remove it.',
				explain: '**{term}**: {category}.\n\n{law}',
				'fix.replace': 'Replace "{from}" with "{to}"',
				'industry.medical': 'medical',
				'industry.health': 'health',
				'industry.finance': 'finance',
				'industry.education': 'education',
			},
			'zh-cn': {
				cure: '"{term}"是治愈或功效断言：医疗、药品、保健食品广告禁止使用，其他广告不得涉及疾病治疗功能（《广告法》第十六至十八条）。',
				promise: '"{term}"是效果保证：请提供证据或改写（《广告法》第四条）。',
				condition: '"{term}"宣称预防、治疗或缓解疾病或生理状况：只有医疗、药品、医疗器械广告可以涉及（《广告法》第十七、十八条）。请改为说明产品本身的功能。',
				germ: '"{term}"宣称杀菌率：请在旁边注明检测报告（机构、日期）（第十一条）；只有依法备案的消毒产品才能宣称杀菌（第十七条）。',
				'promise.industry': '"{term}"在{industry}类帖子中保证效果：此类广告禁止功效或效果的保证性承诺（《广告法》第十六、十八、二十四、二十五条）。',
				returns: '"{term}"承诺收益或无风险：投资类广告应当提示风险（《广告法》第二十五条）。',
				exam: '"{term}"保证考试、升学或培训效果（《广告法》第二十四条）：请删除。',
				explain: '**{term}**：{category}。\n\n{law}',
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
		for (const fs of scanPost(ctx)) {
			const post = { field: fs.field, shift: fs.shift, source: fs.source };
			const matches = patternHits(ctx, fs, 'guarantee');
			const found = [
				...listHits(ctx, fs, 'guarantee').map((h) => ({ hit: { ...h, value: undefined, ...post }, id: h.value.item!.category.id, category: h.value.item!.category, severity: h.value.item!.severity, suggest: h.value.item!.suggest })),
				...matches.map((m) => ({ hit: { ...m, term: m.text, value: undefined, ...post }, id: m.pattern.id, category: m.pattern as { label: Record<'en' | 'zh-cn', string>; basis?: readonly string[]; explain?: Record<'en' | 'zh-cn', string> }, severity: m.pattern.severity as Severity, suggest: m.pattern.suggest ?? [] })),
			];
			for (const f of longestFirst(found)) {
				const args = { term: f.hit.text, category: f.category.label[ctx.lang] };
				let severity: Severity = f.severity;
				let message: string;
				switch (f.id) {
					case 'cure': message = ctx.t('cure', args); break;
					case 'condition-claim': message = ctx.t('condition', args); break;
					case 'germ-rate': message = ctx.t('germ', args); break;
					case 'returns': message = ctx.t('returns', args); break;
					case 'exam': message = ctx.t('exam', args); break;
					default:
						if (strict) {
							severity = 'error';
							message = ctx.t('promise.industry', { ...args, industry: industryName(ctx) });
						} else {
							message = ctx.t('promise', args);
						}
				}
				reportHit(ctx, f.hit, {
					message,
					severity: fixedSeverity ? undefined : severity,
					explain: ctx.t('explain', { ...args, law: withPattern(f.category, explainArticles(f.category.basis ?? [], ctx.lang), ctx.lang) }),
					// Rewordings change what the post claims (content): offered, never applied by fix all.
					fixes: replacementFixes(f.hit, suggestionsFor(ctx, f.suggest), false, (from, to) => ctx.t('fix.replace', { from, to })),
				});
			}
		}
	},
};

export default rule;
