/**
 * Parses a draft file: YAML front matter, `<!-- post … -->` markers that split a campaign
 * file into posts, and HTML comments (which platforms never see, so they are not counted).
 * Parsing never throws: what is wrong becomes an InputProblem with its range.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { msg } from './messages';
import { TextView } from './textview';
import type { InputProblem } from './types';
import { lowerBound } from './text';

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

// Lines end with \n, \r\n or a lone \r (old Mac files): the same three LSP knows.
const FM_OPEN = /^\uFEFF?---[ \t]*(?:\r\n?|\n)/;
const FM_CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|$)/gm;
// A line that was meant to close the front matter but is not `---` or `...`: `--`, `----`, `—-`, `___`, `***`.
const FM_NEAR_CLOSE = /^(?:-{2}|-{4,}|[—–]+-*|_{3,}|\*{3,}|\.{2}|\.{4,})[ \t]*$/;
const MARKER = /^post(?:\s+([\s\S]*))?$/;
const ATTR = /([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/gy;

function located<T>(value: T, start: number, end: number, exact: boolean): Located<T> {
	return { value, start, end, exact };
}

/** Source range of a YAML scalar's text: inside the quotes for quoted scalars. */
function scalarRange(node: YamlNode, base: number, src: string): { start: number; end: number; exact: boolean } {
	const [s, e] = node.range ?? [0, 0];
	let start = base + s;
	let end = base + e;
	const raw = src.slice(start, end);
	if ((raw.startsWith('"') && raw.endsWith('"')) || (raw.startsWith("'") && raw.endsWith("'"))) {
		start++;
		end--;
	}
	const value = isScalar(node) ? String(node.value) : '';
	return { start, end, exact: src.slice(start, end) === value };
}

type Raw = { key: string; value: unknown; start: number; end: number; exact: boolean; items?: Located<unknown>[] };

