/**
 * All localization fixes together (zh-spacing, zh-punctuation, zh-script, hashtag-syntax) on
 * seeded drafts that mix scripts, topics, hashtags, mentions, links and punctuation, on every
 * kind of platform and locale: fixing twice gives the same text as once, and fixing reaches a
 * fixed point with no fixable finding left.
 */
import * as assert from 'node:assert/strict';
import { FIX_KINDS, fixAll, lint, resolveConfig, setLanguage } from '../../server/src/engine';

const PIECES = ['我們', '我们', '新產品', '发布', '發佈', '軟件', '头发', '，', '。', ',', '!', ' ', 'Surface', '@張學友 ', '@acme', 'https://example.com/a#b', '#新品发布', '#新品发布#', '#NewWatch', 'C#', '#1', '５０００', '元', '！！', '(注)', '\n'];
const PLATFORMS = ['weibo', 'x', 'instagram', 'threads', 'douyin', 'wechat', 'bilibili', 'facebook'];
const LOCALES = ['zh-CN', 'zh-TW', 'zh-HK', 'en'];

describe('localization fixes together: properties on generated drafts', function () {
	this.timeout(60000);
	before(() => setLanguage('en'));

	it('fixing twice gives the same text as once, and leaves no fixable finding', () => {
		let seed = 3;
		const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
		const config = resolveConfig([]);
		const relint = (t: string) => lint({ text: t, config, matchedDraftGlob: true }).findings;
		let changed = 0;
		let held = 0;
		for (let i = 0; i < 300; i++) {
			const body = Array.from({ length: 3 + rnd(14) }, () => PIECES[rnd(PIECES.length)]).join('').trim() || '今天';
			const text = `<!-- post platform=${PLATFORMS[i % PLATFORMS.length]} locale=${LOCALES[rnd(LOCALES.length)]} -->\n${body}\n`;
			// Every kind (zh-script's conversions are content fixes).
			const r = fixAll(text, relint, { kinds: FIX_KINDS });
			const once = r.text;
			assert.equal(fixAll(once, relint, { kinds: FIX_KINDS }).text, once, JSON.stringify(text));
			// What is left fixable is only what fix-all left out because it would have made the post worse.
			const heldRules = new Set(r.held.map((h) => h.rule));
			assert.deepEqual(relint(once).filter((f) => f.fixes?.length && !heldRules.has(f.rule)).map((f) => `${f.rule}: ${f.message}`), [], JSON.stringify(text));
			changed += once === text ? 0 : 1;
			held += r.held.length ? 1 : 0;
		}
		assert.ok(changed > 150, `only ${changed} drafts had something to fix`);
		assert.ok(held < 30, `${held} of 300 drafts had fixes left out`);
	});
});
