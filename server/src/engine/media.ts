/**
 * Images of a post: Markdown images in the body (`![alt](path)`) and front matter `images:`
 * (paths or `{ src, alt }`). The engine reads no file: what is known about an image file (found,
 * bytes, pixel size, format) comes from a reader the host injects (`LintInput.readImage`; the
 * Node one is server/src/node/media.ts, on image-size). Without a reader, or for a remote image,
 * only what the draft says is checked (count, alt text).
 */
import type { Post } from './draft';

/** What the host knows about an image file. */
export interface ImageInfo {
	/** False: no such file. */
	found: boolean;
	bytes?: number;
	width?: number;
	height?: number;
	/** As image-size names it: jpg, png, gif, webp, bmp, heif, avif, tiff, svg… */
	format?: string;
	/** The file exists but is no image format the reader knows (or is damaged). */
	unreadable?: boolean;
}

/** Reads an image named by a draft (a path relative to the draft); undefined when it cannot be known (remote, no file system). */
export type ImageReader = (src: string) => ImageInfo | undefined;

export interface PostImage {
	src: string;
	/** The alt text; undefined when the draft gives none (front matter without `alt`). */
	alt?: string;
	/** Source range: the Markdown image, or the front matter item. */
	start: number;
	end: number;
	/** Source range of the alt text inside `![…]`, when in the body. */
	altStart?: number;
	altEnd?: number;
	from: 'body' | 'front-matter';
	info?: ImageInfo;
}

export interface PostMedia {
	post: number;
	images: PostImage[];
}

/** Each post's images in a result's media list (the first entry of a post counts), looked up once rather than searched per post. */
export function imagesByPost(media: readonly PostMedia[] | undefined): Map<number, readonly PostImage[]> {
	const out = new Map<number, readonly PostImage[]>();
	for (const m of media ?? []) {
		if (!out.has(m.post)) {
			out.set(m.post, m.images);
		}
	}
	return out;
}

// ![alt](src "title") with an optional <src>; alt and src on one line. Linear: no nested quantifiers.
const MD_IMAGE = /!\[([^\]\n]*)\]\(\s*(?:<([^>\n]+)>|([^)\s]+))(?:\s+"[^"\n]*")?\s*\)/g;

/** True for what is not a local file: a URL with a scheme, a protocol-relative URL, a data: URI. */
export function isRemote(src: string): boolean {
	return /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//');
}

/** The post's images in source order: front matter ones first (they stand above the body). */
export function imagesOf(post: Post, source: string, read?: ImageReader): PostImage[] {
	const out: PostImage[] = [];
	for (const i of post.settings.images ?? []) {
		// A YAML item's range runs to the next item: end it at its last character.
		let end = i.end;
		while (end > i.start && /\s/.test(source[end - 1])) {
			end--;
		}
		out.push({ src: i.value.src, ...(i.value.alt !== undefined ? { alt: i.value.alt } : {}), start: i.start, end, from: 'front-matter' });
	}
	const body = post.body;
	if (body.text.includes('![')) {
		for (const m of body.text.matchAll(MD_IMAGE)) {
			const r = body.rangeToSource(m.index!, m.index! + m[0].length);
			const alt = body.rangeToSource(m.index! + 2, m.index! + 2 + m[1].length);
			out.push({ src: (m[2] ?? m[3]).trim(), alt: m[1], ...r, altStart: alt.start, altEnd: alt.end, from: 'body' });
		}
	}
	if (read) {
		for (const img of out) {
			if (!isRemote(img.src)) {
				try {
					const info = read(img.src);
					if (info) {
						img.info = info;
					}
				} catch {
					img.info = { found: true, unreadable: true };
				}
			}
		}
	}
	return out;
}

/** `image.jpeg` → jpg: the extension as image-size names the format. */
export function formatOfName(src: string): string | undefined {
	const ext = /\.([A-Za-z0-9]+)(?:[?#].*)?$/.exec(src)?.[1]?.toLowerCase();
	return ext === 'jpeg' ? 'jpg' : ext === 'heic' ? 'heif' : ext === 'tif' ? 'tiff' : ext;
}
