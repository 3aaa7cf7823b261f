/** zh-punctuation's left-to-right sweep: marks made full-width, runs collapsed, parentheses and quotes. */
import type { RuleContext } from '../../rule';
import { lineOf, lineStarts } from '../../text';
import { CJK_LETTER, isZhChar, type ZhText } from '../../zh';
import { shoutingBangs } from '../exclamations';
import {
	ASCII_ALNUM, ASCII_LETTER, closeOf, doublePairs, eatSpaces, englishWords, FAMILY, FULL, FW_MARK_AFTER, HALF, HAN, IS_MARK, isSpace, neighbour, replace,
} from './common';

/**
 * One left-to-right pass over the text. `converted` holds the offsets of half-width marks and
 * parentheses already found to become full-width, so a mark right after one of them is in
 * Chinese context too — fixing never leaves a mark that only the fixed text would flag.
 */
export class Sweep {
	readonly text: string;
	readonly converted = new Set<number>();
	private readonly englishLines = new Map<number, number>();
	private lineStarts: number[] | undefined;

	constructor(readonly ctx: RuleContext, readonly zh: ZhText) {
		this.text = zh.text;
	}

	/**
	 * True when the line holding offset `i` is English with some Chinese in it (isEnglishLine), as
	 * in `We launched in 上海, 北京 too!`. Its half-width marks are English punctuation and stay.
	 */
	englishLine(i: number): number {
		const start = this.lineStart(i);
		let cached = this.englishLines.get(start);
		if (cached === undefined) {
			const end = this.text.indexOf('\n', i);
			cached = englishWords(this.text.slice(start, end < 0 ? this.text.length : end));
			this.englishLines.set(start, cached);
		}
		return cached;
	}

	/** Where the line holding offset `i` starts: a binary search in the line starts, found once (a long line stays linear). */
	private lineStart(i: number): number {
		this.lineStarts ??= lineStarts(this.text);
		return this.lineStarts[lineOf(this.lineStarts, i)];
	}

	/** A Chinese character or Chinese punctuation at `k` (outside protected spans), or a mark made full-width. */
	zhAt(k: number): boolean {
		return k >= 0 && !this.zh.spanAt(k) && (isZhChar(this.text[k]) || this.converted.has(k));
	}

	run(): void {
		const text = this.text;
		const spans = this.zh.spans;
		// The sweep only moves forward: the protected span at or after `i` is followed with an index
		// (spans are sorted and disjoint), the same span spanAt(i) would find.
		let k = 0;
		let i = 0;
		while (i < text.length) {
			while (k < spans.length && spans[k].end <= i) {
				k++;
			}
			if (k < spans.length && spans[k].start <= i) {
				i = spans[k].end;
				continue;
			}
			const c = text.charCodeAt(i);
			if (c === 0x28) {
				this.paren(i);
				i++;
				continue;
			}
			if ((c === 0x22 || c === 0x27) && !this.converted.has(i)) {
				this.quote(i);
				i++;
				continue;
			}
			const next = IS_MARK[c] ? this.marks(i) : i + 1;
			// marks() returns a position past `i`; should it ever not, the sweep still ends.
			i = next > i ? next : i + 1;
		}
	}

