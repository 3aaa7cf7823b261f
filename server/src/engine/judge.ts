/**
 * Judgment for the tone and compliance rules: one matcher for every word list, pattern class,
 * ad signal and post-kind word of those rules, walked once per text; a small pattern language over
 * its hits; and the context a reviewer reads a claim in (clause, negation, question, quotation,
 * award titles, the post's kind).
 *
 * The pattern language (data: `patterns` and `classes` in the rules' data files):
 * - a class is a word list (`"competitor": ["友商", "other brands", …]`), or a built-in token:
 *   `@number` (digits), `@percent` (a number with %), `@superlative` (a Latin word ending in -est),
 *   `@time` (a clock time, a date, "within 24 hours");
 * - a pattern is a sequence of classes (`["competitor", "derogation"]`), in order unless
 *   `ordered: false`, each token at most `within` characters after the one before and all in one
 *   clause (a sentence: 。！？；!?; or a line break ends it);
 * - the match is void when the clause negates it (a `negation` token just before or between its
 *   tokens: 友商不是骗子), when the clause is a question (unless `question: "keep"`), and when its
 *   tokens stand inside quotation marks (unless `quoted: "keep"`): someone else's words are reported,
 *   not claimed.
 * Matching is linear: tokens come sorted from the one walk, and each pattern looks ahead at most
 * `within` characters from each token of its first class.
 */
import type { Lexicon } from './lexicon';
import type { RuleContext } from './rule';
import { memo1 } from './memo';
import { lowerBound } from './text';
import { firstMatch, nextMatch } from './matches';

export interface Span {
	start: number;
	end: number;
}

export interface Token extends Span {
	/** `owner:class` for word-list classes, `@name` for built-in tokens. */
	cls: string;
	text: string;
}

export interface PatternSpec {
	id: string;
	label: Record<'en' | 'zh-cn', string>;
	severity: 'error' | 'warning' | 'info' | 'hint';
	basis?: readonly string[];
	/** Class names (of the file's `classes`, or built-in `@…`). */
	sequence: readonly string[];
	/** Default true: the tokens appear in the order given. */
	ordered?: boolean;
	/** Most characters between one token's end and the next one's start (default 12). */
	within?: number;
	/** Default "skip": a match inside quotation marks is someone else's words. */
	quoted?: 'skip' | 'keep';
	/** Default "skip": a question asks, it does not claim. */
	question?: 'skip' | 'keep';
	/** Default true: a `negation` token before or between the tokens voids the match. */
	negatable?: boolean;
	/** Classes that void the match when one of their tokens stands in the same clause ("we've ever made": a comparison within the brand). */
	unless?: readonly string[];
	/** Industries (front matter `industry`) where the pattern does not apply. */
	notInIndustries?: readonly string[];
	/** What the pattern matches, for the hover, in both languages. */
	explain?: Record<'en' | 'zh-cn', string>;
	/** Rewordings offered (never applied by fix all). */
	suggest?: readonly string[];
	source?: string;
}

export interface PatternMatch extends Span {
	pattern: PatternSpec;
	tokens: Token[];
	text: string;
	quoted: boolean;
}

export type ClassEntry = string | { term: string; except?: readonly string[]; word?: boolean };

export interface PatternFile {
	classes?: Record<string, readonly ClassEntry[]>;
	patterns?: readonly PatternSpec[];
}

/** Sentence ends: a clause never spans one. */
const SENTENCE_ENDS = /[。！？；!?;\n…]/g;
const QUESTION_END = new Set(['？', '?']);
/** Opening and closing quotation marks (ASCII " pairs by position). */
const QUOTE_PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』', '《': '》', '‘': '’', '"': '"' };

