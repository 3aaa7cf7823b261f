/**
 * zh-punctuation: punctuation in Chinese copy, after the Chinese copywriting guidelines
 * (中文文案排版指北). Half-width `, . ! ? : ; ( )` inside Chinese sentences become full-width;
 * repeated marks are collapsed (`！！` → `！`, `？？！！` → `？！`, `。。。` → `……`); full-width
 * digits and Latin letters become half-width. A whole English sentence or name keeps its
 * half-width punctuation, and nothing inside a protected span (links, mentions, hashtags, code,
 * numbers such as 3.5 or 10:30, quoted English, emoticons, exceptions) is touched.
 *
 * Precision first: a line that is English with some Chinese in it keeps its half-width marks, and
 * elsewhere a half-width mark is converted only when the text around it is Chinese —
 * a Chinese character or Chinese punctuation before it, or a single word or a name in title
 * case (LeanCloud, Surface Pro) between Chinese text and the mark. Anything that reads as an
 * English phrase (a lowercase word among several, or English punctuation inside) is left alone.
 */
import type { Rule, RuleContext } from '../rule';
import { sharedZhText, isZhLocale, stringList } from '../zh';
import { checkEnglishLines, checkFullwidthAlnum } from './zh-punctuation/english';
import { Sweep } from './zh-punctuation/sweep';

const rule: Rule = {
	meta: {
		id: 'zh-punctuation',
		category: 'localization',
		description: {
			en: 'Punctuation in Chinese copy: full-width marks in Chinese sentences, no repeated marks, half-width digits and letters.',
			'zh-cn': '中文排版的标点：中文句子用全角标点，不重复使用标点，数字和英文字母用半角。',
		},
		defaultSeverity: 'warning',
		fixable: true,
		options: {
			exceptions: {
				default: [],
				description: {
					en: 'Strings written exactly as given, never changed (product names, slogans).',
					'zh-cn': '按原样书写、不做修改的字符串（产品名、口号）。',
				},
			},
		},
		messages: {
			en: {
				fullwidth: 'Use the full-width "{to}" in a Chinese sentence, not "{from}".',
				parens: 'Use full-width parentheses "（…）" in a Chinese sentence.',
				quotes: 'Use Chinese quotation marks "{to}" around Chinese text, not straight quotes.',
				halfwidthEnglish: 'Use the half-width "{to}" in an English sentence, not "{from}".',
				repeated: 'Do not repeat punctuation: write "{to}".',
				ellipsis: 'Write the Chinese ellipsis "……".',
				halfwidth: 'Write digits and Latin letters half-width: "{to}".',
				fix: 'Replace with "{to}"',
				explain: 'From the Chinese copywriting guidelines (中文文案排版指北): full-width punctuation in Chinese; no repeated punctuation; half-width digits; a whole English sentence or name keeps its half-width punctuation. Links, mentions, hashtags, code, numbers (3.5, 10:30) and quoted English are left as written.',
			},
			'zh-cn': {
				fullwidth: '中文句子里用全角“{to}”，不用“{from}”。',
				parens: '中文句子里用全角括号“（…）”。',
				quotes: '中文内容用中文引号“{to}”，不用直引号。',
				halfwidthEnglish: '英文句子里用半角“{to}”，不用“{from}”。',
				repeated: '不要重复使用标点符号：写“{to}”。',
				ellipsis: '省略号写作“……”。',
				halfwidth: '数字和英文字母用半角：“{to}”。',
				fix: '替换为“{to}”',
				explain: '依据《中文文案排版指北》：使用全角中文标点；不重复使用标点符号；数字使用半角字符；遇到完整的英文整句、特殊名词，其内容使用半角标点。链接、提及、话题、代码、数字（3.5、10:30）和引用的英文句子保持原样。',
			},
		},
	},
	check(ctx) {
		if (!isZhLocale(ctx.target.locale)) {
			return;
		}
		const zh = sharedZhText(ctx, stringList(ctx.options.exceptions));
		checkFullwidthAlnum(ctx, zh);
		checkEnglishLines(ctx, zh);
		new Sweep(ctx, zh).run();
	},
};

/**
 * The offsets of the half-width marks this rule makes full-width in the post (none outside a
 * Chinese locale), with its options when it runs, else its defaults. For tone-shouting: its fix
 * of `!!!` in a Chinese sentence keeps `！`, so one fix leaves nothing for this rule to flag.
 */
export function fullwidthMarks(ctx: RuleContext): ReadonlySet<number> {
	if (!isZhLocale(ctx.target.locale)) {
		return new Set();
	}
	const options = ctx.ruleOptions('zh-punctuation') ?? {};
	// The same sweep, reporting nothing: only its decisions are wanted.
	const quiet: RuleContext = {
		target: ctx.target, draft: ctx.draft, body: ctx.body, text: ctx.text, config: ctx.config, lang: ctx.lang, images: ctx.images, options,
		ruleOptions: () => undefined, t: () => '', report: () => undefined, reportSource: () => undefined,
		shared: (key, compute) => ctx.shared(key, compute), reading: (text) => ctx.reading(text),
	};
	const sweep = new Sweep(quiet, sharedZhText(ctx, stringList(options.exceptions)));
	sweep.run();
	return sweep.converted;
}

export default rule;
