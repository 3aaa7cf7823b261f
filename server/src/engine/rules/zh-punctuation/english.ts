/** zh-punctuation's checks outside the sweep: full-width letters and digits, and English lines written with full-width marks. */
import { touchesProtected } from '../../protected';
import type { RuleContext } from '../../rule';
import type { ZhText } from '../../zh';
import { ASCII_ALNUM, ASCII_LETTER, CJK_ANY, FW_ALNUM, isSpace, replace } from './common';

export function checkFullwidthAlnum(ctx: RuleContext, zh: ZhText): void {
	for (const m of ctx.text.matchAll(FW_ALNUM)) {
		const start = m.index!;
		if (touchesProtected(zh.spans, start, start + m[0].length)) {
			continue;
		}
		const to = [...m[0]].map((c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).join('');
		// Made half-width right before a link, an address or a mention, the letters would run into it
		// (１０００https://… → 1000https://…, no longer a link): reported, not changed.
		const next = zh.spanAt(start + m[0].length);
		if (next && next.start === start + m[0].length && GLUES.has(next.kind)) {
			ctx.report({ start, end: start + m[0].length, message: ctx.t('halfwidth', { to }), explain: ctx.t('explain') });
			continue;
		}
		replace(ctx, start, start + m[0].length, to, ctx.t('halfwidth', { to }));
	}
}

/** Spans that half-width letters or digits right before them would run into. */
const GLUES: ReadonlySet<string> = new Set(['url', 'email', 'mention', 'reply']);

/** Full-width marks and their English forms, for a line that is all English. */
const ENGLISH_FORM: Record<string, string> = { '，': ',', '。': '.', '！': '!', '？': '?', '：': ':', '；': ';', '（': '(', '）': ')' };
const FW_SENTENCE_MARK = /[，。！？：；（）]/gu;
const LINE_WITH_FW_MARK = /^[^\n]*[，。！？：；（）][^\n]*$/gmu;

/**
 * A line with no Chinese, Japanese or Korean letter at all that starts with a word and has at
 * least two words apart is an English sentence: its full-width marks become half-width (guidelines: 遇到完整的英文整句，其内容
 * 使用半角标点), with the space English wants after them (`Said：Come and，Join us！` →
 * `Said: Come and, Join us!`; `The（Convertible Amount）case` → `The (Convertible Amount) case`).
 * A mark inside a protected span or in a run of marks (`！！`, left to the repeated-marks check)
 * stays.
 */
export function checkEnglishLines(ctx: RuleContext, zh: ZhText): void {
	const text = ctx.text;
	for (const line of text.matchAll(LINE_WITH_FW_MARK)) {
		const body = line[0];
		// It starts with a word (`, Not a sentence。` does not) and has two words or more apart.
		if (CJK_ANY.test(body) || !/^[ \t]*[A-Za-z]/.test(body) || body.split(/[ \t]+/).filter((w) => ASCII_LETTER.test(w)).length < 2) {
			continue;
		}
		for (const m of body.matchAll(FW_SENTENCE_MARK)) {
			const at = line.index! + m.index!;
			const ch = m[0];
			const prev = text[at - 1];
			const next = text[at + 1];
			if (zh.spanAt(at) || (prev && /[，。！？：；、]/u.test(prev)) || (next && /[，。！？：；、]/u.test(next))) {
				continue;
			}
			let to = ENGLISH_FORM[ch];
			// The spaces after the mark go with it: one is put back where a word follows.
			let end = at + 1;
			while (isSpace(text[end])) {
				end++;
			}
			const following = text[end];
			if (ch === '（') {
				to = prev && ASCII_ALNUM.test(prev) ? ' (' : '(';
				end = at + 1;
			} else if (following && following !== '\n' && following !== '\r' && (end > at + 1 || /[\p{L}\p{N}(“‘"¥$€£#@]/u.test(following))) {
				to += ' '; // `and，Join` → `and, Join`; `）case` → `) case`
			} else {
				end = at + 1;
			}
			replace(ctx, at, at + 1, to, ctx.t('halfwidthEnglish', { to: ENGLISH_FORM[ch], from: ch }), at, end);
		}
	}
}
