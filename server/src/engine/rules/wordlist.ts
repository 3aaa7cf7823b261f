/**
 * Shared by the word-list rules (ad-absolute-terms, ad-guarantee, tone-*): finds lexicon hits
 * in the post body and in its title and digest (when the platform has them), outside links and
 * @mentions, and reports a hit
 * with offsets and fix edits in the right space (the body view, or the source for fields).
 */
import { Lexicon, type LexiconHit } from '../lexicon';
import type { FieldName } from '../platforms';
import type { FixSpec, RuleContext, RuleReport } from '../rule';
import { findSeparatedMentions } from '../social';
import { findLinks, overlapsAny } from '../text';

export interface PostHit<T> extends LexiconHit<T> {
	field: FieldName;
	/** Added to the hit's offsets (and its fixes' edits) when reporting. */
	shift: number;
	/** Offsets are source offsets (a front matter field) rather than body-view offsets. */
	source: boolean;
}

// The `allow` option's phrases, compiled once per options object (options are per config).
const allowCache = new WeakMap<object, Lexicon<true> | undefined>();

/** The team's allowed phrases (product names, trademarks): literal strings from the rule's `allow` option. */
function allowLexicon(options: Record<string, unknown>): Lexicon<true> | undefined {
	if (!allowCache.has(options)) {
		const list = Array.isArray(options.allow) ? options.allow.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
		allowCache.set(options, list.length ? new Lexicon(list.map((term) => ({ term, value: true as const }))) : undefined);
	}
	return allowCache.get(options);
}

/** Hits outside links, @mentions and allowed phrases: a name or a URL is not a claim the post makes. */
function findInText<T>(lexicon: Lexicon<T>, text: string, allow: Lexicon<true> | undefined): LexiconHit<T>[] {
	const hits = lexicon.find(text);
	if (!hits.length) {
		return hits;
	}
	// Links as copy protection reads them: an IRI's Chinese path (…/最佳方案.html) is part of the link.
	const skip: { start: number; end: number }[] = [...findLinks.shared(text), ...findSeparatedMentions(text), ...(allow?.find(text) ?? [])];
	return skip.length ? hits.filter((h) => !overlapsAny(h, skip)) : hits;
}

/** Hits in the body, then in the title and digest whose source text is exactly the value. */
export function findInPost<T>(ctx: RuleContext, lexicon: Lexicon<T>): PostHit<T>[] {
	const allow = allowLexicon(ctx.options);
	const out: PostHit<T>[] = findInText(lexicon, ctx.text, allow).map((h) => ({ ...h, field: 'body' as FieldName, shift: 0, source: false }));
	for (const fc of ctx.target.counts) {
		if (fc.field === 'body' || fc.field === 'author' || ctx.draft.text.slice(fc.start, fc.end) !== fc.text) {
			continue;
		}
		out.push(...findInText(lexicon, fc.text, allow).map((h) => ({ ...h, field: fc.field, shift: fc.start, source: true })));
	}
	return out;
}

/** The post's words as one string per field: for rules that look at the whole post (counts, markers). */
export function postTexts(ctx: RuleContext): string[] {
	return [ctx.text, ...ctx.target.counts.filter((c) => c.field === 'title' || c.field === 'digest').map((c) => c.text)];
}

/** Reports a finding at a hit; `fixes` edit offsets are relative to the hit's own text, like the hit. */
export function reportHit<T>(ctx: RuleContext, hit: PostHit<T>, r: Omit<RuleReport, 'start' | 'end'>): void {
	const fixes: FixSpec[] | undefined = r.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + hit.shift, end: e.end + hit.shift })) }));
	const report: RuleReport = { ...r, start: hit.start + hit.shift, end: hit.end + hit.shift, ...(fixes ? { fixes } : {}) };
	if (hit.source) {
		ctx.reportSource(report);
	} else {
		ctx.report(report);
	}
}

/** Fixes that replace the hit with each suggestion (only the first, and only when `preferFirst`, is preferred: the others are offered, never applied by fix all); `title` is the rule's localized title. */
export function replacementFixes<T>(hit: PostHit<T>, suggestions: readonly string[], preferFirst: boolean, title: (from: string, to: string) => string): FixSpec[] {
	return suggestions.map((to, i) => ({
		title: title(hit.text, to),
		edits: [{ start: hit.start, end: hit.end, newText: to }],
		preferred: preferFirst && i === 0,
		// Rewording a claim changes what the post says: offered, never applied unasked.
		kind: 'content' as const,
	}));
}

/** Suggestions in the post's script: Chinese ones for a Chinese post, the others otherwise (all when none fit). */
export function suggestionsFor(ctx: RuleContext, suggestions: readonly string[]): readonly string[] {
	const zh = ctx.target.locale.toLowerCase().startsWith('zh');
	const fit = suggestions.filter((s) => /\p{Script=Han}/u.test(s) === zh);
	return fit.length ? fit : suggestions;
}

/** The severity the user configured for the rule, if any: it then applies to every hit. */
export function configuredSeverity(ctx: RuleContext, id: string): boolean {
	const s = ctx.config.rules[id]?.severity;
	return s !== undefined && s !== 'off';
}

/** The post's industry in the interface language, from the rule's own `industry.*` messages (only the strict industries are named). */
export function industryName(ctx: RuleContext): string {
	switch (ctx.target.industry) {
		case 'medical': return ctx.t('industry.medical');
		case 'health': return ctx.t('industry.health');
		case 'finance': return ctx.t('industry.finance');
		default: return ctx.t('industry.education');
	}
}
