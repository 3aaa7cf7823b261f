/**
 * The engine's fast paths give the same results as the plain computation they stand for:
 * - findProtected skips a pattern on a text without a character the pattern needs (`@`, a digit,
 *   a backtick, a quote…): same spans as running every pattern;
 * - classOf looks a BMP character's class up in a table: same class as classifying it;
 * - foldText folds runs of foldable characters found by one pattern: same text as one replacement
 *   per foldable character;
 * - the lexicon walks its trie by code unit (no string per character) and orders the ends it finds
 *   in place: same hits as trying every term at every position (terms without spaces: leftmost,
 *   longest, first listed, word edges, exceptions);
 * - msg fills a template split once at its placeholders: same string as replacing each `{name}`;
 * - zh-spacing and zh-punctuation share one ZhText per post (ctx.shared): each rule's findings
 *   are the same run alone or together, also when their `exceptions` options differ;
 * - a target measures its fields when its counts are first read: same counts as a run that reads them;
 * - Lexicon.has and find with a limit stop at the first hit: the same first hit as a full find;
 * - countTextLimits walks a text once for several limits: the count and overflow of countText for each;
 * - simple front matter (`key: value` lines, lists of them) is read without the YAML library: same settings and problems.
 */
import { generateCorpus } from '../../bench/corpus';
import { mayHaveBareDomain } from '../../server/src/engine/facts';
import { twitterText } from '../../server/src/engine/lazy';
import { findUrls } from '../../server/src/engine/text';
import * as assert from 'node:assert/strict';
import { catalog, findProtected, lint, msg, parseConfigLayer, resolveConfig, rules, setLanguage, type Finding, type ResolvedConfig } from '../../server/src/engine';
import { Lexicon, foldText } from '../../server/src/engine/lexicon';
import { findProtectedUnfiltered } from '../../server/src/engine/protected';
import { classify, classOf } from '../../server/src/engine/zh';
import { fullMatcher } from '../../server/src/engine/rules/judgment';
import { countText, countTextLimits } from '../../server/src/engine/counting/count';
import { builtinPlatforms } from '../../server/src/engine/platforms';
import { Reading } from '../../server/src/engine/reading';
import { parseFrontMatter, simpleFrontMatter } from '../../server/src/engine/draft/frontmatter';
import type { InputProblem } from '../../server/src/engine/types';
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

	it('foldText equals one replacement per foldable character', () => {
		const unit = (ch: string, cs: boolean) => {
			let c = ch.charCodeAt(0);
			c = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 ? 0x20 : c === 0x2018 || c === 0x2019 ? 0x27 : c;
			return String.fromCharCode(!cs && c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
		};
		const reference = (t: string, cs: boolean) => t.replace(cs ? /[\uff01-\uff5e\u3000\u2018\u2019]/g : /[A-Z\uff01-\uff5e\u3000\u2018\u2019]/g, (ch) => unit(ch, cs));
		const texts = [...randomTexts(SEED + 1, 2000).flatMap((t) => [t, t + 'ＡＢｃ　‘’No.１', 'ABC' + t]), 'x'.repeat(5000) + 'A', 'A'.repeat(9000), ''];
		let changed = 0;
		for (const t of texts) {
			for (const cs of [false, true]) {
				const want = reference(t, cs);
				assert.equal(foldText(t, cs), want, JSON.stringify(t));
				changed += want !== t ? 1 : 0;
			}
		}
		assert.ok(changed > texts.length, `only ${changed} texts folded`);
	});

	it('Lexicon.find equals trying every term at every position (terms without spaces)', () => {
		const next = rng(SEED + 2);
		const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
		const letters = ['a', 'b', 'B', 'ｂ', '1', '最', '好', '第', '一', '.', '!'];
		const word = (n: number) => Array.from({ length: 1 + Math.floor(next() * n) }, () => pick(letters)).join('');
		const isWord = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
		let found = 0;
		for (let round = 0; round < 200; round++) {
			const terms = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, k) => ({ term: word(3), except: next() < 0.3 ? [word(2) + '{t}' + word(1)] : [], value: k }))
				.map((t) => ({ ...t, except: t.except.map((e) => e.replace('{t}', t.term)) }));
			const lex = new Lexicon(terms);
			for (let n = 0; n < 20; n++) {
				const text = word(30);
				const f = foldText(text);
				const want: { start: number; end: number; value: number }[] = [];
				for (let i = 0; i < f.length;) {
					let best: { end: number; value: number } | undefined;
					if (!(i > 0 && isWord(f.charCodeAt(i)) && isWord(f.charCodeAt(i - 1)))) {
						for (const t of terms) {
							const ft = foldText(t.term);
							const end = i + ft.length;
							if (!f.startsWith(ft, i) || (isWord(f.charCodeAt(end - 1)) && isWord(f.charCodeAt(end)))) {
								continue;
							}
							const excepted = t.except.some((e) => {
								const fe = foldText(e);
								for (let at = fe.indexOf(ft); at >= 0; at = fe.indexOf(ft, at + 1)) {
									if (i - at >= 0 && f.startsWith(fe, i - at)) {
										return true;
									}
								}
								return false;
							});
							if (!excepted && (!best || end > best.end)) {
								best = { end, value: t.value };
							}
						}
					}
					if (best) {
						want.push({ start: i, ...best });
						i = best.end;
					} else {
						i++;
					}
				}
				assert.deepEqual(lex.find(text).map((h) => ({ start: h.start, end: h.end, value: h.value })), want, `${JSON.stringify(terms)} in ${JSON.stringify(text)}`);
				found += want.length;
			}
		}
		assert.ok(found > 500, `only ${found} hits`);
	});

	it('msg equals replacing each {name} in the template, for every key of both catalogs', () => {
		const args: Record<string, string | number>[] = [{}, { count: 3, platform: 'X', tag: '#a', max: 0 }, { text: '{count}', n: '$&' }, { files: 1, problems: 1, errors: 1, max: 1, count: 1 }];
		let filled = 0;
		for (const lang of ['en', 'zh-cn'] as const) {
			for (const [key, template] of Object.entries(catalog(lang))) {
				for (const a of args) {
					// `{name|one|other}`: the word for the number (English and Chinese: "one" only for 1).
					const want = template
						.replace(/\{(\w+)\|([^{}|]*)\|([^{}|]*)\}/g, (m, name: string, one: string, other: string) => (name in a ? (Number(a[name]) === 1 ? one : other) : m))
						.replace(/\{(\w+)\}/g, (m, name: string) => (name in a ? String(a[name]) : m));
					assert.equal(msg(key, a, lang), want, `${lang} ${key}`);
					filled += want !== template ? 1 : 0;
				}
			}
		}
		assert.ok(filled > 50, `only ${filled} filled templates`);
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

describe('fast path: facts skip twitter-text where no bare domain can be', () => {
	it('never skips a text in which twitter-text finds a link outside the links found', () => {
		const texts = [
			...[...generateCorpus(3, 600).files.values()],
			'see example.com and https://a.example.org/x', 'https://x.com/a.b.cd', '买 dell.com.cn/xps 今天', 'v1.2 版本', 'a.b', 'https://t.co/abc.de?x=y.zz',
			'链接https://example.com/活动.html然后shop.example.net', 'e-mail: a@b.co', 'x.co', '',
			...['example.com', 'shop.example.net', 'dell.com.cn/xps', 't.co', 'a.io/x?y=z'].flatMap((d) => ['', '访问', 'see ', 'https://x.org/a ', 'https://x.org/a']
				.flatMap((pre) => ['', ' 今天', '。', ' https://y.net/b', 'https://y.net/b'].map((post) => `${pre}${d}${post}`))),
		];
		let checked = 0;
		for (const text of texts) {
			const links = findUrls(text);
			const twitterAdds = twitterText().extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: true })
				.some((u) => !links.some((l) => u.indices[0] < l.end && l.start < u.indices[1]));
			if (twitterAdds) {
				checked++;
				assert.ok(mayHaveBareDomain(text, links), text.slice(0, 200));
			}
		}
		assert.ok(checked > 60, `${checked} texts where twitter-text adds a link`);
	});
});

