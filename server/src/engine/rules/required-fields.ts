/**
 * required-fields: a field the platform needs (platforms.json `required`: WeChat articles need
 * a title) or wants (Xiaohongshu shows a note's title in the feed) is missing. Required is an
 * error, recommended a warning. A title inherited from the front matter counts.
 */
import { fieldLabel } from '../explain';
import { platformName, sourceOf, type FieldName } from '../platforms';
import type { Rule } from '../rule';
import type { Severity } from '../types';
import { sourceLine } from './media';

const ORDER: Severity[] = ['hint', 'info', 'warning', 'error'];
const softer = (a: Severity, b: Severity): Severity => (ORDER.indexOf(a) < ORDER.indexOf(b) ? a : b);

const rule: Rule = {
	meta: {
		id: 'required-fields',
		category: 'count',
		description: {
			en: 'A field the platform needs (a WeChat article\'s title) or recommends (a Xiaohongshu title) is missing.',
			'zh-cn': '缺少平台必填（微信公众号文章的标题）或建议填写（小红书标题）的字段。',
		},
		defaultSeverity: 'error',
		fixable: false,
		messages: {
			en: {
				required: '{platform} needs a {field}: add `{key}:` to the front matter or `{key}="…"` to the post marker.',
				recommended: '{platform} shows the {field} in the feed: add `{key}:` to the front matter or `{key}="…"` to the post marker.',
			},
			'zh-cn': {
				required: '{platform}必须有{field}：请在 front matter 中加 `{key}:`，或在帖子标记中加 `{key}="…"`。',
				recommended: '{platform}会在信息流中显示{field}：请在 front matter 中加 `{key}:`，或在帖子标记中加 `{key}="…"`。',
			},
		},
	},
	check(ctx) {
		const p = ctx.target.platform;
		const post = ctx.target.post;
		const base = ctx.config.rules['required-fields']?.severity;
		const sev: Severity = base && base !== 'off' ? base : 'error';
		for (const [field, need] of Object.entries(p.required ?? {}) as [Exclude<FieldName, 'body'>, string][]) {
			const value = ctx.target.settings[field]?.value;
			if (value !== undefined && value.trim() !== '') {
				continue;
			}
			const at = post.marker ?? { start: post.body.toSource(0), end: post.body.toSource(0) };
			const c = sourceOf(p, `required.${field}`)?.confidence;
			ctx.reportSource({
				start: at.start, end: at.end,
				severity: need === 'required' && c !== 'uncertain' ? (c === 'secondary' ? softer('warning', sev) : undefined) : softer('warning', sev),
				message: need === 'required'
					? ctx.t('required', { platform: platformName(p, ctx.lang), field: fieldLabel(field), key: field })
					: ctx.t('recommended', { platform: platformName(p, ctx.lang), field: fieldLabel(field), key: field }),
				explain: sourceLine(p, `required.${field}`),
			});
		}
	},
};

export default rule;
