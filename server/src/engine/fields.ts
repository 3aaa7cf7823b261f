/** The fields of a post a platform counts (title, digest, author, body), as texts with their place in the source. */
import type { Draft, Located, Post } from './draft';
import type { FieldName, PlatformProfile } from './platforms';
import type { Target } from './rule';
import { TextView } from './textview';

/** Text of a field as the platform counts it, and how its offsets map to the source. */
export interface FieldText {
	field: FieldName;
	text: string;
	start: number;
	end: number;
	toSource(i: number): number;
}

function fieldText(draft: Draft, post: Post, field: FieldName): FieldText | undefined {
	if (field === 'body') {
		const b = post.body;
		return { field, text: b.text, start: b.toSource(0), end: b.srcEnd, toSource: (i) => b.toSource(i) };
	}
	const loc = post.settings[field] as Located<string> | undefined;
	if (!loc) {
		return undefined;
	}
	if (loc.exact) {
		const v = new TextView(draft.text, loc.start, loc.end);
		return { field, text: loc.value, start: loc.start, end: loc.end, toSource: (i) => (v.text === loc.value ? loc.start + i : loc.start) };
	}
	return { field, text: loc.value, start: loc.start, end: loc.end, toSource: () => loc.start };
}

const FIELDS: FieldName[] = ['title', 'digest', 'author', 'body'];

/**
 * The fields a platform counts that the post has (title, digest, author, body, in that order), with
 * their texts as counted: what `measureTarget` measures, without measuring it.
 */
export function fieldTexts(draft: Draft, post: Post, p: PlatformProfile): FieldText[] {
	const out: FieldText[] = [];
	for (const f of FIELDS) {
		if (f === 'body' || p[f]) {
			const ft = fieldText(draft, post, f);
			if (ft) {
				out.push(ft);
			}
		}
	}
	return out;
}

/**
 * `fieldTexts` of the rule context's target, kept with the post's reading (ctx.shared) by platform
 * profile: no table outside the post holds them.
 */
export function contextFields(ctx: { draft: Draft; target: Target; shared<T>(key: string, compute: () => T): T }): readonly FieldText[] {
	const byProfile = ctx.shared('fields.byProfile', () => new Map<PlatformProfile, FieldText[]>());
	const p = ctx.target.platform;
	let fields = byProfile.get(p);
	if (!fields) {
		fields = fieldTexts(ctx.draft, ctx.target.post, p);
		byProfile.set(p, fields);
	}
	return fields;
}
