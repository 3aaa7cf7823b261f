import * as assert from 'node:assert/strict';
import { applyEdits, fixText, lint, parseConfigLayer, resolveConfig, rules, setLanguage, type ResolvedConfig } from '../../server/src/engine';

const known = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));
const configOf = (json: string): ResolvedConfig => resolveConfig([parseConfigLayer(json, 'test', known).layer!]);
const TEXT = '---\nplatform: weibo\n---\n德国队竟然战胜了巴西队！！！\n';
const ruleIds = (config: ResolvedConfig, only?: string[]) =>
	lint({ text: TEXT, config, matchedDraftGlob: true, only }).findings.map((f) => f.rule).sort();

describe('rule context: ruleOptions (one finding for ！！！)', () => {
	before(() => setLanguage('en'));

	it('with tone-shouting on, ！！！ is its finding only', () => {
		assert.deepEqual(ruleIds(resolveConfig([])), ['tone-shouting']);
	});
	it('with tone-shouting off, or left out of the run, zh-punctuation reports it', () => {
		assert.deepEqual(ruleIds(configOf('{ "rules": { "tone-shouting": "off" } }')), ['zh-punctuation']);
		assert.deepEqual(ruleIds(resolveConfig([]), ['zh-punctuation']), ['zh-punctuation']);
	});
	it('below tone-shouting\'s configured threshold, zh-punctuation reports it', () => {
		assert.deepEqual(ruleIds(configOf('{ "rules": { "tone-shouting": { "exclamations": 4 } } }')), ['zh-punctuation']);
	});
	it('fixing every rule still ends with one full-width mark, also from a half-width run', () => {
		for (const [from, to] of [['巴西队！！！', '巴西队！'], ['太好了!!!真的', '太好了！真的'], ['你说？！！！', '你说？！']]) {
			const text = `---\nplatform: weibo\n---\n${from}\n`;
			assert.equal(fixText(text, resolveConfig([]), { matchedDraftGlob: true }).text, `---\nplatform: weibo\n---\n${to}\n`, from);
		}
	});
});

describe('tone-shouting: one quick fix of a half-width run leaves nothing for zh-punctuation', () => {
	before(() => setLanguage('en'));
	const post = (locale: string, body: string) => `---\nplatform: weibo\nlocale: ${locale}\n---\n${body}\n`;
	const config = resolveConfig([]);
	const both = (text: string) => lint({ text, config, matchedDraftGlob: true }).findings.filter((f) => f.rule === 'tone-shouting' || f.rule === 'zh-punctuation');
	/** Applies the one quick fix of the one tone-shouting finding (as the editor's lightbulb does). */
	const quickFix = (text: string) => {
		const found = both(text);
		assert.deepEqual(found.map((f) => f.rule), ['tone-shouting'], `one finding, of tone-shouting, in ${JSON.stringify(text)}`);
		assert.equal(found[0].fixes?.length, 1);
		return { text: applyEdits(text, found[0].fixes![0].edits), title: found[0].fixes![0].title };
	};

	it('太好用了!!! in a Chinese post becomes 太好用了！, with no finding of either rule left', () => {
		const fixed = quickFix(post('zh-CN', '太好用了!!!'));
		assert.equal(fixed.text, post('zh-CN', '太好用了！'));
		assert.equal(fixed.title, 'Keep one "！"');
		assert.deepEqual(both(fixed.text), []);
	});

	it('the same inside a sentence, after a name in a Chinese sentence, and in a zh-TW post', () => {
		for (const [locale, from, to] of [
			['zh-CN', '新品来了!!!!快来看看', '新品来了！快来看看'],
			['zh-CN', '我们今天终于正式发布了 Surface Pro!!!', '我们今天终于正式发布了 Surface Pro！'],
			['zh-TW', '太好用了!!!', '太好用了！'],
		]) {
			const fixed = quickFix(post(locale, from));
			assert.equal(fixed.text, post(locale, to), from);
			assert.deepEqual(both(fixed.text), [], to);
		}
	});

	it('English keeps the half-width mark: English posts, and English lines in a Chinese post', () => {
		for (const [locale, from, to] of [
			['en', 'This is huge!!!', 'This is huge!'],
			['en', '我们来了!!!', '我们来了!'],
			['zh-CN', 'We launched in 上海 today!!!', 'We launched in 上海 today!'],
		]) {
			const fixed = quickFix(post(locale, from));
			assert.equal(fixed.text, post(locale, to), from);
			assert.deepEqual(both(fixed.text), [], to);
		}
	});

	it('follows zh-punctuation\'s exceptions, and still writes ！ after Chinese when zh-punctuation is off', () => {
		const off = configOf('{ "rules": { "zh-punctuation": "off" } }');
		const f = lint({ text: post('zh-CN', '太好用了!!!'), config: off, matchedDraftGlob: true }).findings.find((x) => x.rule === 'tone-shouting')!;
		assert.equal(f.fixes![0].edits[0].newText, '！');
		const exc = configOf('{ "rules": { "zh-punctuation": { "exceptions": ["好用了!!!"] } } }');
		const g = lint({ text: post('zh-CN', '太好用了!!!'), config: exc, matchedDraftGlob: true }).findings.find((x) => x.rule === 'tone-shouting')!;
		assert.equal(g.fixes![0].edits[0].newText, '!', 'a span zh-punctuation leaves alone keeps its mark');
	});
});
