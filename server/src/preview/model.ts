/**
 * The preview of a draft: each post as its platform would show it. The text is split where
 * the feed folds it ("…全文", "…see more") and where the platform cuts it (past the
 * limit), and hashtags, mentions and links are marked the way the platform renders them
 * (Weibo's #话题# with a closing hash, X's #tag, Xiaohongshu's #话题[话题]#…). Pure: the
 * language server builds the model from a lint result; html.ts renders it.
 */
import { countText, isRemote, language, limitLabel, limitState, msg, platformName, type LimitState, type LintResult, type PostImage, type Severity } from '../engine';
import { foldMarker, linkDisplay } from '../engine/feed';
import { findHashtags as findTags, findLinkedMentions } from '../engine/social';
import { findUrls, groupBy } from '../engine/text';
import { imagesByPost } from '../engine/media';
import type { PlatformProfile } from '../engine/platforms';

export type SegmentKind = 'text' | 'hashtag' | 'mention' | 'url';
/** visible: shown in the feed; folded: behind the fold marker; overflow: past the limit. */
export type Zone = 'visible' | 'folded' | 'overflow';

export interface PreviewSegment {
	kind: SegmentKind;
	zone: Zone;
	/** The source text of the piece. */
	text: string;
	/** What the platform shows instead (a link shown as "网页链接", #话题[话题]# as #话题). */
	display?: string;
}

export interface PreviewField {
	field: 'title' | 'digest' | 'author';
	label: string;
	text: string;
	count: number;
	limit?: number;
	/** The limits as every surface shows them: "32 (max 64)" (engine/limits.ts). */
	limitText: string;
	state: LimitState;
	/** Past the hard limit. */
	over: boolean;
}

export interface PreviewCard {
	post: number;
	/** Source offset of the post's marker or first body character (to reveal it in the editor). */
	offset: number;
	platform: string;
	platformName: string;
	locale: string;
	count: number;
	limit?: number;
	/** The body's limits as every surface shows them (engine/limits.ts). */
	limitText: string;
	fold?: number;
	over: boolean;
	foldMarker?: string;
	/** The feed shows topics as links (the platform's `presentation.topicsLinked`). */
	topicsLinked?: boolean;
	fields: PreviewField[];
	segments: PreviewSegment[];
	findings: { severity: Severity; rule: string; message: string }[];
	/** The post's images: path, alt text (empty when none), and what the file is (size, format) or that it is missing. */
	images: PreviewImage[];
}

export interface PreviewImage {
	src: string;
	alt: string;
	/** "8 × 8 px · PNG · 74 B", "File not found", "Remote image: not read"; empty when unknown. */
	file: string;
	missing: boolean;
}

/** A post's images for the preview and the report (its entry of `imagesByPost(result.media)`). */
export function previewImages(images: readonly PostImage[], lang: 'en' | 'zh-cn'): PreviewImage[] {
	return images.map((img) => {
		const i = img.info;
		const file = isRemote(img.src) ? msg('hover.imageRemote', {}, lang)
			: i && !i.found ? msg('hover.imageMissing', {}, lang)
				: i && i.width !== undefined && i.height !== undefined
					? msg('hover.imageFile', { width: i.width, height: i.height, format: (i.format ?? '?').toUpperCase(), size: byteSize(i.bytes ?? 0) }, lang)
					: '';
		return { src: img.src, alt: img.alt?.trim() ?? '', file, missing: !!i && !i.found };
	});
}

