/**
 * The restricted pattern syntax of team rules: small enough that every pattern is matched in
 * linear time by the lexicon's one walk (lexicon/index.ts), never by a regular expression engine.
 *
 *   literal text      戴尔电脑公司, Acme Cloud (a space is any run of whitespace, as in word lists)
 *   \. \( \[ …        a punctuation character taken literally
 *   [abc] [a-z] [^…]  a class of characters (of the Basic Multilingual Plane)
 *   . \d \s \w \p{Han}  any character but a line break, a digit (ASCII or full width), a space,
 *                     a Latin letter, digit or underscore, a Chinese character
 *   a|b  (a|b)  (?:a|b)  alternatives; a group
 *   x?  (…)?          optional
 *   x{m,n}  x{n}      bounded repetition of ONE character or class, n ≤ 20
 *
 * Refused, each with the position and the reason: unbounded repetition (`*`, `+`, `{m,}`),
 * repetition of a group, lazy or possessive quantifiers, back-references, lookaround, named
 * groups, anchors and `\b` (word boundaries are implicit: a Latin edge never matches inside a
 * word), unknown escapes, a pattern that can match the empty text, and a pattern that expands
 * to more than MAX_PATHS alternatives or is longer than MAX_SOURCE characters.
 *
 * A pattern compiles to a list of paths (sequences of steps: one code unit, or a class); the
 * lexicon adds them to its trie, sharing prefixes, so matching costs the text's length times the
 * depth reached, whatever the pattern.
 */
import { msg } from '../messages';
import { DIGIT, HAN, makeClass, NOT_NEWLINE, SPACE, WORD, type CharClass } from './classes';
export { foldClass, inClass, type CharClass } from './classes';

/** One code unit, or a class of them. */
export type Step = number | CharClass;

export interface PatternError {
	/** Offset in the pattern's source. */
	at: number;
	message: string;
}

export type CompiledPattern = { paths: Step[][]; error?: undefined } | { paths?: undefined; error: PatternError };

/** Most alternatives one pattern may expand to. */
export const MAX_PATHS = 1024;
/** Longest pattern source. */
export const MAX_SOURCE = 500;
/** Highest bound of `{m,n}`. */
export const MAX_REPEAT = 20;
/** Longest path (steps) a pattern may expand to. */
const MAX_LENGTH = 200;

type Node =
	| { t: 'step'; step: Step; min: number; max: number; at: number }
	| { t: 'group'; alts: Node[][]; optional: boolean; at: number };

class Refused extends Error {
	constructor(readonly at: number, readonly detail: string) {
		super(detail);
	}
}

function refuse(at: number, key: string, args?: Record<string, string | number>): never {
	throw new Refused(at, msg(`pattern.${key}`, args));
}

const PUNCT_ESCAPES = new Set('\\.()[]{}|?*+^$/-#@!,:;~"\'&<>=%`_ ');

class Parser {
	i = 0;
	constructor(readonly s: string) {}

	parse(): Node[][] {
		const alts = this.alternatives(false);
		if (this.i < this.s.length) {
			refuse(this.i, 'unbalanced');
		}
		return alts;
	}

	private alternatives(inGroup: boolean): Node[][] {
		const alts: Node[][] = [[]];
		while (this.i < this.s.length) {
			const c = this.s[this.i];
			if (c === ')') {
				if (!inGroup) {
					refuse(this.i, 'unbalanced');
				}
				break;
			}
			if (c === '|') {
				this.i++;
				alts.push([]);
				continue;
			}
			alts[alts.length - 1].push(this.item());
		}
		return alts;
	}

