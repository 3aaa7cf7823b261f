/**
 * Runs the rules over a draft: parses it, works out each post's targets (one per platform),
 * measures every field, runs each enabled rule on each target, and returns findings with
 * source offsets. A cache keyed by each post's own text and settings lets an edit re-check
 * only the post it touches.
 */
import { compareVariants, type HandleMap, type Mismatch, type VariantFacts } from '../campaign';
import { profileFor, type ResolvedConfig } from '../config';
import { countText } from '../counting/count';
import { applyExceptions, exceptionsOf, parseDirectives, postIndexAt, type Directive, type HiddenFinding, type LintException } from '../directives';
import { parseDraft, type Draft, type Located, type Post, type PostSettings } from '../draft';
import { extractFacts, type FactOptions } from '../facts';
import { imagesOf, type ImageReader, type PostImage, type PostMedia } from '../media';
import { language, msg } from '../messages';
import { canonicalPlatformId, modeOf, platformName, type FieldName, type FieldSpec, type PlatformProfile } from '../platforms';
import type { FieldCount, Rule, RuleContext, RuleReport, Target } from '../rule';
import { PSEUDO_RULES, ruleById, rules as allRules } from '../rules';
import { normalizeTerms } from '../terms';
import { lineOf, lineStarts, utf8Length } from '../text';
import { TextView } from '../textview';
import type { Finding, Fix, RelatedLocation, Severity } from '../types';

export interface LintInput {
	text: string;
	config: ResolvedConfig;
	/** The file matched the config's `drafts` globs: a draft even without a platform in it. */
	matchedDraftGlob?: boolean;
	/** Only these rule ids (for tests and `--rule`). */
	only?: readonly string[];
	/**
	 * The other files of the campaign folder this file belongs to (copydesk.json `campaigns`):
	 * their posts' facts, which campaign-consistency compares with this file's posts.
	 */
	peers?: readonly CampaignPeer[];
	/**
	 * This file's name among its peers (as their `file`): variants are ordered by file and post, so
	 * that which one is the reference on a tie does not depend on which file is being linted.
	 */
	file?: string;
	/** Reads what is known about an image file a post names (the host's file system); without it only the draft is checked. */
	readImage?: ImageReader;
}

/** Another file of the same campaign: its path (as messages show it), text and variants (`LintResult.variants`). */
export interface CampaignPeer {
	file: string;
	/** The file's absolute path, for related locations in editors and SARIF. */
	path?: string;
	text: string;
	variants: readonly VariantFacts[];
}

export interface LintResult {
	draft: Draft;
	isDraft: boolean;
	targets: Target[];
	findings: Finding[];
	/** Rules switched off by disable comments, with their reasons and what they suppressed. */
	exceptions: LintException[];
	/** The findings the exceptions hid, in source order, each with its exception. */
	hidden: HiddenFinding[];
	/** Each post's facts for campaign-consistency (source offsets; `file` ''), when the rule runs. */
	variants: VariantFacts[];
	/** Each post's images (posts with platforms), with what the reader knew of their files. */
	media: PostMedia[];
}

