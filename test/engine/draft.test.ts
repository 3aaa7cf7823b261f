import * as assert from 'node:assert/strict';
import { lint, LintCache, parseConfigLayer, parseDraft, resolveConfig, rules, setLanguage } from '../../server/src/engine';

const knownRules = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));
before(() => setLanguage('en'));

describe('draft parser', () => {
	it('reads front matter settings with their source ranges', () => {
		const text = '---\nplatforms: [weibo, x]\ntitle: "标题"\nsponsored: true\nindustry: finance\n---\n正文\n';
		const d = parseDraft(text);
		assert.deepEqual(d.problems, []);
		const s = d.posts[0].settings;
		assert.deepEqual(s.platforms!.map((p) => p.value), ['weibo', 'x']);
		assert.equal(text.slice(s.title!.start, s.title!.end), '标题');
		assert.equal(s.sponsored!.value, true);
		assert.equal(s.industry!.value, 'finance');
		assert.equal(d.posts[0].body.text, '正文');
	});

	it('accepts "platform: weibo, x" as a list', () => {
		const d = parseDraft('---\nplatform: weibo, x\n---\nhi');
		assert.deepEqual(d.posts[0].settings.platforms!.map((p) => p.value), ['weibo', 'x']);
	});

	it('splits a campaign file at post markers; posts inherit and override the front matter', () => {
		const text = '---\nplatform: weibo\nlocale: zh-CN\n---\n<!-- post -->\n一\n<!-- post platform=x locale=en title="A title" -->\ntwo\n';
		const d = parseDraft(text);
		assert.equal(d.posts.length, 2);
		assert.deepEqual(d.posts.map((p) => [p.settings.platforms?.[0].value, p.settings.locale?.value, p.body.text]), [['weibo', 'zh-CN', '一'], ['x', 'en', 'two']]);
		const t = d.posts[1].settings.title!;
		assert.equal(text.slice(t.start, t.end), 'A title');
	});

	it('does not count HTML comments and maps offsets around them', () => {
		const text = '---\nplatform: weibo\n---\n前<!-- 注释 -->后\n';
		const body = parseDraft(text).posts[0].body;
		assert.equal(body.text, '前后');
		assert.equal(text[body.toSource(1)], '后');
	});

	it('reports bad values on their line and keeps going', () => {
		const text = '---\nplatform: weibo\nsponsored: maybe\nindustry: toys\nlocale: chinese!\n---\nbody';
		const d = parseDraft(text);
		assert.equal(d.problems.length, 3);
		assert.deepEqual(d.problems.map((p) => text.slice(p.start, p.end)), ['maybe', 'toys', 'chinese!']);
		assert.equal(d.posts[0].settings.platforms![0].value, 'weibo');
	});

	it('reports an unclosed front matter and an unclosed comment', () => {
		assert.match(parseDraft('---\nplatform: weibo\nbody').problems[0].message, /not closed/);
		assert.match(parseDraft('---\nplatform: weibo\n---\n<!-- oops').problems[0].message, /not closed with -->/);
	});

	it('flags unknown marker settings and unreadable attributes', () => {
		const text = '<!-- post platform=weibo colour=red "stray -->\n内容';
		const d = parseDraft(text);
		assert.deepEqual(d.problems.map((p) => text.slice(p.start, p.end)), ['colour', '"stray']);
	});

	it('takes a marker only when it stands on its own line', () => {
		assert.equal(parseDraft('Write `<!-- post platform=x -->` to start a post.').declaresPlatform, false);
	});

	it('survives binary and odd input', () => {
		for (const text of ['\u0000\uFFFF\uD800', '---', '---\n---', '\uFEFF---\nplatform: x\n---\nhi', '<!---->', '-->']) {
			assert.doesNotThrow(() => lint({ text, config: resolveConfig([]) }));
		}
	});
});

