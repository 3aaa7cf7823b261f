/**
 * Literal phrase matching for word-list rules (absolute terms, guarantees, tone, team terms).
 *
 * - Terms are literal strings: no user-supplied regular expression ever runs.
 * - One pass over the text: a trie keyed by folded characters is walked from each position,
 *   so the cost is the text length times the depth reached (short), whatever the number of terms.
 * - Folding (same length, so offsets stay UTF-16 offsets into the original text): ASCII letters
 *   are lower-cased, full-width ASCII (ＮＯ．１) becomes half-width, curly apostrophes become `'`.
 *   A space in a term matches any run of whitespace, or none next to punctuation or Chinese ("No. 1"
 *   matches "No.1" and "NO.  1"); between two Latin words it needs at least one ("act now", not "actnow").
 * - Latin edges need word boundaries: a term starting (ending) with a Latin letter or digit does not
 *   match after (before) another one ("best" is not in "bestseller", "No. 1" not in "No. 10").
 *   Chinese terms match as substrings.
 * - Exceptions: phrases that contain the term; a hit that stands inside one of them in the text is not
 *   a hit (第一 in 第一步, 最好 in 最好先, 第一 in 客户第一).
 * - Leftmost-longest, non-overlapping: at each position the longest term that is not excepted wins,
 *   and the search continues after it — within a term's group: terms of different groups do not
 *   shadow each other, so one walk serves several word lists (rules/judgment.ts compiles every list
 *   of the tone and compliance rules into one lexicon).
 * - A term marked `word` matches only on ICU word boundaries (Intl.Segmenter), asked lazily around a hit.
 *
 * Word lists (data/*.json) are compiled with `wordListLexicon`: categories of entries, each with a
 * severity, a legal basis and suggested rewordings.
 */
import type { Reading } from '../reading';
import { foldClass, inClass, type CharClass, type Step } from '../pattern';
import { WordBounds } from '../wordbounds';
import { wordListTerms, type WordList, type WordListItem } from '../wordlist-terms';
import { foldText, foldUnit, isSpace, isWordCode, normalizeTerm, pairHash, runHash } from './fold';
import { Needles } from './needles';
import { StartTables } from './starts';
import { Trie, type Compiled, type Node } from './trie';

export { foldText } from './fold';
export { WordBounds } from '../wordbounds';
export { wordListTerms, type WordList, type WordListCategory, type WordListEntry, type WordListItem } from '../wordlist-terms';

export interface LexiconTerm<T> {
	/** The literal term. */
	term: string;
	/** Phrases that contain the term: where the text reads one of them, the term is not a hit. */
	except?: readonly string[];
	/** Any data the caller wants back with a hit. */
	value: T;
	/**
	 * Terms of different groups do not shadow each other: leftmost-longest and non-overlapping
	 * hold within a group, so one walk serves several word lists (default 0).
	 */
	group?: number;
	/**
	 * `true`: a Chinese term matches only on word boundaries of ICU's dictionary segmentation
	 * (`Intl.Segmenter`), at its start and its end: 第一 is not a hit inside 第一次 (one ICU word).
	 */
	word?: boolean;
	/** A pattern path (pattern/) instead of the literal `term`, which then names the hit; `except` does not apply. */
	steps?: readonly Step[];
}

export interface LexiconHit<T> {
	/** UTF-16 offsets into the searched text. */
	start: number;
	end: number;
	/** The term as listed. */
	term: string;
	/** The text as written at the hit. */
	text: string;
	value: T;
}

export interface LexiconOptions {
	/** Match letter case exactly (default false: ASCII letters fold). */
	caseSensitive?: boolean;
	/**
	 * Default true. `false`: no start tables, pairs or Latin-word filter; a walk from every position
	 * outside a Latin word (the plain search the filters stand for: tests compare the two).
	 */
	prefilter?: boolean;
}

export class Lexicon<T> {
	private readonly trie = new Trie<T>((t) => this.exceptOf(t));
	private readonly root = this.trie.root;
	/** Where a term can start (tables read before each walk). */
	private readonly tables = new StartTables();
	/** What a text must contain for a hit (a few terms' literal runs). */
	private readonly needles = new Needles();
	private readonly prefilter: boolean;
	private readonly caseSensitive: boolean;
	private readonly stackNodes: Node<T>[] = [];
	private readonly stackAts: number[] = [];

	constructor(terms: Iterable<LexiconTerm<T>>, options: LexiconOptions = {}) {
		this.caseSensitive = !!options.caseSensitive;
		this.prefilter = options.prefilter !== false;
		for (const t of terms) {
			this.add(t);
		}
	}

