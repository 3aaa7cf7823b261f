/**
 * media-alt: images without alt text (or with more than the platform takes). Where readers
 * rely on it (platforms.json `media.alt: expected`: X, Mastodon, Bluesky) a missing one is a
 * warning; where the platform has a field for it (`supported`) a note; where it has none,
 * nothing. Alt text comes from `![alt](path)` or front matter `images: [{ src, alt }]`.
 */
import { graphemeCount } from '../text';
import { platformName } from '../platforms';
import type { Rule } from '../rule';
import type { Severity } from '../types';
import { severityFor, sourceLine } from './media';

const rule: Rule = {
	meta: {
		id: 'media-alt',
		category: 'localization',
		description: {
			en: 'An image has no alt text where the platform takes it (a warning where readers rely on it: X, Mastodon, Bluesky), or more than the platform takes.',
			'zh-cn': '图片缺少替代文字（平台支持时；在读者依赖它的 X、Mastodon、Bluesky 上为警告），或替代文字超出平台上限。',
		},
		defaultSeverity: 'warning',
		fixable: false,
		reads: 'files',
		messages: {
			en: {
				missing: '{src} has no alt text: people who use screen readers on {platform} rely on it. Write what the image shows in ![…].',
				missingNote: '{src} has no alt text; {platform} lets you add one.',
				long: 'The alt text of {src} is {count} {count|character|characters}; {platform} takes {limit}.',
			},
			'zh-cn': {
				missing: '{src} 没有替代文字：{platform}上使用读屏软件的读者依赖它。请在 ![…] 中写明图片内容。',
				missingNote: '{src} 没有替代文字；{platform}支持添加。',
				long: '{src} 的替代文字有 {count} 个字符；{platform}上限为 {limit}。',
			},
		},
	},
	check(ctx) {
		const p = ctx.target.platform;
		const alt = p.media?.alt ?? 'none';
		if (alt === 'none') {
			return;
		}
		const name = platformName(p, ctx.lang);
		const base = ctx.config.rules['media-alt']?.severity;
		const sev: Severity = base && base !== 'off' ? base : 'warning';
		for (const img of ctx.images ?? []) {
			const text = img.alt?.trim() ?? '';
			const at = { start: img.start, end: img.end };
			if (!text) {
				ctx.reportSource({
					...at,
					severity: alt === 'expected' ? severityFor(p, 'media.alt', sev) : 'info',
					message: alt === 'expected' ? ctx.t('missing', { src: img.src, platform: name }) : ctx.t('missingNote', { src: img.src, platform: name }),
					explain: sourceLine(p, 'media.alt'),
				});
				continue;
			}
			const limit = p.media?.altMaxLength;
			const n = graphemeCount(text);
			if (limit !== undefined && n > limit) {
				ctx.reportSource({
					start: img.altStart ?? img.start, end: img.altEnd ?? img.end, severity: severityFor(p, 'media.altMaxLength', sev),
					message: ctx.t('long', { src: img.src, count: n, platform: name, limit }), explain: sourceLine(p, 'media.altMaxLength'),
				});
			}
		}
	},
};

export default rule;
