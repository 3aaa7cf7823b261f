/**
 * The one matcher of the tone and compliance rules: every word list (ad-absolute-terms,
 * ad-guarantee, tone-aggressive, tone-stonewall, tone-hard-sell), every pattern class of their
 * data files, ad-disclosure's signal words and the post-kind words compile into one lexicon, in
 * groups that do not shadow each other. Each post's text (and its title and digest) is walked once
 * (shared through ctx.shared); the rules read its hits. Post kinds are inferred here too.
 * The team's own rules (teamrules/, run by rules/team.ts) compile into the same lexicon, one
 * group per rule and role (words, `if`, `then`, exception phrases), when the configuration has any.
 */
import absolute from '../data/absolute-terms.json';
import adData from '../data/ad-disclosure.json';
import aggressive from '../data/aggressive.json';
import guarantees from '../data/guarantees.json';
import hardSell from '../data/hard-sell.json';
import kindsData from '../data/post-kinds.json';
import stonewall from '../data/stonewall.json';
import type { PostKind } from '../draft';
import { classKey, Scan, setNotSuperlative, sharedScan, type ClassEntry, type PatternFile, type PatternMatch } from '../judge';
import { Lexicon, wordListTerms, type LexiconHit, type LexiconTerm, type WordList, type WordListItem } from '../lexicon';
import type { FieldName } from '../platforms';
import type { RuleContext } from '../rule';
import { teamRulesOf, type TeamMatcher, type TeamRule } from '../teamrules';
import { findSeparatedMentions } from '../social';
import { findLinks } from '../text';
import { contextFields } from '../fields';

export type Owner = 'absolute' | 'guarantee' | 'aggressive' | 'stonewall' | 'hardSell' | 'ad' | 'kind' | 'team';

/** What a team rule's hit is: which rule (its index in the config's team rules), which of its lists, which entry. */
export interface TeamHit {
	rule: number;
	role: 'match' | 'if' | 'then' | 'except';
	entry: number;
}

export interface Entry {
	owner: Owner;
	/** `owner:class` for pattern classes and kind words. */
	cls?: string;
	item?: WordListItem;
	signal?: { category: string; weight: number };
	weight?: number;
	team?: TeamHit;
}

export const LISTS = {
	absolute: absolute as unknown as WordList & PatternFile,
	guarantee: guarantees as unknown as WordList & PatternFile,
	aggressive: aggressive as unknown as WordList & PatternFile,
	stonewall: stonewall as unknown as WordList & PatternFile,
	hardSell: hardSell as unknown as WordList & PatternFile,
};

setNotSuperlative((absolute as { notSuperlative?: string[] }).notSuperlative ?? []);

function classTerms(owner: Owner, cls: string, entries: readonly ClassEntry[], group: number, weight?: number): LexiconTerm<Entry>[] {
	return entries.map((e) => {
		const x = typeof e === 'string' ? { term: e } : e;
		return { term: x.term, except: x.except, word: x.word, group, value: { owner, cls: classKey(owner, cls), weight } };
	});
}

/** The rule each part of the matcher serves (kind words serve two). */
const OWNER_RULES: Record<Owner, readonly string[]> = {
	absolute: ['ad-absolute-terms'], guarantee: ['ad-guarantee'], aggressive: ['tone-aggressive'], stonewall: ['tone-stonewall'],
	hardSell: ['tone-hard-sell'], ad: ['ad-disclosure'], kind: ['ad-disclosure', 'tone-stonewall'], team: ['team'],
};
const OWNERS = Object.keys(OWNER_RULES) as Owner[];

/** A team rule's words and patterns as lexicon terms of one group. */
function teamTerms(list: readonly TeamMatcher[] | undefined, rule: number, role: TeamHit['role'], group: number): LexiconTerm<Entry>[] {
	const out: LexiconTerm<Entry>[] = [];
	(list ?? []).forEach((m, entry) => {
		const value: Entry = { owner: 'team', team: { rule, role, entry } };
		if (m.paths) {
			for (const steps of m.paths) {
				out.push({ term: m.source, steps, group, value });
			}
		} else {
			out.push({ term: m.source, except: m.except, group, value });
		}
	});
	return out;
}

function compile(owners: ReadonlySet<Owner>, team: readonly TeamRule[] = []): Lexicon<Entry> {
	return new Lexicon(judgmentTerms(owners, team));
}

