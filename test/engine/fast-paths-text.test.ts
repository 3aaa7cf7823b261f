/**
 * Fast paths of the draft and its views, each against the plain computation it stands for:
 * - isJsSpace tests one code unit: the same answer as `\s` (and so as trim) for every code unit;
 * - a post body view trims its ends by code unit: the same text as trimming the sliced text.
 */
import * as assert from 'node:assert/strict';
import { isJsSpace, TextView } from '../../server/src/engine/textview';
import { rng } from '../../bench/corpus';

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