/** Quotation spans (inside the marks), outermost, in order. Unclosed marks before a line end are ignored. */
const ANY_QUOTE = /[“「『《‘"]/;

export function quoteSpans(text: string): Span[] {
	const out: Span[] = [];
	if (!ANY_QUOTE.test(text)) {
		return out;
	}
	let i = 0;
	const n = text.length;
	while (i < n) {
		const close = QUOTE_PAIRS[text[i]];
		if (close === undefined) {
			i++;
			continue;
		}
		let j = i + 1;
		while (j < n && text[j] !== close && text[j] !== '\n') {
			j++;
		}
		if (j < n && text[j] === close) {
			out.push({ start: i + 1, end: j });
			i = j + 1;
		} else {
			i++;
		}
	}
	return out;
}

/** Index of the first item whose `start` is at least `pos` (items sorted by start). */
function firstFrom(items: readonly Span[], pos: number): number {
	const lo = lowerBound(items.length, (mid) => items[mid].start < pos);
	return lo;
}

/** True when `s` lies inside one of `spans` (sorted, not overlapping). */
function inside(spans: readonly Span[], s: Span): boolean {
	const k = firstFrom(spans, s.start + 1) - 1;
	return k >= 0 && spans[k].start <= s.start && s.end <= spans[k].end;
}

/** Any token of `items` (sorted) inside [start, end). */
function anyWithin(items: readonly Span[], start: number, end: number): Span | undefined {
	const k = firstFrom(items, start);
	return k < items.length && items[k].end <= end ? items[k] : undefined;
}

// Built-in tokens.
const NUMBER = /\d+(?:[.,]\d+)*/g;
const PERCENT = /\d+(?:\.\d+)?\s?[%％]|百分之[零一二三四五六七八九十百点]+/g;
const SUPERLATIVE = /\b[A-Za-z]{2,}est\b/g;
const TIME = /\b\d{1,2}[:：]\d{2}\b|\d{1,2}\s?月\s?\d{1,2}\s?[日号]|\d{1,2}\s?[日号]\s?前|\d+\s?(?:个)?(?:小时|分钟|天|日|周|个工作日|工作日)\s?(?:内|之内|前)|(?:今天|今日|今晚|明天|明日|本周|下周|周[一二三四五六日]|月底|本月)|\b(?:within|in the next)\s+\d+\s+(?:hours?|days?|minutes?|business days?)\b|\bby\s+(?:\d{1,2}(?::\d{2})?\s?(?:am|pm)?|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|end of (?:day|week))\b|\b(?:today|tonight|tomorrow|this week)\b/gi;

function regexTokens(text: string, re: RegExp, cls: string, keep?: (m: string) => boolean): Token[] {
	const out: Token[] = [];
	for (let m = firstMatch(re, text); m; m = nextMatch(re, text, m)) {
		if (!keep || keep(m[0])) {
			out.push({ start: m.index, end: m.index + m[0].length, cls, text: m[0] });
		}
	}
	return out;
}

/** A Latin word ending in -est that is not a superlative (honest, interest, latest…), from the data. */
let notSuperlative: Set<string> = new Set();
export function setNotSuperlative(words: readonly string[]): void {
	notSuperlative = new Set(words.map((w) => w.toLowerCase()));
}

const classKeys = new Map<string, Map<string, string>>();

/**
 * `owner:class`, the same string each time for a pair: a Map looks a string up by its hash, which a
 * string keeps once computed, where a key built anew for each lookup is hashed anew.
 */
export function classKey(owner: string, cls: string): string {
	const byClass = memo1(classKeys, owner, () => new Map<string, string>());
	return memo1(byClass, cls, () => `${owner}:${cls}`);
}

/** What the one walk found in a text, and what is derived from it on demand. */
export class Scan<V extends { cls?: string }> {
	private tokensByClass?: Map<string, Token[]>;
	private quotes?: Span[];
	private builtins = new Map<string, Token[]>();
	/** Offsets of the sentence ends, in order (computed once). */
	private ends?: number[];

	constructor(readonly text: string, readonly hits: readonly import('./lexicon').LexiconHit<V>[]) {}

	/**
	 * The clause around `at`: from after the previous sentence end to the next one, and whether a
	 * question mark ends it (right after, or after other marks: …？), by binary search over the
	 * sentence ends (found once).
	 */
	clause(at: number): Span & { question: boolean } {
		if (!this.ends) {
			this.ends = [];
			SENTENCE_ENDS.lastIndex = 0;
			for (let m = SENTENCE_ENDS.exec(this.text); m; m = SENTENCE_ENDS.exec(this.text)) {
				this.ends.push(m.index);
			}
		}
		const ends = this.ends;
		const lo = lowerBound(ends.length, (mid) => ends[mid] < at);
		const start = lo > 0 ? ends[lo - 1] + 1 : 0;
		const end = lo < ends.length ? ends[lo] : this.text.length;
		// A question mark may follow other sentence marks (…？, ！？) right after the clause.
		let q = end;
		let k = lo;
		while (q < this.text.length && k < ends.length && ends[k] === q && this.text[q] !== '\n' && !QUESTION_END.has(this.text[q]) && q - end < 3) {
			q++;
			k++;
		}
		return { start, end, question: QUESTION_END.has(this.text[q] ?? '') && q - end < 3 };
	}

	/** Quotation spans of the text. */
	quoteSpans(): Span[] {
		return (this.quotes ??= quoteSpans(this.text));
	}

	isQuoted(s: Span): boolean {
		return inside(this.quoteSpans(), s);
	}

	/** A `owner:negation` token ending at most `gap` characters before `s`, in its clause (不是最好的, "not the cheapest"). */
	negatedBefore(owner: string, s: Span, gap = 3): boolean {
		const negations = this.tokens(classKey(owner, 'negation'));
		const k = firstFrom(negations, s.start) - 1;
		for (let j = k; j >= 0 && negations[j].end >= s.start - gap; j--) {
			if (negations[j].end <= s.start && this.clause(s.start).start <= negations[j].start) {
				return true;
			}
		}
		return false;
	}

	/** The quotation span holding `s`, if any. */
	quoteAround(s: Span): Span | undefined {
		const spans = this.quoteSpans();
		const k = firstFrom(spans, s.start + 1) - 1;
		return k >= 0 && spans[k].start <= s.start && s.end <= spans[k].end ? spans[k] : undefined;
	}

	/** The tokens of one class, in order. */
	tokens(cls: string): Token[] {
		if (cls.startsWith('@')) {
			let t = this.builtins.get(cls);
			if (!t) {
				switch (cls) {
					case '@number': t = regexTokens(this.text, NUMBER, cls); break;
					case '@percent': t = regexTokens(this.text, PERCENT, cls); break;
					case '@superlative': t = regexTokens(this.text, SUPERLATIVE, cls, (w) => !notSuperlative.has(w.toLowerCase())); break;
					case '@time': t = regexTokens(this.text, TIME, cls); break;
					default: t = [];
				}
				this.builtins.set(cls, t);
			}
			return t;
		}
		if (!this.tokensByClass) {
			this.tokensByClass = new Map();
			for (const h of this.hits) {
				const c = h.value.cls;
				if (c) {
					let list = this.tokensByClass.get(c);
					if (!list) {
						this.tokensByClass.set(c, (list = []));
					}
					list.push({ start: h.start, end: h.end, cls: c, text: h.text });
				}
			}
		}
		return this.tokensByClass.get(cls) ?? [];
	}

	has(cls: string): boolean {
		return this.tokens(cls).length > 0;
	}

	/** Every match of the patterns (classes named `owner:class`), earliest first, non-overlapping per pattern. */
	match(owner: string, patterns: readonly PatternSpec[], industry: string): PatternMatch[] {
		// Several targets (platforms) of one post ask the same question: answered once.
		const byIndustry = memo1(this.matches, owner, () => new Map<string, PatternMatch[]>());
		return memo1(byIndustry, industry, () => this.matchAll(owner, patterns, industry));
	}

	/** By owner, then industry. */
	private readonly matches = new Map<string, Map<string, PatternMatch[]>>();

	private matchAll(owner: string, patterns: readonly PatternSpec[], industry: string): PatternMatch[] {
		const out: PatternMatch[] = [];
		const negations = this.tokens(classKey(owner, 'negation'));
		next: for (const p of patterns) {
			if (p.notInIndustries?.includes(industry)) {
				continue;
			}
			// Class by class, stopping at the first without a token (a built-in class's search then never runs).
			const lists: Token[][] = [];
			for (const c of p.sequence) {
				const list = this.tokens(c.startsWith('@') ? c : classKey(owner, c));
				if (!list.length) {
					continue next;
				}
				lists.push(list);
			}
			const within = p.within ?? 12;
			let after = -1;
			for (let i = 0; i < lists[0].length; i++) {
				const first = lists[0][i];
				if (first.start < after) {
					continue;
				}
				const found = p.ordered === false ? this.unordered(first, lists, within) : this.ordered(first, lists, within);
				if (!found) {
					continue;
				}
				// The closest token of the first class wins (除菌，杀菌率 99.9%: from 杀菌).
				const nextFirst = lists[0][i + 1];
				if (p.ordered !== false && nextFirst && nextFirst.start >= first.end && nextFirst.end <= found[1].start) {
					continue;
				}
				const start = Math.min(...found.map((t) => t.start));
				const end = Math.max(...found.map((t) => t.end));
				const clause = this.clause(start);
				if (end > clause.end) {
					continue;
				}
				if (p.question !== 'keep' && clause.question) {
					continue;
				}
				if (p.unless?.some((c) => anyWithin(this.tokens(classKey(owner, c)), clause.start, clause.end))) {
					continue;
				}
				const quoted = found.some((t) => this.isQuoted(t));
				if (quoted && p.quoted !== 'keep') {
					continue;
				}
				if (p.negatable !== false && this.negated(negations, found, Math.max(clause.start, start - 4))) {
					continue;
				}
				out.push({ start, end, pattern: p, tokens: found, text: this.text.slice(start, end), quoted });
				after = end;
			}
		}
		return out.sort((a, b) => a.start - b.start);
	}

	/** A negation token from `from` up to the last token's start, not part of a matched token. */
	private negated(negations: readonly Token[], found: readonly Token[], from: number): boolean {
		const last = found[found.length - 1].start;
		for (let k = firstFrom(negations, from); k < negations.length && negations[k].start < last; k++) {
			const n = negations[k];
			if (n.end <= last && !found.some((t) => t.start <= n.start && n.end <= t.end)) {
				return true;
			}
		}
		return false;
	}

	private ordered(first: Token, lists: Token[][], within: number): Token[] | undefined {
		const found = [first];
		let prev = first;
		for (let k = 1; k < lists.length; k++) {
			const list = lists[k];
			const i = firstFrom(list, prev.end);
			const next = i < list.length && list[i].start - prev.end <= within ? list[i] : undefined;
			if (!next) {
				return undefined;
			}
			found.push(next);
			prev = next;
		}
		return found;
	}

	/** Any order: every other class has a token within `within` of the first token (either side, not overlapping it). */
	private unordered(first: Token, lists: Token[][], within: number): Token[] | undefined {
		const found = [first];
		for (let k = 1; k < lists.length; k++) {
			const list = lists[k];
			const i = firstFrom(list, first.end);
			let near: Token | undefined = i < list.length && list[i].start - first.end <= within ? list[i] : undefined;
			if (!near) {
				// The nearest token ending before the first one starts.
				let j = firstFrom(list, first.start) - 1;
				while (j >= 0 && list[j].end > first.start) {
					j--;
				}
				near = j >= 0 && first.start - list[j].end <= within ? list[j] : undefined;
			}
			if (!near) {
				return undefined;
			}
			found.push(near);
		}
		return found.sort((a, b) => a.start - b.start);
	}
}

/** Scans a text with the shared matcher once per post (ctx.shared), for the body or a field's text. */
export function sharedScan<V extends { cls?: string }>(ctx: RuleContext, key: string, lexicon: Lexicon<V>, text: string): Scan<V> {
	const r = ctx.reading(text);
	return r.getShared(key, () => new Scan(text, lexicon.find(text, r)));
}