	/**
	 * Whether the half-width mark(s) at [i, j) stand in a Chinese sentence: Chinese text right
	 * before them, or a single word or a title-case name between Chinese text and the mark,
	 * followed by Chinese or the end of the line.
	 */
	private inChinese(i: number, j: number): boolean {
		const { text, zh } = this;
		const l = neighbour(text, i, -1);
		const r = neighbour(text, j, 1);
		if (l < 0) {
			return false;
		}
		if (this.zhAt(l)) {
			return true;
		}
		// Walk back over the foreign run (protected spans count as one word) to Chinese or the line start.
		let k = l;
		const words: string[] = [];
		let word = '';
		while (k >= 0 && text[k] !== '\n' && text[k] !== '\r') {
			const s = zh.spanAt(k);
			if (s) {
				word = 'X' + word;
				k = s.start - 1;
				continue;
			}
			const ch = text[k];
			if (this.zhAt(k)) {
				break; // Chinese, or a mark this rule makes full-width (`不知道? JFGI!`)
			}
			if (isSpace(ch)) {
				if (word) {
					words.unshift(word);
				}
				word = '';
			} else if (HALF.test(ch) || ch === '"' || ch === '(' || ch === ')') {
				return false; // English punctuation inside: an English phrase.
			} else {
				// A full-width letter or digit reads as the half-width one this rule makes of it.
				word = (/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) - 0xfee0) : ch) + word;
			}
			k--;
		}
		if (word) {
			words.unshift(word);
		}
		const name = words.length === 1 || words.every((w) => /^[A-Z0-9X]/.test(w));
		if (!name || !words.length) {
			return false;
		}
		if (r >= 0 && HALF.test(text[r]) && this.runHasFull(r)) {
			return true; // `:!!？？`: the run that follows becomes full-width
		}
		if (r >= 0 && (text[r] === '"' || text[r] === "'") && !zh.spanAt(r)) {
			return this.quotePair(r) >= 0; // quotes this rule makes Chinese quotation marks
		}
		if (r >= 0 && !HALF.test(text[r])) {
			// Chinese follows, or parentheses with Chinese inside (this rule makes them full-width).
			return !zh.spanAt(r) && (isZhChar(text[r]) || (text[r] === '(' && HAN.test(text.slice(r + 1, Math.max(r + 1, closeOf(text, zh, r))))));
		}
		// The end of the line, or another half-width mark: the clause is Chinese when Chinese came before the word.
		return this.zhAt(k);
	}

	/** True when the run of marks of one family starting at `r` has a full-width one (so it becomes full-width). */
	private runHasFull(r: number): boolean {
		const fam = FAMILY[this.text[r]];
		for (let k = r; k < this.text.length && !this.zh.spanAt(k); k++) {
			const ch = this.text[k];
			if (FAMILY[ch] === fam) {
				if (!HALF.test(ch)) {
					return true;
				}
			} else if (!isSpace(ch)) {
				break;
			}
		}
		return false;
	}

	/** A run of marks of one family from `i`; returns the offset after it. */
	private marks(i: number): number {
		const { text, zh, ctx } = this;
		const fam = FAMILY[text[i]];
		// `Facebook, Inc.。`: the period of an abbreviation before a Chinese full stop stays.
		if (text[i] === '.' && ASCII_LETTER.test(text[i - 1] ?? '') && text[i + 1] === '。') {
			return i + 1;
		}
		// A run may have spaces inside (`! ？！`): fixed, it would be one run.
		let j = i + 1;
		for (let k = j; k < text.length; k++) {
			if (FAMILY[text[k]] === fam && !zh.spanAt(k)) {
				j = k + 1;
			} else if (!isSpace(text[k])) {
				break;
			}
		}
		const run = j === i + 1 ? text[i] : text.slice(i, j).replace(/[ \t]/g, '');
		const start = i;
		const hasHalf = HALF.test(run);
		const hasFull = /[^,.!?:;]/.test(run);
		if (hasHalf) {
			const before = text[start - 1];
			const after = text[j];
			// English punctuation is followed by a space or the line end: a mark between a Latin word and
			// a Chinese letter (`Yes!升级`) is Chinese punctuation even on an English line. A line of one
			// English word keeps only the marks after Latin text (`title: 介绍`, not `Hello世界.`).
			const english = hasFull ? 0 : this.englishLine(start);
			const glued = after !== undefined && CJK_LETTER.test(after) && ASCII_ALNUM.test(before ?? '');
			if (english && !glued && (english >= 2 || !this.zhAt(start - 1))) {
				return j;
			}
			// 1,000 · 3.5 · 10:30 (when not already a number span) · config.json · http://
			if (/^[.,:]$/.test(run) && /[0-9]/.test(before ?? '') && /[0-9]/.test(after ?? '')) {
				return j;
			}
			// A period before a letter or digit is a file name, a domain or a version (设置.json); a colon
			// is one only after Latin text (http:, a:b): right after Chinese it ends a label (電話:123, 前面:I).
			if ((run === '.' || (run === ':' && !this.zhAt(start - 1))) && after !== undefined && (ASCII_ALNUM.test(after) || after === '/')) {
				return j;
			}
			// `WANG,、`: a half-width comma right before a full-width comma is part of what is quoted (a
			// value to type); made full-width it would double the comma.
			if (run === ',' && after !== undefined && FW_MARK_AFTER.test(after)) {
				return j;
			}
			if (!hasFull && !this.inChinese(start, j)) {
				return j;
			}
			for (let k = start; k < j; k++) {
				this.converted.add(k);
			}
		} else if (run.length === 1 || (fam === 'exq' && (run === '？！' || run === '！？'))) {
			return j; // one full-width mark, or the question-exclamation pair the guidelines allow
		}
		// A run of exclamation marks that tone-shouting reports (enabled, threshold reached) is left to
		// it: one finding, with one fix, for the same range.
		const shouting = ctx.ruleOptions('tone-shouting');
		// A name's own mark before the run (Yahoo!!!) counts in the run tone-shouting sees.
		const own = start > 0 && /[!！]/.test(text[start - 1]) && zh.spanAt(start - 1) ? 1 : 0;
		if (shouting && /^[!！]+$/.test(text.slice(start, j)) && j - start + own >= shoutingBangs(shouting)) {
			return j;
		}
		let to: string;
		let message: string;
		if (fam === 'exq') {
			to = /[?？]/.test(run) && /[!！]/.test(run) ? (run.length === 2 && !hasHalf ? run : '？！') : /[?？]/.test(run) ? '？' : '！';
			message = run.length > 1 ? ctx.t('repeated', { to }) : ctx.t('fullwidth', { to, from: run });
		} else if (fam === 'stop' && run.length >= 3) {
			to = '……';
			message = ctx.t('ellipsis');
		} else {
			to = FULL[run[0]] ?? run[0];
			message = run.length > 1 ? ctx.t('repeated', { to }) : ctx.t('fullwidth', { to, from: run });
		}
		if (to !== text.slice(start, j)) {
			// The fix takes the spaces around a converted mark with it: `iPhone , 好` → `iPhone，好`.
			const { editStart, editEnd } = hasHalf ? eatSpaces(zh, start, j) : { editStart: start, editEnd: j };
			replace(ctx, start, j, to, message, editStart, editEnd);
		}
		return j;
	}

	/** Parentheses opened at `i`: full-width when their content has Chinese or Chinese stands before them. */
	private paren(i: number): void {
		const { text, zh, ctx } = this;
		const close = closeOf(this.text, this.zh, i);
		if (close < 0 || close === i + 1) {
			return;
		}
		const content = text.slice(i + 1, close);
		if (this.englishLine(i) || !(HAN.test(content) || this.zhAt(neighbour(text, i, -1)))) {
			return;
		}
		this.converted.add(i);
		this.converted.add(close);
		const open = eatSpaces(zh, i, i + 1);
		const shut = eatSpaces(zh, close, close + 1);
		ctx.report({
			start: open.editStart, end: shut.editEnd, message: ctx.t('parens'), explain: ctx.t('explain'),
			fixes: [{
				title: ctx.t('fix', { to: '（…）' }), kind: 'typography', preferred: true,
				edits: [{ start: open.editStart, end: i + 1, newText: '（' }, { start: close, end: shut.editEnd, newText: '）' }],
			}],
		});
	}

	/**
	 * Straight quotes around Chinese: `"喵"` → `“喵”` (`「喵」` where the locale is zh-TW, zh-HK or
	 * zh-MO). Double quotes when the quoted text has a Han character (quoted English is a protected
	 * span and stays); single quotes only when Chinese stands right before the opening one and after
	 * the closing one (or the line ends), so an apostrophe (Let's) never opens a pair. The spaces
	 * between a converted quote and Chinese outside it go with it (`说 "喵" 了` → `说“喵”了`).
	 */
	private quote(i: number): void {
		const close = this.quotePair(i);
		if (close < 0) {
			return;
		}
		const { text, zh, ctx } = this;
		const mark = text[i];
		const corner = /^zh[-_](?:tw|hk|mo|hant)/i.test(ctx.target.locale);
		const [open, shut] = corner ? ['「', '」'] : mark === '"' ? ['“', '”'] : ['‘', '’'];
		this.converted.add(i);
		this.converted.add(close);
		// Spaces outside the quotes go when Chinese stands beyond them.
		let s = i;
		while (s > 0 && isSpace(text[s - 1])) {
			s--;
		}
		if (s === i || s === 0 || !this.zhAt(s - 1)) {
			s = i;
		}
		let e = close + 1;
		while (e < text.length && isSpace(text[e])) {
			e++;
		}
		if (e === close + 1 || e >= text.length || zh.spanAt(e) || !isZhChar(text[e])) {
			e = close + 1;
		}
		ctx.report({
			start: s, end: e, message: ctx.t('quotes', { to: `${open}…${shut}` }), explain: ctx.t('explain'),
			fixes: [{
				title: ctx.t('fix', { to: `${open}…${shut}` }), kind: 'typography', preferred: true,
				edits: [{ start: s, end: i + 1, newText: open }, { start: close, end: e, newText: shut }],
			}],
		});
	}

	private pairs: Map<number, number> | undefined;

	/** The offset of the straight quote that closes the one at `i`, when the pair becomes Chinese quotes; else -1. */
	private quotePair(i: number): number {
		const { text, zh } = this;
		const mark = text[i];
		let close = -1;
		if (mark === '"') {
			// Double quotes pair up in order on each line (1st with 2nd, 3rd with 4th): a closing quote
			// never opens a pair with the next one.
			this.pairs ??= doublePairs(text, zh);
			close = this.pairs.get(i) ?? -1;
		}
		for (let j = i + 1; mark === "'" && j < text.length && j - i <= 500 && text[j] !== '\n' && text[j] !== '\r'; j++) {
			const s = zh.spanAt(j);
			if (s) {
				j = s.end - 1;
				continue;
			}
			if (text[j] === mark) {
				close = j;
				break;
			}
		}
		if (close < 0 || close === i + 1) {
			return -1;
		}
		const content = text.slice(i + 1, close);
		if (isSpace(content[0]) || isSpace(content[content.length - 1])) {
			return -1;
		}
		if (mark === '"') {
			// Chinese inside, and Chinese outside: before the quote or after it, perhaps past a mark
			// (`"你好",她說`); not `git commit -m "蛤"`, nor a line that is only a quote.
			const l = neighbour(text, i, -1);
			let r = neighbour(text, close + 1, 1);
			if (r >= 0 && HALF.test(text[r])) {
				r = neighbour(text, r + 1, 1);
			}
			const outside = (l >= 0 && this.zhAt(l)) || (r >= 0 && !zh.spanAt(r) && isZhChar(text[r]));
			if (!HAN.test(content) || !outside) {
				return -1;
			}
		} else {
			const after = text[close + 1];
			const zhAfter = after === undefined || after === '\n' || after === '\r' || (!zh.spanAt(close + 1) && isZhChar(after));
			if (!(i > 0 && this.zhAt(i - 1) && zhAfter)) {
				return -1;
			}
		}
		return close;
	}

}