describe('fast path: a target counts its fields on first read', () => {
	const config = resolveConfig([]);
	const texts = [...generateCorpus(SEED, 300).files.values()];

	it('a run whose rules read no count leaves the counts unmeasured, and reading them gives what a full run measures', () => {
		let lazy = 0;
		for (const text of texts) {
			const alone = lint({ text, config, matchedDraftGlob: true, only: ['zh-spacing'] });
			const full = lint({ text, config, matchedDraftGlob: true });
			assert.equal(alone.targets.length, full.targets.length);
			alone.targets.forEach((t, i) => {
				const d = Object.getOwnPropertyDescriptor(t, 'counts');
				if (d?.get) {
					lazy++;
				}
				assert.deepEqual(t.counts, full.targets[i].counts);
				// Measured once: a second read is the same array.
				assert.equal(t.counts, t.counts);
			});
		}
		assert.ok(lazy > 200, `${lazy} targets left unmeasured`);
	});

	it('a run with a rule that reads every count (platform-limit) measures up front: counts are plain data', () => {
		for (const text of texts.slice(0, 50)) {
			for (const only of [undefined, ['platform-limit'], ['platform-fold', 'zh-spacing']]) {
				for (const t of lint({ text, config, matchedDraftGlob: true, only }).targets) {
					assert.equal(Object.getOwnPropertyDescriptor(t, 'counts')?.get, undefined, String(only));
					assert.ok(Array.isArray(Object.getOwnPropertyDescriptor(t, 'counts')?.value));
				}
			}
		}
	});

	it('a spread target carries its counts', () => {
		const t = lint({ text: texts[0], config, matchedDraftGlob: true, only: ['zh-spacing'] }).targets[0];
		const copy = { ...t };
		assert.ok(Array.isArray(copy.counts) && copy.counts.length > 0);
		assert.equal(JSON.stringify(JSON.parse(JSON.stringify({ counts: t.counts }))), JSON.stringify({ counts: copy.counts }));
	});
});

