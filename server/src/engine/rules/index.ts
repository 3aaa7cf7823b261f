/**
 * The rule registry: every rule module, in the order rules run. Adds each rule's strings to
 * the message catalogs and checks that ids are unique. Add a rule here, with its docs page
 * docs/rules/<id>.md and its fixtures under test/fixtures/<id>/.
 */
import { registerMessages, type Catalog, type Lang } from '../messages';
import type { Rule } from '../rule';
import adAbsoluteTerms from './ad-absolute-terms';
import adDisclosure from './ad-disclosure';
import adGuarantee from './ad-guarantee';
import campaignConsistency from './campaign-consistency';
import cjkDensity from './cjk-density';
import disableReason from './disable-reason';
import hashtagSyntax from './hashtag-syntax';
import media from './media';
import mediaAlt from './media-alt';
import platformFold from './platform-fold';
import platformLimit from './platform-limit';
import requiredFields from './required-fields';
import team from './team';
import terms from './terms';
import toneAggressive from './tone-aggressive';
import toneHardSell from './tone-hard-sell';
import toneShouting from './tone-shouting';
import toneStonewall from './tone-stonewall';
import zhPunctuation from './zh-punctuation';
import zhScript from './zh-script';
import zhSpacing from './zh-spacing';

export const rules: readonly Rule[] = [
	platformLimit,
	platformFold,
	requiredFields,
	media,
	mediaAlt,
	cjkDensity,
	zhSpacing,
	zhPunctuation,
	zhScript,
	hashtagSyntax,
	adAbsoluteTerms,
	adGuarantee,
	adDisclosure,
	toneHardSell,
	toneShouting,
	toneAggressive,
	toneStonewall,
	terms,
	team,
	campaignConsistency,
	disableReason,
];

const byId = new Map<string, Rule>();
for (const r of rules) {
	if (byId.has(r.meta.id)) {
		throw new Error(`Duplicate rule id ${r.meta.id}`);
	}
	byId.set(r.meta.id, r);
	const prefixed = (c: Catalog) => Object.fromEntries(Object.entries(c).map(([k, v]) => [`${r.meta.id}.${k}`, v]));
	registerMessages({ en: prefixed(r.meta.messages.en), 'zh-cn': prefixed(r.meta.messages['zh-cn']) } as Record<Lang, Catalog>);
}

export function ruleById(id: string): Rule | undefined {
	return byId.get(id);
}

/** Ids of findings that do not come from a rule module: input problems in drafts and config, and files that cannot be checked or fixed as they are. */
export const PSEUDO_RULES = ['front-matter', 'config', 'file'] as const;

/** Where a rule's documentation lives. */
export function docsUrl(id: string): string {
	return `https://github.com/copydesk/copydesk/blob/main/docs/rules/${id}.md`;
}
