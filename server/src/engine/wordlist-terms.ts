/**
 * The word lists' data shapes (data/*.json: categories of entries, each with a severity, a legal
 * basis and suggested rewordings) and their terms for the lexicon (`wordListLexicon` in lexicon/index.ts).
 */
import type { LexiconTerm } from './lexicon';
import type { Lang } from './messages';
import type { Severity } from './types';

/** One listed term of a word list (a bare string is a term with the category's settings). */
export interface WordListEntry {
	term: string;
	severity?: Severity;
	/** Phrases containing the term that are not hits (added to the category's). */
	except?: readonly string[];
	/** Compliant rewordings, best first; "" means "delete the term". */
	suggest?: readonly string[];
	/** Match only on ICU word boundaries (see `LexiconTerm.word`). */
	word?: boolean;
}

export interface WordListCategory {
	id: string;
	label: Record<Lang, string>;
	severity: Severity;
	/** Ids of articles in data/law.json. */
	basis?: readonly string[];
	/** Exception phrases for every entry; `{term}` stands for the entry's term ("{term}步", "追求{term}"). */
	except?: readonly string[];
	/** Default rewordings for entries without their own. */
	suggest?: readonly string[];
	/** Only for posts of these industries (all when absent). */
	industries?: readonly string[];
	/** Where the category's terms come from. */
	source?: string;
	entries: readonly (string | WordListEntry)[];
}

export interface WordList {
	description?: string;
	sources?: readonly string[];
	categories: readonly WordListCategory[];
}

/** What a word-list hit carries: the entry with its category's defaults filled in. */
export interface WordListItem {
	category: WordListCategory;
	term: string;
	severity: Severity;
	suggest: readonly string[];
}

/** The entries of a list (or several), with category defaults and `{term}` exceptions expanded. */
export function wordListTerms(lists: WordList | readonly WordList[]): LexiconTerm<WordListItem>[] {
	const out: LexiconTerm<WordListItem>[] = [];
	for (const list of (Array.isArray(lists) ? lists : [lists]) as readonly WordList[]) {
		for (const category of list.categories) {
			for (const raw of category.entries) {
				const e: WordListEntry = typeof raw === 'string' ? { term: raw } : raw;
				const except = [...(category.except ?? []).map((x: string) => x.split('{term}').join(e.term)), ...(e.except ?? [])];
				out.push({
					term: e.term, except, word: e.word,
					value: { category, term: e.term, severity: e.severity ?? category.severity, suggest: e.suggest ?? category.suggest ?? [] },
				});
			}
		}
	}
	return out;
}

