/**
 * Parses a draft file: YAML front matter, `<!-- post … -->` markers that split a campaign
 * file into posts, and HTML comments (which platforms never see, so they are not counted).
 * Parsing never throws: what is wrong becomes an InputProblem with its range.
 */
import { msg } from '../messages';
import { TextView } from '../textview';
import type { InputProblem } from '../types';
import { lowerBound } from '../text';
import { parseFrontMatter } from './frontmatter';
import { parseMarker } from './markers';
import type { Comment, Draft, Post, PostSettings } from './model';

export {
	INDUSTRIES, STATUSES, POST_KINDS, SETTING_KEYS,
	type Industry, type Status, type PostKind, type ImageSetting, type Located, type PostSettings, type Comment, type Post, type Draft,
} from './model';

function merge(base: PostSettings, over: PostSettings): PostSettings {
	const out: PostSettings = { ...base };
	// Own keys only (a settings object is a plain object made by toSettings).
	for (const k of Object.keys(over) as (keyof PostSettings)[]) {
		const v = over[k];
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
