/**
 * zh-script: the post's characters against its locale. zh-CN (and zh-SG) expects Simplified;
 * zh-TW and zh-HK expect Traditional in their regional forms (軟體, 滑鼠 in Taiwan). Spans in
 * the wrong script are flagged and converted by the fix; a post that mixes both scripts says
 * so. The OpenCC dictionaries are loaded only for posts with Han characters (see ../script.ts);
 * what each locale expects is data (../data/zh-script.json).
 */
import type { Rule, RuleReport } from '../rule';
import { analyzeScript, mayNeedScriptCheck, regionOf, regionSpec } from '../script';
import { sharedProtected, touchesProtected } from '../protected';
import { findMentions } from '../social';
import { findUrls } from '../text';
import { contextFields } from '../fields';

/** True when [start, end) of `text` overlaps an occurrence of `word`. */
function overlapsWord(text: string, word: string, start: number, end: number): boolean {
	for (let i = text.indexOf(word); i >= 0 && i < end; i = text.indexOf(word, i + 1)) {
		if (i + word.length > start) {
			return true;
		}
	}
	return false;
}

const rule: Rule = {
	meta: {
		id: 'zh-script',
		category: 'localization',
		description: {
			en: 'Characters in the wrong script for the post\'s locale: Traditional in a Simplified (zh-CN) post, Simplified or another region\'s forms in a zh-TW or zh-HK post.',
			'zh-cn': '字形与帖子的语言区域不符：简体（zh-CN）帖子里的繁体字，繁体（zh-TW、zh-HK）帖子里的简体字或其他地区的用法。',
		},
		defaultSeverity: 'warning',
		fixable: true,
		options: {
			allow: {
				default: [],
				description: {
					en: 'Names and words never flagged, written as they must appear (brands, people, places: ["臺灣大學", "張學友"]).',
					'zh-cn': '永不标记的名称和词语，按原样书写（品牌、人名、地名：["臺灣大學", "張學友"]）。',
				},
			},
			regional: {
				default: true,
				description: {
					en: 'In zh-TW and zh-HK posts, also suggest the region\'s own usage (軟件 → 軟體 in Taiwan) as information.',
					'zh-cn': '在 zh-TW、zh-HK 帖子里，也以提示级别建议该地区的用法（台湾：軟件 → 軟體）。',
				},
			},
		},
		messages: {
			en: {
				traditional: '"{text}" is Traditional; {locale} copy for {region} is written in Simplified: "{fix}".',
				simplified: '"{text}" is Simplified; {locale} copy for {region} is written in Traditional: "{fix}".',
				regional: '"{text}" is not how {region} writes it: "{fix}".',
				mixed: ' This post mixes scripts ({otherScript}: {other}, {expectedScript}: {expected}).',
				law: ' Advertising for the mainland must use standard Simplified characters (National Common Language and Script Law, Art. 14).',
				fix: 'Convert to "{fix}"',
				explain: '**Expected script** for {locale} ({region}): {expectedScript}. Conversions by OpenCC (opencc-js). Names that must keep their characters go in the rule\'s `allow` option.',
				explainLaw: '\n\n**Legal basis (mainland advertising):** 《国家通用语言文字法》 Art. 14 requires the national common script (standard Simplified characters) in advertising; Art. 17 lists the only exceptions (historic sites, surnames, calligraphy, registered hand-written signs…).',
				'script.simplified': 'Simplified',
				'script.traditional': 'Traditional',
			},
			'zh-cn': {
				traditional: '“{text}”是繁体字；面向{region}的 {locale} 文案用简体：“{fix}”。',
				simplified: '“{text}”是简体字；面向{region}的 {locale} 文案用繁体：“{fix}”。',
				regional: '“{text}”不是{region}的写法：“{fix}”。',
				mixed: '此帖子混用简繁（{otherScript}：{other} 字，{expectedScript}：{expected} 字）。',
				law: '面向中国大陆的广告应当使用规范汉字（《国家通用语言文字法》第十四条）。',
				fix: '转换为“{fix}”',
				explain: '**应使用的字形**：{locale}（{region}）用{expectedScript}。转换依据 OpenCC（opencc-js）。必须保留原字形的名称请写进本规则的 `allow` 选项。',
				explainLaw: '\n\n**法律依据（中国大陆广告）**：《国家通用语言文字法》第十四条规定招牌、广告用字应当以国家通用语言文字（规范汉字）为基本的用语用字；第十七条列出可以保留或使用繁体字的例外（文物古迹、姓氏中的异体字、书法篆刻、已注册的手书招牌等）。',
				'script.simplified': '简体',
				'script.traditional': '繁体',
			},
		},
	},
	check(ctx) {
		const region = regionOf(ctx.target.locale);
		// The cheap pre-check comes first: an English post never loads a dictionary.
		const bodyNeeds = mayNeedScriptCheck(ctx.text);
		const fieldsOf = contextFields(ctx);
		if (!region || (!bodyNeeds && !fieldsOf.some((fc) => fc.field !== 'body' && mayNeedScriptCheck(fc.text)))) {
			return;
		}
		const spec = regionSpec(region);
		const allow = Array.isArray(ctx.options.allow) ? ctx.options.allow.filter((a): a is string => typeof a === 'string' && a.length > 0) : [];
		// Mentions are names the writer cannot change; links, e-mail addresses and code are not copy.
		const skipped: { start: number; end: number }[] = [...findMentions(ctx.text, undefined, ctx.reading()), ...findUrls.shared(ctx.text, ctx.reading()), ...sharedProtected(ctx)
			.filter((p) => p.kind === 'mention' || p.kind === 'email' || p.kind === 'code' || p.kind === 'link' || p.kind === 'url' || p.kind === 'reply')];
		for (const a of allow) {
			for (let i = ctx.text.indexOf(a); i >= 0; i = ctx.text.indexOf(a, i + a.length)) {
				skipped.push({ start: i, end: i + a.length });
			}
		}
		const skip = overlapTest(skipped);
		const result = bodyNeeds ? analyzeScript(ctx.text, region, skip) : { spans: [], expectedCount: 0, otherCount: 0 };
		// Title, digest and author are copy too (a WeChat title in Traditional); they are reported
		// in source offsets when the field's text stands in the source as it is.
		const fields = fieldsOf
			.filter((fc) => fc.field !== 'body' && mayNeedScriptCheck(fc.text) && ctx.draft.text.slice(fc.start, fc.start + fc.text.length) === fc.text)
			.map((fc) => ({ fc, result: analyzeScript(fc.text, region, (a, b) => allow.some((w) => overlapsWord(fc.text, w, a, b))) }));
		if (!result.spans.length && !fields.some((f) => f.result.spans.length)) {
			return;
		}
		const lang = ctx.lang;
		const regionName = spec.name[lang];
		const scriptName = (s: string) => s === 'simplified' ? ctx.t('script.simplified') : ctx.t('script.traditional');
		const otherScript = spec.script === 'simplified' ? 'traditional' : 'simplified';
		const mixed = result.expectedCount > 0 && result.otherCount > 0
			? ctx.t('mixed', { other: result.otherCount, expected: result.expectedCount, otherScript: scriptName(otherScript), expectedScript: scriptName(spec.script) })
			: '';
		const law = spec.legalBasis && ctx.target.sponsored ? ctx.t('law') : '';
		// A sponsored mainland post in Traditional is a legal risk, not a style question: an
		// error, unless the workspace chose this rule's severity itself.
		const adSeverity = law && !ctx.config.rules['zh-script']?.severity ? 'error' as const : undefined;
		const explain = ctx.t('explain', { locale: ctx.target.locale, region: regionName, expectedScript: scriptName(spec.script) }) + (spec.legalBasis ? ctx.t('explainLaw') : '');
		const all = [
			...result.spans.map((s) => ({ s, report: (r: RuleReport) => ctx.report(r), offset: 0 })),
			...fields.flatMap(({ fc, result: r }) => r.spans.map((s) => ({ s, report: (r: RuleReport) => ctx.reportSource(r), offset: fc.start }))),
		];
		for (const { s: span, report, offset } of all) {
			const s = { ...span, start: span.start + offset, end: span.end + offset };
			const args = { text: s.text, fix: s.replacement, locale: ctx.target.locale, region: regionName };
			const message = s.kind === 'regional'
				? ctx.t('regional', args)
				: (otherScript === 'simplified' ? ctx.t('simplified', args) : ctx.t('traditional', args)) + mixed + law;
			if (s.kind === 'regional' && ctx.options.regional === false) {
				continue;
			}
			report({
				start: s.start,
				end: s.end,
				message,
				severity: s.kind === 'regional' ? 'info' : adSeverity,
				explain,
				fixes: [{ title: ctx.t('fix', args), kind: 'content', edits: [{ start: s.start, end: s.end, newText: s.replacement }], preferred: true }],
			});
		}
	},
};

export default rule;

/**
 * A test "does [start, end) overlap any of `ranges`" that stays fast with many ranges (a long
 * post full of links and mentions): the ranges merged and sorted once, then a binary search.
 */
function overlapTest(ranges: readonly { start: number; end: number }[]): (start: number, end: number) => boolean {
	const merged: { start: number; end: number }[] = [];
	for (const r of [...ranges].filter((x) => x.end > x.start).sort((a, b) => a.start - b.start)) {
		const last = merged[merged.length - 1];
		if (last && r.start <= last.end) {
			last.end = Math.max(last.end, r.end);
		} else {
			merged.push({ start: r.start, end: r.end });
		}
	}
	// A code point is never empty, so touching a merged range means overlapping it.
	return (start, end) => touchesProtected(merged, start, end);
}
