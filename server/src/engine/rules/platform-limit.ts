/**
 * platform-limit: a field is longer than the platform allows. The finding covers exactly
 * the text past the limit, so the writer sees what will be cut or refused.
 */
import { explainField, targetLabel } from '../explain';
import type { Rule } from '../rule';
import type { Severity } from '../types';

const ORDER: Severity[] = ['hint', 'info', 'warning', 'error'];
const softer = (a: Severity, b: Severity): Severity => (ORDER.indexOf(a) < ORDER.indexOf(b) ? a : b);

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
		fixable: false,
		messages: {
			en: {
				over: '{target}: {count}/{limit} ({over} over)',
				overWarn: '{target}: {count}/{limit} ({over} over the recommended length; the hard limit is {hard})',
				overBytes: '{target}: {count}/{limit} UTF-8 bytes ({over} over)',
			},
			'zh-cn': {
				over: '{target}：{count}/{limit}（超出 {over}）',
				overWarn: '{target}：{count}/{limit}（超出建议长度 {over}；上限为 {hard}）',
				overBytes: '{target}：{count}/{limit} 个 UTF-8 字节（超出 {over}）',
			},
		},
	},
	check(ctx) {
		for (const fc of ctx.target.counts) {
			const target = targetLabel(ctx.target.platform, fc.field);
			if (fc.overflowAt !== undefined) {
				const hard = fc.limit !== undefined && fc.count > fc.limit;
				const limit = hard ? fc.limit! : fc.warn!;
				const base = ctx.config.rules['platform-limit']?.severity;
				const severity: Severity | undefined = hard ? undefined : softer('warning', base && base !== 'off' ? base : 'error');
				ctx.reportSource({
					start: fc.overflowAt,
					end: Math.max(fc.end, fc.overflowAt),
					severity,
					message: hard || fc.limit === undefined
						? ctx.t('over', { target, count: fmt(fc.count), limit, over: fmt(fc.count - limit) })
						: ctx.t('overWarn', { target, count: fmt(fc.count), limit, over: fmt(fc.count - limit), hard: fc.limit }),
					explain: explainField(ctx.target, fc),
				});
			}
			if (fc.byteOverflowAt !== undefined && fc.byteCount !== undefined && fc.byteLimit !== undefined) {
				ctx.reportSource({
					start: fc.byteOverflowAt,
					end: Math.max(fc.end, fc.byteOverflowAt),
					message: ctx.t('overBytes', { target, count: fc.byteCount, limit: fc.byteLimit, over: fc.byteCount - fc.byteLimit }),
					explain: explainField(ctx.target, fc),
				});
			}
		}
	},
};

export default rule;