	/** Adds a term (or a pattern path, `steps`); an empty term is ignored. */
	add(t: LexiconTerm<T>): void {
		const cs = this.caseSensitive;
		if (t.steps) {
			// Spaces at the ends of a path mean nothing (as in a term).
			const units = t.steps.map((x) => (typeof x === 'number' ? foldUnit(x, cs) : foldClass(x, cs)));
			let from = 0;
			let to = units.length;
			while (from < to && units[from] === 0x20) {
				from++;
			}
			while (to > from && units[to - 1] === 0x20) {
				to--;
			}
			this.insert(units.slice(from, to), t);
			return;
		}
		const key = normalizeTerm(t.term, cs);
		const units: number[] = [];
		for (let k = 0; k < key.length; k++) {
			units.push(key.charCodeAt(k));
		}
		this.insert(units, t);
	}

	/** A term's exceptions: each as folded text and the term's offset inside it (none for a pattern path). */
	private exceptOf(t: LexiconTerm<T>): Compiled<T>['except'] {
		const except: Compiled<T>['except'] = [];
		for (const e of t.steps ? [] : t.except ?? []) {
			// Exceptions are compared on the folded text with the term's own spacing.
			const folded = foldText(e, this.caseSensitive);
			const termFolded = foldText(t.term.trim(), this.caseSensitive);
			for (let at = folded.indexOf(termFolded); at >= 0; at = folded.indexOf(termFolded, at + 1)) {
				except.push({ text: folded, at });
			}
		}
		return except;
	}

	/** Terms added (with duplicates). */
	private count = 0;

	/** Number of distinct terms (enters every waiting term into the trie). */
	get size(): number {
		return this.trie.size();
	}

	/** Marks the term in the start tables and its group; it enters the trie now (a class first) or on its first walk. */
	private insert(units: readonly (number | CharClass)[], t: LexiconTerm<T>): void {
		if (!units.length) {
			return;
		}
		this.tables.add(units);
		this.needles.add(units);
		this.count++;
		const group = t.group ?? 0;
		if (group >= this.groups) {
			this.groups = group + 1;
			this.nextFree = new Array<number>(this.groups).fill(0);
		}
		this.trie.add(units, t);
	}

	/** Number of groups (the highest group + 1). */
	private groups = 1;
	/** Where each group may take its next hit (reused by every find). */
	private nextFree: number[] = [0];

	/**
	 * Every hit in `text`, leftmost-longest and non-overlapping within each group, in order of
	 * start (then group). One walk of the text serves all groups. With `limit`, the walk stops once
	 * that many hits are found (`has`: the first hit is the same whether the walk goes on or not).
	 */
	find(text: string, reading?: Reading, limit = Infinity): LexiconHit<T>[] {
		const hits: LexiconHit<T>[] = [];
		if (this.count === 0) {
			return hits;
		}
		const folded = foldText(text, this.caseSensitive, reading);
		if (this.prefilter && !this.needles.mayMatch(folded)) {
			return hits;
		}
		const n = folded.length;
		const endAt = this.endAt;
		const endOut = this.endOut;
		const groups = this.groups;
		// Where each group may take its next hit; `free` is the smallest of them.
		const nextFree = this.nextFree;
		nextFree.fill(0, 0, groups);
		let free = 0;
		let segments: WordBounds | undefined;
		let i = 0;
		const tables = this.tables;
		const starts = tables.starts;
		const allStart = tables.allStart || !this.prefilter;
		const pairs = tables.pairs;
		// A class from the root may start a hit inside what the Latin-word filter would pass over.
		const runs = this.prefilter && !tables.anyClass ? tables.runs : undefined;
		const runAny = tables.runAny;
		while (i < n) {
			const c = folded.charCodeAt(i);
			if (isWordCode(c)) {
				// Inside a Latin word no term starts; at a word's start, only a term whose first word it is.
				if (i > 0 && isWordCode(folded.charCodeAt(i - 1))) {
					i++;
					continue;
				}
				if (runs && !runAny[c]) {
					let j = i + 1;
					let h = runHash(0, c);
					for (let u = folded.charCodeAt(j); j < n && isWordCode(u); u = folded.charCodeAt(++j)) {
						h = runHash(h, u);
					}
					if (!runs[h] || !starts[c]) {
						i = j;
						continue;
					}
				}
			}
			// Not a term's first character (or its first two, hashed): no term starts here.
			const st = allStart ? 2 : starts[c];
			if (!st || (st === 1 && !pairs[pairHash(c, folded.charCodeAt(i + 1))])) {
				i++;
				continue;
			}
			const first = this.trie.first(c);
			if (!first && !this.root.classes) {
				i++;
				continue;
			}
			const count = this.walk(folded, i, first);
			let taken = 0;
			// Longest first; among the terms of one length, the first listed that is not excepted (per group).
			for (let k = count - 1; k >= 0 && taken < groups; k--) {
				const end = endAt[k];
				if (isWordCode(folded.charCodeAt(end - 1)) && isWordCode(folded.charCodeAt(end))) {
					continue;
				}
				for (const c of endOut[k]) {
					if (nextFree[c.group] > i || (c.except.length && c.except.some((e) => i - e.at >= 0 && folded.startsWith(e.text, i - e.at)))) {
						continue;
					}
					if (c.word && !(segments ??= new WordBounds(text)).isWord(i, end)) {
						continue;
					}
					hits.push({ start: i, end, term: c.term, text: text.slice(i, end), value: c.value });
					nextFree[c.group] = end;
					taken++;
				}
			}
			if (taken) {
				if (hits.length >= limit) {
					hits.length = limit;
					break;
				}
				free = nextFree[0];
				for (let g = 1; g < groups; g++) {
					if (nextFree[g] < free) {
						free = nextFree[g];
					}
				}
			}
			i = Math.max(i + 1, free);
		}
		if (groups > 1) {
			hits.sort((a, b) => a.start - b.start);
		}
		return hits;
	}

