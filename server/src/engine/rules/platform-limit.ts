/**
 * platform-limit: a field is longer than the platform allows. The finding covers exactly
 * the text past the limit, so the writer sees what will be cut or refused.
 */
import { explainField, targetLabel } from '../explain';
import { limitLabel, limitSeverity, limitState, recommendedOf } from '../limits';
import type { Rule } from '../rule';

function fmt(n: number): string {
	return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

const rule: Rule = {
	meta: {
		id: 'platform-limit',
		category: 'count',
		description: {
			en: 'A post, title, digest or author is longer than the platform allows, counted the way the platform counts.',
			'zh-cn': '帖子正文、标题、摘要或作者超出平台限制（按平台自己的方式计数）。',
		},
		defaultSeverity: 'error',
		measures: true,
		fixable: false,
		messages: {
			en: {
				over: '{target}: {count}/{limit} ({over} over)',
				overMax: '{target}: {count}/{limit} ({over} over the maximum)',
				overWarn: '{target}: {count}/{limit} ({over} over the recommended length)',
				overBytes: '{target}: {count}/{limit} UTF-8 bytes ({over} over)',
			},
			'zh-cn': {
				over: '{target}：{count}/{limit}（超出 {over}）',
				overMax: '{target}：{count}/{limit}（超出上限 {over}）',
				overWarn: '{target}：{count}/{limit}（超出建议长度 {over}）',
				overBytes: '{target}：{count}/{limit} 个 UTF-8 字节（超出 {over}）',
			},
		},
	},
	check(ctx) {
		for (const fc of ctx.target.counts) {
			// Most fields are within their limits: nothing to label, nothing to report.
			if (fc.overflowAt === undefined && fc.byteOverflowAt === undefined) {
				continue;
			}
			const target = targetLabel(ctx.target.platform, fc.field);
			// The limit model (limits.ts): past the hard limit, this rule's severity; past only the
			// recommended length, a warning at most. Both limits are shown where the field has both.
			const state = fc.overflowAt === undefined ? 'ok' : limitState({ count: fc.count, limit: fc.limit, warn: fc.warn });
			if (fc.overflowAt !== undefined && state !== 'ok') {
				const rec = recommendedOf(fc);
				const hard = state === 'over';
				const passed = hard ? fc.limit! : rec!;
				const args = { target, count: fmt(fc.count), limit: limitLabel(fc), over: fmt(fc.count - passed) };
				ctx.reportSource({
					start: fc.overflowAt,
					end: Math.max(fc.end, fc.overflowAt),
					// undefined: the rule's configured severity.
					severity: hard ? undefined : limitSeverity(state, ctx.config.rules['platform-limit']?.severity),
					message: rec === undefined || fc.limit === undefined ? ctx.t('over', args) : hard ? ctx.t('overMax', args) : ctx.t('overWarn', args),
					explain: explainField(ctx.target, fc, ctx.reading(fc.text)),
				});
			}
			if (fc.byteOverflowAt !== undefined && fc.byteCount !== undefined && fc.byteLimit !== undefined) {
				ctx.reportSource({
					start: fc.byteOverflowAt,
					end: Math.max(fc.end, fc.byteOverflowAt),
					message: ctx.t('overBytes', { target, count: fc.byteCount, limit: fc.byteLimit, over: fc.byteCount - fc.byteLimit }),
					explain: explainField(ctx.target, fc, ctx.reading(fc.text)),
				});
			}
		}
	},
};

export default rule;
