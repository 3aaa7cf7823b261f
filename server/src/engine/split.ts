/**
 * "Split into one post per platform": one body that goes to several platforms (`platforms: [weibo, x]`)
 * rewritten as one `<!-- post platform=… -->` section per platform, each with the same body. Settings
 * the front matter gives are inherited as before (a marker overrides only what it names); the
 * post's own marker attributes other than its platforms are kept on every section.
 */
import type { Draft } from './draft';
import type { TextEdit } from './types';

const PLATFORM_ATTR = /(^|\s)platforms?\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"']+)/g;

/** The marker of one section: the post's marker attributes without its platforms, and `platform=<id>`. */
function markerFor(id: string, otherAttrs: string): string {
	return `<!-- post platform=${id}${otherAttrs ? ` ${otherAttrs}` : ''} -->`;
}

/**
 * The edit that replaces post `index` of `draft` by one section per platform in `platforms` (canonical
 * ids, in the order the post names them). Undefined when there is nothing to split (fewer than two
 * platforms, or no such post).
 */
export function splitPostEdit(draft: Draft, index: number, platforms: readonly string[]): TextEdit | undefined {
	const post = draft.posts[index];
	if (!post || platforms.length < 2) {
		return undefined;
	}
	const text = draft.text;
	const nl = text.includes('\r\n') ? '\r\n' : '\n';
	let other = '';
	let content: string;
	if (post.marker) {
		other = post.marker.body.replace(/^post\b/, '').replace(PLATFORM_ATTR, ' ').replace(/\s+/g, ' ').trim();
		content = text.slice(post.marker.end, post.end);
	} else {
		content = nl + text.slice(post.start, post.end).replace(/^(?:\r?\n)+/, '');
	}
	// A marker must stand on a line of its own: every section but the last ends with a line break.
	const closed = /\n\s*$/.test(content) ? content : content + nl;
	const sections = platforms.map((id, i) => markerFor(id, other) + (i === platforms.length - 1 ? content : closed));
	return { start: post.start, end: post.end, newText: sections.join('') };
}