describe('lint', () => {
	it('reports an unknown platform with the known ones', () => {
		const r = lint({ text: '---\nplatform: myspace\n---\nhi', config: resolveConfig([]) });
		assert.equal(r.findings[0].rule, 'front-matter');
		assert.match(r.findings[0].message, /Unknown platform 'myspace'\. Known platforms: weibo, x/);
	});

	it('checks the same body for each platform of `platforms`', () => {
		const r = lint({ text: '---\nplatforms: [weibo, x]\n---\n' + '好'.repeat(150), config: resolveConfig([]) });
		assert.deepEqual(r.findings.filter((f) => f.rule === 'platform-limit').map((f) => f.message), ['Weibo: 150/140 (10 over)', 'X: 300/280 (20 over)']);
	});

	it('uses the config default platform for glob-matched drafts without one', () => {
		const config = resolveConfig([{ origin: 't', defaultPlatform: 'xhs' }]);
		const r = lint({ text: '好'.repeat(1001), config, matchedDraftGlob: true });
		assert.equal(r.targets[0].platform.id, 'xiaohongshu');
		assert.equal(r.findings.find((f) => f.rule === 'platform-limit')?.message, 'Xiaohongshu (RED): 1001/1000 (1 over)');
	});

	it('warns when a glob-matched draft has no platform at all', () => {
		const r = lint({ text: 'hello', config: resolveConfig([]), matchedDraftGlob: true });
		assert.match(r.findings[0].message, /no platform/);
	});

	it('applies a platform mode: Weibo long posts allow 2,000 and fold at 140', () => {
		const r = lint({ text: '---\nplatform: weibo\nmode: long\n---\n' + '好'.repeat(300), config: resolveConfig([]) });
		assert.deepEqual(r.findings.map((f) => f.rule), ['platform-fold']);
	});

	it('turns a rule off and changes its options from config', () => {
		const layer = parseConfigLayer('{ "rules": { "platform-limit": "off", "cjk-density": { "threshold": 0.1 } } }', 'c', knownRules).layer!;
		const r = lint({ text: '---\nplatform: weibo\n---\n' + 'English words here 中文。'.repeat(20), config: resolveConfig([layer]) });
		assert.deepEqual(r.findings, []);
	});

	it('reports a crashing rule as a finding and runs the others', () => {
		const crashing = rules.find((r) => r.meta.id === 'cjk-density')!;
		const original = crashing.check;
		crashing.check = () => {
			throw new Error('boom');
		};
		try {
			const r = lint({ text: '---\nplatform: weibo\n---\n' + '好'.repeat(141), config: resolveConfig([]) });
			assert.ok(r.findings.some((f) => f.rule === 'platform-limit'));
			const crash = r.findings.find((f) => f.rule === 'cjk-density')!;
			assert.match(crash.message, /failed on this post and was skipped: boom/);
		} finally {
			crashing.check = original;
		}
	});

	it('re-checks only the post an edit touches, with the same findings as a fresh run', () => {
		const config = resolveConfig([]);
		const cache = new LintCache();
		const posts = Array.from({ length: 5 }, (_, i) => `<!-- post platform=weibo -->\n第${i}篇${'好'.repeat(140)}\n`);
		const text = posts.join('');
		lint({ text, config }, cache);
		assert.equal(cache.misses, 5);
		// Edit the second post: make it longer, which moves every post after it.
		const edited = text.replace('第1篇', '第1篇多了几个字');
		const before = cache.misses;
		const cached = lint({ text: edited, config }, cache);
		assert.equal(cache.misses - before, 1, 'only the edited post is re-checked');
		const fresh = lint({ text: edited, config });
		assert.deepEqual(cached.findings, fresh.findings);
		assert.deepEqual(cached.targets.map((t) => t.counts), fresh.targets.map((t) => t.counts));
	});

	it('keeps reusing posts that inherit front matter settings, and leaves front matter ranges in place', () => {
		const config = resolveConfig([]);
		const cache = new LintCache();
		// The title comes from the front matter and is over Xiaohongshu's title limit: a finding in the front matter.
		const fm = `---\ntitle: ${'很长的标题'.repeat(6)}\nindustry: general\n---\n`;
		const posts = Array.from({ length: 4 }, (_, i) => `<!-- post platform=xiaohongshu -->\n第${i}篇${'好'.repeat(30)}\n`);
		const text = fm + posts.join('');
		const first = lint({ text, config }, cache);
		assert.ok(first.findings.some((f) => f.end <= fm.length), 'a finding in the front matter');
		const edited = text.replace('第0篇', '第0篇多了几个字');
		const before = cache.misses;
		const cached = lint({ text: edited, config }, cache);
		assert.equal(cache.misses - before, 1, 'only the edited post is re-checked');
		const fresh = lint({ text: edited, config });
		assert.deepEqual(cached.findings, fresh.findings);
		assert.deepEqual(cached.targets.map((t) => t.counts), fresh.targets.map((t) => t.counts));
		// Editing the front matter itself re-checks every post.
		const retitled = edited.replace('title: 很长', 'title: 很');
		const misses = cache.misses;
		const again = lint({ text: retitled, config }, cache);
		assert.equal(cache.misses - misses, 4);
		assert.deepEqual(again.findings, lint({ text: retitled, config }).findings);
	});
});

