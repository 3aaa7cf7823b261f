/**
 * The editor's re-check after an edit: where two versions of a file differ, and the new draft built
 * from the old one when the edit stays inside one post's body (no marker, comment, front matter or
 * post boundary touched): the posts before it are the same objects, the edited post is cut again,
 * the posts after it are moved. Anything else returns undefined and the file is parsed again.
 */
import type { Directive } from '../directives';
import type { Comment, Draft, Located, Post, PostSettings } from '../draft';
import { lowerBound } from '../text';
import { TextView } from '../textview';
import { shift } from './cache';

/** The one changed range: `start` in both texts, `oldEnd` in the old, `newEnd` in the new (common prefix and suffix outside it). */
export interface TextEdit {
	start: number;
	oldEnd: number;
	newEnd: number;
}

const CHUNK = 4096;

/** A comment whose body could make it a post marker (draft/markers.ts MARKER), were it alone on its line. */
const MARKER_LIKE = /^post(?:\s|$)/;

/** The length of the common prefix of two texts, compared a chunk at a time (a string compare is a memory compare). */
export function unchangedPrefix(a: string, b: string): number {
	const max = Math.min(a.length, b.length);
	let p = 0;
	while (p + CHUNK <= max && a.slice(p, p + CHUNK) === b.slice(p, p + CHUNK)) {
		p += CHUNK;
	}
	while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) {
		p++;
	}
	return p;
}

/** The one range where two texts differ: their common prefix and suffix (not overlapping) left out. */
export function textEdit(a: string, b: string): TextEdit {
	const max = Math.min(a.length, b.length);
	const p = unchangedPrefix(a, b);
	let s = 0;
	const room = max - p;
	while (s + CHUNK <= room && a.slice(a.length - s - CHUNK, a.length - s) === b.slice(b.length - s - CHUNK, b.length - s)) {
		s += CHUNK;
	}
	while (s < room && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) {
		s++;
	}
	return { start: p, oldEnd: a.length - s, newEnd: b.length - s };
}

const hasBreak = (text: string, from: number, to: number): boolean => {
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || c === 13) {
			return true;
		}
	}
	return false;
};

/** True when the text around an edit (three characters either side, to catch a `<!--` or `-->` it completes) has no comment fence. */
function fenceFree(text: string, start: number, end: number): boolean {
	const s = text.slice(Math.max(0, start - 3), end + 3);
	return !s.includes('<!--') && !s.includes('-->');
}

/** Directives after an edit that touched no comment: those after it moved. */
export function moveDirectives(ds: Directive[], d: number, from: number): Directive[] {
	return d === 0 ? ds : ds.map((x) => {
		if (x.start < from) {
			return x;
		}
		const m = shift(x, d, from);
		m.ruleRanges = x.ruleRanges.map((r) => shift(r, d, from));
		return m;
	});
}

/** Whether a post's settings hold a range at or after `from` (its marker's; the front matter's never do). */
function settingsMove(s: PostSettings, from: number): boolean {
	for (const k in s) {
		const v = (s as Record<string, Located<unknown> | Located<unknown>[] | undefined>)[k];
		if (Array.isArray(v) ? v.some((x) => x.start >= from) : v !== undefined && v.start >= from) {
			return true;
		}
	}
	return false;
}

/** A post's settings with the ranges at or after `from` (its marker's) moved; the front matter's stay. */
function moveSettings(s: PostSettings, d: number, from: number): PostSettings {
	if (d === 0 || !settingsMove(s, from)) {
		return s;
	}
	const out: Record<string, unknown> = {};
	for (const k in s) {
		const v = (s as Record<string, Located<unknown> | Located<unknown>[] | undefined>)[k];
		out[k] = Array.isArray(v) ? v.map((x) => shift(x, d, from)) : v === undefined ? v : shift(v, d, from);
	}
	return out as PostSettings;
}

/**
 * The draft of `text` from the draft of the old text and the edit between them, when the edit stays
 * inside one post's body; with the index of that post. Undefined when the file must be parsed again.
 */
export function reparse(old: Draft, text: string, e: TextEdit): { draft: Draft; edited: number } | undefined {
	const src = old.text;
	const d = e.newEnd - e.oldEnd;
	// The first line decides whether there is a front matter; an unreadable one is parsed again.
	if (old.unreadableFrontMatter || (!old.frontMatter && /^\uFEFF?---/.test(src)) || !hasBreak(src, 0, e.start)) {
		return undefined;
	}
	// (A line break typed just after the closing fence's `\r` would make its line end `\r\n`.)
	if (old.frontMatter && (e.start < old.frontMatter.end || !hasBreak(src, old.frontMatter.end - 1, e.start) || (e.start === old.frontMatter.end && src.charCodeAt(e.start - 1) === 13))) {
		return undefined;
	}
	if (!fenceFree(src, e.start, e.oldEnd) || !fenceFree(text, e.start, e.newEnd)) {
		return undefined;
	}
	// No comment overlaps the edit, and a line break stands between it and the marker-like comments
	// beside it (whether `<!-- post … -->` is a marker depends on what shares its line).
	const cs = old.comments;
	const next = lowerBound(cs.length, (i) => cs[i].end <= e.start);
	if (next < cs.length && cs[next].start < e.oldEnd) {
		return undefined;
	}
	for (let i = next - 1; i >= 0 && !hasBreak(src, cs[i].end, e.start); i--) {
		if (MARKER_LIKE.test(cs[i].body)) {
			return undefined;
		}
	}
	for (let i = next; i < cs.length && !hasBreak(src, e.oldEnd, cs[i].start); i++) {
		if (MARKER_LIKE.test(cs[i].body)) {
			return undefined;
		}
	}
	// The post whose body holds the edit.
	const ps = old.posts;
	const at = lowerBound(ps.length, (i) => ps[i].start <= e.start) - 1;
	const post = ps[at];
	if (!post || e.oldEnd > post.end || (post.marker && e.start < post.marker.end)) {
		return undefined;
	}
	const comments: Comment[] = next === cs.length || d === 0 ? cs : [...cs.slice(0, next), ...cs.slice(next).map((c) => shift(c, d, 0))];
	const bodyFrom = post.marker ? post.marker.end : post.start;
	const end = post.end + d;
	const lo = lowerBound(comments.length, (i) => comments[i].end <= bodyFrom);
	const inside: Comment[] = [];
	for (let i = lo; i < comments.length && comments[i].start < end; i++) {
		inside.push(comments[i]);
	}
	const body = new TextView(text, bodyFrom, end, inside);
	// The text before the first marker is a post only while it has content.
	if (!post.marker && ps.length > 1 && !body.text.length) {
		return undefined;
	}
	const posts: Post[] = ps.slice(0, at);
	posts.push({ ...post, end, body });
	const from = e.oldEnd;
	// The later posts' markers are the moved comments, in order: found by walking forward once.
	let k = next;
	for (let i = at + 1; i < ps.length; i++) {
		const p = ps[i];
		let marker: Comment | undefined;
		if (p.marker) {
			const want = p.marker.start + d;
			while (k < comments.length && comments[k].start < want) {
				k++;
			}
			marker = comments[k];
		}
		posts.push({ index: p.index, start: p.start + d, end: p.end + d, marker, settings: moveSettings(p.settings, d, from), body: p.body.moved(d) });
	}
	const problems = old.problems.map((p) => shift(p, d, from));
	return {
		draft: { ...old, text, posts, comments, problems },
		edited: at,
	};
}