/** Every term of the matcher for these owners (and team rules), in groups. */
export function judgmentTerms(owners: ReadonlySet<Owner> = new Set(OWNERS), team: readonly TeamRule[] = []): LexiconTerm<Entry>[] {
	const terms: LexiconTerm<Entry>[] = [];
	let group = 0;
	for (const [owner, list] of Object.entries(LISTS) as [Owner, WordList & PatternFile][]) {
		if (!owners.has(owner)) {
			continue;
		}
		const g = group++;
		for (const t of wordListTerms(list)) {
			terms.push({ ...t, group: g, value: { owner, item: t.value } });
		}
		for (const [cls, entries] of Object.entries(list.classes ?? {})) {
			terms.push(...classTerms(owner, cls, entries, group++));
		}
	}
	if (owners.has('ad')) {
		const g = group++;
		for (const c of adData.signals as { category: string; weight: number; terms: string[]; except?: Record<string, string[]> }[]) {
			for (const term of c.terms) {
				terms.push({ term, except: c.except?.[term], group: g, value: { owner: 'ad', signal: { category: c.category, weight: c.weight } } });
			}
		}
	}
	if (owners.has('kind')) {
		for (const [kind, words] of Object.entries(kindsData.kinds)) {
			terms.push(...classTerms('kind', kind, words.strong, group, 2), ...classTerms('kind', kind, words.weak, group, 1));
			group++;
		}
	}
	if (owners.has('team')) {
		team.forEach((r, i) => {
			terms.push(...teamTerms(r.match, i, 'match', group++), ...teamTerms(r.if, i, 'if', group++), ...teamTerms(r.then, i, 'then', group++));
			if (r.except.length) {
				terms.push(...teamTerms(r.except.map((source) => ({ source })), i, 'except', group++));
			}
		});
	}
	return terms;
}

/** Matchers by the set of rules that run (a configuration, or `only`): compiled once each, a handful at most. */
const matchers = new Map<string, Lexicon<Entry>>();
const ALL_KEY = OWNERS.filter((o) => o !== 'team').join(',');

/**
 * The matcher of every tone and compliance rule (tests, tools): what a lint with all of them on
 * uses. Compiled on first use, not when the module loads: a CLI run with no post to judge (or
 * `--help`) does not pay for it at start-up.
 */
export function fullMatcher(): Lexicon<Entry> {
	let m = matchers.get(ALL_KEY);
	if (!m) {
		m = compile(new Set(OWNERS));
		matchers.set(ALL_KEY, m);
	}
	return m;
}

/**
 * The one matcher for this lint: the word lists and patterns of the tone and compliance rules that
 * run (enabled in the configuration and part of the run), so a rule run alone walks only its own
 * lists, and a full lint walks everything once.
 */
function matcherFor(ctx: RuleContext): Matcher {
	// The same for every rule and target of a post (one configuration, one run).
	return ctx.shared('judgment.matcher', () => pickMatcher(ctx));
}

// With team rules, matchers are per configuration (the team's lists are part of it).
const teamMatchers = new WeakMap<object, Map<string, Lexicon<Entry>>>();

/** A matcher, its owners' key, and the key of its scans in ctx.shared (one string: hashed once). */
interface Matcher {
	key: string;
	lexicon: Lexicon<Entry>;
	scanKey: string;
}

const scanKeys = new Map<string, string>();

function pickMatcher(ctx: RuleContext): Matcher {
	const team = teamRulesOf(ctx.config.extra);
	const owners = OWNERS.filter((o) => (o !== 'team' || team.length > 0) && OWNER_RULES[o].some((id) => ctx.ruleOptions(id) !== undefined));
	const key = owners.join(',');
	const cache = owners.includes('team') ? (teamMatchers.get(ctx.config) ?? teamMatchers.set(ctx.config, new Map()).get(ctx.config)!) : matchers;
	let lexicon = cache.get(key);
	if (!lexicon) {
		lexicon = compile(new Set(owners), team);
		cache.set(key, lexicon);
	}
	let scanKey = scanKeys.get(key);
	if (scanKey === undefined) {
		scanKeys.set(key, (scanKey = `judgment\u0000${key}`));
	}
	return { key, lexicon, scanKey };
}

/** The shared scan of one text (the body, or a field's text) with this lint's matcher. */
export function judgmentScan(ctx: RuleContext, text: string): Scan<Entry> {
	const m = matcherFor(ctx);
	return sharedScan(ctx, m.scanKey, m.lexicon, text);
}

export interface FieldScan {
	scan: Scan<Entry>;
	field: FieldName;
	/** Added to offsets when reporting (a field's source offset). */
	shift: number;
	/** Offsets are source offsets (a front matter field) rather than body-view offsets. */
	source: boolean;
}

/** The body's scan, then the title's and digest's when their source text is exactly the value. */
export function scanPost(ctx: RuleContext): FieldScan[] {
	const out: FieldScan[] = [{ scan: judgmentScan(ctx, ctx.text), field: 'body', shift: 0, source: false }];
	for (const fc of contextFields(ctx)) {
		if (fc.field === 'body' || fc.field === 'author' || ctx.draft.text.slice(fc.start, fc.end) !== fc.text) {
			continue;
		}
		out.push({ scan: judgmentScan(ctx, fc.text), field: fc.field, shift: fc.start, source: true });
	}
	return out;
}

/** What must not be read as a claim: links and @mentions (per text, shared). */
export function skipSpans(ctx: RuleContext, text: string): { start: number; end: number }[] {
	const r = ctx.reading(text);
	return r.getShared('judgment.skip', () => [...findLinks.shared(text, r), ...findSeparatedMentions(text, r)]);
}

