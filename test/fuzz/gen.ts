/**
 * Seeded input generators for the fuzz tests: hostile drafts (binary bytes read as text, lone
 * surrogates, broken front matter and markers, unclosed comments, huge lines), broken
 * configuration and pack files, and random edits. The seed comes from COPYDESK_FUZZ_SEED, the
 * amount of work is scaled by COPYDESK_FUZZ_RUNS (1 by default); a failure names the seed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { postBody, rng } from '../../bench/corpus';
import { builtinPlatforms } from '../../server/src/engine';
import { ROOT } from '../helpers/paths';

export const SEED = Number(process.env.COPYDESK_FUZZ_SEED ?? 7_2026);
export const RUNS = Math.max(0.1, Number(process.env.COPYDESK_FUZZ_RUNS ?? 1));

/** `n` scaled by COPYDESK_FUZZ_RUNS. */
export function scaled(n: number): number {
	return Math.max(1, Math.round(n * RUNS));
}

export type Rand = () => number;

export function random(salt: number): Rand {
	return rng(SEED * 1_000_003 + salt);
}

export function int(r: Rand, n: number): number {
	return Math.floor(r() * n);
}

export function pick<T>(r: Rand, xs: readonly T[]): T {
	return xs[int(r, xs.length)];
}

/**
 * Runs `body`; on failure rethrows with the seed, the step and how to replay it, and saves
 * the input that failed under .tmp/ for a look.
 */
export function replayable<T>(what: string, step: number, input: string | undefined, body: () => T): T {
	try {
		return body();
	} catch (e) {
		let saved = '';
		if (input !== undefined) {
			const file = path.join(ROOT, '.tmp', `fuzz-${what.replace(/\W+/g, '-')}-${SEED}-${step}.txt`);
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, input);
			saved = `; input saved to ${path.relative(ROOT, file)}`;
		}
		const detail = e instanceof Error ? e.stack ?? e.message : String(e);
		throw new Error(`${what}, step ${step}, seed ${SEED} (replay: COPYDESK_FUZZ_SEED=${SEED})${saved}:\n${detail}`, { cause: e });
	}
}

const PLATFORMS = Object.keys(builtinPlatforms());
const ODD_PLATFORMS = ['twitter', '小红书', 'WEIBO', 'nope', '', ' ', 'x,weibo', '${1:weibo}', 'constructor', '__proto__', 'toString'];

/** Short pieces that tend to break parsers and counters. */
const PIECES = [
	'\ud800', '\udfff', '\udc00\ud800', '\u0000', '\r', '\r\n', '\n\n', '\t', '\uFEFF', '\u200d', '\u200b', '\u202e', '\u2028',
	'\u0301', 'e\u0301', '👨‍👩‍👧', '🇨🇳', '🇨', '1\ufe0f\u20e3', '🏴\u{e0067}\u{e0062}\u{e007f}', '\u{e007f}', '🙌🏽', '©', '\ufe0f',
	'中', '𠀀', '。', '，', '！', '「', '」', '…', '——', '#', '#话题#', '#话题', '##', '#tag', '@', '@user', '@user@host.social', '@中文',
	'http://', 'https://', 'https://example.com/a?b=1#c', 'HTTPS://EXAMPLE.COM', 'httpſ://x.com/', 'www.example.com', 'x.com',
	'<!--', '-->', '<!-- -->', '<!-- post -->', '<!-- post platform=weibo -->', '<!-- post platform= -->', '<!-- post platform="x -->',
	'<!-- post platform=x locale=en mode=long title="t" digest=\'d\' sponsored=maybe industry=space -->', '<!-- copydesk-disable -->',
	'---', '...', '---\n', '\n---\n', '```', '`', '>', '|', '*', '**', '[', ']', '(', ')', '{', '}', '"', "'", '\\', '$', '${1:x}', '$0',
	' ', '  ', '\u3000', 'a', 'Z', '0', '9',
];

const FRONT_MATTERS = [
	'---\nplatform: weibo\n---\n',
	'---\nplatform: [weibo, x, wechat]\ntitle: 标题\ndigest: 摘要\nindustry: medical\nsponsored: true\n---\n',
	'---\nplatform: weibo\n', // unclosed
	'---\n---\n',
	'---\n: :\n---\n',
	'---\nplatform: [weibo\n---\n',
	'---\nplatform: "x\n---\n',
	'---\nplatform: &a weibo\nplatforms: *a\nmode: *b\n---\n',
	'---\nplatform: !!binary aGVsbG8=\ntitle: !!str\n---\n',
	'---\n- a\n- b\n---\n',
	'---\nplatform: weibo\nplatform: x\n---\n',
	'---\nplatform: {a: 1}\ntitle: [1, 2]\nsponsored: 7\nlocale: 中文\nindustry: [x]\n---\n',
	'---\ntitle: |\n  多行\n  标题\nplatform:\n  - xiaohongshu\n  - 7\n  - null\n---\n',
	'\uFEFF---\r\nplatform: x\r\n---\r\n',
	'---\n\tplatform: weibo\n---\n',
	`---\nplatform: weibo\ntitle: ${'长'.repeat(500)}\n---\n`,
	`---\n${'a: [\n'.repeat(60)}---\n`,
	'...\nplatform: weibo\n---\n',
];

/** Random bytes read as text, the way an editor may open a binary file. */
function binary(r: Rand, n: number): string {
	const bytes = Buffer.alloc(n);
	for (let i = 0; i < n; i++) {
		bytes[i] = int(r, 256);
	}
	return r() < 0.5 ? bytes.toString('utf8') : bytes.toString('latin1');
}