	/** Whether the text has a hit (what `find` would find first), without looking further. */
	has(text: string, reading?: Reading): boolean {
		return this.find(text, reading, 1).length > 0;
	}

	/** The ends (and terms) that walk found, shortest first: reused by every walk. */
	private readonly endAt: number[] = [];
	private readonly endOut: Compiled<T>[][] = [];

	/**
	 * Collects the ends of all terms that match at `start` (node = the trie node after text[start])
	 * into endAt/endOut, shortest first (ties in the order found); returns how many.
	 */
	private walk(folded: string, start: number, first: Node<T> | undefined): number {
		// An explicit stack (reused): a space in a term branches (skip whitespace or not).
		const nodes = this.stackNodes;
		const ats = this.stackAts;
		const endAt = this.endAt;
		const endOut = this.endOut;
		let count = 0;
		const n = folded.length;
		// Most walks follow plain edges only (no space, no class): one node after the other, the
		// ends found in order, no stack. The first node with a branch hands over to the full walk.
		if (!this.root.classes) {
			let node = first;
			let at = start + 1;
			while (node && !node.space && !node.gap && !node.classes) {
				if (node.out) {
					endAt[count] = at;
					endOut[count++] = node.out;
				}
				node = at < n ? node.next.get(folded.charCodeAt(at)) : undefined;
				at++;
			}
			if (!node) {
				return count;
			}
			count = 0;
		}
		nodes.length = 0;
		ats.length = 0;
		if (first) {
			nodes.push(first);
			ats.push(start + 1);
		}
		// A pattern starting with a class: its edges from the root.
		const rootClasses = this.root.classes;
		if (rootClasses) {
			const c = folded.charCodeAt(start);
			for (const e of rootClasses) {
				if (inClass(e.cls, c)) {
					nodes.push(e.node);
					ats.push(start + 1);
				}
			}
		}
		while (nodes.length) {
			const node = nodes.pop()!;
			const at = ats.pop()!;
			if (node.out) {
				// Insertion by end, after the equal ones: the stable sort by end of the order found.
				let k = count++;
				while (k > 0 && endAt[k - 1] > at) {
					endAt[k] = endAt[k - 1];
					endOut[k] = endOut[k - 1];
					k--;
				}
				endAt[k] = at;
				endOut[k] = node.out;
			}
			if (node.space || node.gap) {
				let j = at;
				while (j < folded.length && isSpace(folded[j])) {
					j++;
				}
				if (node.space) {
					nodes.push(node.space);
					ats.push(j);
				}
				if (node.gap && j > at) {
					nodes.push(node.gap);
					ats.push(j);
				}
			}
			if (at < folded.length) {
				const c = folded.charCodeAt(at);
				const next = node.next.get(c);
				if (next) {
					nodes.push(next);
					ats.push(at + 1);
				}
				if (node.classes) {
					for (const e of node.classes) {
						if (inClass(e.cls, c)) {
							nodes.push(e.node);
							ats.push(at + 1);
						}
					}
				}
			}
		}
		return count;
	}
}

/** A lexicon over word lists; compile once (module level), reuse for every post. */
export function wordListLexicon(lists: WordList | readonly WordList[], options?: LexiconOptions): Lexicon<WordListItem> {
	return new Lexicon(wordListTerms(lists), options);
}