describe('config', () => {
	it('parses JSONC with comments and trailing commas', () => {
		const p = parseConfigLayer('{\n // team config\n "defaultPlatform": "weibo",\n}', 'c', knownRules);
		assert.deepEqual(p.problems, []);
		assert.equal(p.layer!.defaultPlatform, 'weibo');
	});

	it('reports invalid JSON once, with its offset, and contributes nothing', () => {
		const p = parseConfigLayer('{ "a": 1 "b": 2 }', 'c', knownRules);
		assert.equal(p.layer, undefined);
		assert.equal(p.problems.length, 1);
		assert.equal(p.problems[0].start, 9);
	});

	it('reports unknown rules, bad severities, bad option types and bad platform fields with their ranges', () => {
		const text = '{ "rules": { "nope": "error", "platform-limit": "loud", "cjk-density": { "threshold": "high" } }, "platforms": { "weibo": { "unit": "words", "limit": -1 } }, "colour": 1 }';
		const p = parseConfigLayer(text, 'c', knownRules);
		assert.deepEqual(p.problems.map((x) => text.slice(x.start, x.end)), ['"nope"', '"loud"', '"high"', '"words"', '-1', '"colour"']);
	});

	it('layers: later layers win, rule options merge', () => {
		const c = resolveConfig([
			{ origin: 'pack', rules: { 'cjk-density': { severity: 'error', options: { threshold: 0.5, minLength: 4 } } } },
			{ origin: 'workspace', rules: { 'cjk-density': { options: { threshold: 0.8 } } } },
		]);
		assert.deepEqual(c.rules['cjk-density'], { severity: 'error', options: { threshold: 0.8, minLength: 4 } });
	});

	it('custom platforms extend built-in ones and record where their numbers come from', () => {
		const c = resolveConfig([{ origin: 'copydesk.json', platforms: { weibo: { limit: 2000 }, corp: { extends: 'wechat', name: '内刊', title: { limit: 10 } } } }]);
		assert.equal(c.platforms.weibo.body.limit, 2000);
		assert.equal(c.platforms.weibo.sources['body.limit'].source, 'copydesk.json');
		assert.equal(c.platforms.corp.title!.limit, 10);
		assert.equal(c.platforms.corp.digest!.limit, 128);
		assert.equal(c.platforms.corp.custom, true);
	});

	it('reports a platform extending an unknown one', () => {
		const c = resolveConfig([{ origin: 'copydesk.json', platforms: { a: { extends: 'nothing' } } }]);
		assert.match(c.problems[0].message, /extends unknown platform 'nothing'/);
	});
});

describe('Han share', () => {
	// Imported here to keep the engine's public API small.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { hanShare } = require('../../server/src/engine/explain') as typeof import('../../server/src/engine/explain');
	it('counts Han characters and other-script words, skipping links, mentions, hashtags and emoji', () => {
		assert.deepEqual(hanShare('abc中文 def'), { han: 2, otherWords: 2, otherLetters: 6, share: 0.5 });
		assert.deepEqual(hanShare('发布 Surface Pro，https://x.com/abc @bob #话题# 😀'), { han: 2, otherWords: 2, otherLetters: 10, share: 0.5 });
		assert.equal(hanShare('').share, 1);
	});
});
