import * as assert from 'node:assert/strict';
import twitter from 'twitter-text';
import { fixAll, lint, parseConfigLayer, resolveConfig, rules, setLanguage, type ResolvedConfig } from '../../server/src/engine';

const known = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));

function findings(text: string, config: ResolvedConfig = resolveConfig([])) {
	return lint({ text, config, matchedDraftGlob: true }).findings.filter((f) => f.rule === 'hashtag-syntax');
}

function configOf(json: string): ResolvedConfig {
	const parsed = parseConfigLayer(json, 'test', known);
	assert.deepEqual(parsed.problems, []);
	return resolveConfig([parsed.layer!]);
}

describe('hashtag-syntax', () => {
	before(() => setLanguage('en'));

	it('a chain of Weibo nicknames is separated in one pass of fix all', () => {
		const text = '---\nplatform: weibo\n---\n感谢@小明@小红@小刚@小美 的支持\n';
		const runOn = findings(text);
		assert.deepEqual(runOn.map((f) => text.slice(f.start, f.end)), ['@小明', '@小红', '@小刚']);
		const relint = (t: string) => lint({ text: t, config: resolveConfig([]), matchedDraftGlob: true }).findings;
		const fixed = fixAll(text, relint, new Set(['hashtag-syntax']));
		assert.equal(fixed.text, text.replace('@小明@小红@小刚@小美', '@小明 @小红 @小刚 @小美'));
		assert.equal(fixed.passes, 1);
	});

	it('one body for platforms with other hashtag syntax: the fixes are offered, and fix all leaves the tag alone', () => {
		// Weibo would close #新品 (→ #新品#), X would open it again: applied by fix all, they would alternate forever.
		const text = '---\nplatforms: [weibo, x]\n---\n今天发布 #新品\n';
		const fs = findings(text);
		assert.ok(fs.some((f) => f.fixes?.length), 'the Weibo finding still offers its fix');
		assert.ok(fs.every((f) => (f.fixes ?? []).every((x) => x.preferred === false)));
		const relint = (t: string) => lint({ text: t, config: resolveConfig([]), matchedDraftGlob: true }).findings;
		const fixed = fixAll(text, relint, new Set(['hashtag-syntax']));
		assert.equal(fixed.text, text);
		// One platform alone: the fix applies.
		const single = '---\nplatform: weibo\n---\n今天发布 #新品\n';
		assert.equal(fixAll(single, relint, new Set(['hashtag-syntax'])).text, single.replace('#新品', '#新品#'));
	});

	it('reads the limits from the platform data: a workspace override changes them', () => {
		const text = '<!-- post platform=instagram locale=en -->\nNew. #a1 #b2 #c3 #d4 #e5 #f6\n';
		assert.equal(findings(text).length, 1);
		assert.equal(findings(text, configOf('{ "platforms": { "instagram": { "maxHashtags": 30 } } }')).length, 0);
		assert.equal(findings(text, configOf('{ "platforms": { "instagram": { "maxHashtags": 3 } } }')).length, 3);
	});

	it('gives a custom platform the checks of the style it declares', () => {
		const text = '<!-- post platform=acme -->\n新品 #发布# 今天开售\n';
		const weibo = findings(text, configOf('{ "platforms": { "acme": { "locale": "zh-CN", "hashtag": "weibo" } } }'));
		assert.deepEqual(weibo, []);
		const x = findings(text, configOf('{ "platforms": { "acme": { "locale": "zh-CN", "hashtag": "x" } } }'));
		assert.equal(x.length, 1);
		assert.match(x[0].message, /Weibo's topic syntax; acme hashtags have no closing #/);
		const none = findings(text, configOf('{ "platforms": { "acme": { "locale": "zh-CN", "hashtag": "none" } } }'));
		assert.equal(none[0].severity, 'info');
		const extended = findings('<!-- post platform=acme -->\nThanks @中文\n', configOf('{ "platforms": { "acme": { "extends": "x" } } }'));
		assert.match(extended[0].message, /not an X handle/);
	});

	it('lets a custom platform declare its mention form, and says which values a bad one may take', () => {
		const cfg = configOf('{ "platforms": { "acme": { "locale": "en", "handle": "x", "handleMaxLength": 4 } } }');
		const f = findings('<!-- post platform=acme -->\nThanks @abcdef and @中文 and @abc\n', cfg);
		assert.deepEqual(f.map((x) => x.message.slice(0, 20)), ['"@abcdef" is longer ', '"@中文" is not an X ha']);
		const parsed = parseConfigLayer('{ "platforms": { "acme": { "handle": "phone" } } }', 'test', known);
		assert.match(parsed.problems[0].message, /"handle" must be one of: x, domain, nickname/);
	});

	it('does not fix an unclosed topic whose end is not clear', () => {
		const f = findings('<!-- post platform=weibo -->\n今天 #新品发布会，欢迎\n');
		assert.equal(f.length, 1);
		assert.equal(f[0].fixes, undefined);
	});

	it('speaks Chinese', () => {
		setLanguage('zh-cn');
		try {
			const f = findings('<!-- post platform=x locale=en -->\nHello #新品#\n');
			assert.match(f[0].message, /在 X 上不是话题标签/);
		} finally {
			setLanguage('en');
		}
	});

	it('fixes change only their own range and are idempotent on generated drafts', () => {
		const pieces = ['#新品发布', '#新品发布#', ' ', '，', '。', '今天', 'Launch', 'day', '#NewWatch', '@小米公司', '@acme', 'C#', '#1', '#FF0000', 'https://example.com/a#b', '\n', '！', '#', '＃新品发布', '＃', '开始#launch'];
		const platforms = ['weibo', 'bilibili', 'x', 'instagram', 'threads', 'douyin', 'wechat', 'bluesky', 'linkedin'];
		let seed = 11;
		const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
		const config = resolveConfig([]);
		let changed = 0;
		for (let i = 0; i < 200; i++) {
			const body = Array.from({ length: 2 + rnd(12) }, () => pieces[rnd(pieces.length)]).join('');
			const text = `<!-- post platform=${platforms[i % platforms.length]} locale=zh-CN -->\n${body.trim() || '今天'}\n`;
			const relint = (t: string) => lint({ text: t, config, matchedDraftGlob: true }).findings;
			for (const f of relint(text).filter((x) => x.rule === 'hashtag-syntax')) {
				for (const e of f.fixes?.flatMap((x) => x.edits) ?? []) {
					// Each edit lies inside or at the edges of its finding, and adds or removes only # or a space (or makes ＃ half-width).
					assert.ok(e.start >= f.start && e.end <= f.end + 1, `${body}: edit outside its finding`);
					assert.match(text.slice(e.start, e.end) + e.newText, /^[#＃ ]*$/, body);
				}
			}
			const once = fixAll(text, relint, new Set(['hashtag-syntax'])).text;
			assert.equal(fixAll(once, relint, new Set(['hashtag-syntax'])).text, once, JSON.stringify(body));
			changed += once === text ? 0 : 1;
		}
		assert.ok(changed > 40, `only ${changed} generated drafts had something to fix`);
	});

	it('a # right after a letter: on X twitter-text decides (no hashtag, a warning and a space); elsewhere softer information', () => {
		const body = '开始#launch 今天';
		const x = findings(`<!-- post platform=x locale=zh-CN -->\n${body}\n`);
		assert.deepEqual(twitter.extractHashtags(body), [], 'twitter-text links no hashtag here');
		assert.equal(x.length, 1);
		assert.equal(x[0].severity, 'warning');
		assert.match(x[0].message, /X does not see a hashtag in "开始#launch"/);
		const fixed = fixAll(`<!-- post platform=x locale=zh-CN -->\n${body}\n`, (t) => lint({ text: t, config: resolveConfig([]), matchedDraftGlob: true }).findings, new Set(['hashtag-syntax'])).text;
		assert.ok(fixed.includes('开始 #launch'));
		assert.deepEqual(twitter.extractHashtags('开始 #launch 今天'), ['launch'], 'and links it once the space is there');
		for (const id of ['instagram', 'threads', 'douyin', 'mastodon', 'bluesky', 'linkedin']) {
			const f = findings(`<!-- post platform=${id} locale=zh-CN -->\n${body}\n`);
			assert.equal(f.length, 1, id);
			assert.equal(f[0].severity, 'info', id);
			assert.match(f[0].message, /may not see a hashtag/, id);
			assert.deepEqual(f[0].fixes?.[0].edits.map((e) => e.newText), [' '], id);
		}
		// Weibo reads topics, not #tag: the same text is an unclosed topic there, nothing about boundaries.
		assert.doesNotMatch(findings(`<!-- post platform=weibo -->\n${body}\n`)[0].message, /may not see|does not see/);
	});

	it('Weibo: a topic written with the full-width ＃ is flagged and made half-width (conservative advice)', () => {
		const text = '<!-- post platform=weibo -->\n＃新品发布＃ 和 #限时优惠＃ 还有 ＃话题 见\n';
		const f = findings(text);
		assert.deepEqual(f.map((x) => text.slice(x.start, x.end)), ['＃新品发布＃', '#限时优惠＃', '＃话题']);
		assert.match(f[0].message, /full-width ＃.*"#新品发布#"/);
		assert.match(f[2].message, /needs a closing # \("#话题#"\)/);
		const relint = (t: string) => lint({ text: t, config: resolveConfig([]), matchedDraftGlob: true }).findings;
		const once = fixAll(text, relint, new Set(['hashtag-syntax'])).text;
		assert.equal(once, '<!-- post platform=weibo -->\n#新品发布# 和 #限时优惠# 还有 #话题# 见\n');
		assert.deepEqual(findings(once), []);
		// ＃ in other places is left alone: a number, a lone mark, a link, and on X (where twitter-text accepts ＃).
		assert.deepEqual(findings('<!-- post platform=weibo -->\n第＃1 名，＃ 号键\n'), []);
		assert.deepEqual(findings('<!-- post platform=x locale=en -->\nNew ＃watch today\n'), []);
	});
});