/** Random UTF-16 code units, surrogates and all. */
function codeUnits(r: Rand, n: number): string {
	let s = '';
	for (let i = 0; i < n; i++) {
		s += String.fromCharCode(r() < 0.3 ? 0xd800 + int(r, 0x800) : int(r, 0x10000));
	}
	return s;
}

function marker(r: Rand): string {
	const attrs: string[] = [];
	const n = int(r, 4);
	for (let i = 0; i < n; i++) {
		const key = pick(r, ['platform', 'platforms', 'locale', 'mode', 'title', 'digest', 'author', 'industry', 'sponsored', 'bogus', '']);
		const value = r() < 0.5 ? pick(r, PLATFORMS) : r() < 0.5 ? pick(r, ODD_PLATFORMS) : pick(r, PIECES);
		attrs.push(r() < 0.3 ? `${key}="${value}"` : r() < 0.2 ? `${key}=` : `${key}=${value.replace(/\s/g, '')}`);
	}
	if (r() < 0.7) {
		attrs.unshift(`platform=${r() < 0.8 ? pick(r, PLATFORMS) : pick(r, ODD_PLATFORMS).replace(/\s/g, '') || 'x'}`);
	}
	return `<!-- post ${attrs.join(' ')} -->`;
}

/** A hostile draft of roughly `size` UTF-16 units (more for the pieces that are long by nature). */
export function draft(r: Rand, size = 2000): string {
	const out: string[] = [];
	if (r() < 0.7) {
		out.push(pick(r, FRONT_MATTERS));
	}
	let len = 0;
	while (len < size) {
		const x = r();
		let piece: string;
		if (x < 0.12) {
			piece = `\n${marker(r)}\n`;
		} else if (x < 0.3) {
			const p = pick(r, PLATFORMS);
			piece = postBody(r, p, r() < 0.5);
		} else if (x < 0.36) {
			piece = binary(r, 1 + int(r, 200));
		} else if (x < 0.42) {
			piece = codeUnits(r, 1 + int(r, 50));
		} else if (x < 0.45) {
			piece = pick(r, PIECES).repeat(1 + int(r, 400));
		} else if (x < 0.47) {
			piece = pick(r, FRONT_MATTERS);
		} else {
			piece = pick(r, PIECES);
		}
		out.push(piece);
		len += piece.length;
	}
	return out.join('');
}

/** One line of `chars` UTF-16 units of post text (no line breaks): 64 K of posts, repeated. */
export function hugeLine(r: Rand, chars: number): string {
	const parts: string[] = [];
	let len = 0;
	while (len < Math.min(chars, 65536)) {
		const s = postBody(r, pick(r, PLATFORMS), r() < 0.5).replace(/[\r\n]/g, ' ');
		parts.push(s, ' ');
		len += s.length + 1;
	}
	const chunk = parts.join('');
	return chunk.repeat(Math.ceil(chars / chunk.length)).slice(0, chars);
}

/** A random edit of `text`: insert, delete or replace, at offsets that may split surrogate pairs. */
export function edit(r: Rand, text: string): { start: number; end: number; newText: string } {
	const start = int(r, text.length + 1);
	const x = r();
	const end = x < 0.4 ? start : Math.min(text.length, start + int(r, 60));
	const newText = x < 0.7 ? (r() < 0.5 ? pick(r, PIECES) : r() < 0.3 ? marker(r) : postBody(r, pick(r, PLATFORMS)).slice(0, 40)) : '';
	return { start, end, newText };
}

const JSON_VALUES: unknown[] = [
	null, true, false, 0, -1, 1e308, -1e308, 0.5, 2 ** 53 + 1, '', ' ', 'off', 'warning', 'error', 'bogus', 'weibo', 'x', '中文',
	'\ud800', '__proto__', [], [1, 'a', null], {}, { a: { b: { c: [] } } }, { limit: -5 }, { extends: 'weibo' }, { extends: 'self' },
	{ unit: 'bogus', limit: 'ten' }, { threshold: 'high' }, { forbidden: [], preferred: 7 }, { body: ['x'] },
];

/** A structurally valid JSON text from `base` with values swapped for odd ones, then maybe broken as text. */
export function mutateJson(r: Rand, base: unknown, text: string): string {
	let out: string;
	if (r() < 0.5) {
		const clone = JSON.parse(JSON.stringify(base)) as unknown;
		const swap = (v: unknown, depth: number): unknown => {
			if (r() < 0.15) {
				return pick(r, JSON_VALUES);
			}
			if (Array.isArray(v)) {
				return v.map((x) => swap(x, depth + 1));
			}
			if (v && typeof v === 'object') {
				const o: Record<string, unknown> = {};
				for (const [k, x] of Object.entries(v)) {
					o[r() < 0.05 ? pick(r, ['__proto__', 'constructor', '', '中文', k + k]) : k] = swap(x, depth + 1);
				}
				if (r() < 0.2) {
					o[pick(r, ['extends', 'rules', 'platforms', 'packs', 'snippets', 'terms', 'unknownKey'])] = pick(r, JSON_VALUES);
				}
				return o;
			}
			return v;
		};
		out = JSON.stringify(swap(clone, 0), null, r() < 0.5 ? '\t' : undefined);
	} else {
		out = text;
	}
	// Break it as text: truncate, insert, delete, comments, trailing commas.
	const n = int(r, 4);
	for (let i = 0; i < n; i++) {
		const at = int(r, out.length + 1);
		const x = r();
		out = x < 0.25 ? out.slice(0, at)
			: x < 0.5 ? out.slice(0, at) + pick(r, ['{', '}', '[', ']', ',', ':', '"', '/*', '//', '\n', '\ud800', '\u0000', ',}', 'NaN', '1e999']) + out.slice(at)
				: x < 0.75 ? out.slice(0, at) + out.slice(at + int(r, 20))
					: out;
	}
	return out;
}
