/**
 * Markdown explanations of counts, for hovers and finding details: what each kind of
 * character costs on the platform, and where the limit comes from.
 */
import { explainCount } from './counting/count';
import { limitLabel, recommendedOf } from './limits';
import { language, msg } from './messages';
import { platformName, sourceOf, type FieldName, type PlatformProfile } from './platforms';
import type { FieldCount, Target } from './rule';
import type { Reading } from './reading';
import { flagsOf, HAN, LETTER_OR_MARK, MENTION_CHAR, SPACE } from './charflags';

function fmt(n: number): string {
	return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function fieldLabel(field: FieldName): string {
	return msg(`field.${field}`);
}

/** "Weibo" for the body, "WeChat Official Account title" for other fields. */
export function targetLabel(p: PlatformProfile, field: FieldName): string {
	const name = platformName(p, langOf());
	return field === 'body' ? name : `${name} ${fieldLabel(field)}`;
}

const langOf = language;

/** The hover markdown of a field's count; with the post's reading of the field's text its tokens are not found again. */
export function explainField(target: Target, fc: FieldCount, reading?: Reading): string {
	const p = target.platform;
	const b = explainCount(fc.text, p, reading);
	const lines: string[] = [];
	lines.push(msg('hover.title', { target: targetLabel(p, fc.field), count: fmt(b.count), limit: limitLabel(fc) }));
	lines.push('');
	const notes = [msg('hover.counting', { unit: msg(`unit.${p.unit}`) })];
	if (p.url !== undefined) {
		notes.push(msg('hover.urlCost', { cost: p.url }));
	}
	if (p.emoji === 'utf8') {
		notes.push(msg('hover.emojiUtf8'));
	}
	if (p.mention === 'local') {
		notes.push(msg('hover.mentionLocal'));
	}
	lines.push(notes.join(' '));
	if (b.rows.length) {
		lines.push('');
		lines.push(`| ${msg('hover.table.kind')} | ${msg('hover.table.items')} | ${msg('hover.table.cost')} |`);
		lines.push('|---|---:|---:|');
		for (const r of b.rows) {
			lines.push(`| ${msg(`cat.${r.category}`)} | ${r.items} | ${fmt(r.cost)} |`);
		}
	}
	if (fc.byteLimit !== undefined) {
		lines.push('');
		lines.push(msg('hover.bytes', { bytes: fc.byteCount ?? 0, limit: fc.byteLimit }));
	}
	// Where the field has a recommended length and a hard limit, the source of each.
	const both = recommendedOf(fc) !== undefined && fc.limit !== undefined;
	const sources = both
		? [['hover.sourceRecommended', `${fc.field}.warn`], ['hover.sourceLimit', `${fc.field}.limit`]]
		: [['hover.source', fc.limit !== undefined ? `${fc.field}.limit` : `${fc.field}.warn`]];
	for (const [label, key] of sources) {
		const src = sourceOf(p, key, target.mode);
		if (src) {
			lines.push('');
			lines.push(msg(label, { source: src.source, confidence: msg(`confidence.${src.confidence}`) }));
		}
	}
	return lines.join('\n');
}

/** Share of Han characters among the post's words (a run of Latin letters counts as one word). */
export interface HanShare {
	han: number;
	otherWords: number;
	otherLetters: number;
	share: number;
}

// One pass: links (`https?://` and what follows up to white space), @mentions and hashtags (`#tag`,
// `#话题#`) are skipped; a Han character counts one; a run of other letters (and marks) is one
// word (emoji and punctuation are not letters, so they never count). At each position the first of
// these that applies is taken, as the alternation `(https?:\/\/\S+|@[\p{L}\p{N}_\-.]+|#[^#\s]+#?)|
// (\p{Script=Han}+)|([[\p{L}\p{M}]--\p{Script=Han}]+)` would (test/engine/fast-paths-text.test.ts holds
// them equal), by code point and a table of character flags rather than a match per token.

/** Where a link that `https?://` starts at `i` ends, or -1 when none starts there. */
function linkEnd(text: string, i: number): number {
	let j = text.startsWith('https://', i) ? i + 8 : text.startsWith('http://', i) ? i + 7 : -1;
	if (j < 0 || j >= text.length || flagsOf(text.charCodeAt(j)) & SPACE) {
		return -1;
	}
	while (j < text.length && !(flagsOf(text.charCodeAt(j)) & SPACE)) {
		j++;
	}
	return j;
}

/** The Han share of a text; a Chinese post is measured once per target (each platform it names): its reading keeps the counts. */
export function hanShare(text: string, unit: 'word' | 'letter' = 'word', r?: Reading): HanShare {
	const { han, otherWords, otherLetters } = r && r.text === text ? r.get('hanShare', () => countShare(text)) : countShare(text);
	const other = unit === 'word' ? otherWords : otherLetters;
	return { han, otherWords, otherLetters, share: han + other === 0 ? 1 : han / (han + other) };
}

function countShare(text: string): { han: number; otherWords: number; otherLetters: number } {
	let han = 0;
	let otherWords = 0;
	let otherLetters = 0;
	const n = text.length;
	let i = 0;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (c === 0x68) { // h: a link?
			const end = linkEnd(text, i);
			if (end > 0) {
				i = end;
				continue;
			}
		} else if (c === 0x40) { // @: a mention?
			let j = i + 1;
			for (let cp = text.codePointAt(j); cp !== undefined && flagsOf(cp) & MENTION_CHAR; cp = text.codePointAt(j)) {
				j += cp > 0xffff ? 2 : 1;
			}
			if (j > i + 1) {
				i = j;
				continue;
			}
		} else if (c === 0x23) { // #: a hashtag or a topic?
			let j = i + 1;
			// No surrogate is `#` or white space: code units will do.
			while (j < n && text.charCodeAt(j) !== 0x23 && !(flagsOf(text.charCodeAt(j)) & SPACE)) {
				j++;
			}
			if (j > i + 1) {
				i = j < n && text.charCodeAt(j) === 0x23 ? j + 1 : j;
				continue;
			}
		}
		const cp = text.codePointAt(i)!;
		const f = flagsOf(cp);
		if (f & HAN) {
			for (let x = cp; i < n && flagsOf(x) & HAN; x = text.codePointAt(i) ?? 0) {
				han++;
				i += x > 0xffff ? 2 : 1;
			}
		} else if (f & LETTER_OR_MARK) {
			const start = i;
			for (let x = cp; i < n && (flagsOf(x) & (HAN | LETTER_OR_MARK)) === LETTER_OR_MARK; x = text.codePointAt(i) ?? 0) {
				i += x > 0xffff ? 2 : 1;
			}
			otherWords++;
			otherLetters += i - start;
		} else {
			i += cp > 0xffff ? 2 : 1;
		}
	}
	return { han, otherWords, otherLetters };
}
