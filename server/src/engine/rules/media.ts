/**
 * media: the images of a post against what the platform takes (platforms.json `media`): how
 * many, and for each file the host could read (an injected reader, never the engine) whether
 * it exists, its format, file size, pixel size and aspect ratio. A number marked uncertain in
 * the data is only a note; a secondary one at most a warning (the data's confidence decides).
 * Runs on every lint (it reads files, which the per-post cache cannot see change).
 */
import { msg } from '../messages';
import { formatOfName } from '../media';
import { platformName, sourceOf, type MediaSpec, type PlatformProfile } from '../platforms';
import type { Rule, RuleContext } from '../rule';
import type { Severity } from '../types';

const ORDER: Severity[] = ['hint', 'info', 'warning', 'error'];
const softer = (a: Severity, b: Severity): Severity => (ORDER.indexOf(a) < ORDER.indexOf(b) ? a : b);

/** The severity a limit of this confidence may have: the rule's for confirmed numbers, at most a warning for secondary, a note for uncertain. */
export function severityFor(p: PlatformProfile, key: string, base: Severity): Severity {
	const c = sourceOf(p, key)?.confidence ?? 'confirmed';
	return c === 'uncertain' ? softer('info', base) : c === 'secondary' ? softer('warning', base) : base;
}

export function sourceLine(p: PlatformProfile, key: string): string | undefined {
	const s = sourceOf(p, key);
	return s ? msg('hover.source', { source: s.source, confidence: msg(`confidence.${s.confidence}`) }) : undefined;
}

function size(n: number): string {
	return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`;
}

const ratio = (n: number) => String(Math.round(n * 100) / 100);

const rule: Rule = {
	meta: {
		id: 'media',
		category: 'count',
		description: {
			en: 'Images the platform would refuse or crop: too many, missing files, a format, file size, pixel size or aspect ratio it does not take.',
			'zh-cn': '平台会拒收或裁切的图片：数量过多、文件不存在，或格式、文件大小、像素尺寸、宽高比不符合平台要求。',
		},
		defaultSeverity: 'error',
		fixable: false,
		reads: 'files',
		messages: {
			en: {
				count: '{platform} takes {limit} {limit|image|images}; this post has {count}.',
				missing: 'Image not found: {src}.',
				unreadable: 'Cannot read {src} as an image: an unknown format or a damaged file.',
				format: '{src} is {format}; {platform} takes {formats}.',
				bytes: '{src} is {size}; {platform} takes images up to {limit}.',
				width: '{src} is {width} px wide; {platform} takes up to {limit} px.',
				height: '{src} is {height} px high; {platform} takes up to {limit} px.',
				minWidth: '{src} is {width} px wide; {platform} wants at least {limit} px.',
				pixels: '{src} has {pixels} pixels ({width} × {height}); {platform} takes up to {limit}.',
				aspect: '{src} has an aspect ratio of {ratio} ({width} × {height}); {platform} shows {min} to {max} and crops the rest.',
			},
			'zh-cn': {
				count: '{platform}最多 {limit} 张图片；本帖有 {count} 张。',
				missing: '找不到图片：{src}。',
				unreadable: '无法把 {src} 读作图片：格式未知或文件已损坏。',
				format: '{src} 的格式是 {format}；{platform}支持 {formats}。',
				bytes: '{src} 大小为 {size}；{platform}的图片上限为 {limit}。',
				width: '{src} 宽 {width} 像素；{platform}最宽 {limit} 像素。',
				height: '{src} 高 {height} 像素；{platform}最高 {limit} 像素。',
				minWidth: '{src} 宽 {width} 像素；{platform}要求至少 {limit} 像素。',
				pixels: '{src} 有 {pixels} 像素（{width} × {height}）；{platform}上限为 {limit}。',
				aspect: '{src} 的宽高比为 {ratio}（{width} × {height}）；{platform}显示 {min} 到 {max}，其余部分会被裁切。',
			},
		},
	},
	check(ctx: RuleContext) {
		const p = ctx.target.platform;
		const m: MediaSpec = p.media ?? {};
		const images = ctx.images ?? [];
		const name = platformName(p, ctx.lang);
		const base = ctx.config.rules.media?.severity;
		const sev: Severity = base && base !== 'off' ? base : 'error';
		const report = (img: { start: number; end: number }, key: string | undefined, text: string) => ctx.reportSource({
			start: img.start, end: img.end, message: text,
			...(key ? { severity: severityFor(p, `media.${key}`, sev), explain: sourceLine(p, `media.${key}`) } : {}),
		});
		if (m.maxImages !== undefined && images.length > m.maxImages) {
			const first = images[m.maxImages];
			const last = images[images.length - 1];
			report({ start: first.start, end: last.end }, 'maxImages', ctx.t('count', { platform: name, limit: m.maxImages, count: images.length }));
		}
		for (const img of images) {
			const info = img.info;
			if (info && !info.found) {
				report(img, undefined, ctx.t('missing', { src: img.src }));
				continue;
			}
			if (info?.unreadable) {
				ctx.reportSource({ start: img.start, end: img.end, severity: 'warning', message: ctx.t('unreadable', { src: img.src }) });
				continue;
			}
			const format = info?.format ?? formatOfName(img.src);
			if (m.formats && format && !m.formats.includes(format)) {
				report(img, 'formats', ctx.t('format', { src: img.src, format, platform: name, formats: m.formats.join(', ') }));
			}
			if (!info) {
				continue;
			}
			if (m.maxBytes !== undefined && info.bytes !== undefined && info.bytes > m.maxBytes) {
				report(img, 'maxBytes', ctx.t('bytes', { src: img.src, size: size(info.bytes), platform: name, limit: size(m.maxBytes) }));
			}
			const { width, height } = info;
			if (width === undefined || height === undefined || width <= 0 || height <= 0) {
				continue;
			}
			if (m.maxWidth !== undefined && width > m.maxWidth) {
				report(img, 'maxWidth', ctx.t('width', { src: img.src, width, platform: name, limit: m.maxWidth }));
			}
			if (m.maxHeight !== undefined && height > m.maxHeight) {
				report(img, 'maxHeight', ctx.t('height', { src: img.src, height, platform: name, limit: m.maxHeight }));
			}
			if (m.minWidth !== undefined && width < m.minWidth) {
				report(img, 'minWidth', ctx.t('minWidth', { src: img.src, width, platform: name, limit: m.minWidth }));
			}
			if (m.maxPixels !== undefined && width * height > m.maxPixels) {
				report(img, 'maxPixels', ctx.t('pixels', { src: img.src, pixels: width * height, width, height, platform: name, limit: m.maxPixels }));
			}
			const r = width / height;
			if (m.aspect && ((m.aspect.min !== undefined && r < m.aspect.min - 0.005) || (m.aspect.max !== undefined && r > m.aspect.max + 0.005))) {
				report(img, 'aspect', ctx.t('aspect', { src: img.src, ratio: ratio(r), width, height, platform: name, min: ratio(m.aspect.min ?? 0), max: m.aspect.max !== undefined ? ratio(m.aspect.max) : '∞' }));
			}
		}
	},
};

export default rule;
