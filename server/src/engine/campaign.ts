/**
 * Comparing the facts of a campaign's variants (campaign-consistency). The variants are the
 * posts of one campaign file, or of every file of a campaign folder named in copydesk.json.
 * Pure: the caller extracts each post's facts (facts.ts) and says which posts are its own.
 *
 * A fact is compared only where a comparison means something:
 * - within a group (a unit, a link's site, a topic's name without spaces) and the product it is
 *   about (the team's terms), so two prices for two products never meet;
 * - between posts that state exactly one value of the group, so a post that lists two prices
 *   where another gives one is not a mismatch: an omission is not a contradiction;
 * - and not when another variant states both values (it lists two products, the others one each);
 * - the value most variants state is the reference (ties: the earliest post's); the posts that
 *   say otherwise are the odd ones and get the warning, with the post they disagree with.
 * Prices: a post that states the price only in another currency (no conversion in the post)
 * is reported; one that also gives the reference currency is compared in that currency.
 * Handles: a mention is checked against the team's handle map (`handles` in copydesk.json):
 * an account's handle for another platform is reported, with the post that uses the right one.
 */
import type { Fact, FactKind } from './facts';

/** One variant: a post and the facts read from it (source offsets into its file). */
export interface VariantFacts {
	/** Which file the post is in: '' for the file being linted. */
	file: string;
	post: number;
	/** The platform the post is written for (its first), for messages and handles. */
	platform: string;
	facts: Fact[];
}

export interface Mismatch {
	kind: FactKind;
	odd: { variant: VariantFacts; fact: Fact };
	/** The variant that states the reference value, when one does (a wrong-platform handle may have none). */
	ref?: { variant: VariantFacts; fact: Fact };
	/** Why: 'value' (a different value), 'currency' (another currency, no conversion), 'handle' (another platform's handle). */
	reason: 'value' | 'currency' | 'handle';
	/** Handles: the one the map gives for the post's platform (as written in the map), the account and the platform the used handle belongs to. */
	expected?: string;
	account?: string;
	other?: string;
}

/** The team's handle map: account → platform → handle (with its @). */
export type HandleMap = Record<string, Record<string, string>>;

const COMPARED: readonly FactKind[] = ['percent', 'quantity', 'date', 'time', 'link', 'hashtag', 'product'];

/** Whether two values of one group agree (times of unknown am/pm agree with both readings). */
function agree(a: Fact, b: Fact): boolean {
	if (a.kind === 'time' && (a.ambiguous || b.ambiguous)) {
		const [ah, am] = a.value.split(':').map(Number);
		const [bh, bm] = b.value.split(':').map(Number);
		return ah % 12 === bh % 12 && am === bm;
	}
	if (a.kind === 'date' && a.year !== undefined && b.year !== undefined && a.year !== b.year) {
		return false;
	}
	return a.value === b.value;
}

/** The posts' single values in a group: posts that state two or more different values drop out. */
function singles(posts: readonly { variant: VariantFacts; facts: Fact[] }[]): { variant: VariantFacts; fact: Fact }[] {
	const out: { variant: VariantFacts; fact: Fact }[] = [];
	for (const p of posts) {
		if (p.facts.length && p.facts.every((f) => agree(f, p.facts[0]))) {
			out.push({ variant: p.variant, fact: p.facts[0] });
		}
	}
	return out;
}

/**
 * Whether some variant states both values: then the announcement has both (two products, two
 * prices) and two variants that each give one of them do not contradict each other.
 */
function statesBoth(posts: readonly { facts: Fact[] }[], a: Fact, b: Fact): boolean {
	return posts.some((p) => p.facts.some((f) => agree(f, a)) && p.facts.some((f) => agree(f, b)));
}

/** The reference among single values: the one most posts state; on a tie, the earliest post's. */
function reference(xs: readonly { variant: VariantFacts; fact: Fact }[]): { variant: VariantFacts; fact: Fact } | undefined {
	let best: { variant: VariantFacts; fact: Fact } | undefined;
	let bestCount = 0;
	for (const x of xs) {
		const n = xs.filter((y) => agree(x.fact, y.fact)).length;
		if (n > bestCount) {
			best = x;
			bestCount = n;
		}
	}
	return best;
}

/**
 * The facts of the variants by `key`, then by product: when the variants name one product at
 * most (or none), a fact about no product joins that product's (an English variant rarely names
 * the Chinese product term); when they name two or more, each product is compared on its own
 * and facts about no product are left out (they could be about either).
 */