describe('fast path: a lexicon stops at the first hit when asked only whether there is one', () => {
	it('has() and find(…, 1) agree with the first hit of a full find', () => {
		const m = fullMatcher();
		const texts = [...[...generateCorpus(SEED, 400).files.values()], ...randomTexts(SEED, 400), '最好的产品', '不是最好', 'the best ever', ''];
		let hits = 0;
		for (const text of texts) {
			const all = m.find(text);
			assert.equal(m.has(text), all.length > 0, text.slice(0, 80));
			assert.deepEqual(m.find(text, undefined, 1), all.slice(0, 1), text.slice(0, 80));
			hits += all.length ? 1 : 0;
		}
		assert.ok(hits > 100, `${hits} texts with a hit`);
	});
});

describe('fast path: one counting walk for several limits', () => {
	it('gives countText\'s count and overflow for each limit, on every platform', () => {
		const next = rng(SEED);
		const texts = [...[...generateCorpus(SEED, 200).files.values()], ...randomTexts(SEED + 1, 200), '😀'.repeat(300), '中'.repeat(3000)];
		let over = 0;
		for (const p of Object.values(builtinPlatforms())) {
			for (const text of texts) {
				const limits = [Math.floor(next() * 300), Math.floor(next() * 3000), Infinity, Math.floor(next() * 30)];
				const r = new Reading(text);
				const many = countTextLimits(text, p, limits, r);
				limits.forEach((limit, k) => {
					const one = countText(text, p, Number.isFinite(limit) ? limit : undefined);
					assert.equal(many.count, one.count, `${p.id}: ${text.slice(0, 60)}`);
					assert.equal(many.overflowAt[k], one.overflowAt, `${p.id} limit ${limit}: ${text.slice(0, 60)}`);
					over += one.overflowAt === undefined ? 0 : 1;
				});
			}
		}
		assert.ok(over > 1000, `${over} overflows`);
	});
});

