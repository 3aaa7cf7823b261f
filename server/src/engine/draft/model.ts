/**
 * The draft model: what a parsed draft is (posts, comments, front matter) and the settings a post
 * may carry, turned from raw key/values (front matter or a post marker) into typed, located values.
 */
import { msg } from '../messages';
import type { TextView } from '../textview';
import type { InputProblem } from '../types';

export const INDUSTRIES = ['general', 'medical', 'health', 'finance', 'education', 'realestate'] as const;
export type Industry = (typeof INDUSTRIES)[number];
/** Where a post stands in review: the report shows it; `check --require-status approved` gates on it. */
export const STATUSES = ['draft', 'review', 'approved'] as const;
export type Status = (typeof STATUSES)[number];
/** What a post is, for the tone and compliance rules (inferred from its words when not set). */
export const POST_KINDS = ['charity', 'news', 'promotion', 'crisis', 'reply'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** An image named in front matter `images:` (a path, or `{ src, alt }`). */
export interface ImageSetting {
	src: string;
	alt?: string;
}

/** A value and where it stands in the source. `exact`: the source slice is the value itself. */
export interface Located<T> {
	value: T;
	start: number;
	end: number;
	exact: boolean;
}

export interface PostSettings {
	platforms?: Located<string>[];
	locale?: Located<string>;
	mode?: Located<string>;
	title?: Located<string>;
	digest?: Located<string>;
	author?: Located<string>;
	industry?: Located<Industry>;
	sponsored?: Located<boolean>;
	images?: Located<ImageSetting>[];
	status?: Located<Status>;
	approvedBy?: Located<string>;
	kind?: Located<PostKind>;
}
export const SETTING_KEYS = ['platform', 'platforms', 'locale', 'mode', 'title', 'digest', 'author', 'industry', 'sponsored', 'images', 'status', 'approvedBy', 'kind'] as const;

export interface Comment {
	start: number;
	end: number;
	/** The text between `<!--` and `-->`, trimmed. */
	body: string;
}

export interface Post {
	index: number;
	/** Source range of the post: from its marker (or the body start) to the next marker. */
	start: number;
	end: number;
	/** The marker comment that starts the post, if any. */
	marker?: Comment;
	/** Effective settings: the marker's over the front matter's. */
	settings: PostSettings;
	/** The body without HTML comments, trimmed. */
	body: TextView;
}

export interface Draft {
	text: string;
	/** Source range of the front matter block including its fences, if any. */
	frontMatter?: { start: number; end: number; settings: PostSettings };
	posts: Post[];
	comments: Comment[];
	problems: InputProblem[];
	/** True when the front matter or a post marker names a platform. */
	declaresPlatform: boolean;
	/** True when the file opens a front matter that cannot be read (not closed, or not valid YAML): it is a draft with problems. */
	unreadableFrontMatter?: boolean;
}

export function located<T>(value: T, start: number, end: number, exact: boolean): Located<T> {
	return { value, start, end, exact };
}

/** A key/value as written (front matter or a marker attribute), with its range. */
export type Raw = { key: string; value: unknown; start: number; end: number; exact: boolean; items?: Located<unknown>[] };

/** Turns raw key/values into typed settings, reporting what does not fit. */
export function toSettings(raws: Raw[], problems: InputProblem[]): PostSettings {
	const s: PostSettings = {};
	const bad = (r: Raw, key: string, args: Record<string, string | number> = {}) =>
		problems.push({ start: r.start, end: r.end, message: msg(key, { key: r.key, ...args }), severity: 'error' });
	// A value from a fixed list (industry, kind, status), or a problem that names the list.
	const oneOf = <V extends string>(r: Raw, allowed: readonly V[], problem: string, set: (v: Located<V>) => void): void => {
		if (typeof r.value === 'string' && (allowed as readonly string[]).includes(r.value)) {
			set(located(r.value as V, r.start, r.end, r.exact));
		} else {
			bad(r, problem, { value: String(r.value), allowed: allowed.join(', ') });
		}
	};
	for (const r of raws) {
		switch (r.key) {
			case 'platform':
			case 'platforms': {
				const items = r.items ?? [{ value: r.value, start: r.start, end: r.end, exact: r.exact }];
				const list: Located<string>[] = [];
				for (const it of items) {
					if (typeof it.value === 'string' && it.value.trim()) {
						// "weibo, x" in one scalar is a list too.
						let off = 0;
						for (const part of it.value.split(',')) {
							const trimmed = part.trim();
							const lead = part.length - part.trimStart().length;
							if (trimmed) {
								const st = it.exact ? it.start + off + lead : it.start;
								list.push(located(trimmed, st, it.exact ? st + trimmed.length : it.end, it.exact));
							}
							off += part.length + 1;
						}
					} else {
						bad({ ...r, start: it.start, end: it.end }, 'fm.platformType');
					}
				}
				s.platforms = [...(s.platforms ?? []), ...list];
				break;
			}
			case 'locale':
			case 'mode':
			case 'title':
			case 'digest':
			case 'author':
				if (typeof r.value === 'string' || typeof r.value === 'number') {
					s[r.key] = located(String(r.value), r.start, r.end, r.exact);
				} else if (r.value !== null && r.value !== undefined) {
					bad(r, 'fm.stringType');
				}
				if (r.key === 'locale' && s.locale && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(s.locale.value)) {
					bad(r, 'fm.localeFormat', { value: s.locale.value });
					delete s.locale;
				}
				break;
			case 'industry':
				oneOf(r, INDUSTRIES, 'fm.industry', (v) => {
					s.industry = v;
				});
				break;
			case 'kind':
				oneOf(r, POST_KINDS, 'fm.kind', (v) => {
					s.kind = v;
				});
				break;
			case 'sponsored':
				if (typeof r.value === 'boolean') {
					s.sponsored = located(r.value, r.start, r.end, r.exact);
				} else if (r.value === 'true' || r.value === 'false') {
					s.sponsored = located(r.value === 'true', r.start, r.end, r.exact);
				} else {
					bad(r, 'fm.boolean');
				}
				break;
			case 'images': {
				// A list of paths or { src, alt }; "a.png, b.png" in one scalar (a marker) is a list too.
				const items = r.items ?? (typeof r.value === 'string' ? r.value.split(',').filter((x) => x.trim()).map((x) => ({ value: x.trim(), start: r.start, end: r.end, exact: false })) : [{ value: r.value, start: r.start, end: r.end, exact: r.exact }]);
				const list: Located<ImageSetting>[] = [];
				for (const it of items) {
					const v = it.value as unknown;
					const o = v && typeof v === 'object' ? v as Record<string, unknown> : undefined;
					const src = typeof v === 'string' ? v : typeof o?.src === 'string' ? o.src : typeof o?.path === 'string' ? o.path : undefined;
					if (src?.trim()) {
						list.push(located({ src: src.trim(), ...(typeof o?.alt === 'string' ? { alt: o.alt } : {}) }, it.start, it.end, false));
					} else {
						bad({ ...r, start: it.start, end: it.end }, 'fm.image');
					}
				}
				s.images = list;
				break;
			}
			case 'status':
				oneOf(r, STATUSES, 'fm.status', (v) => {
					s.status = v;
				});
				break;
			case 'approvedBy':
				if (typeof r.value === 'string' && r.value.trim()) {
					s.approvedBy = located(r.value.trim(), r.start, r.end, r.exact);
				} else if (r.value !== null && r.value !== undefined) {
					bad(r, 'fm.stringType');
				}
				break;
			default:
				// Other keys (date, tags, …) belong to the writer's own tooling: left alone.
				break;
		}
	}
	return s;
}
