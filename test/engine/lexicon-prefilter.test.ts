/**
 * The lexicon's prefilters (start units, first pairs, the Latin-word filter that passes over a
 * whole word no term starts with) never skip a hit: the same hits as the plain search
 * (`prefilter: false`, a walk from every position outside a Latin word), for
 * - the judgment matcher (every word list, pattern class, ad signal and kind word) on the bench
 *   corpus, the labelled judgment corpus, the rules' fixtures and generated drafts;
 * - random terms and team-rule patterns (a class after a first word, a term's space before a class,
 *   a pattern without a literal, words of Latin-1 letters, digits and full-width letters) on random
 *   texts, long and short (a small lexicon first looks for its terms' literal runs: `Needles`);
 * and a lexicon whose trie is built whole before its first search finds what one built branch by
 * branch on its walks finds.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateCorpus } from '../../bench/corpus';
import { compilePattern } from '../../server/src/engine';
import { Lexicon, type LexiconHit, type LexiconTerm } from '../../server/src/engine/lexicon';
import { judgmentTerms } from '../../server/src/engine/rules/judgment';
import { generateDrafts, rng } from '../helpers/drafts';

const SEED = 20260611;
const ROOT = path.join(__dirname, '..', '..');

const plain = <T>(hits: LexiconHit<T>[]) => hits.map((h) => ({ start: h.start, end: h.end, term: h.term, value: h.value }));

/** The .md files under a folder, recursively. */
function markdown(dir: string): string[] {
	if (!fs.existsSync(dir)) {
		return [];
	}
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? markdown(p) : e.name.endsWith('.md') ? [fs.readFileSync(p, 'utf8')] : [];
	});
}

function compare<T>(terms: LexiconTerm<T>[], texts: readonly string[], caseSensitive = false): number {
	const fast = new Lexicon(terms, { caseSensitive });
	const slow = new Lexicon(terms, { caseSensitive, prefilter: false });
	// Its whole trie built before the first search (`size` enters every waiting branch), not branch by branch.
	const built = new Lexicon(terms, { caseSensitive });
	assert.ok(built.size > 0);
	let hits = 0;
	for (const text of texts) {
		const want = plain(slow.find(text));
		assert.deepEqual(plain(fast.find(text)), want, JSON.stringify(text.slice(0, 300)));
		assert.deepEqual(plain(built.find(text)), want, JSON.stringify(text.slice(0, 300)));
		hits += want.length;
	}
	return hits;
}

describe('lexicon prefilters: the same hits as the plain search', function () {
	this.timeout(120000);

	it('the judgment matcher on the bench corpus, the judgment corpus, the fixtures and generated drafts', () => {
		const texts = [
			...generateCorpus(SEED, 1500).files.values(),
			...markdown(path.join(ROOT, 'test', 'corpus', 'judgment')),
			...markdown(path.join(ROOT, 'test', 'fixtures')),
			...generateDrafts(SEED, 300),
		];
		assert.ok(texts.length > 700, `only ${texts.length} texts`);
		const hits = compare(judgmentTerms(), texts);
		assert.ok(hits > 3000, `only ${hits} hits: the texts should exercise the matcher`);
	});

	it('random terms and patterns on random texts', () => {
		const next = rng(SEED);
		const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
		const units = ['a', 'b', 'A', 'ａ', 'é', 'É', '1', '_', '最', '好', '.', '!', "'", '’', ' ', '  ', '\t'];
		const piece = (n: number) => Array.from({ length: 1 + Math.floor(next() * n) }, () => pick(units)).join('');
		const patterns = ['[ab]\\d', '\\w{2}', 'ab[0-9]', 'ab ?\\w', 'a\\d{1,2}', 'b \\w', 'ab\\.\\d', '[ab]c', '\\w{2}好', '最\\w', 'a(b|1)', 'é\\w?'];
		let hits = 0;
		for (let round = 0; round < 300; round++) {
			const terms: LexiconTerm<number>[] = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, k) => ({ term: piece(4).trim() || 'a', group: k % 2, value: k }));
			if (round % 3 === 0) {
				const source = pick(patterns);
				const c = compilePattern(source);
				assert.ok(c.paths, `${source}: ${c.error?.message}`);
				terms.push(...c.paths.map((steps) => ({ term: source, steps, group: 2, value: 99 })));
			}
			// Short texts too: a few terms' literal runs (the needles) are then often missing.
			const texts = Array.from({ length: 20 }, (_, k) => piece(k % 2 ? 40 : 6));
			hits += compare(terms, texts, round % 5 === 0);
		}
		assert.ok(hits > 2000, `only ${hits} hits`);
	});
});