describe('fast path: simple front matter is read without the YAML library', () => {
	const safe = [
		'platform: weibo', 'platforms:\n  - weibo\n  - x', 'platforms:\n- wechat\n- xiaohongshu', 'title: 新品发布会，今晚 8 点', 'sponsored: true', 'sponsored: False',
		'sponsored: TRUE', 'industry: cosmetics', 'locale: zh-CN', 'digest: A, b [c] {d}', 'title: http://example.com/a?b=c', 'author: 张三#话题#', '',
		'date: 2026-09-17', 'time: 8:00', 'tags: [launch, spring]', 'tags: [ a ,b ]', 'tags: [新品, 发布会]', 'version: 1.2.3', 'platforms: [weibo, x]', 'platforms: [ wechat ,douyin ]', 'images: [a.png, b.png]',
	];
	// Forms left to the YAML library: each must give the same result either way.
	const other = [
		'title: "quoted"', "title: 'single'", 'count: 12', 'version: 1.5', 'title: a: b', 'title: a #comment', '# a comment', 'title:', 'title: ',
		'title: trailing  ', 'title:\ttab', 'null: x', 'True: y', 'title: ~', 'title: null', 'title: &a anchor', 'digest: *a',
		'title: |\n  block', 'title: >\n  folded', 'platforms:\n  - weibo\n   - x', 'platforms:\n  - - nested', 'title: a\n  continued', 'k:v', 'key :v',
		'title: 2026-12-03', 'title: .5', 'title: -x', 'title: ! tag', 'title: %x', 'title: @x', 'title: `x`', 'title: x:', 'dup: a\ndup: b',
		'title: 全角　', 'tags: []', 'tags: [a,]', 'tags: [a: b]', 'tags: [a, [b]]', 'tags: [a,\tb]', 'tags: [1, 2]', 'tags: [true, x]', 'tags: [a #c]', 'n: 1e3',
		'n: 0x1F', 'n: 0o17', 'n: +5', 'n: -5', 'n: 1_000', 'n: 12.', 'tags: [ ]', "tags: ['q', b]", 'platforms:\n  - weibo\ntitle: after list', 'platforms:\n  -', 'images:\n  - { src: a.png, alt: x }',
	];

	it('gives the YAML library\'s settings and problems for generated front matter (LF and CRLF)', () => {
		const next = rng(SEED + 7);
		let simple = 0;
		let total = 0;
		for (let i = 0; i < 3000; i++) {
			const n = 1 + Math.floor(next() * 5);
			const lines: string[] = [];
			for (let k = 0; k < n; k++) {
				const from = next() < 0.85 ? safe : other;
				lines.push(from[Math.floor(next() * from.length)]);
			}
			let text = `---\n${lines.join('\n')}\n---\n正文 body\n`;
			if (next() < 0.3) {
				text = text.replace(/\n/g, '\r\n');
			}
			const p1: InputProblem[] = [];
			const p2: InputProblem[] = [];
			const fast = parseFrontMatter(text, p1);
			const slow = parseFrontMatter(text, p2, true);
			assert.deepEqual(fast, slow, JSON.stringify(text));
			assert.deepEqual(p1, p2, JSON.stringify(text));
			const yamlText = text.slice(text.indexOf('\n') + 1, text.lastIndexOf('---'));
			simple += simpleFrontMatter(yamlText, 4, text) ? 1 : 0;
			total++;
		}
		assert.ok(simple > 300 && simple < total - 300, `${simple} of ${total} read by the fast path`);
	});
});

describe('fast path: the protected-word prefilter holds for every built-in word', () => {
	it('each built-in abbreviation and name, alone or inside Chinese, is found with the prefilter as without', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const data = require('../../server/src/engine/data/protected-words.json') as Record<string, { words?: string[] }>;
		const words = ['abbreviations', 'names'].flatMap((k) => data[k].words ?? []);
		assert.ok(words.length > 50, `${words.length} words`);
		for (const w of words) {
			for (const text of [w, `我们在${w}发布`, `见 ${w} 的说明。`, `#话题#${w}！`]) {
				assert.deepEqual(findProtected(text), findProtectedUnfiltered(text), text);
				assert.ok(findProtected(text).some((s) => s.text.includes(w) || w.includes(s.text)), `${w} in ${text}`);
			}
		}
	});
});