	private item(): Node {
		const at = this.i;
		const c = this.s[this.i];
		let node: Node;
		switch (c) {
			case '(': {
				this.i++;
				if (this.s[this.i] === '?') {
					const next = this.s[this.i + 1];
					if (next === ':') {
						this.i += 2;
					} else if (next === '=' || next === '!' || (next === '<' && (this.s[this.i + 2] === '=' || this.s[this.i + 2] === '!'))) {
						refuse(at, 'lookaround');
					} else if (next === '<' || next === 'P' || next === "'") {
						refuse(at, 'namedGroup');
					} else {
						refuse(at, 'groupSyntax');
					}
				}
				const alts = this.alternatives(true);
				if (this.s[this.i] !== ')') {
					refuse(at, 'unclosedGroup');
				}
				this.i++;
				node = { t: 'group', alts, optional: false, at };
				break;
			}
			case '[':
				node = { t: 'step', step: this.charClass(), min: 1, max: 1, at };
				break;
			case '.':
				this.i++;
				node = { t: 'step', step: makeClass(NOT_NEWLINE, true), min: 1, max: 1, at };
				break;
			case '\\':
				node = { t: 'step', step: this.escape(false), min: 1, max: 1, at };
				break;
			case '*':
			case '+':
				refuse(at, 'unbounded', { q: c });
				break;
			case '?':
			case '{':
				refuse(at, 'nothingToRepeat', { q: c });
				break;
			case '^':
			case '$':
				refuse(at, 'anchor', { q: c });
				break;
			case ']':
			case '}':
				refuse(at, 'unbalanced');
				break;
			default: {
				const code = this.s.charCodeAt(this.i);
				this.i++;
				node = { t: 'step', step: code, min: 1, max: 1, at };
			}
		}
		this.quantifier(node!);
		return node!;
	}

	private quantifier(node: Node): void {
		const at = this.i;
		const c = this.s[this.i];
		if (c === '*' || c === '+') {
			refuse(at, 'unbounded', { q: c });
		}
		if (c === '?') {
			this.i++;
			if (node.t === 'group') {
				node.optional = true;
			} else {
				node.min = 0;
			}
		} else if (c === '{') {
			const m = /^\{(\d{1,3})(,(\d{0,3}))?\}/.exec(this.s.slice(this.i));
			if (!m) {
				refuse(at, 'badRepeat');
			}
			if (node.t === 'group') {
				refuse(at, 'groupRepeat');
			}
			if (typeof node.step === 'number' && node.step >= 0xdc00 && node.step <= 0xdfff) {
				refuse(at, 'astralRepeat');
			}
			const min = Number(m[1]);
			if (m[2] !== undefined && m[3] === '') {
				refuse(at, 'unbounded', { q: m[0] });
			}
			const max = m[3] !== undefined ? Number(m[3]) : min;
			if (max < min || max === 0) {
				refuse(at, 'badRepeat');
			}
			if (max > MAX_REPEAT) {
				refuse(at, 'repeatTooHigh', { max: MAX_REPEAT });
			}
			this.i += m[0].length;
			node.min = min;
			node.max = max;
		} else {
			return;
		}
		const q = this.s[this.i];
		if (q === '?' || q === '+' || q === '*' || q === '{') {
			refuse(this.i, q === '?' || q === '+' ? 'lazy' : 'nestedRepeat');
		}
	}

	/** An escape: a class (\d \s \w \p{Han}) or one literal code unit. In a class `inClass` refuses classes other than these. */
	private escape(inBrackets: boolean): Step {
		const at = this.i;
		const c = this.s[this.i + 1];
		if (c === undefined) {
			refuse(at, 'trailingEscape');
		}
		this.i += 2;
		switch (c) {
			case 'd': return makeClass(DIGIT, false);
			case 's': return makeClass(SPACE, false);
			case 'w': return makeClass(WORD, false);
			case 'D': return makeClass(DIGIT, true);
			case 'S': return makeClass(SPACE, true);
			case 'W': return makeClass(WORD, true);
			case 'n': return 0x0a;
			case 't': return 0x09;
			case 'p': {
				const m = /^\{Han\}/.exec(this.s.slice(this.i));
				if (!m) {
					refuse(at, 'property');
				}
				this.i += m[0].length;
				return makeClass(HAN, false);
			}
			case 'u': {
				const m = /^[0-9a-fA-F]{4}/.exec(this.s.slice(this.i));
				if (!m) {
					refuse(at, 'badEscape', { escape: '\\u' });
				}
				this.i += 4;
				return parseInt(m[0], 16);
			}
			case 'b':
			case 'B':
				if (!inBrackets) {
					refuse(at, 'wordBoundary');
				}
				break;
			case 'k':
				refuse(at, 'backReference');
		}
		if (c >= '0' && c <= '9') {
			refuse(at, 'backReference');
		}
		if (PUNCT_ESCAPES.has(c) || c.charCodeAt(0) > 0x7f) {
			return c.charCodeAt(0);
		}
		refuse(at, 'badEscape', { escape: `\\${c}` });
	}

