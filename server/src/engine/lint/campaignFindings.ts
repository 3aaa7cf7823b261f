/** campaign-consistency across a file's posts and its campaign peers: run once per lint, after the per-post phase, never cached. */
import type { Readings } from '../reading';
import { compareVariants, type HandleMap, type Mismatch, type VariantFacts } from '../campaign';
import type { ResolvedConfig } from '../config';
import type { Draft, Post } from '../draft';
import { extractFacts, type FactOptions } from '../facts';
import { language, msg } from '../messages';
import { canonicalPlatformId, platformName } from '../platforms';
import type { Rule, Target } from '../rule';
import { normalizeTerms } from '../terms';
import { lineOf, lineStarts } from '../text';
import type { Finding, RelatedLocation, Severity } from '../types';
import type { CampaignPeer } from './result';
import { optionsOf } from './targets';

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
export function variantOf(post: Post, target: Target, config: ResolvedConfig, readings?: Readings): VariantFacts {
	const facts = extractFacts(post.body.text, { platform: target.platform, products: campaignDataOf(config).products, reading: readings?.of(post.body.text) })
		.map((f) => ({ ...f, ...post.body.rangeToSource(f.start, f.end) }));
	return { file: '', post: post.index, platform: target.platform.id, facts };
}

/** Facts this many posts or more are not compared (a file of thousands of posts is no campaign). */
export const MAX_VARIANTS = 200;

/**
 * campaign-consistency over the posts of this file and its campaign peers: findings on this
 * file's posts only, each with the post it disagrees with as related information.
 */
export function campaignFindings(draft: Draft, own: readonly VariantFacts[], peers: readonly CampaignPeer[], config: ResolvedConfig, rule: Rule, severity: Severity, self: string): Finding[] {
	// Too many variants to compare: said before copying and sorting them (an edited 1 MB file has thousands).
	if (own.length + peers.reduce((n, p) => n + p.variants.length, 0) > MAX_VARIANTS) {
		return [];
	}
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
