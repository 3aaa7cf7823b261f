/**
 * Shared by the word-list rules (ad-absolute-terms, ad-guarantee, tone-*): reports a hit found
 * in the post body or in its title and digest (rules/judgment.ts scans them) with offsets and fix
 * edits in the right space (the body view, or the source for fields).
 */
import type { LexiconHit } from '../lexicon';
import type { FieldName } from '../platforms';
import type { FixSpec, RuleContext, RuleReport } from '../rule';

export interface PostHit<T> extends LexiconHit<T> {
	field: FieldName;
	/** Added to the hit's offsets (and its fixes' edits) when reporting. */
	shift: number;
	/** Offsets are source offsets (a front matter field) rather than body-view offsets. */
	source: boolean;
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