	private charClass(): CharClass {
		const at = this.i;
		this.i++;
		let negated = false;
		if (this.s[this.i] === '^') {
			negated = true;
			this.i++;
		}
		const ranges: number[] = [];
		let first = true;
		const unit = (): number | CharClass => {
			const c = this.s.charCodeAt(this.i);
			if (c >= 0xd800 && c <= 0xdfff) {
				refuse(this.i, 'astralClass');
			}
			if (this.s[this.i] === '\\') {
				return this.escape(true);
			}
			if (this.s[this.i] === '[') {
				refuse(this.i, 'nestedClass');
			}
			this.i++;
			return c;
		};
		while (this.i < this.s.length && (this.s[this.i] !== ']' || first)) {
			first = false;
			const lo = unit();
			if (typeof lo !== 'number') {
				if (lo.negated) {
					refuse(at, 'negatedInClass');
				}
				ranges.push(...lo.ranges);
				continue;
			}
			if (this.s[this.i] === '-' && this.s[this.i + 1] !== ']' && this.i + 1 < this.s.length) {
				this.i++;
				const hi = unit();
				if (typeof hi !== 'number' || hi < lo) {
					refuse(at, 'badRange');
				}
				ranges.push(lo, hi as number);
			} else {
				ranges.push(lo, lo);
			}
		}
		if (this.s[this.i] !== ']') {
			refuse(at, 'unclosedClass');
		}
		this.i++;
		if (!ranges.length) {
			refuse(at, 'emptyClass');
		}
		return makeClass(ranges, negated);
	}
}

/** Saturating counts: how many paths (and how long the longest) a node list expands to. */
function measure(seq: readonly Node[]): { paths: number; length: number; empty: boolean } {
	let paths = 1;
	let length = 0;
	let empty = true;
	for (const n of seq) {
		if (n.t === 'step') {
			paths = Math.min(paths * (n.max - n.min + 1), MAX_PATHS + 1);
			length += n.max;
			empty &&= n.min === 0;
		} else {
			let sum = n.optional ? 1 : 0;
			let longest = 0;
			let anyEmpty = n.optional;
			for (const alt of n.alts) {
				const m = measure(alt);
				sum = Math.min(sum + m.paths, MAX_PATHS + 1);
				longest = Math.max(longest, m.length);
				anyEmpty ||= m.empty;
			}
			paths = Math.min(paths * sum, MAX_PATHS + 1);
			length += longest;
			empty &&= anyEmpty;
		}
	}
	return { paths, length, empty };
}

function expand(seq: readonly Node[]): Step[][] {
	let out: Step[][] = [[]];
	for (const n of seq) {
		const options: Step[][] = [];
		if (n.t === 'step') {
			for (let k = n.min; k <= n.max; k++) {
				options.push(new Array<Step>(k).fill(n.step));
			}
		} else {
			if (n.optional) {
				options.push([]);
			}
			for (const alt of n.alts) {
				options.push(...expand(alt));
			}
		}
		const next: Step[][] = [];
		for (const p of out) {
			for (const o of options) {
				next.push([...p, ...o]);
			}
		}
		out = next;
	}
	return out;
}

/**
 * Compiles a pattern to its paths, or refuses it with the offset and reason. Cost: linear in the
 * pattern's length to parse and measure; expansion only once the count is known to be small.
 */
export function compilePattern(source: string): CompiledPattern {
	try {
		if (source.length > MAX_SOURCE) {
			refuse(MAX_SOURCE, 'tooLong', { max: MAX_SOURCE });
		}
		if (!source.trim()) {
			refuse(0, 'empty');
		}
		const alts = new Parser(source).parse();
		const root: Node[] = [{ t: 'group', alts, optional: false, at: 0 }];
		const m = measure(root);
		if (m.empty) {
			refuse(0, 'matchesEmpty');
		}
		if (m.paths > MAX_PATHS) {
			refuse(0, 'tooManyPaths', { max: MAX_PATHS });
		}
		if (m.length > MAX_LENGTH) {
			refuse(0, 'tooLong', { max: MAX_LENGTH });
		}
		const paths = expand(root).filter((p) => p.length > 0);
		return { paths };
	} catch (e) {
		if (e instanceof Refused) {
			return { error: { at: e.at, message: e.detail } };
		}
		throw e;
	}
}
