/**
 * terms: the team's own terminology, from copydesk.json's `terms` and from packs (terms.ts):
 * forbidden words (with the preferred one as a quick fix) and brand spellings ("iPhone", not
 * "IPhone"). Literal matching through the lexicon: no user-supplied regular expression runs.
 */
import { Lexicon } from '../lexicon';
import type { ResolvedConfig } from '../config';
import type { Rule } from '../rule';
import { normalizeTerms, type TermEntry } from '../terms';
import { memo2 } from '../memo';

interface Hit {
	entry: TermEntry;
	/** A spelling entry: the hit is the preferred word in another case. */
	spelling: boolean;
}

interface Compiled {
	insensitive: Lexicon<Hit>;
	sensitive: Lexicon<Hit>;
}

// Compiled once per resolved config and case option.
const cache = new WeakMap<ResolvedConfig, Map<boolean, Compiled>>();

function compile(config: ResolvedConfig, caseDefault: boolean): Compiled {
	return memo2(cache, config, caseDefault, () => {
		const insensitive: { term: string; except: string[]; value: Hit }[] = [];
		const sensitive: { term: string; except: string[]; value: Hit }[] = [];
		for (const entry of normalizeTerms(config.extra.terms)) {
			for (const term of entry.forbidden) {
				// The preferred word never counts as the forbidden one inside it (智慧 in 智慧手表): the fix stays idempotent.
				const except = entry.preferred && entry.preferred.length > term.length && entry.preferred.toLowerCase().includes(term.toLowerCase()) ? [...entry.except, entry.preferred] : entry.except;
				(entry.caseSensitive ?? caseDefault ? sensitive : insensitive).push({ term, except, value: { entry, spelling: false } });
			}
			if (!entry.forbidden.length && entry.preferred) {
				// A spelling: find the word in any case, flag it when the case differs.
				insensitive.push({ term: entry.preferred, except: entry.except, value: { entry, spelling: true } });
			}
		}
		return { insensitive: new Lexicon(insensitive), sensitive: new Lexicon(sensitive, { caseSensitive: true }) };
	});
}

const rule: Rule = {
	meta: {
		id: 'terms',
		category: 'localization',
		description: {
			en: 'The team\'s terminology: forbidden words, preferred words and brand spellings from copydesk.json and packs.',
			'zh-cn': '团队术语：来自 copydesk.json 和规则包的禁用词、推荐用词和品牌写法。',
		},
		defaultSeverity: 'warning',
		fixable: true,
		options: {
			caseSensitive: {
				default: false,
				description: {
					en: 'Match forbidden words with exact letter case (an entry\'s own "caseSensitive" wins). Brand spellings always compare case.',
					'zh-cn': '按大小写精确匹配禁用词（条目自身的 "caseSensitive" 优先）。品牌写法总是区分大小写。',
				},
			},
		},
		messages: {
			en: {
				forbidden: '"{text}" is not in the team\'s terms: write "{preferred}".',
				forbiddenNoPreferred: '"{text}" is not in the team\'s terms.',
				spelling: 'Spell it "{preferred}", not "{text}".',
				withNote: '{message} {note}',
				fix: 'Replace with "{preferred}"',
				explain: 'From the team\'s terms (`terms` in copydesk.json or a pack\'s terms file).',
			},
			'zh-cn': {
				forbidden: '“{text}”不符合团队术语：请写作“{preferred}”。',
				forbiddenNoPreferred: '“{text}”不符合团队术语。',
				spelling: '请写作“{preferred}”，而不是“{text}”。',
				withNote: '{message}{note}',
				fix: '替换为“{preferred}”',
				explain: '来自团队术语（copydesk.json 的 `terms` 或规则包的术语文件）。',
			},
		},
	},
	check(ctx) {
		const raw = ctx.config.extra.terms;
		if (!Array.isArray(raw) || !raw.length) {
			return;
		}
		const c = compile(ctx.config, ctx.options.caseSensitive === true);
		const hits = [...c.sensitive.find(ctx.text), ...c.insensitive.find(ctx.text)].sort((a, b) => a.start - b.start || b.end - a.end);
		let last = -1;
		for (const h of hits) {
			if (h.start < last) {
				continue;
			}
			const { entry, spelling } = h.value;
			// The preferred word itself (e.g. "Acme Cloud" for a forbidden "ACME cloud" matched without case) is right.
			if (entry.preferred !== undefined && h.text === entry.preferred) {
				continue;
			}
			last = h.end;
			const preferred = entry.preferred;
			let message = spelling
				? ctx.t('spelling', { preferred: preferred!, text: h.text })
				: preferred !== undefined ? ctx.t('forbidden', { preferred, text: h.text }) : ctx.t('forbiddenNoPreferred', { text: h.text });
			const note = entry.note?.[ctx.lang] ?? entry.note?.en ?? entry.note?.['zh-cn'];
			if (note) {
				message = ctx.t('withNote', { message, note });
			}
			ctx.report({
				start: h.start, end: h.end, message, severity: entry.severity, explain: ctx.t('explain'),
				...(preferred !== undefined ? { fixes: [{ title: ctx.t('fix', { preferred }), kind: spelling ? 'typography' as const : 'content' as const, preferred: true, edits: [{ start: h.start, end: h.end, newText: preferred }] }] } : {}),
			});
		}
	},
};

export default rule;
