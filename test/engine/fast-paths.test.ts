/**
 * The engine's fast paths give the same results as the plain computation they stand for:
 * - findProtected skips a pattern on a text without a character the pattern needs (`@`, a digit,
 *   a backtick, a quote…): same spans as running every pattern;
 * - classOf looks a BMP character's class up in a table: same class as classifying it;
 * - zh-spacing and zh-punctuation share one ZhText per post (ctx.shared): each rule's findings
 *   are the same run alone or together, also when their `exceptions` options differ.
 */
import * as assert from 'node:assert/strict';
import { findProtected, lint, parseConfigLayer, resolveConfig, rules, setLanguage, type Finding, type ResolvedConfig } from '../../server/src/engine';
import { findProtectedUnfiltered } from '../../server/src/engine/protected';
import { classify, classOf } from '../../server/src/engine/zh';
import { draftBody, generateDrafts, rng } from '../helpers/drafts';

const SEED = 20260507;

/** Random strings over an alphabet rich in what the patterns look for (and what they need to be skipped). */
function randomTexts(seed: number, count: number): string[] {
	const next = rng(seed);
	const alphabet = ['a', 'X', 'x', 'D', 'P', 'mAh', '0', '7', '.', ',', ':', ';', '=', '^', '_', '-', '(', ')', '[', ']', '!', '`', '```', '~~~', '@', '#', '＃', '"', '“', '”', '‘', '’', '「', '」', '『', '』', ' ', '\t', '\n', '中', '文', '，', '。', 'https://', 'e.com', '/', '%', '¥', 'v', '*', '+', '😀'];
	const out: string[] = [];
	for (let i = 0; i < count; i++) {
		const n = Math.floor(next() * 40);
		let s = '';
		for (let k = 0; k < n; k++) {
			s += alphabet[Math.floor(next() * alphabet.length)];
		}
		out.push(s);
	}
	return out;
}

describe('fast paths: same results as the plain computation', function () {
	this.timeout(60000);
	before(() => setLanguage('en'));

	it('findProtected with prefilters equals running every pattern', () => {
		const next = rng(SEED);
		const texts = [...randomTexts(SEED, 3000), ...Array.from({ length: 500 }, () => draftBody(next, 20))];
		let nonEmpty = 0;
		for (const t of texts) {
			for (const exceptions of [[], ['豆瓣FM', 'x']]) {
				const want = findProtectedUnfiltered(t, { exceptions });
				assert.deepEqual(findProtected(t, { exceptions }), want, JSON.stringify(t));
				nonEmpty += want.length ? 1 : 0;
			}
		}
		// The texts exercise the patterns: most have spans, and every kind turns up.
		assert.ok(nonEmpty > texts.length, `only ${nonEmpty} texts with spans`);
		const kinds = new Set(texts.flatMap((t) => findProtectedUnfiltered(t).map((s) => s.kind)));
		for (const k of ['code', 'url', 'link', 'email', 'mention', 'hashtag', 'topic', 'markup', 'number', 'quote', 'emoticon']) {
			assert.ok(kinds.has(k as never), `no ${k} span in the generated texts`);
		}
	});

	it('classOf (table) equals classify for every UTF-16 code unit, asked twice', () => {
		for (let pass = 0; pass < 2; pass++) {
			for (let c = 0; c < 0x10000; c++) {
				const ch = String.fromCharCode(c);
				assert.equal(classOf(ch), classify(ch), `U+${c.toString(16)}`);
			}
		}
		for (const ch of ['𠀀', '😀', '𝐀']) {
			assert.equal(classOf(ch), classify(ch), ch);
		}
	});

	it('zh-spacing and zh-punctuation: the same findings alone and together (shared ZhText), with equal or different exceptions', () => {
		const known = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));
		const configOf = (json: string): ResolvedConfig => resolveConfig([parseConfigLayer(json, 'test', known).layer!]);
		const configs = [
			resolveConfig([]),
			configOf('{ "rules": { "zh-spacing": { "exceptions": ["豆瓣FM", "iPhone 15"] }, "zh-punctuation": { "exceptions": ["Hi!"] } } }'),
		];
		// Two platforms per post: the rules run once per target on the same body.
		const drafts = generateDrafts(SEED, 150, '---\nplatforms: [weibo, wechat]\n---\n');
		const strip = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule).map((f) => JSON.stringify(f));
		let total = 0;
		for (const config of configs) {
			for (const d of drafts) {
				const both = lint({ text: d, config, only: ['zh-spacing', 'zh-punctuation'] }).findings;
				for (const rule of ['zh-spacing', 'zh-punctuation']) {
					assert.deepEqual(strip(both, rule), strip(lint({ text: d, config, only: [rule] }).findings, rule), `${rule}: ${JSON.stringify(d)}`);
				}
				total += both.length;
			}
		}
		assert.ok(total > 300, `only ${total} findings`);
	});
});
