/**
 * ad-absolute-terms: absolute and superlative claims (PRC Advertising Law Art. 9(3) and the
 * SAMR 2023 enforcement guide): 最-words, 国家级/世界级/顶级, 第一/No. 1, 唯一/首家/独家,
 * state-authority claims (特供, 国家免检) and their English equivalents. The three terms the
 * law names are errors; the others are warnings that ask for evidence, errors in medical,
 * health, finance and education posts, where the guide allows no leniency. The list and its
 * exceptions (goals, usage notes, ordinals, names) are data: data/absolute-terms.json.
 */
import list from '../data/absolute-terms.json';
import type { Span } from '../judge';
import { explainArticles } from '../law';
import { Lexicon, type WordList } from '../lexicon';
import type { Rule, RuleContext } from '../rule';
import type { Severity } from '../types';
import { listHits, longestFirst, patternHits, scanPost, withPattern, type FieldScan } from './judgment';
import { configuredSeverity, industryName, replacementFixes, reportHit, suggestionsFor, type PostHit } from './wordlist';

const ID = 'ad-absolute-terms';
export const ABSOLUTE_TERMS = list as WordList;

const award = (list as unknown as { awardContext: { before: string[]; after: string[] } }).awardContext;
const AWARD_BEFORE = new Lexicon(award.before.map((term) => ({ term, value: true as const })));
const AWARD_AFTER = new Lexicon(award.after.map((term) => ({ term, value: true as const })));
const YEAR = /(?:19|20)\d{2}/;

/**
 * The award title around a hit: the quotation holding it when an award verb (荣获, 获评, "named")
 * stands just before the opening mark or a title word (称号, 奖, "award") just after the closing
 * one; without quotation marks, its sentence when an award verb stands before the hit and a title
 * word anywhere in it (荣获2024中国最佳雇主称号, "named to the Forbes list of the World's Best Employers 2025").
 */
function awardTitle(fs: FieldScan, hit: Span): Span | undefined {
	const text = fs.scan.text;
	const q = fs.scan.quoteAround(hit);
	if (q) {
		const before = text.slice(Math.max(0, q.start - 1 - 12), q.start - 1);
		const after = text.slice(q.end + 1, q.end + 1 + 8);
		return AWARD_BEFORE.find(before).length || AWARD_AFTER.find(after).length ? q : undefined;
	}
	// Unquoted: the award verb at most 30 characters before, the title word at most 12 after the hit, no comma between.
	const from = Math.max(fs.scan.clause(hit.start).start, hit.start - 30);
	const lead = text.slice(from, hit.start);
	const verbs = AWARD_BEFORE.find(lead);
	if (!verbs.length) {
		return undefined;
	}
	const start = from + verbs[verbs.length - 1].start;
	const end = Math.min(text.length, hit.end + 12);
	const span = text.slice(start, end);
	const comma = span.search(/[，,、；;。！？!?\n]/);
	const inTitle = comma < 0 ? span : span.slice(0, comma);
	const words = AWARD_AFTER.find(inTitle);
	if (start + inTitle.length < hit.end || !words.length) {
		return undefined;
	}
	// The title: from after the award verb to the end of the last title word.
	return { start: start + verbs[verbs.length - 1].end - verbs[verbs.length - 1].start, end: Math.max(hit.end, start + words[words.length - 1].end) };
}

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
				award: '"{term}" is part of the award title "{title}": keep the title exactly as conferred, with the awarding body and the year next to it, and do not reword it.',
				'award.undated': '"{term}" is part of the award title "{title}": keep the title exactly as conferred and add the awarding body and the year, so that it reads as a cited fact; do not reword it.',
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
				award: '"{term}"出现在奖项名称“{title}”中：按授予时的原文保留称号，并在旁边保留颁奖机构和年份，不要改写。',
				'award.undated': '"{term}"出现在奖项名称“{title}”中：按授予时的原文保留称号，并补上颁奖机构和年份，使其成为有出处的事实；不要改写。',
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
			const matches = patternHits(ctx, fs, 'absolute');
			const at = (h: Span): PostHit<unknown> => ({ ...h, term: '', text: fs.scan.text.slice(h.start, h.end), value: undefined, field: fs.field, shift: fs.shift, source: fs.source });
			const found: { hit: PostHit<unknown>; category: { id: string; label: Record<'en' | 'zh-cn', string>; basis?: readonly string[]; explain?: Record<'en' | 'zh-cn', string> }; severity: Severity; suggest: readonly string[] }[] = [];
			for (const h of listHits(ctx, fs, 'absolute')) {
				// A negation just before (不是最好的, "not the cheapest"); a "#1" glued to a word or a topic's closing # (#新品#1) is no ranking.
				if (fs.scan.negatedBefore('absolute', h) || (h.text.startsWith('#') && h.start > 0 && !/[\s(（【「“"'‘:：,，.。!！?？;；]/u.test(fs.scan.text[h.start - 1]))) {
					continue;
				}
				const item = h.value.item!;
				found.push({ hit: at(h), category: item.category, severity: item.severity, suggest: item.suggest });
			}
			for (const m of matches) {
				found.push({ hit: at(m), category: m.pattern, severity: m.pattern.severity, suggest: m.pattern.suggest ?? [] });
			}
			for (const f of longestFirst(found)) {
				report(ctx, fs, f.hit, f.category, f.severity, f.suggest, strict, fixedSeverity);
			}
		}
	},
};

function report(ctx: RuleContext, fs: FieldScan, hit: PostHit<unknown>, category: { id: string; label: Record<'en' | 'zh-cn', string>; basis?: readonly string[]; explain?: Record<'en' | 'zh-cn', string> }, itemSeverity: Severity, suggest: readonly string[], strict: boolean, fixedSeverity: boolean): void {
	const args = { term: hit.text, category: category.label[ctx.lang] };
	const law = withPattern(category, explainArticles(category.basis ?? [], ctx.lang), ctx.lang);
	const title = awardTitle(fs, hit);
	if (title) {
		// A conferred title is a fact to cite, not a claim to reword: a warning, and no fix.
		const clause = fs.scan.clause(title.start);
		const dated = YEAR.test(fs.scan.text.slice(clause.start, clause.end));
		reportHit(ctx, hit, {
			message: dated ? ctx.t('award', { ...args, title: fs.scan.text.slice(title.start, title.end).trim() }) : ctx.t('award.undated', { ...args, title: fs.scan.text.slice(title.start, title.end).trim() }),
			severity: fixedSeverity ? undefined : 'warning',
			explain: ctx.t('explain', { ...args, law }),
		});
		return;
	}
	let severity: Severity = itemSeverity;
	let message: string;
	if (category.id === 'statutory') {
		message = ctx.t('statutory', args);
	} else if (strict) {
		severity = 'error';
		message = ctx.t('industry', { ...args, industry: industryName(ctx) });
	} else if (category.id === 'authority') {
		message = ctx.t('authority', args);
	} else {
		message = ctx.t('evidence', args);
	}
	reportHit(ctx, hit, {
		message,
		severity: fixedSeverity ? undefined : severity,
		explain: ctx.t('explain', { ...args, law }),
		// The law names these three outright: "fix all" rewords them (a content fix). Other claims may be provable: offered, not applied.
		fixes: replacementFixes(hit, suggestionsFor(ctx, suggest), category.id === 'statutory', (from, to) => ctx.t('fix.replace', { from, to })),
	});
}

export default rule;
