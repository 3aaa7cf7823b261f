import * as assert from 'node:assert/strict';
import { fixText, lint, parseConfigLayer, resolveConfig, rules, setLanguage, type ResolvedConfig } from '../../server/src/engine';

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
