/**
 * tone-shouting: a post that shouts — runs of exclamation marks (！！！, !!!), runs of ALL-CAPS
 * words ("THIS IS HUGE NEWS"), walls of emoji. One acronym or product code (CEO, AI, NBA,
 * RTX4090) is not shouting: only a run of at least `capsWords` capitalized words is. The fix
 * for a run of exclamation marks keeps one — full-width `！` for a half-width run that
 * zh-punctuation reads as part of a Chinese sentence (`太好用了!!!` → `太好用了！`), so one fix
 * leaves nothing for it to flag; English keeps `!`.
 */
import { sharedProtected, spanAt, touchesProtected, type ProtectedKind, type ProtectedSpan } from '../protected';
import type { Rule } from '../rule';
import { findEmoji, findLinks } from '../text';
import { isZhLocale } from '../zh';
import { optionCount, shoutingBangs } from './exclamations';
import { fullwidthMarks } from './zh-punctuation';
import type { Reading } from '../reading';

const BANG = /[!！]{2,}/gu;
// Letters and digits: words for the caps check. A token with a digit is a code, never shouting.
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const TWO_CAPS = /[A-Z]['’]?[A-Z]/;

const num = optionCount;
/** Protected spans whose marks are not copy: a run of ! there is part of an address or code. */
const NOT_COPY: ReadonlySet<ProtectedKind> = new Set(['url', 'code', 'email', 'link']);
export { shoutingBangs };

interface Run {
	start: number;
	end: number;
	count: number;
}

/** Runs of ≥ `min` consecutive ALL-CAPS words (≥ 2 letters each, Latin, no digits). */
function capsRuns(text: string, min: number): Run[] {
	const out: Run[] = [];
	if (!TWO_CAPS.test(text)) {
		return out; // no word of two capitals: no run (most posts)
	}
	let run: Run | undefined;
	const close = () => {
		if (run && run.count >= min) {
			out.push(run);
		}
		run = undefined;
	};
	for (const m of text.matchAll(TOKEN)) {
		const w = m[0];
		const c = w.charCodeAt(0);
		if (c < 0x41 || c > 0x5a) {
			close(); // starts with no capital: neither a capitalised word nor "I"/"A"
			continue;
		}
		const letters = w.replace(/['’]/g, '');
		const isCaps = /^[A-Z]+$/.test(letters) && letters.length >= 2;
		const isSingleCap = /^[A-Z]$/.test(letters);
		if (isCaps) {
			const at = m.index!;
			if (run && /[\n\r]/.test(text.slice(run.end, at))) {
				close();
			}
			run = run ? { ...run, end: at + w.length, count: run.count + 1 } : { start: at, end: at + w.length, count: 1 };
		} else if (!isSingleCap) {
			// A lower-case word, a Chinese phrase, a number or a code ends the run ("I", "A" do not).
			close();
		}
	}
	close();
	return out;
}

/** Runs of ≥ `min` emoji with nothing but spaces between them. */
export function emojiRuns(text: string, min: number, reading?: Reading): Run[] {
	const out: Run[] = [];
	let run: Run | undefined;
	// findEmoji gives EMOJI_SOURCE's matches (fuzzed against it), and counting the post has usually found them already.
	for (const m of findEmoji.shared(text, reading)) {
		const at = m.start;
		if (run && /^[ \t\u3000]*$/.test(text.slice(run.end, at))) {
			run = { ...run, end: m.end, count: run.count + 1 };
		} else {
			if (run && run.count >= min) {
				out.push(run);
			}
			run = { start: at, end: m.end, count: 1 };
		}
	}
	if (run && run.count >= min) {
		out.push(run);
	}
	return out;
}

const rule: Rule = {
	meta: {
		id: 'tone-shouting',
		category: 'tone',
		description: {
			en: 'Shouting: runs of exclamation marks, runs of ALL-CAPS words, walls of emoji.',
			'zh-cn': '喊叫式表达：连续的感叹号、连续的全大写单词、成排的表情。',
		},
		defaultSeverity: 'warning',
		fixable: true,
		options: {
			exclamations: { default: 3, description: { en: 'Shortest run of exclamation marks (！ or !) that is flagged.', 'zh-cn': '被标出的最短连续感叹号（！或 !）个数。' } },
			capsWords: { default: 3, description: { en: 'Shortest run of consecutive ALL-CAPS words (of 2 letters or more) that is flagged; a single acronym never is.', 'zh-cn': '被标出的最短连续全大写单词数（每个词至少 2 个字母）；单个缩写不会被标出。' } },
			emoji: { default: 5, description: { en: 'Shortest run of consecutive emoji (spaces between them allowed) that is flagged.', 'zh-cn': '被标出的最短连续表情个数（中间可以有空格）。' } },
		},
		messages: {
			en: {
				bang: '{count} exclamation marks in a row read as shouting: one is enough.',
				caps: '{count} words in capitals in a row read as shouting: write them in normal case.',
				emoji: '{count} emoji in a row bury the message: keep one or two.',
				fix: 'Keep one "{mark}"',
				explain: 'Calm, friendly copy earns more trust than shouting. The Chinese copywriting guidelines advise against repeated punctuation (不重复使用标点符号); on every platform, capitals and emoji walls read as shouting or spam.',
			},
			'zh-cn': {
				bang: '连续 {count} 个感叹号像在喊叫：一个就够了。',
				caps: '连续 {count} 个全大写单词像在喊叫：请用正常大小写。',
				emoji: '连续 {count} 个表情会淹没信息：保留一两个即可。',
				fix: '只保留一个“{mark}”',
				explain: '平和、友好的文案比喊叫更能赢得信任。《中文文案排版指北》建议不重复使用标点符号；在所有平台上，全大写和成排的表情都像喊叫或垃圾信息。',
			},
		},
	},
	check(ctx) {
		const explain = ctx.t('explain');
		const bangMin = shoutingBangs(ctx.options);
		let zhMarks: ReadonlySet<number> | undefined;
		let spans: ProtectedSpan[] | undefined;
		for (const m of ctx.text.matchAll(BANG)) {
			if (m[0].length < bangMin) {
				continue;
			}
			const start = m.index!;
			// Marks inside a link, code or an e-mail address are not shouting. No fix changes protected
			// copy: a run that starts with a name's own mark keeps it, any other that touches one has no fix.
			// In Chinese posts the typography rules find the protected spans anyway (shared, once per
			// post); elsewhere only links are looked up: a long English post pays for no more.
			spans ??= isZhLocale(ctx.target.locale) ? sharedProtected(ctx)
				: findLinks.shared(ctx.text, ctx.reading()).map((u) => ({ ...u, kind: 'url' as const }));
			const inside = spanAt(spans, start);
			if (inside && NOT_COPY.has(inside.kind)) {
				continue;
			}
			// Yahoo!!! → Yahoo!: the name keeps its own mark, the ones after it go.
			const end = start + m[0].length;
			const keep = inside && inside.end < end ? inside.end : undefined;
			const protectedRun = keep === undefined && touchesProtected(spans, start, end);
			let mark = m[0][0];
			if (mark === '!') {
				// Where zh-punctuation makes the run's first mark full-width, the one kept is full-width.
				zhMarks ??= fullwidthMarks(ctx);
				if (zhMarks.has(start)) {
					mark = '！';
				}
			}
			ctx.report({
				start, end: start + m[0].length, explain,
				message: ctx.t('bang', { count: m[0].length }),
				fixes: protectedRun ? []
					: keep !== undefined ? [{ title: ctx.t('fix', { mark: ctx.text.slice(keep - 1, keep) }), kind: 'typography', preferred: true, edits: [{ start: keep, end, newText: '' }] }]
						: [{ title: ctx.t('fix', { mark }), kind: 'typography', preferred: true, edits: [{ start, end, newText: mark }] }],
			});
		}
		for (const r of capsRuns(ctx.text, num(ctx.options.capsWords, 3))) {
			ctx.report({ start: r.start, end: r.end, explain, message: ctx.t('caps', { count: r.count }) });
		}
		for (const r of emojiRuns(ctx.text, num(ctx.options.emoji, 5), ctx.reading())) {
			ctx.report({ start: r.start, end: r.end, explain, message: ctx.t('emoji', { count: r.count }) });
		}
	},
};

export default rule;
