/**
 * Team rules as data (issue 17): the restricted pattern syntax, the lexicon's class edges, the
 * validation of rules at exact offsets, each rule kind through lint, and the example pack
 * examples/packs/china-comms run against test/fixtures/team-pack/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	compilePattern, FIX_KINDS, fixAll, Lexicon, lint, parseConfigLayer, parseTeamRulesFile, resolveConfig, rules, setLanguage,
	TEAM_RULE_KINDS, type ResolvedConfig, type TeamRule,
} from '../../server/src/engine';
import { loadPackDir } from '../../server/src/node/packs';
import { buildReport } from '../../server/src/report/model';
import { renderMarkdown } from '../../server/src/report/render';
import { LineIndex } from '../../server/src/positions';
import { FIXTURES, ROOT } from '../helpers/paths';

const knownRules = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));

function configOf(json: unknown): ResolvedConfig {
	const parsed = parseConfigLayer(JSON.stringify(json), 'copydesk.json', knownRules);
	assert.deepEqual(parsed.problems, []);
	const config = resolveConfig([parsed.layer!]);
	assert.deepEqual(config.problems, []);
	return config;
}

const msgs = { en: '{match}', 'zh-cn': '{match}' };
const weibo = (body: string, fm = '') => `---\nplatform: weibo\nlocale: zh-CN\n${fm}---\n${body}\n`;

function found(text: string, config: ResolvedConfig, only?: string[]): { rule: string; text: string; severity: string; message: string }[] {
	return lint({ text, config, only }).findings.filter((f) => f.rule.includes('/')).map((f) => ({ rule: f.rule, text: text.slice(f.start, f.end), severity: f.severity, message: f.message }));
}

describe('team rules: the restricted pattern syntax', () => {
	before(() => setLanguage('en'));

	it('accepts literals, classes, alternation, groups, optional parts and bounded repetition of one class', () => {
		for (const [p, n] of [['戴尔电脑公司', 1], ['[0-9]{1,3}元', 3], ['(全网|全国)最低价', 2], ['Acme ?Cloud', 2], ['\\p{Han}{2}公司', 1], ['\\d{4}年\\d{1,2}月', 2], ['(?:a|b)c', 2], ['内部(资料|文件)?库', 3], ['\\(注\\)', 1]] as const) {
			const c = compilePattern(p);
			assert.equal(c.error, undefined, `${p}: ${c.error?.message}`);
			assert.equal(c.paths!.length, n, p);
		}
	});

	it('refuses what cannot be matched in one linear pass, at the position of the construct', () => {
		const cases: [string, number, RegExp][] = [
			['(a|b)*c', 5, /unbounded repetition \(\*\)/],
			['a+', 1, /unbounded repetition \(\+\)/],
			['x{2,}', 1, /unbounded/],
			['(ab){2}', 4, /not a group/],
			['ab(?=c)', 2, /lookaround/],
			['(?<!a)b', 0, /lookaround/],
			['(?<n>a)', 0, /named groups/],
			['(a)\\1', 3, /back-references/],
			['\\bword', 0, /\\b is not needed/],
			['^start', 0, /anchors/],
			['a{1,3}?', 6, /lazy/],
			['a{1,30}', 1, /up to 20/],
			['a?', 0, /empty text/],
			['[z-a]', 0, /invalid range/],
			['[abc', 0, /not closed/],
			['(abc', 0, /not closed/],
			['\\q', 0, /unknown escape/],
		];
		for (const [p, at, re] of cases) {
			const c = compilePattern(p);
			assert.ok(c.error, `${p} should be refused`);
			assert.equal(c.error.at, at, `${p}: ${c.error.message}`);
			assert.match(c.error.message, re, p);
		}
	});

	it('refuses a pattern that would expand past the cap without expanding it', () => {
		const p = Array.from({ length: 30 }, () => '(a|aa|aaa|aaaa)').join('');
		const before = process.cpuUsage();
		const c = compilePattern(p);
		const cpu = process.cpuUsage(before);
		assert.match(c.error!.message, /more than 1024 alternatives/);
		// 4^30 paths were never built: a generous CPU budget.
		assert.ok(cpu.user + cpu.system < 100_000, `${(cpu.user + cpu.system) / 1000} ms`);
	});
});

describe('team rules: patterns in the lexicon', () => {
	const lex = (patterns: string[], caseSensitive = false) => new Lexicon(patterns.flatMap((p, group) => compilePattern(p).paths!.map((steps) => ({ term: p, steps, value: p, group }))), { caseSensitive });

	it('classes fold like the text: case and full width', () => {
		const hits = lex(['[A-Z]{2}\\d{2}', 'acme ?cloud']).find('型号 ab12 和 ＡＢ３４，ACME CLOUD、AcmeCloud');
		assert.deepEqual(hits.map((h) => h.text), ['ab12', 'ＡＢ３４', 'ACME CLOUD', 'AcmeCloud']);
	});

	it('Latin edges keep word boundaries; Chinese matches as substrings; leftmost-longest', () => {
		const hits = lex(['\\d{1,4}元', 'best']).find('x12元 和 1299元，bestseller、best.');
		assert.deepEqual(hits.map((h) => h.text), ['1299元', 'best']);
	});

	it('patterns and literal terms share one walk without shadowing other groups', () => {
		const l = new Lexicon([
			...compilePattern('内部(资料|文件)').paths!.map((steps) => ({ term: 'p', steps, value: 'pattern', group: 0 })),
			{ term: '内部', value: 'literal', group: 1 },
		]);
		assert.deepEqual(l.find('这是内部资料').map((h) => [h.value, h.text]), [['pattern', '内部资料'], ['literal', '内部']]);
	});

	it('a hostile but accepted pattern costs linear time: a generous CPU budget per MB', () => {
		const l = lex(['.{0,20}x', '[a-z]{1,20}[0-9]{1,20}', '(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)z']);
		const text = 'a'.repeat(256 * 1024);
		const before = process.cpuUsage();
		l.find(text);
		const cpu = process.cpuUsage(before);
		const perMb = ((cpu.user + cpu.system) / 1000) * 4;
		assert.ok(perMb < 8000, `${perMb.toFixed(0)} ms of CPU per MB`);
	});
});

describe('team rules: validation at exact offsets', () => {
	before(() => setLanguage('en'));

	it('names the file path, key and position of each problem, and keeps the valid rules', () => {
		const text = `[
	{ "id": "ok", "kind": "existence", "tokens": ["甲"], "message": { "en": "a", "zh-cn": "甲" } },
	{ "id": "Bad Id", "kind": "existence", "tokens": ["乙"], "message": { "en": "a", "zh-cn": "乙" } },
	{ "id": "swap", "kind": "existence", "swap": { "a": "b" }, "message": { "en": "a", "zh-cn": "乙" } },
	{ "id": "link", "kind": "existence", "tokens": ["丙"], "link": "javascript:alert(1)", "message": { "en": "a", "zh-cn": "丙" } },
	{ "id": "pat", "kind": "existence", "patterns": ["ok", "(x+)+y"], "message": { "en": "a", "zh-cn": "丁" } },
	{ "id": "ok", "kind": "existence", "tokens": ["戊"], "message": { "en": "{nope}", "zh-cn": "戊" } },
	{ "id": "occ", "kind": "occurrence", "count": "hashtags", "message": { "en": "a", "zh-cn": "a" } }
]`;
		const r = parseTeamRulesFile(text, 'copydesk-rules.json', 'acme');
		assert.deepEqual(r.value!.map((x) => x.id), ['acme/ok']);
		const at = (needle: string) => text.indexOf(needle);
		const problems = r.problems.map((p) => ({ at: p.start, text: text.slice(p.start, p.end), message: p.message, severity: p.severity }));
		const find = (re: RegExp) => problems.find((p) => re.test(p.message));
		assert.equal(find(/\[1\]\.id: a team rule's id is lower case/)?.at, at('"Bad Id"'));
		assert.equal(find(/\[2\] \(acme\/swap\)\.swap: "swap" belongs to substitution rules, not to existence rules/)?.at, at('"swap": {') );
		assert.equal(find(/\(acme\/link\)\.link: the link must be an http\(s\) address/)?.text, '"javascript:alert(1)"');
		const pat = find(/\(acme\/pat\)\.patterns\[1\]: pattern "\(x\+\)\+y" refused at character 3: unbounded repetition/)!;
		assert.equal(pat.at, at('(x+)+y') + 2, 'points at the + inside the string');
		assert.ok(find(/\[5\]\.id: the id acme\/ok is used twice/));
		assert.equal(find(/unknown placeholder \{nope\}/)?.severity, 'warning');
		assert.ok(find(/\(acme\/occ\): an occurrence rule needs "min", "max" or both/));
	});

	it('a platform or locale of the wrong shape is a problem at that item, and the rule is not loaded; good ones load', () => {
		const good = JSON.stringify([{ id: 'scoped', kind: 'existence', tokens: ['甲'], platforms: ['weibo', 'x'], locales: ['zh-CN', 'en'], message: msgs }]);
		const ok = parseTeamRulesFile(good, 'copydesk-rules.json', 'acme');
		assert.deepEqual(ok.problems, []);
		assert.deepEqual(ok.value!.map((x) => [x.platforms, x.locales]), [[['weibo', 'x'], ['zh-cn', 'en']]]);
		const text = JSON.stringify([{ id: 'scoped', kind: 'existence', tokens: ['甲'], platforms: ['weibo', 'not a platform!'], locales: ['zh-CN', 'zh_CN!'], message: msgs }]);
		const r = parseTeamRulesFile(text, 'copydesk-rules.json', 'acme');
		assert.deepEqual(r.value, []);
		const items = r.problems.map((p) => text.slice(p.start, p.end));
		assert.deepEqual(items, ['"not a platform!"', '"zh_CN!"'], r.problems.map((p) => p.message).join('\n'));
	});

	it('a replacement that another (or the same) rule turns back is refused at the later rule: fixes would flip for ever', () => {
		const rulesOf = (list: unknown[]) => parseTeamRulesFile(JSON.stringify(list), 'copydesk-rules.json', 'acme');
		const ab = { id: 'ab', kind: 'substitution', swap: { 智慧手表: '智能手表' }, message: msgs };
		// Another rule back (case and width folded as the search folds them), a spelling's variant, a pattern, the same rule.
		for (const [back, what] of [
			[{ id: 'ba', kind: 'substitution', swap: { 智能手表: '智慧手表' }, message: msgs }, 'a substitution'],
			[{ id: 'sp', kind: 'spelling', spellings: { 智慧手表: ['智能手表'] }, message: msgs }, 'a spelling'],
			[{ id: 'pat', kind: 'substitution', swap: [{ pattern: '智(能|慧)手表', to: '智慧手表' }], message: msgs }, 'a pattern'],
		] as const) {
			const r = rulesOf([ab, back]);
			assert.deepEqual(r.value!.map((x) => x.id), ['acme/ab'], what);
			assert.equal(r.problems.length, 1, what);
			assert.match(r.problems[0].message, /\[1\].*undoes "智慧手表" → "智能手表" \(acme\/ab\)/, what);
		}
		const same = rulesOf([{ id: 'flip', kind: 'substitution', swap: { Foo: 'Bar', bar: 'foo' }, message: msgs }]);
		assert.deepEqual(same.value, []);
		assert.match(same.problems[0].message, /"bar" → "foo" undoes "Foo" → "Bar"/);
		// A chain that does not come back (A→B, B→C), and a replacement of another word, load.
		const chain = rulesOf([ab, { id: 'bc', kind: 'substitution', swap: { 智能手表: '智能腕表' }, message: msgs }, { id: 'x', kind: 'substitution', swap: { 手环: '智能手环' }, message: msgs }]);
		assert.deepEqual(chain.problems, []);
		assert.equal(chain.value!.length, 3);
		// A thousand replacements load without checking every pair (this took 22 s when it did), and the one
		// that turns an early one back is still found among them.
		const many: Record<string, string> = {};
		for (let i = 0; i < 1000; i++) {
			many[`词${i}甲`] = `词${i}乙`;
		}
		const before = process.cpuUsage();
		const big = rulesOf([{ id: 'many', kind: 'substitution', swap: many, message: msgs }, { id: 'back', kind: 'substitution', swap: { 词7乙: '词7甲' }, message: msgs }]);
		const cpu = process.cpuUsage(before);
		assert.deepEqual(big.value!.map((x) => x.id), ['acme/many']);
		assert.match(big.problems[0]?.message ?? '', /"词7乙" → "词7甲" undoes "词7甲" → "词7乙" \(acme\/many\)/);
		assert.ok(cpu.user + cpu.system < 3_000_000, `${(cpu.user + cpu.system) / 1000} ms`);
	});

	it('a replacement that another layer\'s rule turns back is refused once the layers merge, naming both; fixes then settle', () => {
		const layer = (file: string, teamRules: unknown[]) => {
			const parsed = parseConfigLayer(JSON.stringify({ teamRules }), file, knownRules);
			assert.deepEqual(parsed.problems, [], file);
			return parsed.layer!;
		};
		const pack = layer('pack/copydesk.json', [{ id: 'ab', kind: 'substitution', swap: { 智慧手表: '智能手表' }, message: msgs, fix: 'content' }]);
		const workspace = layer('copydesk.json', [
			{ id: 'ba', kind: 'substitution', swap: { 智能手表: '智慧手表' }, message: msgs, fix: 'content' },
			{ id: 'other', kind: 'existence', tokens: ['甲'], message: msgs },
		]);
		const config = resolveConfig([pack, workspace]);
		const ids = (config.extra.teamRules as TeamRule[]).map((r) => r.id);
		assert.equal(ids.length, 2, ids.join());
		assert.ok(ids.some((id) => id.endsWith('ab')) && ids.some((id) => id.endsWith('other')), ids.join());
		assert.equal(config.problems.length, 1);
		assert.equal(config.problems[0].origin, 'teamRules');
		assert.match(config.problems[0].message, /ba .*"智能手表" → "智慧手表" undoes "智慧手表" → "智能手表" of \S*ab/);
		// With the later rule gone, fixing with content fixes reaches a fixed point in one direction.
		const text = weibo('新款智慧手表和智能手表今天发布。');
		const once = fixAll(text, (t) => lint({ text: t, config }), { kinds: [...FIX_KINDS] });
		assert.ok(once.text.includes('新款智能手表和智能手表'), once.text);
		assert.equal(fixAll(once.text, (t) => lint({ text: t, config }), { kinds: [...FIX_KINDS] }).text, once.text);
		// Each layer alone, and the same pair in one file, are as before (that one refused at load).
		assert.deepEqual(resolveConfig([pack]).problems, []);
		assert.deepEqual(resolveConfig([workspace]).problems, []);
	});

	it('a pack with catastrophic patterns is refused quickly, with a message per pattern', () => {
		const hostile = ['(a+)+b', '(a|aa)*', '(.*a){20}', '(x{1,20}){1,20}', Array.from({ length: 40 }, () => '(a|b|c)').join(''), `${'(a?)'.repeat(30)}${'a'.repeat(30)}`];
		const text = JSON.stringify([{ id: 'evil', kind: 'existence', patterns: hostile, message: msgs }]);
		const before = process.cpuUsage();
		const r = parseTeamRulesFile(text, 'copydesk-rules.json', 'evil');
		const cpu = process.cpuUsage(before);
		assert.ok(cpu.user + cpu.system < 100_000, `refused in ${(cpu.user + cpu.system) / 1000} ms of CPU`);
		assert.equal(r.problems.filter((p) => p.severity === 'error').length, hostile.length, r.problems.map((p) => p.message).join('\n'));
		assert.deepEqual(r.value, []);
	});

	it('a file whose patterns would make a huge matcher is cut at a budget, each pattern past it named; loading stays fast', () => {
		// 300 patterns of 400 paths each, 8,400 steps each: 23 fit in the file's budget of 200,000, the other 277 are refused.
		const patterns = Array.from({ length: 300 }, (_, i) => `[^${String.fromCharCode(0x4e00 + i)}]{1,20}[a-z]{1,20}`);
		const before = process.cpuUsage();
		const r = parseTeamRulesFile(JSON.stringify([{ id: 'big', kind: 'existence', patterns, message: msgs }]), 'f.json', 'p');
		const config = resolveConfig([{ origin: 'pack p', extra: { teamRules: r.value } }]);
		lint({ text: weibo('你好'.repeat(1000)), config });
		const cpu = process.cpuUsage(before);
		assert.equal(r.problems.filter((p) => /expand to more than 200000 characters and classes in all/.test(p.message)).length, 277);
		assert.ok(cpu.user + cpu.system < 5_000_000, `${(cpu.user + cpu.system) / 1000} ms`);
	});

	it('a severity for a team rule no layer defines is a problem; one for a defined rule applies', () => {
		const parsed = parseConfigLayer(JSON.stringify({ teamRules: [{ id: 'x', kind: 'existence', tokens: ['甲'], message: msgs }], rules: { 'team/x': 'error', 'team/y': 'off' } }), 'copydesk.json', knownRules);
		assert.deepEqual(parsed.problems, []);
		const config = resolveConfig([parsed.layer!]);
		assert.deepEqual(config.problems.map((p) => p.message), ['rules.team/y: there is no team rule team/y (from copydesk.json\'s teamRules or a pack\'s team rules file)']);
		assert.deepEqual(found(weibo('甲'), config).map((f) => f.severity), ['error']);
	});

	it('the substitution replacement that its own pattern matches inside is refused', () => {
		const r = parseTeamRulesFile(JSON.stringify([{ id: 's', kind: 'substitution', swap: [{ pattern: 'Acme ?Cloud', to: 'The Acme Cloud team' }], message: msgs }]), 'f.json', 'p');
		assert.match(r.problems[0].message, /the replacement contains "Acme Cloud", which the pattern "Acme \?Cloud" matches/);
	});
});

describe('team rules: each kind through lint', () => {
	before(() => setLanguage('en'));

	it('existence: words and patterns, outside links, mentions and exception phrases; platforms and locales filter', () => {
		const config = configOf({
			teamRules: [
				{ id: 'secret', kind: 'existence', tokens: ['内部资料'], patterns: ['(机密|绝密)文件'], except: ['内部资料库'], message: msgs, platforms: ['微博'] },
				{ id: 'en-only', kind: 'existence', tokens: ['内部资料'], locales: ['en'], message: msgs },
			],
		});
		const text = weibo('内部资料、绝密文件、内部资料库、https://example.com/内部资料、@内部资料 你好');
		assert.deepEqual(found(text, config).map((f) => [f.rule, f.text]), [['team/secret', '内部资料'], ['team/secret', '绝密文件']]);
		const onX = text.replace('platform: weibo', 'platform: x');
		assert.deepEqual(found(onX, config), []);
	});

	it('substitution: a content fix by default, a typography fix when asked; the replacement holding the word stays fixed', () => {
		const config = configOf({
			teamRules: [
				{ id: 'names', kind: 'substitution', swap: { 戴尔电脑公司: '戴尔', 智慧: '智慧手表' }, message: msgs },
				{ id: 'marks', kind: 'substitution', swap: [{ pattern: '[!！]{2,5}', to: '！' }], fix: 'typography', message: msgs },
			],
		});
		const text = weibo('戴尔电脑公司发布智慧手表和智慧屏！！！');
		const findings = lint({ text, config }).findings.filter((f) => f.rule.startsWith('team/'));
		assert.deepEqual(findings.map((f) => [f.rule, text.slice(f.start, f.end), f.fixes?.[0].kind]), [['team/names', '戴尔电脑公司', 'content'], ['team/names', '智慧', 'content'], ['team/marks', '！！！', 'typography']]);
		const relint = (t: string) => lint({ text: t, config }).findings;
		// By default fix-all applies typography only; asked for content, it substitutes too, and a second run changes nothing.
		assert.equal(fixAll(text, relint).text, weibo('戴尔电脑公司发布智慧手表和智慧屏！'));
		const all = fixAll(text, relint, { kinds: FIX_KINDS }).text;
		assert.equal(all, weibo('戴尔发布智慧手表和智慧手表屏！'));
		assert.equal(fixAll(all, relint, { kinds: FIX_KINDS }).text, all);
	});

	it('occurrence: at most / at least N per post of hashtags, mentions, links, exclamation marks or the rule\'s own words', () => {
		const config = configOf({
			teamRules: [
				{ id: 'tags', kind: 'occurrence', count: 'hashtags', max: 2, message: { en: '{count}>{max}', 'zh-cn': '{count}>{max}' } },
				{ id: 'mentions', kind: 'occurrence', count: 'mentions', min: 1, message: { en: 'mention someone ({count})', 'zh-cn': '至少 {min}' } },
				{ id: 'links', kind: 'occurrence', count: 'links', max: 1, message: msgs },
				{ id: 'wow', kind: 'occurrence', tokens: ['超值'], max: 1, message: { en: '{count} × {match}', 'zh-cn': '{count}' } },
			],
		});
		const text = weibo('#一# #二# #三# 超值！超值！https://a.example/x https://b.example/y');
		assert.deepEqual(found(text, config).map((f) => [f.rule, f.text, f.message]), [
			['team/mentions', '#一# #二# #三# 超值！超值！https://a.example/x https://b.example/y', 'mention someone (0)'],
			['team/tags', '#三#', '3>2'],
			['team/wow', '超值', '2 × 超值'],
			['team/links', 'https://b.example/y', 'https://b.example/y'],
		]);
	});

	it('conditional: a price needs 广告, a giveaway its rules link (which may be a link); reported once at the first trigger', () => {
		const config = configOf({
			teamRules: [
				{ id: 'ad', kind: 'conditional', if: { patterns: ['\\d{1,6} ?元'] }, then: { tokens: ['广告'] }, message: { en: '{match} needs {then}', 'zh-cn': '{match}' } },
				{ id: 'giveaway', kind: 'conditional', if: { tokens: ['#giveaway'] }, then: { tokens: ['example.com/rules'] }, message: msgs },
			],
		});
		assert.deepEqual(found(weibo('只要 99 元，再送 10 元券。'), config).map((f) => [f.text, f.message]), [['99 元', '99 元 needs 广告']]);
		assert.deepEqual(found(weibo('【广告】只要 99 元。'), config), []);
		const x = (s: string) => `---\nplatform: x\n---\n${s}\n`;
		assert.deepEqual(found(x('Join our #giveaway today'), config).map((f) => f.text), ['#giveaway']);
		assert.deepEqual(found(x('Join our #giveaway: https://example.com/rules'), config), []);
	});

	it('capitalization and spelling of brand names, with typography fixes', () => {
		const config = configOf({
			teamRules: [
				{ id: 'case', kind: 'capitalization', words: ['WeChat', 'iPhone'], message: msgs },
				{ id: 'spell', kind: 'spelling', spellings: { 'Acme Cloud': ['AcmeCloud', 'Acme云'] }, fix: 'typography', message: msgs },
			],
		});
		const text = '---\nplatform: x\n---\nwechat, WeChat, IPHONE; AcmeCloud or Acme云 or Acme Cloud.\n';
		assert.deepEqual(found(text, config).map((f) => [f.rule, f.text]), [['team/case', 'wechat'], ['team/case', 'IPHONE'], ['team/spell', 'AcmeCloud'], ['team/spell', 'Acme云']]);
		const relint = (t: string) => lint({ text: t, config }).findings;
		assert.equal(fixAll(text, relint).text, '---\nplatform: x\n---\nWeChat, WeChat, iPhone; Acme Cloud or Acme Cloud or Acme Cloud.\n');
	});

	it('scope: title and digest at their source offsets; topics only inside the body\'s topics', () => {
		const config = configOf({
			teamRules: [
				{ id: 'title', kind: 'existence', tokens: ['震惊'], scope: ['title'], message: msgs },
				{ id: 'topic', kind: 'existence', tokens: ['抽奖'], scope: ['topics'], message: msgs },
			],
		});
		const text = '---\nplatform: wechat\ntitle: 震惊的消息\ndigest: 震惊\n---\n震惊。\n';
		const f = lint({ text, config }).findings.filter((x) => x.rule.startsWith('team/'));
		assert.deepEqual(f.map((x) => [x.rule, text.slice(x.start, x.end), x.start]), [['team/title', '震惊', text.indexOf('震惊的')]]);
		const topics = weibo('震惊。#抽奖# 不在话题里的抽奖不算。');
		const t = lint({ text: topics, config }).findings.filter((x) => x.rule.startsWith('team/'));
		assert.deepEqual(t.map((x) => [x.rule, topics.slice(x.start, x.end), x.start]), [['team/topic', '抽奖', topics.indexOf('#抽奖#') + 1]]);
	});

	it('first-class: the id, link and explanation on the finding; disable comments with reasons; --rule by team id; off by id or all at once', () => {
		const teamRules = [
			{ id: 'a', kind: 'existence', tokens: ['甲'], message: msgs, link: 'https://example.com/guide#a' },
			{ id: 'b', kind: 'existence', tokens: ['乙'], message: msgs },
		];
		const config = configOf({ teamRules });
		const text = weibo('甲乙\n<!-- copydesk-disable-next-line team/a -- approved by legal -->\n甲乙');
		const r = lint({ text, config });
		const a = r.findings.find((f) => f.rule === 'team/a')!;
		assert.equal(a.link, 'https://example.com/guide#a');
		assert.match(a.explain!, /Team rule `team\/a` \(existence\) from copydesk\.json\. See \[the team's guide\]\(https:\/\/example\.com\/guide#a\)/);
		assert.deepEqual(r.findings.filter((f) => f.rule.startsWith('team/')).map((f) => f.rule), ['team/a', 'team/b', 'team/b']);
		assert.deepEqual(r.exceptions.map((x) => [x.rules, x.reason, x.suppressed]), [[['team/a'], 'approved by legal', 1]]);
		assert.ok(!r.findings.some((f) => f.rule === 'disable-reason'), 'a known team id with a reason is a valid directive');
		assert.deepEqual(found(text, config, ['team/b']).map((f) => f.rule), ['team/b', 'team/b']);
		assert.deepEqual(found(text, configOf({ teamRules, rules: { 'team/a': 'off' } })).map((f) => f.rule), ['team/b', 'team/b']);
		assert.deepEqual(found(text, configOf({ teamRules, rules: { team: 'off' } })), []);
		const unknown = lint({ text: weibo('<!-- copydesk-disable-next-line team/zzz -- typo -->\n甲'), config }).findings.filter((f) => f.rule === 'disable-reason');
		assert.match(unknown[0].message, /team\/zzz/);
	});

	it('a disable comment naming `team` hides every team rule\'s findings (as `rules: { team: off }` turns them all off), and no other rule\'s', () => {
		const config = configOf({ teamRules: [
			{ id: 'a', kind: 'existence', tokens: ['甲'], message: msgs },
			{ id: 'b', kind: 'existence', tokens: ['最好'], message: msgs },
		] });
		const text = weibo('甲\n<!-- copydesk-disable-next-line team -- approved by legal -->\n甲，这是最好的。\n甲');
		const r = lint({ text, config });
		const line3 = text.indexOf('甲，');
		const onLine3 = r.findings.filter((f) => f.start >= line3 && f.start < text.indexOf('\n', line3));
		assert.ok(!onLine3.some((f) => f.rule.startsWith('team/')), onLine3.map((f) => f.rule).join(', '));
		assert.ok(onLine3.some((f) => f.rule === 'ad-absolute-terms'), 'a built-in rule on the same line is not hidden');
		assert.equal(r.findings.filter((f) => f.rule === 'team/a').length, 2, 'the lines before and after keep theirs');
		assert.deepEqual(r.exceptions.map((x) => [x.rules, x.suppressed]), [[['team'], 2]]);
		assert.ok(!r.findings.some((f) => f.rule === 'disable-reason'), 'it hides something: not stale');
	});

	it('the campaign report counts team rules by their ids and lists their exceptions with reasons', () => {
		const config = configOf({ teamRules: [{ id: 'a', kind: 'existence', tokens: ['甲'], message: { en: 'No {match}.', 'zh-cn': '不要“{match}”。' } }] });
		const text = weibo('甲\n<!-- copydesk-disable-next-line team/a -- approved by legal -->\n甲');
		const md = renderMarkdown(buildReport([{ file: 'post.md', text, result: lint({ text, config }) }], 'Campaign'));
		assert.match(md, /\| `team\/a` \| 1 \|/);
		assert.match(md, /No 甲\./);
		assert.match(md, /approved by legal/);
	});

	it('one matcher: the team\'s words are walked with the built-in lists (a compliance rule and a team rule on the same words)', () => {
		const config = configOf({ teamRules: [{ id: 'best', kind: 'existence', tokens: ['最好'], message: msgs }] });
		const rulesFound = lint({ text: weibo('这是最好的手表。'), config }).findings.map((f) => f.rule);
		assert.ok(rulesFound.includes('ad-absolute-terms') && rulesFound.includes('team/best'), rulesFound.join(', '));
	});
});

describe('team rules: the example pack examples/packs/china-comms', () => {
	before(() => setLanguage('en'));
	const { pack, files } = loadPackDir(path.join(ROOT, 'examples', 'packs', 'china-comms'));
	const config = resolveConfig([pack.layer!]);
	const team = (pack.layer?.extra?.teamRules ?? []) as TeamRule[];
	const dir = path.join(FIXTURES, 'team-pack');

	it('loads without a problem and carries one rule of each kind at least', () => {
		assert.deepEqual(files.flatMap((f) => f.problems), []);
		assert.deepEqual(config.problems, []);
		for (const kind of TEAM_RULE_KINDS) {
			assert.ok(team.some((r) => r.kind === kind), `no ${kind} rule`);
		}
	});

	it('every rule of the pack has a fixture that finds something', () => {
		for (const r of team) {
			const local = r.id.split('/').pop()!;
			assert.ok(fs.existsSync(path.join(dir, `${local}.md`)), `no fixture for ${r.id}`);
			const expected = JSON.parse(fs.readFileSync(path.join(dir, `${local}.expect.json`), 'utf8')) as { rule: string }[];
			assert.ok(expected.some((e) => e.rule === r.id), `${local}.expect.json expects nothing of ${r.id}`);
		}
	});

	for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.md') && !x.endsWith('.fixed.md'))) {
		it(f, () => {
			const text = fs.readFileSync(path.join(dir, f), 'utf8');
			const idx = new LineIndex(text);
			const actual = lint({ text, config }).findings.filter((x) => x.rule.includes('/')).map((x) => {
				const s = idx.position(x.start);
				const e = idx.position(x.end);
				return { rule: x.rule, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: x.severity, message: x.message, platform: x.platform };
			});
			const expected = JSON.parse(fs.readFileSync(path.join(dir, f.replace('.md', '.expect.json')), 'utf8'));
			assert.deepEqual(actual, expected);
			const fixed = path.join(dir, f.replace('.md', '.fixed.md'));
			if (fs.existsSync(fixed)) {
				const relint = (t: string) => lint({ text: t, config }).findings;
				const selection = { rules: new Set(actual.map((a) => a.rule)), kinds: FIX_KINDS };
				const once = fixAll(text, relint, selection).text;
				assert.equal(once, fs.readFileSync(fixed, 'utf8'));
				assert.equal(fixAll(once, relint, selection).text, once, 'fixing twice changes nothing');
			}
		});
	}
});