function byGroup(variants: readonly VariantFacts[], keep: (f: Fact) => boolean, key: (f: Fact) => string): Map<string, { variant: VariantFacts; facts: Fact[] }[]> {
	// Each key's facts with their variant, in variant order then post order (one pass, not one per key).
	const byKey = new Map<string, { variant: VariantFacts; fact: Fact }[]>();
	for (const variant of variants) {
		for (const fact of variant.facts) {
			if (keep(fact)) {
				const k = key(fact);
				let list = byKey.get(k);
				if (!list) {
					byKey.set(k, (list = []));
				}
				list.push({ variant, fact });
			}
		}
	}
	const groups = new Map<string, { variant: VariantFacts; facts: Fact[] }[]>();
	for (const [k, list] of byKey) {
		const anchors = new Set(list.map((x) => x.fact.anchor).filter(Boolean));
		// One variant's facts of this key, by anchor (in the order first met), then the next variant's.
		let i = 0;
		while (i < list.length) {
			const variant = list[i].variant;
			const mine = new Map<string, Fact[]>();
			for (; i < list.length && list[i].variant === variant; i++) {
				const f = list[i].fact;
				if (anchors.size <= 1 || f.anchor) {
					const a = `${k}\u0000${anchors.size <= 1 ? '' : f.anchor}`;
					const fs = mine.get(a);
					if (fs) {
						fs.push(f);
					} else {
						mine.set(a, [f]);
					}
				}
			}
			for (const [a, facts] of mine) {
				const posts = groups.get(a);
				if (posts) {
					posts.push({ variant, facts });
				} else {
					groups.set(a, [{ variant, facts }]);
				}
			}
		}
	}
	return groups;
}

export function compareVariants(variants: readonly VariantFacts[], handles: HandleMap = {}): Mismatch[] {
	const out: Mismatch[] = [];
	if (variants.length >= 2) {
		const groups = byGroup(variants, (f) => COMPARED.includes(f.kind), (f) => `${f.kind}\u0000${f.group}`);
		for (const posts of groups.values()) {
			if (posts.length < 2) {
				continue;
			}
			const xs = singles(posts);
			const ref = reference(xs);
			for (const x of xs) {
				if (ref && !agree(x.fact, ref.fact) && !statesBoth(posts, x.fact, ref.fact)) {
					out.push({ kind: x.fact.kind, odd: x, ref, reason: 'value' });
				}
			}
		}
		comparePrices(variants, out);
	}
	compareHandles(variants, handles, out);
	return out.sort((a, b) => a.odd.variant.file.localeCompare(b.odd.variant.file) || a.odd.fact.start - b.odd.fact.start);
}

function comparePrices(variants: readonly VariantFacts[], out: Mismatch[]): void {
	const groups = byGroup(variants, (f) => f.kind === 'price', () => 'price');
	for (const posts of groups.values()) {
		if (posts.length < 2) {
			continue;
		}
		// The reference currency: the one most posts state a price in (ties: the earliest post's).
		const currencies = new Map<string, number>();
		for (const p of posts) {
			for (const c of new Set(p.facts.map((f) => f.currency!))) {
				currencies.set(c, (currencies.get(c) ?? 0) + 1);
			}
		}
		let currency = '';
		let most = 0;
		for (const [c, n] of currencies) {
			if (n > most) {
				currency = c;
				most = n;
			}
		}
		const inRef = posts.map((p) => ({ variant: p.variant, facts: p.facts.filter((f) => f.currency === currency) })).filter((p) => p.facts.length);
		const xs = singles(inRef);
		const ref = reference(xs);
		for (const x of xs) {
			if (ref && !agree(x.fact, ref.fact) && !statesBoth(inRef, x.fact, ref.fact)) {
				out.push({ kind: 'price', odd: x, ref, reason: 'value' });
			}
		}
		if (!ref || xs.length < 1) {
			continue;
		}
		for (const p of posts) {
			if (!p.facts.some((f) => f.currency === currency)) {
				out.push({ kind: 'price', odd: { variant: p.variant, fact: p.facts[0] }, ref, reason: 'currency' });
			}
		}
	}
}

function compareHandles(variants: readonly VariantFacts[], handles: HandleMap, out: Mismatch[]): void {
	const owner = new Map<string, { account: string; platform: string }>();
	for (const [account, perPlatform] of Object.entries(handles)) {
		for (const [platform, h] of Object.entries(perPlatform ?? {})) {
			if (typeof h === 'string' && h.trim()) {
				owner.set(withAt(h), { account, platform });
			}
		}
	}
	if (!owner.size) {
		return;
	}
	for (const v of variants) {
		for (const f of v.facts) {
			if (f.kind !== 'handle') {
				continue;
			}
			const o = owner.get(f.value);
			const expected = o ? handles[o.account]?.[v.platform] : undefined;
			if (!o || typeof expected !== 'string' || withAt(expected) === f.value) {
				continue;
			}
			// The post that mentions the account with its handle there, when one does.
			let ref: Mismatch['ref'];
			for (const w of variants) {
				const hit = w.facts.find((g) => g.kind === 'handle' && owner.get(g.value)?.account === o.account && withAt(handles[o.account][w.platform] ?? '') === g.value);
				if (hit && w !== v) {
					ref = { variant: w, fact: hit };
					break;
				}
			}
			const shown = expected.trim().startsWith('@') ? expected.trim() : `@${expected.trim()}`;
			out.push({ kind: 'handle', odd: { variant: v, fact: f }, ref, reason: 'handle', expected: shown, account: o.account, other: o.platform });
		}
	}
}

function withAt(h: string): string {
	const t = h.trim().toLowerCase();
	return t.startsWith('@') ? t : `@${t}`;
}
