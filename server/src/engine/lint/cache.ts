/**
 * The per-document cache: entries keyed by each post's own text and settings, with findings and
 * targets relative to the post's start, so a post that only moved is reused as it is.
 */
import type { VariantFacts } from '../campaign';
import type { ResolvedConfig } from '../config';
import type { Draft, Located, Post } from '../draft';
import type { Target } from '../rule';
import type { Finding } from '../types';

export interface CacheEntry {
	findings: Finding[];
	targets: Target[];
	/** The post's facts: per post like its findings; the comparison across posts is never cached. */
	variant?: VariantFacts;
}

/**
 * Per-document cache. Entries hold findings relative to their post's start, so a post that
 * only moved (an edit above it) is reused as it is.
 */
export class LintCache {
	private config?: ResolvedConfig;
	private entries = new Map<string, CacheEntry>();
	hits = 0;
	misses = 0;

	/** Called once per lint: drops everything when the config changed. */
	begin(config: ResolvedConfig): Map<string, CacheEntry> {
		if (config !== this.config) {
			this.entries.clear();
			this.config = config;
		}
		const used = new Map<string, CacheEntry>();
		const old = this.entries;
		this.entries = used;
		return old;
	}

	get(old: Map<string, CacheEntry>, key: string): CacheEntry | undefined {
		const e = old.get(key) ?? this.entries.get(key);
		if (e) {
			this.hits++;
			this.entries.set(key, e);
		} else {
			this.misses++;
		}
		return e;
	}

	set(key: string, e: CacheEntry): void {
		this.entries.set(key, e);
	}
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

/** Moves a range that lies in the post (at or after `from`, the post's old start); front matter ranges stay. */
export function shift<T extends { start: number; end: number }>(x: T, d: number, from: number): T {
	return x.start >= from ? { ...x, start: x.start + d, end: x.end + d } : x;
}

export function rebaseFinding(f: Finding, d: number, from: number): Finding {
	if (d === 0) {
		return f;
	}
	const moved = shift(f, d, from);
	if (f.fixes) {
		const fixes = f.fixes.map((fx) => ({ ...fx, edits: fx.edits.map((e) => shift(e, d, from)) }));
		return moved === f ? { ...f, fixes } : { ...moved, fixes };
	}
	return moved;
}

export function rebaseTarget(t: Target, post: Post, d: number, from: number): Target {
	return d === 0 ? { ...t, post } : {
		...t, post,
		counts: t.counts.map((c) => {
			const moved = c.start >= from ? { ...c, start: c.start + d, end: c.end + d } : { ...c };
			for (const k of ['overflowAt', 'foldAt', 'byteOverflowAt'] as const) {
				if (c[k] !== undefined && c[k]! >= from) {
					moved[k] = c[k]! + d;
				}
			}
			return moved;
		}),
	};
}