/** Turns raw key/values into typed settings, reporting what does not fit. */
function toSettings(raws: Raw[], problems: InputProblem[]): PostSettings {
	const s: PostSettings = {};
	const bad = (r: Raw, key: string, args: Record<string, string | number> = {}) =>
		problems.push({ start: r.start, end: r.end, message: msg(key, { key: r.key, ...args }), severity: 'error' });
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
				if (typeof r.value === 'string' && (INDUSTRIES as readonly string[]).includes(r.value)) {
					s.industry = located(r.value as Industry, r.start, r.end, r.exact);
				} else {
					bad(r, 'fm.industry', { value: String(r.value), allowed: INDUSTRIES.join(', ') });
				}
				break;
			case 'kind':
				if (typeof r.value === 'string' && (POST_KINDS as readonly string[]).includes(r.value)) {
					s.kind = located(r.value as PostKind, r.start, r.end, r.exact);
				} else {
					bad(r, 'fm.kind', { value: String(r.value), allowed: POST_KINDS.join(', ') });
				}
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
				if (typeof r.value === 'string' && (STATUSES as readonly string[]).includes(r.value)) {
					s.status = located(r.value as Status, r.start, r.end, r.exact);
				} else {
					bad(r, 'fm.status', { value: String(r.value), allowed: STATUSES.join(', ') });
				}
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

function parseFrontMatter(text: string, problems: InputProblem[]): (NonNullable<Draft['frontMatter']> & { broken?: boolean; unclosed?: boolean }) | undefined {
	const open = FM_OPEN.exec(text);
	if (!open) {
		return undefined;
	}
	const bodyStart = open[0].length;
	FM_CLOSE.lastIndex = bodyStart;
	const close = FM_CLOSE.exec(text);
	if (!close) {
		// Point at the line that looks like a mistyped closing fence, when there is one.
		const near = nearClose(text, bodyStart);
		problems.push(near
			? { start: near.start, end: near.end, message: msg('fm.mistypedClose', { text: text.slice(near.start, near.end) }), severity: 'error' }
			: { start: 0, end: open[0].trimEnd().length, message: msg('fm.unclosed'), severity: 'error' });
		return { start: 0, end: 0, settings: {}, broken: true, unclosed: true };
	}
	const yamlText = text.slice(bodyStart, close.index);
	const end = close.index + close[0].length;
	// Duplicate keys are found below with a Set: the library's own check compares every key with every other one.
	const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
	for (const err of doc.errors) {
		let s = bodyStart + (err.pos?.[0] ?? 0);
		let e = Math.max(s + 1, bodyStart + (err.pos?.[1] ?? 0));
		// An error found at the end of the YAML (an unclosed bracket or quote) belongs to its last line.
		const lastChar = Math.max(bodyStart, yamlText.trimEnd().length + bodyStart - 1);
		if (s > lastChar) {
			e = lastChar + 1;
			s = text.lastIndexOf('\n', lastChar) + 1;
		}
		problems.push({ start: s, end: Math.min(e, close.index), message: msg('fm.yaml', { detail: err.message.split('\n')[0] }), severity: 'error' });
	}
	const problemsBefore = problems.length;
	const raws: Raw[] = [];
	const contents = doc.contents;
	if (contents && !isMap(contents)) {
		if (!(isScalar(contents) && (contents.value === null || contents.value === ''))) {
			problems.push({ start: bodyStart, end: close.index, message: msg('fm.notMap'), severity: 'error' });
		}
	} else if (isMap(contents)) {
		const anchors = new Anchors(doc);
		const seen = new Set<unknown>();
		for (const pair of contents.items) {
			const keyValue = isScalar(pair.key) ? pair.key.value : pair.key;
			if (seen.has(keyValue)) {
				const [ks, ke] = (pair.key as YamlNode | null)?.range ?? [0, 0];
				problems.push({ start: bodyStart + ks, end: Math.max(bodyStart + ks + 1, bodyStart + ke), message: msg('fm.yaml', { detail: 'Map keys must be unique' }), severity: 'error' });
			}
			seen.add(keyValue);
			const key = isScalar(pair.key) ? String(pair.key.value) : '';
			const v = resolveAlias(pair.value as YamlNode | null, anchors, bodyStart, problems);
			if (!key || !v) {
				continue;
			}
			if (isSeq(v)) {
				const items = v.items.map((it) => {
					const n = resolveAlias(it as YamlNode, anchors, bodyStart, problems) ?? (it as YamlNode);
					const r = scalarRange(n, bodyStart, text);
					// A map item (`- { src: a.png, alt: … }` under images) is kept as plain data.
					return located(isScalar(n) ? n.value : isMap(n) ? n.toJSON() : undefined, r.start, r.end, r.exact);
				});
				const [s, e] = v.range ?? [0, 0];
				raws.push({ key, value: items.map((i) => i.value), start: bodyStart + s, end: bodyStart + e, exact: false, items });
			} else {
				const r = scalarRange(v, bodyStart, text);
				raws.push({ key, value: isScalar(v) ? v.value : undefined, ...r });
			}
		}
	}
	const hadProblems = problems.length > problemsBefore;
	const before = problems.length;
	const settings = toSettings(raws, problems);
	// Problems in the front matter (invalid YAML, an alias to nowhere, a platform that is not text) make it a draft to report on.
	return { start: 0, end, settings, ...(doc.errors.length || problems.length > before || hadProblems ? { broken: true } : {}) };
}

/**
 * The node an alias (`*name`) stands for, or the node itself. An alias to an anchor that does
 * not exist is a problem (the YAML library only finds out when converting, which is never done
 * here: converting is also how alias bombs blow up). The value is read, the range is the alias's.
 */
function resolveAlias(n: YamlNode | null, anchors: Anchors, base: number, problems: InputProblem[]): YamlNode | null {
	if (!n || !isAlias(n)) {
		return n;
	}
	const target = anchors.before(n.source, n.range?.[0] ?? 0);
	const [s, e] = n.range ?? [0, 0];
	if (!target) {
		problems.push({ start: base + s, end: Math.max(base + s + 1, base + e), message: msg('fm.aliasNowhere', { name: `*${n.source}` }), severity: 'error' });
		return null;
	}
	if (!isScalar(target)) {
		return target;
	}
	// The anchor's value, at the alias's place (not `exact`: the source there is `*name`).
	const copy = target.clone() as YamlNode;
	copy.range = [s, e, e];
	return copy;
}

/**
 * The anchors of a document (`&name`), collected in one walk: an alias is the last anchor of
 * its name before it. (The YAML library's own lookup walks the whole document per alias:
 * quadratic in a front matter of thousands of aliases.)
 */
class Anchors {
	private readonly byName = new Map<string, { at: number; node: YamlNode }[]>();

	constructor(doc: Document) {
		visit(doc, (_key, node) => {
			const n = node as YamlNode & { anchor?: string };
			if (n && typeof n === 'object' && 'anchor' in n && n.anchor) {
				let list = this.byName.get(n.anchor);
				if (!list) {
					list = [];
					this.byName.set(n.anchor, list);
				}
				list.push({ at: n.range?.[0] ?? 0, node: n });
			}
		});
		for (const list of this.byName.values()) {
			list.sort((a, b) => a.at - b.at);
		}
	}

	before(name: string, at: number): YamlNode | undefined {
		const list = this.byName.get(name);
		if (!list) {
			return undefined;
		}
		const lo = lowerBound(list.length, (mid) => list[mid].at < at);
		return lo > 0 ? list[lo - 1].node : undefined;
	}
}

/** The first line after the opening fence that looks like a mistyped closing one. */
function nearClose(text: string, from: number): { start: number; end: number } | undefined {
	const re = /[^\r\n]*(?:\r\n?|\n|$)/gy;
	re.lastIndex = from;
	for (let m = re.exec(text); m && m[0]; m = re.exec(text)) {
		const line = m[0].replace(/[\r\n]+$/, '');
		if (FM_NEAR_CLOSE.test(line)) {
			return { start: m.index, end: m.index + line.trimEnd().length };
		}
	}
	return undefined;
}

/**
 * True when nothing but white space stands beside the comment on its line(s). `prevEnd` and
 * `nextStart` are where the previous comment ends and the next one starts: a comment that
 * shares its line with another is not alone, and looking no further than them keeps a file of
 * thousands of comments on one line linear.
 */
function aloneOnLine(c: Comment, text: string, prevEnd: number, nextStart: number): boolean {
	for (let i = c.start - 1; i >= 0; i--) {
		const ch = text.charCodeAt(i);
		if (ch === 10 || ch === 13) {
			break;
		}
		if (i < prevEnd || !isSpace(ch)) {
			return false;
		}
	}
	for (let i = c.end; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (ch === 10 || ch === 13) {
			break;
		}
		if (i >= nextStart || !isSpace(ch)) {
			return false;
		}
	}
	return true;
}

function isSpace(ch: number): boolean {
	return ch === 32 || ch === 9 || ch === 12 || ch === 11 || ch === 0xa0 || ch === 0x3000 || ch === 0xfeff || (ch >= 0x2000 && ch <= 0x200a) || ch === 0x2028 || ch === 0x2029 || ch === 0x202f || ch === 0x205f || ch === 0x1680;
}

function parseMarker(c: Comment, text: string, problems: InputProblem[], prevEnd: number, nextStart: number): PostSettings | undefined {
	// A marker is a line of its own: `<!-- post … -->` quoted inside a sentence or a code span is just text.
	const m = MARKER.exec(c.body);
	if (!m || !aloneOnLine(c, text, prevEnd, nextStart)) {
		return undefined;
	}
	const attrs = m[1] ?? '';
	const attrStart = text.indexOf(attrs, c.start + 4);
	const raws: Raw[] = [];
	ATTR.lastIndex = 0;
	let pos = 0;
	while (pos < attrs.length) {
		const ws = /\s*/y;
		ws.lastIndex = pos;
		ws.exec(attrs);
		pos = ws.lastIndex;
		if (pos >= attrs.length) {
			break;
		}
		ATTR.lastIndex = pos;
		const a = ATTR.exec(attrs);
		if (!a) {
			const rest = attrs.slice(pos).split(/\s/)[0];
			problems.push({ start: attrStart + pos, end: attrStart + pos + Math.max(1, rest.length), message: msg('marker.attr', { text: rest }), severity: 'error' });
			pos += Math.max(1, rest.length);
			continue;
		}
		const value = a[2] ?? a[3] ?? a[4];
		const valueOffset = a[0].length - value.length - (a[4] === undefined ? 1 : 0);
		const start = attrStart + pos + valueOffset;
		const key = a[1];
		if (!(SETTING_KEYS as readonly string[]).includes(key)) {
			problems.push({ start: attrStart + pos, end: attrStart + pos + key.length, message: msg('marker.unknownKey', { key, allowed: SETTING_KEYS.join(', ') }), severity: 'warning' });
		} else {
			const typed = key === 'sponsored' ? value === 'true' ? true : value === 'false' ? false : value : value;
			raws.push({ key, value: typed, start, end: start + value.length, exact: true });
		}
		pos = ATTR.lastIndex;
	}
	return toSettings(raws, problems);
}

function merge(base: PostSettings, over: PostSettings): PostSettings {
	const out: PostSettings = { ...base };
	for (const [k, v] of Object.entries(over)) {
		if (v !== undefined) {
			(out as Record<string, unknown>)[k] = v;
		}
	}
	return out;
}

export function parseDraft(text: string): Draft {
	const problems: InputProblem[] = [];
	const fm = parseFrontMatter(text, problems);
	const bodyStart = fm && !fm.unclosed ? fm.end : (text.startsWith('\uFEFF') ? 1 : 0);
	// One pass: each `<!--` is closed by the first `-->` after it; with none, the rest is not a comment (linear
	// where a lazy regular expression would rescan the rest of the file from every `<!--`).
	const comments: Comment[] = [];
	for (let open = text.indexOf('<!--', bodyStart); open >= 0;) {
		const close = text.indexOf('-->', open + 4);
		if (close < 0) {
			problems.push({ start: open, end: open + 4, message: msg('comment.unclosed'), severity: 'warning' });
			break;
		}
		comments.push({ start: open, end: close + 3, body: text.slice(open + 4, close).trim() });
		open = text.indexOf('<!--', close + 3);
	}

	const base = fm?.settings ?? {};
	const markers: { comment: Comment; settings: PostSettings }[] = [];
	comments.forEach((c, i) => {
		const s = parseMarker(c, text, problems, i > 0 ? comments[i - 1].end : -1, i + 1 < comments.length ? comments[i + 1].start : text.length);
		if (s) {
			markers.push({ comment: c, settings: s });
		}
	});
	const posts: Post[] = [];
	// Comments are sorted by start: hand each view only the ones inside its range (a file of
	// thousands of posts would otherwise scan every comment for every post).
	const within = (start: number, end: number) => {
		const lo = lowerBound(comments.length, (mid) => comments[mid].end <= start);
		const out: Comment[] = [];
		for (let i = lo; i < comments.length && comments[i].start < end; i++) {
			out.push(comments[i]);
		}
		return out;
	};
	const makePost = (start: number, end: number, settings: PostSettings, marker?: Comment) => {
		const bodyFrom = marker ? marker.end : start;
		posts.push({ index: posts.length, start, end, marker, settings, body: new TextView(text, bodyFrom, end, within(bodyFrom, end)) });
	};
	if (!markers.length) {
		makePost(bodyStart, text.length, base);
	} else {
		// Text before the first marker is a post of its own only when it has content.
		const pre = new TextView(text, bodyStart, markers[0].comment.start, within(bodyStart, markers[0].comment.start));
		if (pre.text.length) {
			makePost(bodyStart, markers[0].comment.start, base);
		}
		markers.forEach((mk, i) => {
			const end = i + 1 < markers.length ? markers[i + 1].comment.start : text.length;
			makePost(mk.comment.start, end, merge(base, mk.settings), mk.comment);
		});
	}
	const declaresPlatform = !!base.platforms?.length || markers.some((m) => m.settings.platforms?.length);
	// A front matter that could not be read (unclosed, mistyped fence, invalid YAML) may well name a platform:
	// the file is a draft whose problems must be seen, never a file silently passed over.
	return { text, frontMatter: fm && !fm.unclosed ? { start: fm.start, end: fm.end, settings: fm.settings } : undefined, posts, comments, problems, declaresPlatform, unreadableFrontMatter: !!fm?.broken };
}