// The `allow` option's phrases, compiled once per options object (options are per config).
const allowCache = new WeakMap<object, Lexicon<true> | undefined>();

/** The team's allowed phrases (product names, trademarks): literal strings from the rule's `allow` option. */
export function allowed(ctx: RuleContext, text: string): { start: number; end: number }[] {
	const options = ctx.options;
	if (!allowCache.has(options)) {
		const list = Array.isArray(options.allow) ? options.allow.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
		allowCache.set(options, list.length ? new Lexicon(list.map((term) => ({ term, value: true as const }))) : undefined);
	}
	return allowCache.get(options)?.find(text) ?? [];
}

/**
 * A rule's word-list hits in one scanned text, outside links, mentions and allowed phrases;
 * `unquoted`: also outside quotation marks (words mentioned, not used: 面试官最怕听到“无可奉告”).
 */
export function listHits(ctx: RuleContext, fs: FieldScan, owner: Owner, unquoted = false): LexiconHit<Entry>[] {
	const hits = fs.scan.hits.filter((h) => h.value.owner === owner && h.value.item && !(unquoted && fs.scan.isQuoted(h)));
	return hits.length ? keep(ctx, fs.scan.text, hits) : hits;
}

/** A rule's pattern matches in one scanned text, outside links, mentions and allowed phrases. */
export function patternHits(ctx: RuleContext, fs: FieldScan, owner: Owner): PatternMatch[] {
	const patterns = LISTS[owner as keyof typeof LISTS]?.patterns;
	if (!patterns?.length) {
		return [];
	}
	const found = fs.scan.match(owner, patterns, ctx.target.industry);
	return found.length ? keep(ctx, fs.scan.text, found) : found;
}

function keep<S extends { start: number; end: number }>(ctx: RuleContext, text: string, hits: S[]): S[] {
	const skip = [...skipSpans(ctx, text), ...allowed(ctx, text)];
	return skip.length ? outside(hits, skip) : hits;
}

/** The items (sorted by start) that overlap none of `skip`: one sweep, the skip spans sorted once. */
export function outside<S extends { start: number; end: number }>(items: S[], skip: { start: number; end: number }[]): S[] {
	const sorted = [...skip].sort((a, b) => a.start - b.start);
	const out: S[] = [];
	let k = 0;
	// The furthest end among skip spans that start before the current item's end.
	let reach = -1;
	let reachStart = -1;
	for (const it of [...items].sort((a, b) => a.start - b.start)) {
		while (k < sorted.length && sorted[k].start < it.end) {
			if (sorted[k].end > reach) {
				reach = sorted[k].end;
				reachStart = sorted[k].start;
			}
			k++;
		}
		if (!(reach > it.start && reachStart < it.end)) {
			out.push(it);
		}
	}
	return out;
}

/**
 * Pattern matches and word-list hits together, in order, where two overlap the longer one kept (the
 * earlier on a tie): one concern, one finding ("the best in the world" over "the best").
 */
export function longestFirst<S extends { hit: { start: number; end: number } }>(found: S[]): S[] {
	// By start (stable: list hits, given first, before patterns); an overlapping run keeps its longest.
	const sorted = [...found].sort((a, b) => a.hit.start - b.hit.start);
	const kept: S[] = [];
	for (const f of sorted) {
		const last = kept[kept.length - 1];
		if (last && f.hit.start < last.hit.end) {
			if (f.hit.end - f.hit.start > last.hit.end - last.hit.start) {
				kept[kept.length - 1] = f;
			}
			continue;
		}
		kept.push(f);
	}
	return kept;
}

/** Sum of the kind words' weights in the body scan. */
function kindWeight(scan: Scan<Entry>, kind: string): number {
	const key = classKey('kind', kind);
	let n = 0;
	for (const h of scan.hits) {
		if (h.value.owner === 'kind' && h.value.cls === key) {
			n += h.value.weight ?? 1;
		}
	}
	return n;
}

/**
 * The post's kind: front matter `kind` wins; else charity, crisis, reply (by its words, or a post
 * that starts by addressing someone), news; else undefined (ad-disclosure judges selling itself).
 */
export function postKind(ctx: RuleContext): PostKind | undefined {
	const set = ctx.target.settings.kind?.value;
	if (set) {
		return set;
	}
	return ctx.shared('judgment.kind', () => {
		const scan = judgmentScan(ctx, ctx.text);
		for (const kind of kindsData.order) {
			if (kindWeight(scan, kind) >= kindsData.threshold || (kind === 'reply' && kindsData.replyStart.some((p) => ctx.text.startsWith(p)))) {
				return kind as PostKind;
			}
		}
		return undefined;
	});
}

/** The hover's legal text, after what the pattern matches when the finding comes from a pattern (both languages in the data). */
export function withPattern(category: object, law: string, lang: 'en' | 'zh-cn'): string {
	const how = (category as { explain?: Record<'en' | 'zh-cn', string> }).explain?.[lang];
	return how ? (law ? `${how}\n\n${law}` : how) : law;
}