function byteSize(n: number): string {
	return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`;
}

export interface PreviewModel {
	lang: 'en' | 'zh-cn';
	cards: PreviewCard[];
	/** Localized labels the renderer needs. */
	labels: Record<'title' | 'empty' | 'overflow' | 'folded' | 'findings' | 'noFindings' | 'countOf', string> & Partial<Record<'images' | 'noAlt', string>>;
}

interface Token {
	start: number;
	end: number;
	kind: Exclude<SegmentKind, 'text'>;
	display?: string;
}

/** Hashtags as the platform recognizes them (engine/social.ts: the parser the rules use too). */
export function findHashtags(text: string, style: PlatformProfile['hashtag']): Token[] {
	return findTags(text, style).map((t) => ({ start: t.start, end: t.end, kind: 'hashtag', ...(t.display !== undefined ? { display: t.display } : {}) }));
}

/** Hashtags, mentions and links, without overlaps (links first, then hashtags, then mentions). */
export function findTokens(text: string, p: PlatformProfile): Token[] {
	const taken: Token[] = [];
	const free = (t: { start: number; end: number }) => !taken.some((o) => o.start < t.end && t.start < o.end);
	for (const u of findUrls(text)) {
		const bare = u.text.replace(/^https?:\/\//i, '');
		// As the platform's presentation says: Weibo shows links as 网页链接; X cuts a long address.
		taken.push({ start: u.start, end: u.end, kind: 'url', display: linkDisplay(p, bare) });
	}
	for (const h of findHashtags(text, p.hashtag)) {
		if (free(h)) {
			taken.push(h);
		}
	}
	for (const m of findLinkedMentions(text, p)) {
		if (free(m)) {
			taken.push({ start: m.start, end: m.end, kind: 'mention' });
		}
	}
	return taken.sort((a, b) => a.start - b.start);
}

export { foldMarker };

/**
 * Splits text into segments at token edges and at the fold and overflow offsets. A cut that
 * falls inside a token moves to the token's start: a platform never shows half a link.
 */
export function segment(text: string, tokens: readonly Token[], foldAt?: number, overflowAt?: number): PreviewSegment[] {
	const snap = (c: number | undefined) => c === undefined ? undefined : tokens.find((t) => t.start < c && c < t.end)?.start ?? c;
	const fold = snap(foldAt);
	const overflow = snap(overflowAt);
	const cuts = new Set<number>([0, text.length]);
	for (const t of tokens) {
		cuts.add(t.start);
		cuts.add(t.end);
	}
	for (const c of [fold, overflow]) {
		if (c !== undefined && c > 0 && c < text.length) {
			cuts.add(c);
		}
	}
	const points = [...cuts].sort((a, b) => a - b);
	const out: PreviewSegment[] = [];
	for (let i = 0; i + 1 < points.length; i++) {
		const [s, e] = [points[i], points[i + 1]];
		const tok = tokens.find((t) => t.start <= s && e <= t.end);
		const zone: Zone = overflow !== undefined && s >= overflow ? 'overflow' : fold !== undefined && s >= fold ? 'folded' : 'visible';
		const seg: PreviewSegment = { kind: tok?.kind ?? 'text', zone, text: text.slice(s, e) };
		if (tok?.display !== undefined) {
			seg.display = tok.display;
		}
		const prev = out[out.length - 1];
		if (prev && prev.kind === 'text' && seg.kind === 'text' && prev.zone === seg.zone) {
			prev.text += seg.text;
		} else {
			out.push(seg);
		}
	}
	return out;
}

export function buildPreview(result: LintResult): PreviewModel {
	const lang = language();
	const cards: PreviewCard[] = [];
	// Each post's findings (in their order) and images gathered once: a search of them all per card was quadratic in a large file.
	const byPost = groupBy(result.findings, (f) => f.post);
	const images = imagesByPost(result.media);
	for (const t of result.targets) {
		const p = t.platform;
		const body = t.post.body.text;
		const bc = t.counts.find((c) => c.field === 'body');
		const limit = bc?.limit ?? bc?.warn;
		const count = bc?.count ?? countText(body, p).count;
		const foldAt = bc?.fold !== undefined && count > bc.fold ? countText(body, p, bc.fold).overflowAt : undefined;
		const overflowAt = limit !== undefined && count > limit ? countText(body, p, limit).overflowAt : undefined;
		const tokens = findTokens(body, p);
		cards.push({
			post: t.post.index,
			offset: t.post.marker?.start ?? t.post.body.toSource(0),
			platform: p.id,
			platformName: platformName(p, lang),
			locale: t.locale,
			count, limit, limitText: bc ? limitLabel(bc) : '∞', fold: bc?.fold,
			over: limit !== undefined && count > limit,
			foldMarker: foldAt !== undefined && (overflowAt === undefined || foldAt < overflowAt) ? foldMarker(p) : undefined,
			...(p.presentation?.topicsLinked ? { topicsLinked: true } : {}),
			fields: t.counts.filter((c) => c.field !== 'body').map((c) => ({
				field: c.field as PreviewField['field'], label: msg(`field.${c.field}`, {}, lang), text: c.text, count: c.count,
				limit: c.limit ?? c.warn, limitText: limitLabel(c), state: limitState(c), over: limitState(c) === 'over',
			})),
			segments: segment(body, tokens, foldAt, overflowAt),
			findings: (byPost.get(t.post.index) ?? []).filter((f) => !f.platform || f.platform === p.id)
				.map((f) => ({ severity: f.severity, rule: f.rule, message: f.message })),
			images: previewImages(images.get(t.post.index) ?? [], lang),
		});
	}
	return {
		lang,
		cards,
		labels: {
			title: msg('preview.title', {}, lang),
			empty: msg('preview.empty', {}, lang),
			overflow: msg('preview.overflow', {}, lang),
			folded: msg('preview.folded', {}, lang),
			findings: msg('report.findings', {}, lang),
			noFindings: msg('report.noFindings', {}, lang),
			countOf: msg('preview.countOf', {}, lang),
			images: msg('report.images', {}, lang),
			noAlt: msg('hover.imageNoAlt', {}, lang),
		},
	};
}
