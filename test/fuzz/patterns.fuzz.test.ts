/**
 * The team rules' pattern syntax on seeded random patterns: compiling never throws (a pattern is
 * accepted or refused with a position inside it), and an accepted pattern in the lexicon finds
 * exactly what a plain definition finds — the leftmost start where the pattern (as a JavaScript
 * regular expression, same meaning on this alphabet) matches a whole substring on word edges, and
 * the longest such match there — on random texts.
 */
import * as assert from 'node:assert/strict';
import { compilePattern, Lexicon } from '../../server/src/engine';
import { SEED, int, pick, random, scaled } from './gen';

const PIECES = ['a', 'b', 'c', '1', '中', '文', '[ab]', '[^a]', '[a-c1]', '\\d', '\\w', '\\p{Han}', '.', '(', ')', '(?:', '|', '?', '{1,3}', '{2}', '{0,2}', '*', '+', '(?=', '\\1', '^', '\\b', '{1,}'];
const TEXT = ['a', 'b', 'c', '1', '9', ' ', '中', '文', '\n', '。'];

const isWord = (ch: string | undefined) => !!ch && /[0-9a-z_]/.test(ch);

/** The first hit by definition: the smallest start with a whole match on word edges, and the longest match there. */
function reference(re: RegExp, text: string): { start: number; end: number } | undefined {
	for (let s = 0; s < text.length; s++) {
		if (isWord(text[s]) && isWord(text[s - 1])) {
			continue;
		}
		for (let e = text.length; e > s; e--) {
			if (isWord(text[e - 1]) && isWord(text[e])) {
				continue;
			}
			if (re.test(text.slice(s, e))) {
				return { start: s, end: e };
			}
		}
	}
	return undefined;
}

describe('fuzz: team rule patterns', function () {
	this.timeout(60000);

	it(`compiles or refuses every random pattern, and matches like the plain definition (seed ${SEED})`, () => {
		const r = random(SEED + 17);
		let accepted = 0;
		for (let k = 0; k < scaled(1500); k++) {
			const source = Array.from({ length: 1 + int(r, 8) }, () => pick(r, PIECES)).join('');
			let c: ReturnType<typeof compilePattern>;
			try {
				c = compilePattern(source);
			} catch (e) {
				assert.fail(`${source}: threw ${String(e)}`);
			}
			if (c.error) {
				assert.ok(c.error.at >= 0 && c.error.at <= source.length, `${source}: refused at ${c.error.at}`);
				continue;
			}
			accepted++;
			// On this alphabet (lower case, ASCII digits, no spaces in patterns) the syntax means what JavaScript's does.
			const re = new RegExp(`^(?:${source.split("\\p{Han}").join("\\p{Script=Han}")})$`, "u");
			const lex = new Lexicon(c.paths.map((steps) => ({ term: source, steps, value: true })));
			for (let t = 0; t < 8; t++) {
				const text = Array.from({ length: int(r, 14) }, () => pick(r, TEXT)).join('');
				const hits = lex.find(text);
				for (const h of hits) {
					assert.ok(re.test(h.text), `${source} in ${JSON.stringify(text)}: ${JSON.stringify(h.text)} does not match`);
				}
				const want = reference(re, text);
				const got = hits[0] ? { start: hits[0].start, end: hits[0].end } : undefined;
				assert.deepEqual(got, want, `${source} in ${JSON.stringify(text)}`);
			}
		}
		assert.ok(accepted > 100, `only ${accepted} patterns accepted: the generator should make more valid ones`);
	});
});
