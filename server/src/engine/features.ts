/**
 * Editor features computed from a lint result, in offsets: the summary of each post (for
 * CodeLens and the status bar) and the hover at an offset. The server only converts
 * offsets to positions.
 */
import { explainField, hanShare, targetLabel } from './explain';
import { isValidCount, limitLabel, limitState } from './limits';
import type { LintResult } from './lint';
import { imagesByPost, isRemote, type PostImage } from './media';
import { language, msg } from './messages';
import { groupBy } from './text';
import { platformName } from './platforms';
import type { FieldCount, Target } from './rule';
import type { Finding } from './types';

export interface PostSummary {
	post: number;
	/** Where the lens goes: the marker line, or the first line of the body. */
	anchor: number;
	start: number;
	end: number;
	platforms: { id: string; name: string; count: number; limit?: number; valid: boolean; fields: FieldCount[] }[];
	/** Share of Han characters, when the post is in a Chinese locale. */
	hanPercent?: number;
	/** How many images the post has (Markdown images and front matter `images:`). */
	images: number;
	/** One line: "微博 132/140 · X 250/280 · 汉字 92%". */
	title: string;
}

function fmt(n: number): string {
	return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function bodyOf(t: Target): FieldCount | undefined {
	return t.counts.find((c) => c.field === 'body');
}

export { isValidCount };

export function summarize(result: LintResult): PostSummary[] {
	const lang = language();
	const out: PostSummary[] = [];
	// Each post's targets and images looked up once (a 1 MB file has thousands of posts: a search per post was quadratic).
	const targets = groupBy(result.targets, (t) => t.post.index);
	const images = imagesByPost(result.media);
	for (const post of result.draft.posts) {
		const ts = targets.get(post.index) ?? [];
		if (!ts.length) {
			continue;
		}
		const platforms = ts.map((t) => {
			const b = bodyOf(t)!;
			return {
				id: t.platform.id, name: platformName(t.platform, lang), count: b.count, limit: b.limit ?? b.warn,
				valid: t.counts.every(isValidCount), fields: t.counts,
			};
		});
		const zh = ts.some((t) => t.locale.toLowerCase().startsWith('zh'));
		const hanPercent = zh ? Math.round(hanShare(post.body.text).share * 100) : undefined;
		const parts = platforms.map((p) => {
			// Limits as every surface shows them (limits.ts): "title 8/32 (max 64)".
			const extra = p.fields.filter((f) => f.field !== 'body' && (f.limit ?? f.warn) !== undefined)
				.map((f) => msg('lens.fields', { field: msg(`field.${f.field}`), count: fmt(f.count), limit: limitLabel(f) }));
			const body = p.fields.find((f) => f.field === 'body');
			return [msg('lens.count', { platform: p.name, count: fmt(p.count), limit: body ? limitLabel(body) : '∞' }), ...extra].join(' ');
		});
		if (hanPercent !== undefined) {
			parts.push(msg('lens.han', { percent: hanPercent }));
		}
		const imageCount = images.get(post.index)?.length ?? 0;
		if (imageCount) {
			parts.push(msg('lens.images', { count: imageCount }));
		}
		out.push({
			post: post.index,
			anchor: post.marker?.start ?? post.body.toSource(0),
			start: post.start,
			end: post.end,
			platforms,
			hanPercent,
			images: imageCount,
			title: parts.join(' · '),
		});
	}
	return out;
}

function size(n: number): string {
	return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`;
}

/** Markdown about one image: its file as the host read it, and its alt text. */
function explainImage(img: PostImage, count: number): string {
	const lines = [msg('hover.image', { src: img.src }), ''];
	const i = img.info;
	if (isRemote(img.src)) {
		lines.push(msg('hover.imageRemote'));
	} else if (i && !i.found) {
		lines.push(msg('hover.imageMissing'));
	} else if (i && i.width !== undefined && i.height !== undefined) {
		lines.push(msg('hover.imageFile', { width: i.width, height: i.height, format: (i.format ?? '?').toUpperCase(), size: size(i.bytes ?? 0) }));
	}
	lines.push('');
	lines.push(img.alt?.trim() ? msg('hover.imageAlt', { alt: img.alt.trim() }) : msg('hover.imageNoAlt'));
	lines.push('');
	lines.push(msg('hover.images', { count }));
	return lines.join('\n');
}

/** The post whose range holds the offset (the last post when past the end). */
export function postAt(result: LintResult, offset: number): number | undefined {
	const posts = result.draft.posts;
	for (const p of posts) {
		if (offset >= p.start && offset <= p.end) {
			return p.index;
		}
	}
	return posts.length && offset >= (result.draft.frontMatter?.end ?? 0) ? posts[posts.length - 1].index : undefined;
}

/**
 * Lines a host adds to hovers: why a setting of its own has no effect here (a pack or
 * copydesk.json sets the rule or the default platform otherwise).
 */
export interface HoverNotes {
	/** A note for the findings of a rule. */
	rule?(id: string): string | undefined;
	/** A note for the counts of posts whose platform is the default platform. */
	defaultPlatform?: string;
}

function withNotes(parts: string[], notes: (string | undefined)[]): string {
	const extra = [...new Set(notes.filter((n): n is string => !!n))];
	// First: a setting that has no effect here is what the writer who set it is looking for.
	return [...(extra.length ? [extra.join('\n\n')] : []), ...parts].join('\n\n---\n\n');
}

/** Markdown for a hover at `offset`: the findings there, or the count of the field there. */
export function hoverAt(result: LintResult, offset: number, notes: HoverNotes = {}): { markdown: string; start: number; end: number } | undefined {
	const here = (f: Finding) => offset >= f.start && offset <= f.end && f.explain;
	const hits = result.findings.filter(here);
	// An image under the cursor: its file and alt text, and how many the post has (after its findings).
	let image: { markdown: string; start: number; end: number } | undefined;
	for (const m of result.media ?? []) {
		const img = m.images.find((x) => offset >= x.start && offset <= x.end);
		if (img) {
			image = { markdown: explainImage(img, m.images.length), start: img.start, end: img.end };
			break;
		}
	}
	if (hits.length) {
		const start = hits.reduce((m, f) => Math.min(m, f.start), Infinity);
		const end = hits.reduce((m, f) => Math.max(m, f.end), -Infinity);
		return { markdown: withNotes([...hits.map((f) => f.explain!), ...(image ? [image.markdown] : [])], hits.map((f) => notes.rule?.(f.rule))), start, end };
	}
	if (image) {
		return image;
	}
	const platformNote = (post: number) => (result.targets.some((t) => t.post.index === post && !t.settings.platforms?.length) ? notes.defaultPlatform : undefined);
	// A field (title, digest, author) or the body under the cursor: explain its count.
	for (const t of result.targets) {
		for (const fc of t.counts) {
			if (fc.field !== 'body' && offset >= fc.start && offset <= fc.end) {
				const md = result.targets.filter((x) => x.post.index === t.post.index)
					.map((x) => x.counts.find((c) => c.field === fc.field)).filter((c): c is FieldCount => !!c)
					.map((c) => explainField(result.targets.find((x) => x.counts.includes(c))!, c));
				return { markdown: withNotes(md, [platformNote(t.post.index)]), start: fc.start, end: fc.end };
			}
		}
	}
	const post = result.draft.posts.find((p) => p.body.text.length && offset >= p.body.toSource(0) && offset <= p.body.srcEnd);
	if (!post) {
		return undefined;
	}
	const md = result.targets.filter((t) => t.post.index === post.index).map((t) => explainField(t, bodyOf(t)!));
	return md.length ? { markdown: withNotes(md, [platformNote(post.index)]), start: post.body.toSource(0), end: post.body.srcEnd } : undefined;
}

/** The status bar text for the post at `offset`. */
export function statusAt(result: LintResult, offset: number): { text: string; tooltip: string; over: boolean } | undefined {
	const lang = language();
	// On a title, digest or author: that field's count; elsewhere the body's of the post.
	const field = result.targets.flatMap((t) => t.counts).find((c) => c.field !== 'body' && offset >= c.start && offset <= c.end)?.field;
	const idx = field ? result.targets.find((t) => t.counts.some((c) => c.field === field && offset >= c.start && offset <= c.end))!.post.index : postAt(result, offset);
	const ts = result.targets.filter((t) => t.post.index === idx);
	if (!ts.length) {
		return undefined;
	}
	const parts = ts.flatMap((t) => {
		const c = field ? t.counts.find((x) => x.field === field) : bodyOf(t);
		return c ? [{ name: field ? targetLabel(t.platform, field) : platformName(t.platform, lang), count: fmt(c.count), limit: limitLabel(c), over: limitState(c) === 'over' }] : [];
	});
	return {
		text: parts.map((p) => msg('status.count', { platform: p.name, count: p.count, limit: p.limit })).join(' · '),
		tooltip: parts.map((p) => msg('status.tooltip', { platform: p.name, count: p.count, limit: p.limit })).join('\n'),
		over: parts.some((p) => p.over),
	};
}
