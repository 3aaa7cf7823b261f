/**
 * platform-fold: the text past the point where the platform's feed folds a post behind
 * "全文" / "see more". Information only: the hook belongs before the fold.
 */
import { explainField } from '../explain';
import { foldMarker } from '../feed';
import { platformName } from '../platforms';
import type { Rule } from '../rule';

const rule: Rule = {
	meta: {
		id: 'platform-fold',
		category: 'count',
		description: {
			en: 'Marks the text readers only see after tapping "see more" (全文): keep the hook before the fold.',
			'zh-cn': '标出读者点开“全文”/“see more”后才能看到的文字：把重点放在折叠点之前。',
		},
		defaultSeverity: 'info',
		measures: true,
		fixable: false,
		messages: {
			en: { folded: '{platform} folds the post after {fold}: readers see "{marker}" here and the rest only if they tap it.' },
			'zh-cn': { folded: '{platform}在第 {fold} 字后折叠：读者在此处看到“{marker}”，点开才能看到后面的内容。' },
		},
	},
	check(ctx) {
		const p = ctx.target.platform;
		for (const fc of ctx.target.counts) {
			// Past the limit, platform-limit already covers the text.
			if (fc.foldAt === undefined || fc.fold === undefined || (fc.overflowAt !== undefined && fc.overflowAt <= fc.foldAt)) {
				continue;
			}
			const marker = foldMarker(p);
			ctx.reportSource({
				start: fc.foldAt,
				end: fc.overflowAt ?? fc.end,
				message: ctx.t('folded', { platform: platformName(p, ctx.lang), fold: fc.fold, marker }),
				explain: explainField(ctx.target, fc, ctx.reading(fc.text)),
			});
		}
	},
};

export default rule;