interface CacheEntry {
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

/** Text of a field as the platform counts it, and how its offsets map to the source. */
interface FieldText {
	text: string;
	start: number;
	end: number;
	toSource(i: number): number;
}

function fieldText(draft: Draft, post: Post, field: FieldName): FieldText | undefined {
	if (field === 'body') {
		const b = post.body;
		return { text: b.text, start: b.toSource(0), end: b.srcEnd, toSource: (i) => b.toSource(i) };
	}
	const loc = post.settings[field] as Located<string> | undefined;
	if (!loc) {
		return undefined;
	}
	if (loc.exact) {
		const v = new TextView(draft.text, loc.start, loc.end);
		return { text: loc.value, start: loc.start, end: loc.end, toSource: (i) => (v.text === loc.value ? loc.start + i : loc.start) };
	}
	return { text: loc.value, start: loc.start, end: loc.end, toSource: () => loc.start };
}

function measureField(draft: Draft, post: Post, p: PlatformProfile, field: FieldName, spec: FieldSpec): FieldCount | undefined {
	const ft = fieldText(draft, post, field);
	return ft ? measureFieldText(ft, p, field, spec) : undefined;
}

function measureFieldText(ft: FieldText, p: PlatformProfile, field: FieldName, spec: FieldSpec): FieldCount {
	const breached = [spec.limit, spec.warn].filter((n): n is number => n !== undefined);
	const lowest = breached.length ? Math.min(...breached) : undefined;
	const r = countText(ft.text, p, lowest);
	const fc: FieldCount = { field, count: r.count, limit: spec.limit, warn: spec.warn, fold: spec.fold, start: ft.start, end: ft.end, text: ft.text };
	if (r.overflowAt !== undefined) {
		// Report past the highest limit breached: past `limit` when over it, else past `warn`.
		const over = spec.limit !== undefined && r.count > spec.limit && spec.limit !== lowest
			? countText(ft.text, p, spec.limit).overflowAt ?? r.overflowAt
			: r.overflowAt;
		fc.overflowAt = ft.toSource(over);
	}
	if (spec.fold !== undefined && r.count > spec.fold) {
		const f = countText(ft.text, p, spec.fold).overflowAt;
		if (f !== undefined) {
			fc.foldAt = ft.toSource(f);
		}
	}
	if (spec.byteLimit !== undefined) {
		fc.byteCount = utf8Length(ft.text);
		fc.byteLimit = spec.byteLimit;
		if (fc.byteCount > spec.byteLimit) {
			const at = countText(ft.text, { ...p, unit: 'utf8', url: undefined, emoji: undefined, mention: 'full' }, spec.byteLimit).overflowAt;
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
	return measureFieldText({ text, start: 0, end: text.length, toSource: (i) => i }, p, 'body', p.body);
}

const FIELDS: FieldName[] = ['title', 'digest', 'author', 'body'];

function measureTarget(draft: Draft, post: Post, p: PlatformProfile): FieldCount[] {
	const out: FieldCount[] = [];
	for (const f of FIELDS) {
		const spec = p[f];
		if (f === 'body' || spec) {
			const fc = measureField(draft, post, p, f, spec ?? {});
			if (fc) {
				out.push(fc);
			}
		}
	}
	return out;
}

function severityOf(rule: Rule, config: ResolvedConfig): Severity | 'off' {
	return config.rules[rule.meta.id]?.severity ?? rule.meta.defaultSeverity;
}

// Options depend only on the rule and the config: computed once per config, not per post.
const optionCache = new WeakMap<ResolvedConfig, Map<string, Record<string, unknown>>>();

function optionsOf(rule: Rule, config: ResolvedConfig): Record<string, unknown> {
	let perConfig = optionCache.get(config);
	if (!perConfig) {
		perConfig = new Map();
		optionCache.set(config, perConfig);
	}
	let o = perConfig.get(rule.meta.id);
	if (!o) {
		const defaults = Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([k, x]) => [k, x.default]));
		o = Object.freeze({ ...defaults, ...(config.rules[rule.meta.id]?.options ?? {}) });
		perConfig.set(rule.meta.id, o);
	}
	return o;
}

/** The platforms a post names, resolved; unknown ones become findings. */
function targetsOf(draft: Draft, post: Post, config: ResolvedConfig, findings: Finding[]): Target[] {
	const s: PostSettings = post.settings;
	let ids: { id: string; at?: Located<string> }[] = (s.platforms ?? []).map((p) => ({ id: p.value, at: p }));
	if (!ids.length && config.defaultPlatform) {
		ids = [{ id: config.defaultPlatform }];
	}
	const out: Target[] = [];
	const seen = new Set<string>();
	for (const { id, at } of ids) {
		const canon = canonicalPlatformId(id, config.platforms);
		if (!canon) {
			findings.push({
				rule: 'front-matter', severity: 'error', post: post.index,
				start: at?.start ?? post.start, end: at?.end ?? post.start,
				message: msg('platform.unknown', { id, known: Object.keys(config.platforms).join(', ') }),
			});
			continue;
		}
		if (seen.has(canon)) {
			continue;
		}
		seen.add(canon);
		const base = config.platforms[canon];
		// A mode the platform does not have (own keys only: "constructor" is no mode) is a warning, and no mode applies.
		const mode = s.mode?.value;
		const known = modeOf(base, mode) ? mode : undefined;
		if (mode && !known) {
			findings.push({
				rule: 'front-matter', severity: 'warning', post: post.index, start: s.mode!.start, end: s.mode!.end,
				message: msg('platform.unknownMode', { platform: platformName(base, language()), mode, modes: Object.keys(base.modes ?? {}).join(', ') || '—' }),
			});
		}
		const p = profileFor(config, canon, known);
		out.push({
			post, platform: p, mode: known ?? config.platformModes[canon],
			locale: s.locale?.value ?? p.locale,
			industry: s.industry?.value ?? 'general',
			sponsored: s.sponsored?.value ?? false,
			settings: s,
			counts: measureTarget(draft, post, p),
		});
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
function cacheKey(draft: Draft, post: Post, only?: readonly string[]): string {
	const at = (x: Located<unknown>) => (x.start >= post.start ? [x.start - post.start, x.end - post.start] : ['fm', x.start, x.end]);
	const rel = Object.fromEntries(Object.entries(post.settings).map(([k, v]) => [k, Array.isArray(v)
		? v.map((x: Located<unknown>) => [x.value, ...at(x)])
		: [(v as Located<unknown>).value, ...at(v as Located<unknown>)]]));
	return `${JSON.stringify([rel, post.index, only ?? null])}\u0001${draft.text.slice(post.start, post.end)}`;
}

/** Moves a range that lies in the post (at or after `from`, the post's old start); front matter ranges stay. */
function shift<T extends { start: number; end: number }>(x: T, d: number, from: number): T {
	return x.start >= from ? { ...x, start: x.start + d, end: x.end + d } : x;
}

function rebaseFinding(f: Finding, d: number, from: number): Finding {
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

function rebaseTarget(t: Target, post: Post, d: number, from: number): Target {
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

function runRule(rule: Rule, target: Target, draft: Draft, config: ResolvedConfig, severity: Severity, out: Finding[], active: readonly { rule: Rule }[], memo: Map<string, unknown>, images?: readonly PostImage[]): void {
	const body = target.post.body;
	const lang = language();
	const toFinding = (r: RuleReport, map: (i: number) => number, mapRange: (s: number, e: number) => { start: number; end: number }): Finding => {
		const range = mapRange(r.start, r.end);
		const fixes: Fix[] | undefined = r.fixes
			?.filter((fx) => fx.edits.every((e) => map === identity || body.isContiguous(e.start, e.end)))
			.map((fx) => ({
				title: fx.title, preferred: fx.preferred, kind: fx.kind,
				edits: fx.edits.map((e) => {
					const er = e.end > e.start ? mapRange(e.start, e.end) : { start: map(e.start), end: map(e.start) };
					return { start: er.start, end: er.end, newText: e.newText };
				}),
			}));
		return {
			rule: rule.meta.id, severity: r.severity ?? severity, message: r.message, ...range,
			platform: target.platform.id, post: target.post.index, explain: r.explain,
			...(fixes?.length ? { fixes } : {}),
		};
	};
	const ctx: RuleContext = {
		target, draft, body, text: body.text, config, lang, images,
		options: optionsOf(rule, config),
		ruleOptions: (id) => {
			const other = active.find((a) => a.rule.meta.id === id)?.rule;
			return other ? optionsOf(other, config) : undefined;
		},
		t: (key, args) => msg(messageKey(rule, key), args, lang),
		shared: <T>(key: string, compute: () => T): T => {
			if (!memo.has(key)) {
				memo.set(key, compute());
			}
			return memo.get(key) as T;
		},
		report: (r) => out.push(toFinding(r, (i) => body.toSource(i), (s, e) => body.rangeToSource(s, e))),
		reportSource: (r) => out.push(toFinding(r, identity, (s, e) => ({ start: s, end: e }))),
	};
	rule.check(ctx);
}

const identity = (i: number) => i;

// A rule's message keys (`rule.key`), made once: a key built per call is a new string to hash at every lookup.
const messageKeys = new WeakMap<Rule, Map<string, string>>();

function messageKey(rule: Rule, key: string): string {
	let keys = messageKeys.get(rule);
	if (!keys) {
		keys = new Map();
		messageKeys.set(rule, keys);
	}
	let full = keys.get(key);
	if (full === undefined) {
		full = `${rule.meta.id}.${key}`;
		keys.set(key, full);
	}
	return full;
}

function dedupe(findings: Finding[]): Finding[] {
	const seen = new Set<string>();
	return findings.filter((f) => {
		const k = `${f.rule}\u0000${f.start}\u0000${f.end}\u0000${f.message}`;
		if (seen.has(k)) {
			return false;
		}
		seen.add(k);
		return true;
	});
}

/** The result for a file that was not checked (too large): that one finding, nothing else. */
export function uncheckedResult(finding: Finding): LintResult {
	return { draft: parseDraft(''), isDraft: true, targets: [], findings: [finding], exceptions: [], hidden: [], variants: [], media: [] };
}

export function lint(input: LintInput, cache?: LintCache): LintResult {
	const { text, config } = input;
	const draft = parseDraft(text);
	// A file whose front matter cannot be read is a draft: its problems are reported, never passed over as "not a draft".
	const isDraft = draft.declaresPlatform || !!input.matchedDraftGlob || !!draft.unreadableFrontMatter;
	if (!isDraft) {
		return { draft, isDraft, targets: [], findings: [], exceptions: [], hidden: [], variants: [], media: [] };
	}
	const findings: Finding[] = draft.problems.map((p) => ({ rule: 'front-matter', severity: p.severity ?? 'error', message: p.message, start: p.start, end: p.end }));
	const active = (input.only ? input.only.map((id) => ruleById(id)).filter((r): r is Rule => !!r) : allRules)
		.map((r) => ({ rule: r, severity: severityOf(r, config) }))
		.filter((x): x is { rule: Rule; severity: Severity } => x.severity !== 'off');
	// Rules that read files run after the per-post phase, on every lint: the cache cannot see a file change.
	const perPost = active.filter((a) => a.rule.meta.reads !== 'files');
	const fileRules = active.filter((a) => a.rule.meta.reads === 'files');
	const targets: Target[] = [];
	const variants: VariantFacts[] = [];
	const consistency = active.find((a) => a.rule.meta.id === 'campaign-consistency');
	const old = cache?.begin(config);
	for (const post of draft.posts) {
		const key = cache ? cacheKey(draft, post, input.only) : '';
		const hit = cache && old ? cache.get(old, key) : undefined;
		if (hit) {
			const from = hit.targets[0]?.post.start;
			const d = post.start - from;
			const delta = Number.isFinite(d) ? d : 0;
			for (const f of hit.findings) {
				findings.push(rebaseFinding(f, delta, from));
			}
			for (const t of hit.targets) {
				targets.push(rebaseTarget(t, post, delta, from));
			}
			if (hit.variant) {
				variants.push(delta === 0 ? { ...hit.variant, post: post.index } : { ...hit.variant, post: post.index, facts: hit.variant.facts.map((f) => shift(f, delta, from)) });
			}
			continue;
		}
		const postFindings: Finding[] = [];
		const postTargets = targetsOf(draft, post, config, postFindings);
		if (!postTargets.length && !(post.settings.platforms?.length)) {
			postFindings.push({ rule: 'front-matter', severity: 'warning', post: post.index, start: post.marker?.start ?? 0, end: post.marker?.end ?? 0, message: msg('platform.none') });
		}
		// What rules derive from the post body (ctx.shared), for this post's rules and targets only.
		const memo = new Map<string, unknown>();
		for (const target of postTargets) {
			for (const { rule, severity } of perPost) {
				try {
					runRule(rule, target, draft, config, severity, postFindings, active, memo);
				} catch (e) {
					// One rule's failure never hides the others' findings; it is an error the CLI fails on (exit 2), never a silent skip.
					postFindings.push({
						rule: rule.meta.id, severity: 'error', internal: true, post: post.index, platform: target.platform.id,
						start: post.body.toSource(0), end: post.body.toSource(0),
						message: msg('rule.crashed', { rule: rule.meta.id, detail: e instanceof Error ? e.message : String(e) }),
					});
				}
			}
		}
		const variant = consistency && postTargets.length ? variantOf(post, postTargets[0], config) : undefined;
		if (variant) {
			variants.push(variant);
		}
		const deduped = dedupe(postFindings);
		// A loop, not push(...xs): a huge post can have more findings than a call takes arguments.
		for (const f of deduped) {
			findings.push(f);
		}
		targets.push(...postTargets);
		// Entries without targets (no platform) are cached with the post's start as a base.
		if (cache && postTargets.length) {
			cache.set(key, { findings: deduped, targets: postTargets, variant });
		}
	}
	const media: PostMedia[] = [];
	const postsWithTargets = new Map<number, Target[]>();
	for (const t of targets) {
		postsWithTargets.set(t.post.index, [...(postsWithTargets.get(t.post.index) ?? []), t]);
	}
	for (const [index, ts] of postsWithTargets) {
		const images = imagesOf(ts[0].post, draft.text, input.readImage);
		media.push({ post: index, images });
		const found: Finding[] = [];
		const memo = new Map<string, unknown>();
		for (const target of ts) {
			for (const { rule, severity } of fileRules) {
				try {
					runRule(rule, target, draft, config, severity, found, active, memo, images);
				} catch (e) {
					found.push({
						rule: rule.meta.id, severity: 'warning', post: index, platform: target.platform.id,
						start: target.post.body.toSource(0), end: target.post.body.toSource(0),
						message: msg('rule.crashed', { rule: rule.meta.id, detail: e instanceof Error ? e.message : String(e) }),
					});
				}
			}
		}
		for (const f of dedupe(found)) {
			findings.push(f);
		}
	}
	// The per-post check of campaign-consistency reports nothing: a finding of it here is its crash, and then it is skipped.
	if (consistency && !findings.some((f) => f.rule === 'campaign-consistency')) {
		try {
			for (const f of campaignFindings(draft, variants, input.peers ?? [], config, consistency.rule, consistency.severity, input.file ?? '')) {
				findings.push(f);
			}
		} catch (e) {
			const at = draft.posts[0]?.body.toSource(0) ?? 0;
			findings.push({ rule: 'campaign-consistency', severity: 'warning', start: at, end: at, message: msg('rule.crashed', { rule: 'campaign-consistency', detail: e instanceof Error ? e.message : String(e) }) });
		}
	}
	const directives = parseDirectives(draft);
	const exceptions = exceptionsOf(draft, directives);
	const hidden: HiddenFinding[] = [];
	const kept = applyExceptions(findings, exceptions, hidden);
	const reasonRule = ruleById('disable-reason');
	const reasonSeverity = reasonRule ? severityOf(reasonRule, config) : 'off';
	if (reasonSeverity !== 'off' && (!input.only || input.only.includes('disable-reason'))) {
		// Stale exceptions are judged only when every rule ran: with `only`, a rule left out hides nothing.
		const ran = input.only ? undefined : { config, targets };
		for (const f of directiveFindings(draft, directives, exceptions, reasonSeverity, ran)) {
			kept.push(f);
		}
	}
	kept.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
	hidden.sort((a, b) => a.finding.start - b.finding.start || a.finding.end - b.finding.end || a.finding.rule.localeCompare(b.finding.rule));
	return { draft, isDraft, targets, findings: kept, exceptions, hidden, variants, media };
}

// The team's product names (terms with a preferred word) and handle map, read once per config.
const campaignData = new WeakMap<ResolvedConfig, { products: FactOptions['products']; handles: HandleMap }>();

function campaignDataOf(config: ResolvedConfig): { products: FactOptions['products']; handles: HandleMap } {
	let d = campaignData.get(config);
	if (!d) {
		const products = normalizeTerms(config.extra.terms).filter((t) => t.preferred).map((t) => ({ name: t.preferred!, variants: t.forbidden }));
		const raw = config.extra.handles;
		const handles: HandleMap = {};
		if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
			for (const [account, perPlatform] of Object.entries(raw as Record<string, unknown>)) {
				if (perPlatform && typeof perPlatform === 'object' && !Array.isArray(perPlatform)) {
					handles[account] = Object.fromEntries(Object.entries(perPlatform as Record<string, unknown>)
						.filter((e): e is [string, string] => typeof e[1] === 'string')
						.map(([p, h]) => [canonicalPlatformId(p, config.platforms) ?? p.toLowerCase(), h]));
				}
			}
		}
		d = { products, handles };
		campaignData.set(config, d);
	}
	return d;
}

/** A post's facts, read from its body as its first platform sees it (tags, mentions), in source offsets. */
function variantOf(post: Post, target: Target, config: ResolvedConfig): VariantFacts {
	const facts = extractFacts(post.body.text, { platform: target.platform, products: campaignDataOf(config).products })
		.map((f) => ({ ...f, ...post.body.rangeToSource(f.start, f.end) }));
	return { file: '', post: post.index, platform: target.platform.id, facts };
}

/** Facts this many posts or more are not compared (a file of thousands of posts is no campaign). */
const MAX_VARIANTS = 200;

/**
 * campaign-consistency over the posts of this file and its campaign peers: findings on this
 * file's posts only, each with the post it disagrees with as related information.
 */
function campaignFindings(draft: Draft, own: readonly VariantFacts[], peers: readonly CampaignPeer[], config: ResolvedConfig, rule: Rule, severity: Severity, self: string): Finding[] {
	const kinds = optionsOf(rule, config).facts;
	const keep = Array.isArray(kinds) ? new Set(kinds) : undefined;
	const name = (v: VariantFacts) => (v.file === '' ? self : v.file);
	const all: VariantFacts[] = [...own, ...peers.flatMap((p) => p.variants.map((v) => ({ ...v, file: p.file })))]
		.map((v) => (keep ? { ...v, facts: v.facts.filter((f) => keep.has(f.kind)) } : v))
		.sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : a.post - b.post));
	if (all.length > MAX_VARIANTS) {
		return [];
	}
	const lang = language();
	const t = (key: string, args?: Record<string, string | number>) => msg(`campaign-consistency.${key}`, args, lang);
	const textOf = new Map<string, string>([['', draft.text], ...peers.map((p) => [p.file, p.text] as [string, string])]);
	const pathOf = new Map(peers.map((p) => [p.file, p.path]));
	const starts = new Map<string, number[]>();
	const locate = (file: string, start: number, end: number): Omit<RelatedLocation, 'message'> => {
		let ls = starts.get(file);
		if (!ls) {
			ls = lineStarts(textOf.get(file) ?? '');
			starts.set(file, ls);
		}
		const l = lineOf(ls, start);
		const el = lineOf(ls, end);
		const where = pathOf.get(file);
		return { ...(file ? { file } : {}), ...(where ? { path: where } : {}), start, end, line: l, character: start - ls[l], endLine: el, endCharacter: end - ls[el] };
	};
	const nameOf = (id: string) => (config.platforms[id] ? platformName(config.platforms[id], lang) : id);
	const single = new Set(peers.filter((p) => p.variants.length === 1).map((p) => p.file));
	const where = (v: VariantFacts) => (v.file
		? single.has(v.file) ? t('file', { file: v.file, platform: nameOf(v.platform) }) : t('postIn', { file: v.file, n: v.post + 1, platform: nameOf(v.platform) })
		: t('post', { n: v.post + 1, platform: nameOf(v.platform) }));
	const out: Finding[] = [];
	const explain = t('explain');
	for (const m of compareVariants(all, campaignDataOf(config).handles) as Mismatch[]) {
		if (m.odd.variant.file !== '') {
			continue;
		}
		const { fact } = m.odd;
		let message: string;
		let related: RelatedLocation[] = [];
		if (m.reason === 'handle') {
			message = t('handle', { odd: fact.text, account: m.account!, other: nameOf(m.other!), platform: nameOf(m.odd.variant.platform), expected: m.expected! });
			if (m.ref) {
				related = [{ ...locate(m.ref.variant.file, m.ref.fact.start, m.ref.fact.end), message: t('relatedHandle', { where: where(m.ref.variant), account: m.account!, ref: m.ref.fact.text }) }];
			}
		} else {
			const ref = m.ref!;
			message = m.reason === 'currency'
				? t('currency', { odd: fact.text, ref: ref.fact.text, where: where(ref.variant), currency: ref.fact.currency ?? '' })
				: t('value', { kind: t(`kind.${m.kind}`), odd: fact.text, ref: ref.fact.text, where: where(ref.variant) });
			related = [{ ...locate(ref.variant.file, ref.fact.start, ref.fact.end), message: t('related', { where: where(ref.variant), ref: ref.fact.text }) }];
		}
		out.push({
			rule: 'campaign-consistency', severity, message, start: fact.start, end: fact.end,
			platform: m.odd.variant.platform, post: m.odd.variant.post, explain, ...(related.length ? { related } : {}),
		});
	}
	return out;
}

/** Rule ids a directive may name: the rules and the engine's pseudo-rules. */
const knownRule = (id: string) => !!ruleById(id) || (PSEUDO_RULES as readonly string[]).includes(id);

/**
 * Whether an exception hid nothing although everything it names was checked where it applies:
 * every rule it names exists and is enabled (pseudo-rules always run), and its scope is empty
 * (it can never hide anything) or overlaps a post that has platforms (rules ran there).
 */
/** The source ranges of the posts that have targets, sorted and without repeats. */
function targetedPosts(targets: readonly Target[]): { start: number; end: number }[] {
	const out: { start: number; end: number }[] = [];
	for (const t of targets) {
		const last = out[out.length - 1];
		if (!last || last.start !== t.post.start) {
			out.push({ start: t.post.start, end: t.post.end });
		}
	}
	return out.sort((a, b) => a.start - b.start);
}

function isStale(x: LintException, config: ResolvedConfig, posts: readonly { start: number; end: number }[]): boolean {
	if (x.suppressed > 0) {
		return false;
	}
	for (const id of x.rules) {
		const r = ruleById(id);
		if (r ? severityOf(r, config) === 'off' : !knownRule(id)) {
			return false;
		}
	}
	if (x.scope.end <= x.scope.start) {
		return true;
	}
	// The first post ending after the scope starts is the only one that can be the leftmost overlap (posts are disjoint).
	let lo = 0;
	let hi = posts.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (posts[mid].end <= x.scope.start) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo < posts.length && posts[lo].start < x.scope.end;
}

/**
 * `disable-reason`: directives without a reason, rule ids that do not exist, and (when `ran`
 * says every enabled rule ran) exceptions that hid nothing. A stale exception gets only the
 * "remove it" finding: asking for a reason for it would be noise.
 */
function directiveFindings(
	draft: Draft, directives: readonly Directive[], exceptions: readonly LintException[], severity: Severity,
	ran?: { config: ResolvedConfig; targets: readonly Target[] },
): Finding[] {
	const out: Finding[] = [];
	const explain = msg('disable-reason.explain');
	// exceptionsOf makes one exception per disable directive, in order; enables make none.
	const byStart = new Map(exceptions.map((x) => [x.start, x]));
	const targeted = targetedPosts(ran?.targets ?? []);
	for (const d of directives) {
		const post = postIndexAt(draft, d.start);
		const at = post !== undefined ? { post } : {};
		const directive = `copydesk-${d.kind}`;
		const rules = d.rules.length ? ` ${d.rules.join(', ')}` : '';
		d.rules.forEach((id, i) => {
			if (!knownRule(id)) {
				out.push({ rule: 'disable-reason', severity, ...d.ruleRanges[i], ...at, explain, message: msg('disable-reason.unknownRule', { id, directive }) });
			}
		});
		const x = d.kind !== 'enable' ? byStart.get(d.start) : undefined;
		if (x && ran && isStale(x, ran.config, targeted)) {
			x.stale = true;
			out.push({
				rule: 'disable-reason', severity, start: d.start, end: d.end, ...at, explain: msg('disable-reason.explainUnused'),
				message: msg('disable-reason.unused', { directive, rules }),
			});
		} else if (d.kind !== 'enable' && !d.reason) {
			out.push({
				rule: 'disable-reason', severity, start: d.start, end: d.end, ...at, explain,
				message: msg('disable-reason.noReason', { directive, rules }),
			});
		}
	}
	return out;
}
