/**
 * The articles the compliance and tone rules cite (data/law.json): a reference, the text and
 * the penalty in both languages, rendered as hover markdown.
 */
import law from './data/law.json';
import { memo2, peek2 } from './memo';
import { msg, type Lang } from './messages';

export interface Article {
	ref: Record<Lang, string>;
	text: Record<Lang, string>;
	penalty?: Record<Lang, string>;
}

const ARTICLES: Readonly<Record<string, Article>> = law.articles;

// The rendered articles of one list (a category's `basis`, data) in one language: the same text for every finding.
const rendered = new WeakMap<readonly string[], Map<Lang, string>>();

/** Markdown: each article's reference, text and penalty. */
export function explainArticles(ids: readonly string[], lang: Lang): string {
	// No articles (callers pass `basis ?? []`, a new list each time): nothing to render or remember.
	if (!ids.length) {
		return '';
	}
	return peek2(rendered, ids, lang) ?? memo2(rendered, ids, lang, () => renderArticles(ids, lang));
}

function renderArticles(ids: readonly string[], lang: Lang): string {
	const parts: string[] = [];
	for (const id of ids) {
		const a = ARTICLES[id];
		if (!a) {
			continue;
		}
		let s = `**${a.ref[lang]}**: ${a.text[lang]}`;
		if (a.penalty) {
			s += `\n\n*${msg('law.penalty', {}, lang)}*: ${a.penalty[lang]}`;
		}
		parts.push(s);
	}
	if (parts.length && lang === 'en') {
		parts.push(`*${msg('law.translation', {}, lang)}*`);
	}
	return parts.join('\n\n');
}
