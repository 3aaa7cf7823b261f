/**
 * The X link finder runs twitter-text only where a link can be (counting/xurls.ts): the shortcut must
 * never drop a link twitter-text finds. Held three ways: the top-level domains of the installed
 * twitter-text all begin where the shortcut looks, its answer equals twitter-text's on every text of
 * the corpora and crafted edge cases, and on twitter-text's own conformance texts when ../shared is there.
 */
import * as assert from 'node:assert/strict';
import twitter from 'twitter-text';
import { generateCorpus } from '../../bench/corpus';
import { mayHoldXUrl, xUrls } from '../../server/src/engine/counting/xurls';
import { loadCorpus } from '../helpers/judgment-eval';
import { describeWithReference, readReferenceYaml } from '../helpers/reference';

function theirs(text: string) {
	return twitter.extractUrlsWithIndices(text).map((u) => ({ start: u.indices[0], end: u.indices[1], text: u.url })).sort((a, b) => a.start - b.start);
}

/** Checks every text; returns how many the shortcut skipped and how many held a link. */
function same(texts: Iterable<string>): { skipped: number; linked: number } {
	let skipped = 0;
	let linked = 0;
	for (const text of texts) {
		const expected = theirs(text);
		assert.deepEqual(xUrls(text), expected, JSON.stringify(text.slice(0, 200)));
		skipped += mayHoldXUrl(text) ? 0 : 1;
		linked += expected.length ? 1 : 0;
	}
	return { skipped, linked };
}

/** The alternatives of one of twitter-text's TLD expressions (`(?:(?:a|b|…)(?=…))`). */
function tlds(module: string): string[] {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const m = require(`twitter-text/dist/regexp/${module}`) as RegExp | { default: RegExp };
	const source = (m instanceof RegExp ? m : m.default).source;
	const inner = /^\(\?:\(\?:(.*?)\)\(\?=/s.exec(source);
	assert.ok(inner, `${module}: ${source.slice(0, 80)}`);
	return inner[1].split('|');
}

describe('X links: twitter-text runs only where a link can be', () => {
	it('every top-level domain of the installed twitter-text begins with a character the shortcut looks for', () => {
		const all = [...tlds('validGTLD'), ...tlds('validCCTLD')];
		assert.ok(all.length > 1000, `only ${all.length} top-level domains read`);
		for (const tld of all) {
			assert.ok(mayHoldXUrl(`.${tld}`), tld);
		}
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const puny = require('twitter-text/dist/regexp/validPunycode') as RegExp | { default: RegExp };
		assert.match((puny instanceof RegExp ? puny : puny.default).source, /^\(\?:xn--/);
	});

	it('finds what twitter-text finds in crafted texts, and skips those without a dot before a letter', () => {
		const texts = [
			'', 'no dot here', 'ends with a dot.', '1.5 million', 'e.g. this', 'Hi. Then', 'a .b', 'x.co', 'X.CO/abc',
			'see https://example.com/a?b=c', 'https://twitter.香港', 'twitter.中国', 'xn--p1ai.xn--p1ai', 'a.XN--P1AI',
			'example．com', 'example。com', 'https://192.168.0.1/x', 'http://localhost:8080', '中文www.example.cn中文',
			't.co/abcdefghijklmnopqrstuvwxyz0123456789', 'user@example.com', '@name.com', '$AAPL.com', '#tag.com',
			'https://a.b', 'a.b', 'a.\u00e9x', 'a.\u0130', 'emoji😀.com', 'café.com', 'ok.\ud83d\ude00',
		];
		const { skipped, linked } = same(texts);
		assert.ok(skipped >= 6 && linked >= 8, `skipped ${skipped}, linked ${linked}`);
	});

	it('finds what twitter-text finds in random texts of dots, letters and Han', () => {
		const parts = ['.', '. ', 'a', 'Z', '.co', '.COM', '.cn', '中国', '.香港', '1', '/', 'http://', 'https://', ' ', '@', '#', 'xn--', '.xn--p1ai', 'é', '-', '．', 'ex'];
		let seed = 15;
		const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
		const texts: string[] = [];
		for (let n = 0; n < 3000; n++) {
			let t = '';
			for (let k = Math.floor(rnd() * 12); k >= 0; k--) {
				t += parts[Math.floor(rnd() * parts.length)];
			}
			texts.push(t);
		}
		const { skipped, linked } = same(texts);
		assert.ok(skipped > 300 && linked > 300, `skipped ${skipped}, linked ${linked}`);
	});

	it('finds what twitter-text finds in every post of the bench corpus and the judgment corpus', () => {
		const texts = [...generateCorpus(20260501, 600).files.values()];
		for (const d of loadCorpus()) {
			texts.push(d.text);
		}
		const { skipped, linked } = same(texts);
		assert.ok(skipped > 10 && linked > 10, `skipped ${skipped}, linked ${linked}`);
	});
});

type Cases = { tests: Record<string, { text: string }[]> };

describeWithReference('X links: the shortcut on twitter-text\'s conformance texts', 'twitter-text/conformance/extract.yml', () => {
	for (const file of ['extract.yml', 'tlds.yml', 'validate.yml']) {
		it(`finds what twitter-text finds in every text of ${file}`, function () {
			const rel = `twitter-text/conformance/${file}`;
			const groups = readReferenceYaml<Cases>(rel).tests;
			const texts = Object.values(groups).flat().map((t) => t.text).filter((t): t is string => typeof t === 'string');
			assert.ok(texts.length > 90, `${file}: only ${texts.length} texts`);
			same(texts);
		});
	}
});
