/**
 * `<!-- post … -->` markers: a comment alone on its line(s) whose body starts with `post`, with
 * `key=value` attributes read as post settings.
 */
import { msg } from '../messages';
import type { InputProblem } from '../types';
import { SETTING_KEYS, toSettings, type Comment, type PostSettings, type Raw } from './model';

const MARKER = /^post(?:\s+([\s\S]*))?$/;
// White space between attributes (sticky, one object: a literal in the loop would be a new RegExp per attribute).
const WS = /\s*/y;
const ATTR = /([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/gy;

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

/** The settings of a post marker, or undefined when the comment is not one. */
export function parseMarker(c: Comment, text: string, problems: InputProblem[], prevEnd: number, nextStart: number): PostSettings | undefined {
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
		WS.lastIndex = pos;
		WS.exec(attrs);
		pos = WS.lastIndex;
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
