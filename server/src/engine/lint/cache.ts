/**
 * The per-document cache: the last lint's per-post results, reused for the posts an edit did not
 * touch (moved when the edit was above them), so a re-check in the editor checks one post.
 */
import type { VariantFacts } from '../campaign';
import type { ResolvedConfig } from '../config';
import type { Draft, Located, Post } from '../draft';
import type { FieldCount, Target } from '../rule';
import type { Finding, Fix, TextEdit } from '../types';
import type { Directive } from '../directives';
import type { PostMedia } from '../media';

export interface CacheEntry {
	/** The post's start in the text the entry's offsets belong to. */
	start: number;
	findings: Finding[];
	targets: Target[];
	/** The post's facts: per post like its findings; the comparison across posts is never cached. */
	variant?: VariantFacts;
	/** The findings of the rules that read files, kept only for a post that names no image (then they read nothing). */
	media?: Finding[];
	/** That post's (empty) entry of LintResult.media. */
	mediaItem?: PostMedia;
}

/** The last lint through a cache: its text, draft and each post's entry (by index, offsets in that text). */
export interface PreviousLint {
	text: string;
	draft: Draft;
	only?: readonly string[];
	entries: (CacheEntry | undefined)[];
	/** The draft's directives (they depend on its comments only). */
	directives?: Directive[];
}

/**
 * Per-document cache: the last lint's text, draft and per-post results. The next lint finds the
 * one range where its text differs; when that range lies inside one post's body, only that post
 * is checked again and the others' results are reused (moved when they lie after the edit).
 * Otherwise the file is parsed again and each post is looked up by its own text and settings.
 */
export class LintCache {
	private config?: ResolvedConfig;
	private prev?: PreviousLint;
	hits = 0;
	misses = 0;

	/** Called once per lint: the last lint's state, unless the config or the rules asked for changed. */
	begin(config: ResolvedConfig, only?: readonly string[]): PreviousLint | undefined {
		const prev = this.prev;
		this.prev = undefined;
		if (config !== this.config) {
			this.config = config;
			return undefined;
		}
		return prev && sameList(prev.only, only) ? prev : undefined;
	}

	/** Called at the end of a lint with what the next one may reuse. */
	end(state: PreviousLint): void {
		this.prev = state;
	}
}

function sameList(a?: readonly string[], b?: readonly string[]): boolean {
	return a === b || (!!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]));
}

/** The previous lint's entries by each post's key (cacheKey): for a re-check whose edit was not inside one post. */
export function entriesByKey(prev: PreviousLint): Map<string, CacheEntry> {
	const out = new Map<string, CacheEntry>();
	for (const post of prev.draft.posts) {
		const e = prev.entries[post.index];
		if (e) {
			out.set(cacheKey(prev.draft, post, prev.only), e);
		}
	}
	return out;
}

/**
 * What a post's findings depend on: its own text, its settings and its index. Settings from
 * inside the post (its marker) are keyed relative to the post's start, so a post that only
 * moved still hits; settings inherited from the front matter are keyed where they stand, as
 * they do not move when a post below them is edited. The post's text goes last, after a
 * separator that JSON never contains raw, so no key can be read two ways.
 */
export function cacheKey(draft: Draft, post: Post, only?: readonly string[]): string {
	const at = (x: Located<unknown>) => (x.start >= post.start ? [x.start - post.start, x.end - post.start] : ['fm', x.start, x.end]);
	const rel = Object.fromEntries(Object.entries(post.settings).map(([k, v]) => [k, Array.isArray(v)
		? v.map((x: Located<unknown>) => [x.value, ...at(x)])
		: [(v as Located<unknown>).value, ...at(v as Located<unknown>)]]));
	return `${JSON.stringify([rel, post.index, only ?? null])}\u0001${draft.text.slice(post.start, post.end)}`;
}

/**
 * A range at or after `from` (in the post, or after the edit) moved by `d`; ranges before it (the front
 * matter's, the text above an edit) and any range when `d` is 0 are returned as they are.
 * (A copy whose fields are then set: V8 copies an object of a known shape fast, not one spread with overrides.)
 */
export function shift<T extends { start: number; end: number }>(x: T, d: number, from: number): T {
	if (x.start < from || d === 0) {
		return x;
	}
	const m = { ...x };
	m.start += d;
	m.end += d;
	return m;
}

export function rebaseFinding(f: Finding, d: number, from: number): Finding {
	const inPost = f.start >= from;
	if (d === 0 || (!inPost && !f.fixes)) {
		return f;
	}
	const m = { ...f };
	if (inPost) {
		m.start += d;
		m.end += d;
	}
	const fixes = f.fixes;
	if (fixes) {
		// Loops, not map with a closure: a re-check moves every finding after the edit, and each
		// closure (with its context) is more to allocate than the copy it makes.
		const moved = new Array<Fix>(fixes.length);
		for (let i = 0; i < fixes.length; i++) {
			const c = { ...fixes[i] };
			const edits = c.edits;
			const es = new Array<TextEdit>(edits.length);
			for (let j = 0; j < edits.length; j++) {
				es[j] = shift(edits[j], d, from);
			}
			c.edits = es;
			moved[i] = c;
		}
		m.fixes = moved;
	}
	return m;
}

/** An entry for the post where it now stands, `d` from where it was (at `entry.start`). */
export function rebaseEntry(e: CacheEntry, post: Post, d: number): CacheEntry {
	if (d === 0 && e.start === post.start && (!e.targets.length || e.targets[0].post === post)) {
		return e;
	}
	const from = e.start;
	// Arrays of the exact size (map), and an empty one shared: a re-check moves every post after the
	// edit, and what it allocates is what the next scavenge copies.
	const out: CacheEntry = {
		start: post.start,
		findings: e.findings.length ? e.findings.map((f) => rebaseFinding(f, d, from)) : e.findings,
		targets: e.targets.map((t) => rebaseTarget(t, post, d, from)),
	};
	if (e.variant) {
		const v = { ...e.variant };
		v.post = post.index;
		if (d !== 0 && v.facts.length) {
			v.facts = e.variant.facts.map((f) => shift(f, d, from));
		}
		out.variant = v;
	}
	if (e.media) {
		out.media = e.media.length ? e.media.map((f) => rebaseFinding(f, d, from)) : e.media;
		if (e.mediaItem?.post === post.index) {
			out.mediaItem = e.mediaItem;
		}
	}
	return out;
}

export function rebaseTarget(t: Target, post: Post, d: number, from: number): Target {
	const m = { ...t };
	// The post's own settings go with it (moved); settings made for the target stay as they are.
	if (t.settings === t.post.settings) {
		m.settings = post.settings;
	}
	m.post = post;
	if (d !== 0) {
		const counts = new Array<FieldCount>(t.counts.length);
		for (let i = 0; i < counts.length; i++) {
			const c = t.counts[i];
			const moved = { ...c };
			if (c.start >= from) {
				moved.start += d;
				moved.end += d;
			}
			if (c.overflowAt !== undefined && c.overflowAt >= from) {
				moved.overflowAt = c.overflowAt + d;
			}
			if (c.foldAt !== undefined && c.foldAt >= from) {
				moved.foldAt = c.foldAt + d;
			}
			if (c.byteOverflowAt !== undefined && c.byteOverflowAt >= from) {
				moved.byteOverflowAt = c.byteOverflowAt + d;
			}
			counts[i] = moved;
		}
		m.counts = counts;
	}
	return m;
}
