/** Measuring a post's fields for a platform: the counts, limits, fold and byte overflows each target carries. */
import { countText, countTextLimits } from '../counting/count';
import type { Draft, Post } from '../draft';
import type { FieldName, FieldSpec, PlatformProfile } from '../platforms';
import type { FieldCount } from '../rule';
import { utf8Length } from '../text';
import type { Reading, Readings } from '../reading';
import { fieldTexts, type FieldText } from '../fields';

function measureFieldText(ft: FieldText, p: PlatformProfile, field: FieldName, spec: FieldSpec, reading?: Reading): FieldCount {
	// The lowest of the limit and the warning the field has.
	const lowest = spec.limit === undefined ? spec.warn : spec.warn === undefined ? spec.limit : Math.min(spec.limit, spec.warn);
	// One walk for the lowest limit, the limit and the fold.
	const m = countTextLimits(ft.text, p, [lowest ?? Infinity, spec.limit ?? Infinity, spec.fold ?? Infinity], reading);
	const r = { count: m.count, overflowAt: lowest === undefined ? undefined : m.overflowAt[0] };
	const fc: FieldCount = { field, count: r.count, limit: spec.limit, warn: spec.warn, fold: spec.fold, start: ft.start, end: ft.end, text: ft.text };
	if (r.overflowAt !== undefined) {
		// Report past the highest limit breached: past `limit` when over it, else past `warn`.
		const over = spec.limit !== undefined && r.count > spec.limit && spec.limit !== lowest
			? m.overflowAt[1] ?? r.overflowAt
			: r.overflowAt;
		fc.overflowAt = ft.toSource(over);
	}
	if (spec.fold !== undefined && r.count > spec.fold) {
		const f = m.overflowAt[2];
		if (f !== undefined) {
			fc.foldAt = ft.toSource(f);
		}
	}
	if (spec.byteLimit !== undefined) {
		fc.byteCount = utf8Length(ft.text);
		fc.byteLimit = spec.byteLimit;
		if (fc.byteCount > spec.byteLimit) {
			const at = countText(ft.text, { ...p, unit: 'utf8', url: undefined, emoji: undefined, mention: 'full' }, spec.byteLimit, reading).overflowAt;
			if (at !== undefined) {
				fc.byteOverflowAt = ft.toSource(at);
			}
		}
	}
	return fc;
}

/**
 * Measures a text as given, as one body: `copydesk count --raw`. Nothing is parsed, cut or trimmed
 * (front matter, markers, HTML comments and spaces all count), so the number is the platform's for
 * exactly this text.
 */
export function measureRaw(text: string, p: PlatformProfile): FieldCount {
	return measureFieldText({ field: 'body', text, start: 0, end: text.length, toSource: (i) => i }, p, 'body', p.body);
}

export function measureTarget(draft: Draft, post: Post, p: PlatformProfile, readings?: Readings): FieldCount[] {
	return fieldTexts(draft, post, p).map((ft) => measureFieldText(ft, p, ft.field, p[ft.field] ?? {}, readings?.of(ft.text)));
}
