/**
 * Fast paths of the draft and its views, each against the plain computation it stands for:
 * - isJsSpace tests one code unit: the same answer as `\s` (and so as trim) for every code unit;
 * - a post body view trims its ends by code unit: the same text as trimming the sliced text;
 * - hanShare and hanRuns scan by code point with a table of character flags: the same counts and
 *   runs as the regular expressions they replace, on the bench corpus and on seeded nasty strings;
 * - flagsOf gives each BMP code unit the properties its regular expressions give it.
 */
import * as assert from 'node:assert/strict';
import { isJsSpace, TextView } from '../../server/src/engine/textview';
import { generateCorpus, rng } from '../../bench/corpus';
import { hanShare } from '../../server/src/engine/explain';
import { hanRuns } from '../../server/src/engine/script';
import { flagsOf, HAN, LETTER_OR_MARK, MENTION_CHAR, SPACE } from '../../server/src/engine/charflags';

/** The regular expression hanShare stood for (its reference). */
function shareByRegex(text: string): { han: number; otherWords: number; otherLetters: number } {
	const re = /(https?:\/\/\S+|@[\p{L}\p{N}_\-.]+|#[^#\s]+#?)|(\p{Script=Han}+)|([[\p{L}\p{M}]--\p{Script=Han}]+)/gv;
	let han = 0;
	let otherWords = 0;
	let otherLetters = 0;
	for (const m of text.matchAll(re)) {
		if (m[2]) {
			han += [...m[2]].length;
		} else if (m[3]) {
			otherWords++;
			otherLetters += m[3].length;
		}
	}
	return { han, otherWords, otherLetters };
}

/** Seeded strings of the pieces the scanners decide on: links, @, #, Han (BMP and beyond), letters, marks, spaces, surrogates. */
function nastyStrings(seed: number, count: number): string[] {
	const r = rng(seed);
	const pieces = ['http://', 'https://', 'http:/', 'https', 'h', '@', '#', '＃', '中', '文', '𠀀', '〇', 'a', 'Z', 'é', 'e\u0301', '\u0301', '5', '_', '-', '.',
		' ', '\t', '\n', '\u3000', '\u00a0', '😀', '\ud800', '\udc00', '。', '，', 'ア', 'ㄅ', '한', '/', ':'];
	const out: string[] = [];
	for (let n = 0; n < count; n++) {
		let s = '';
		const len = 1 + Math.floor(r() * 16);
		for (let k = 0; k < len; k++) {
			s += pieces[Math.floor(r() * pieces.length)];
		}
		out.push(s);
	}
	return out;
}

describe('fast path: white space by code unit', () => {
	it('isJsSpace is \\s for every UTF-16 code unit', () => {
		const wrong: string[] = [];
		for (let c = 0; c <= 0xffff; c++) {
			if (isJsSpace(c) !== /\s/u.test(String.fromCharCode(c))) {
				wrong.push(c.toString(16));
			}
		}
		assert.deepEqual(wrong, []);
	});

	it('a view without cuts is the trimmed slice; with cuts, the trimmed text of the kept pieces', () => {
		const r = rng(20261203);
		const alphabet = [' ', '\t', '\n', '\r\n', '\u3000', '\u00a0', '\ufeff', '\u2028', '\u200b', 'a', '字', '。', '<!-- x -->'];
		for (let n = 0; n < 2000; n++) {
			let source = '';
			const len = Math.floor(r() * 14);
			for (let k = 0; k < len; k++) {
				source += alphabet[Math.floor(r() * alphabet.length)];
			}
			const cuts: { start: number; end: number }[] = [];
			for (let i = source.indexOf('<!--'); i >= 0; i = source.indexOf('<!--', i + 1)) {
				cuts.push({ start: i, end: source.indexOf('-->', i) + 3 });
			}
			let kept = '';
			let from = 0;
			for (const c of cuts) {
				kept += source.slice(from, c.start);
				from = c.end;
			}
			kept += source.slice(from);
			const view = new TextView(source, 0, source.length, cuts);
			assert.equal(view.text, kept.trim(), JSON.stringify(source));
			assert.equal(new TextView(source, 0, source.length).text, source.trim(), JSON.stringify(source));
		}
	});
});

describe('fast path: Han share and Han runs by code point', () => {
	const corpus = [...generateCorpus(20260501, 600).files.values()];
	const nasty = nastyStrings(20261203, 5000);

	it('flagsOf is the regular expressions for every BMP code unit', () => {
		const wrong: string[] = [];
		for (let c = 0; c <= 0xffff; c++) {
			const ch = String.fromCharCode(c);
			const want = (/\p{Script=Han}/u.test(ch) ? HAN : 0) | (/[\p{L}\p{M}]/u.test(ch) ? LETTER_OR_MARK : 0)
				| (/[\p{L}\p{N}_\-.]/u.test(ch) ? MENTION_CHAR : 0) | (/\s/u.test(ch) ? SPACE : 0);
			if ((flagsOf(c) & 0x7f) !== want) {
				wrong.push(c.toString(16));
			}
		}
		assert.deepEqual(wrong.slice(0, 10), []);
	});

	it('hanShare counts what the token regular expression counts', () => {
		for (const text of [...corpus, ...nasty]) {
			const { han, otherWords, otherLetters } = hanShare(text);
			assert.deepEqual({ han, otherWords, otherLetters }, shareByRegex(text), JSON.stringify(text));
		}
	});

	it('hanRuns finds what /\\p{Script=Han}+/gu finds', () => {
		for (const text of [...corpus, ...nasty]) {
			const want = [...text.matchAll(/\p{Script=Han}+/gu)].map((m) => ({ start: m.index, text: m[0] }));
			assert.deepEqual(hanRuns(text), want, JSON.stringify(text));
		}
	});
});
