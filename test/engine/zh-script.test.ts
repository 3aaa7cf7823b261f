import * as assert from 'node:assert/strict';
import { FIX_KINDS, fixAll, lint, resolveConfig, setLanguage } from '../../server/src/engine';
import { keysAlone, regionOf, resetScriptData, scriptDataLoaded } from '../../server/src/engine/script';

function findings(text: string) {
	return lint({ text, config: resolveConfig([]), matchedDraftGlob: true }).findings.filter((f) => f.rule === 'zh-script');
}

describe('zh-script', () => {
	before(() => setLanguage('en'));
	beforeEach(() => resetScriptData());

	it('maps locales to the script their region expects, region before script', () => {
		const got = ['zh-CN', 'zh', 'zh_TW', 'zh-Hant', 'zh-Hant-HK', 'zh-Hans-SG', 'zh-MO', 'zh-Hans', 'en', 'ja-JP', 'zh-Latn'].map(regionOf);
		assert.deepEqual(got, ['cn', 'cn', 'tw', 'tw', 'hk', 'cn', 'hk', 'cn', undefined, undefined, undefined]);
	});

	it('never loads the OpenCC dictionaries for posts without Han characters', () => {
		findings('<!-- post platform=weibo -->\nWe are excited to announce our new smartwatch.\n\n<!-- post platform=x -->\nNew watch, 14-day battery. #NewWatch @acme\n');
		assert.deepEqual(scriptDataLoaded(), []);
	});

	it('never loads them for an English-locale post, whatever its characters', () => {
		findings('<!-- post platform=x locale=en -->\n我們的新產品 ships next week.\n');
		assert.deepEqual(scriptDataLoaded(), []);
	});

	it('loads only the small tables for a mainland post, and the phrase table for a Taiwan post', () => {
		assert.equal(findings('<!-- post platform=weibo -->\n我們的新產品今天發佈。\n').length, 1);
		assert.ok(scriptDataLoaded().includes('TSCharacters'));
		assert.ok(!scriptDataLoaded().includes('STPhrases'), 'a zh-CN post does not need the 1 MB phrase table');
		findings('<!-- post platform=facebook locale=zh-TW -->\n我们的新产品。\n');
		assert.ok(scriptDataLoaded().includes('STPhrases'));
	});

	it('names the legal basis in the message of a sponsored mainland post, and in every mainland hover', () => {
		const ad = findings('---\nplatform: weibo\nsponsored: true\n---\n我們的新產品。\n');
		assert.match(ad[0].message, /National Common Language and Script Law, Art\. 14/);
		assert.equal(ad[0].severity, 'error');
		const plain = findings('---\nplatform: weibo\n---\n我們的新產品。\n');
		assert.doesNotMatch(plain[0].message, /Art\. 14/);
		assert.equal(plain[0].severity, 'warning');
		assert.match(plain[0].explain ?? '', /国家通用语言文字法》 Art\. 14/);
		const taiwan = findings('<!-- post platform=facebook locale=zh-TW -->\n我们的新产品。\n');
		assert.doesNotMatch((taiwan[0].explain ?? '') + taiwan[0].message, /Art\. 14/);
	});

	it('says when a post mixes scripts, and not when the whole post is in the other script', () => {
		assert.match(findings('<!-- post platform=weibo -->\n新品今天开售，歡迎大家来门店。\n')[0].message, /mixes scripts \(Traditional: 1, Simplified: 3\)/);
		assert.doesNotMatch(findings('<!-- post platform=weibo -->\n新品今天開售，歡迎大家來門店。\n')[0].message, /mixes/);
	});

	it('converts with context and leaves characters shared by both scripts alone', () => {
		const f = findings('<!-- post platform=facebook locale=zh-TW -->\n头发干擾台灣\n');
		assert.deepEqual(f.map((x) => x.fixes?.[0].edits[0].newText), ['頭髮']);
	});

	it('fixes are idempotent on generated drafts: fixing twice gives the text of fixing once', () => {
		const pieces = ['我們', '我们', '新產品', '新产品', '发布', '發佈', '軟件', '鼠標', '头发', '台灣', '，', '。', ' Surface ', '@張學友 ', 'https://example.com/a#b ', '著名', '皇后'];
		const locales = ['zh-CN', 'zh-TW', 'zh-HK'];
		let seed = 7;
		let changed = 0;
		const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
		for (let i = 0; i < 60; i++) {
			const body = Array.from({ length: 3 + rnd(10) }, () => pieces[rnd(pieces.length)]).join('');
			const text = `<!-- post platform=weibo locale=${locales[i % 3]} -->\n${body}\n`;
			const relint = (t: string) => lint({ text: t, config: resolveConfig([]), matchedDraftGlob: true }).findings;
			// Converting script is a content fix: applied only when asked for.
			const selection = { rules: new Set(['zh-script']), kinds: FIX_KINDS };
			const once = fixAll(text, relint, selection).text;
			assert.equal(fixAll(once, relint, selection).text, once, body);
			assert.deepEqual(relint(once).filter((f) => f.rule === 'zh-script'), [], `left findings after fixing ${body}`);
			// The fix changes only Han characters: the rest of the text is untouched.
			assert.equal(once.replace(/\p{Script=Han}/gu, ''), text.replace(/\p{Script=Han}/gu, ''));
			changed += once === text ? 0 : 1;
		}
		assert.ok(changed > 20, `only ${changed} generated drafts had something to fix`);
	});
});

describe('zh-script: the converters are built only for characters a dictionary lists', () => {
	it('every character that no dictionary of a chain lists alone is given back unchanged by that chain (all CJK code points)', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const core = require('opencc-js/core') as { ConverterFactory(...groups: string[][][]): (s: string) => string };
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const dict = (name: string) => (require(`opencc-js/dict/${name}`) as { default: string }).default;
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const data = require('../../server/src/engine/data/zh-script.json') as { regions: Record<string, { toExpected: string[][]; toSimplified?: string[][] }> };
		const chains = Object.values(data.regions).flatMap((r) => [r.toExpected, ...(r.toSimplified ? [r.toSimplified] : [])]);
		const ranges = [[0x2e80, 0x2fdf], [0x3000, 0x303f], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0x20000, 0x2ebef], [0x2f800, 0x2fa1f], [0x30000, 0x3134f]];
		let listed = 0;
		let checked = 0;
		for (const chain of chains) {
			const convert = core.ConverterFactory(...chain.map((group) => [group.map(dict)]));
			const keys = keysAlone(chain);
			for (const [from, to] of ranges) {
				for (let cp = from; cp <= to; cp++) {
					const ch = String.fromCodePoint(cp);
					if (keys.has(ch)) {
						listed++;
						continue;
					}
					checked++;
					assert.equal(convert(ch), ch, `U+${cp.toString(16)} under ${JSON.stringify(chain)}`);
				}
			}
		}
		assert.ok(listed > 5000 && checked > 100000, `${listed} listed, ${checked} checked`);
	});
});
