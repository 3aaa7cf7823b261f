/** What the parts of zh-punctuation share: the mark tables, reporting a replacement, spaces, neighbours, English lines, quote and parenthesis pairs. */
import { hanShare } from '../../explain';
import type { RuleContext } from '../../rule';
import { CJK_LETTER, SEPARATED, TERMINATED, type ZhText } from '../../zh';

export const FULL: Record<string, string> = { ',': '，', '.': '。', '!': '！', '?': '？', ':': '：', ';': '；', '(': '（', ')': '）' };
/** Marks that form one run: a run is collapsed and converted as a whole. */
export const FAMILY: Record<string, string> = {
	',': 'comma', '，': 'comma', '.': 'stop', '。': 'stop', ';': 'semi', '；': 'semi', ':': 'colon', '：': 'colon',
	'!': 'exq', '?': 'exq', '！': 'exq', '？': 'exq', '、': 'pause',
};
/** FAMILY's keys (one code unit each) as a table: the sweep asks it of every character. */
export const IS_MARK = new Uint8Array(0x10000);
for (const ch of Object.keys(FAMILY)) {
	IS_MARK[ch.charCodeAt(0)] = 1;
}
export const HALF = /[,.!?:;]/;
// Full-width letters and digits; a full-width colon or period between full-width digits is part of
// the number and becomes half-width with it (１６：３２ → 16:32, １．５ → 1.5).
export const FW_ALNUM = /[\uff10-\uff19]+(?:[\uff1a\uff0e][\uff10-\uff19]+)+|[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+/gu;
export const ASCII_ALNUM = /[A-Za-z0-9]/;
export const ASCII_LETTER = /[A-Za-z]/;
export const HAN = /\p{Script=Han}/u;
/** Full-width commas that a converted comma would double (，、 ，，). */
export const FW_MARK_AFTER = /[、，]/u;

export function replace(ctx: RuleContext, start: number, end: number, to: string, message: string, editStart = start, editEnd = end): void {
	ctx.report({
		start: Math.min(start, editStart), end: Math.max(end, editEnd), message, explain: ctx.t('explain'),
		fixes: [{ title: ctx.t('fix', { to }), kind: 'typography', edits: [{ start: editStart, end: editEnd, newText: to }], preferred: true }],
	});
}

export const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t';

export const CJK_ANY = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;

/**
 * A line of English with some Chinese in it: it starts with Latin text (its first letter or digit
 * is not Chinese) and has at least half as many words in other scripts as Han characters (a
 * Chinese word is about two characters): `We launched in 上海, 北京 too!`. Returns its number of
 * non-Chinese words, 0 for a Chinese line (`前面: I have no idea後面` starts in Chinese).
 */
export function englishWords(line: string): number {
	const first = FIRST_LETTER.exec(line);
	if (!first || CJK_LETTER.test(first[0])) {
		return 0;
	}
	const h = hanShare(line);
	return h.otherWords > 0 && h.otherWords * 2 >= h.han ? h.otherWords : 0;
}
const FIRST_LETTER = /[\p{L}\p{N}]/u;

/** The nearest offset before `i` (after `i` with dir 1) that is not a space on the same line, or -1. */
export function neighbour(text: string, i: number, dir: -1 | 1): number {
	let k = dir < 0 ? i - 1 : i;
	while (k >= 0 && k < text.length && isSpace(text[k])) {
		k += dir;
	}
	return k < 0 || k >= text.length || text[k] === '\n' || text[k] === '\r' ? -1 : k;
}

/** Opening → closing offsets of the straight double quotes outside protected spans, paired in order per line. */
export function doublePairs(text: string, zh: ZhText): Map<number, number> {
	const pairs = new Map<number, number>();
	let open = -1;
	for (let j = text.indexOf('"'); j >= 0; j = text.indexOf('"', j + 1)) {
		if (zh.spanAt(j)) {
			continue;
		}
		if (open >= 0 && j - open <= 500 && !/[\n\r]/.test(text.slice(open, j))) {
			pairs.set(open, j);
			open = -1;
		} else {
			open = j;
		}
	}
	return pairs;
}

/** The `)` that closes the `(` at `i` on the same line (no nesting), or -1. */
export function closeOf(text: string, zh: ZhText, i: number): number {
	let j = i + 1;
	while (j < text.length && text[j] !== '\n') {
		const s = zh.spanAt(j);
		if (s) {
			j = s.end;
			continue;
		}
		if (text[j] === '(') {
			return -1;
		}
		if (text[j] === ')') {
			return j;
		}
		j++;
	}
	return -1;
}

/** The spaces on both sides of [start, end) on the same line, except a space that ends a link, mention or hashtag. */
export function eatSpaces(zh: ZhText, start: number, end: number): { editStart: number; editEnd: number } {
	const text = zh.text;
	let s = start;
	while (s > 0 && isSpace(text[s - 1])) {
		s--;
	}
	const prev = zh.spanAt(s - 1);
	if (s === 0 || text[s - 1] === '\n' || (prev && TERMINATED.has(prev.kind))) {
		s = start;
	}
	let e = end;
	while (e < text.length && isSpace(text[e])) {
		e++;
	}
	const next = zh.spanAt(e);
	if (e === text.length || text[e] === '\n' || text[e] === '\r' || (next && SEPARATED.has(next.kind))) {
		e = end;
	}
	return { editStart: s, editEnd: e };
}
