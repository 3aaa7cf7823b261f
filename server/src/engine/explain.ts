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

// One pass: links, mentions and hashtags are skipped; a Han character counts one; a run of
// other letters is one word (emoji and punctuation are not letters, so they never count).
// Han characters are matched in runs and counted by code point: the same count as one match per
// character (no skipped token starts with a Han character), with far fewer matches.
const HAN_SHARE_TOKENS = /(https?:\/\/\S+|@[\p{L}\p{N}_\-.]+|#[^#\s]+#?)|(\p{Script=Han}+)|([[\p{L}\p{M}]--\p{Script=Han}]+)/gv;

function codePoints(s: string): number {
	let n = s.length;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c >= 0xdc00 && c <= 0xdfff && i > 0 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800) {
			n--;
		}
	}
	return n;
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
	// exec in a loop, as matchAll does without its iterator and regex copy (no token is empty).
	HAN_SHARE_TOKENS.lastIndex = 0;
	for (let m = HAN_SHARE_TOKENS.exec(text); m; m = HAN_SHARE_TOKENS.exec(text)) {
		if (m[2]) {
			han += codePoints(m[2]);
		} else if (m[3]) {
			otherWords++;
			otherLetters += m[3].length;
		}
	}
	return { han, otherWords, otherLetters };
}
