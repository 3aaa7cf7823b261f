/**
 * One reading of a text: what counting, typography, script, density and the word lists derive
 * from the text alone (its links, emoji, mentions, X's parse, its folded form, its Han share),
 * each computed at most once and then shared. `lint` makes one `Readings` per post (its body and
 * front-matter fields) and drops it with the post; rules reach it through `ctx.reading` and
 * `ctx.shared`, the counters through their `reading` argument. Nothing is remembered at module
 * level: a function called without a reading computes its answer afresh.
 *
 * The values are shared: callers never change them (the finders that hand out arrays give
 * copies unless asked for the shared, read-only one).
 */
import { memo1 } from './memo';

export class Reading {
	// Made on first use: many readings (a title, a digest) are asked for one value or none.
	private memo: Map<string, unknown> | undefined;
	/** What the rules share of this post (`ctx.shared`): kept apart from the counters' values, so no key of one can name the other's. */
	private sharedMemo: Map<string, unknown> | undefined;

	constructor(readonly text: string) { }

	/** The value computed once for this text under `key` (which names the computation and every input besides the text). */
	get<T>(key: string, compute: () => T): T {
		return memo1((this.memo ??= new Map()), key, compute) as T;
	}

	getShared<T>(key: string, compute: () => T): T {
		return memo1((this.sharedMemo ??= new Map()), key, compute) as T;
	}
}

/** A reading of `text`: `r` when it reads that text, else a fresh one (nothing shared). */
export function readingOf(text: string, r?: Reading | Readings): Reading {
	if (r instanceof Readings) {
		return r.of(text);
	}
	return r && r.text === text ? r : new Reading(text);
}

/** The readings of one post: one per distinct text (body, title, digest), made on first use. */
export class Readings {
	// Most posts read one text (the body): a map only from the second one on.
	private first: Reading | undefined;
	private byText: Map<string, Reading> | undefined;

	of(text: string): Reading {
		const first = this.first;
		if (!first) {
			return (this.first = new Reading(text));
		}
		if (first.text === text) {
			return first;
		}
		this.byText ??= new Map();
		let r = this.byText.get(text);
		if (!r) {
			r = new Reading(text);
			this.byText.set(text, r);
		}
		return r;
	}
}
