/**
 * The word lists behind the compliance and tone rules: every entry is reachable (not shadowed by a
 * duplicate or by its own exceptions), cites articles that exist, and its rewordings are not hits
 * themselves; fixes change only their range and are idempotent; the hover quotes the law.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, lint, resolveConfig, parseConfigLayer, rules, setLanguage } from '../../server/src/engine';
import law from '../../server/src/engine/data/law.json';
import { wordListLexicon, wordListTerms, type WordList } from '../../server/src/engine/lexicon';
import { ABSOLUTE_TERMS } from '../../server/src/engine/rules/ad-absolute-terms';
import { GUARANTEES } from '../../server/src/engine/rules/ad-guarantee';
import { AGGRESSIVE } from '../../server/src/engine/rules/tone-aggressive';
import { HARD_SELL } from '../../server/src/engine/rules/tone-hard-sell';
import { STONEWALL } from '../../server/src/engine/rules/tone-stonewall';

const LISTS: Record<string, WordList> = {
	'ad-absolute-terms': ABSOLUTE_TERMS, 'ad-guarantee': GUARANTEES, 'tone-hard-sell': HARD_SELL, 'tone-aggressive': AGGRESSIVE, 'tone-stonewall': STONEWALL,
};
const knownRules = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));
const config = (json = '{}') => resolveConfig([parseConfigLayer(json, 'test', knownRules).layer!]);
const draft = (body: string, fm = 'platform: weibo') => `---\n${fm}\n---\n${body}\n`;
const findings = (text: string, rule: string, cfg = config()) => lint({ text, config: cfg, matchedDraftGlob: true, only: [rule] }).findings;

describe('word lists', () => {
	before(() => setLanguage('en'));

	for (const [id, list] of Object.entries(LISTS)) {
		describe(id, () => {
			const lexicon = wordListLexicon(list);
			const terms = wordListTerms(list);

			it('every entry is found as itself (no duplicate, not excepted by its own exceptions)', () => {
				const lost = terms.filter((t) => {
					const hits = lexicon.find(` ${t.term} `);
					return hits.length !== 1 || hits[0].value.term !== t.term || hits[0].value.category !== t.value.category;
				});
				assert.deepEqual(lost.map((t) => t.term), []);
			});

			it('exceptions contain their term and are not hits', () => {
				for (const t of terms) {
					for (const e of t.except ?? []) {
						assert.ok(e.toLowerCase().includes(t.term.toLowerCase()), `${t.term}: exception ${e}`);
						assert.ok(!lexicon.find(e).some((h) => h.value.term === t.term), `${t.term} still found in ${e}`);
					}
				}
			});

			it('cites only articles that exist, and has labels in both languages', () => {
				for (const c of list.categories) {
					for (const b of c.basis ?? []) {
						assert.ok(b in law.articles, `${c.id}: ${b}`);
					}
					assert.ok(c.label.en && c.label['zh-cn'], c.id);
				}
			});

			it('rewordings are not hits themselves', () => {
				for (const t of terms) {
					for (const s of t.value.suggest) {
						assert.deepEqual(lexicon.find(s).map((h) => h.text), [], `${t.term} → ${s}`);
					}
				}
			});
		});
	}

	it('only the terms the law names have a single rewording "fix all" may apply', () => {
		// A finding with exactly one fix is applied by "fix all"; provable claims must not be rewritten unasked.
		for (const list of [ABSOLUTE_TERMS, GUARANTEES]) {
			for (const t of wordListTerms(list)) {
				if (t.value.category.id === 'statutory') {
					continue;
				}
				// The rule offers the rewordings in the post's script, or all of them when none is.
				for (const zh of [true, false]) {
					const inScript = t.value.suggest.filter((s) => /\p{Script=Han}/u.test(s) === zh).length;
					const offered = inScript || t.value.suggest.length;
					assert.notEqual(offered, 1, `${t.term} (${zh ? 'zh' : 'en'} post): one rewording would be applied by fix all`);
				}
			}
		}
	});
});

describe('word-list rules', () => {
	before(() => setLanguage('en'));

	it('every fix changes only its range and fixing again changes nothing there', () => {
		const samples: [string, string][] = [
			['ad-absolute-terms', '本品最佳，国家级品质，销量第一，顶级材质，唯一之选，最受欢迎，史上最低价。'],
			['ad-absolute-terms', 'The best in the world and the No. 1 choice, unbeatable value.'],
			['ad-guarantee', '根治失眠，无副作用，7天见效，100%有效，保证有效。'],
		];
		for (const [rule, body] of samples) {
			const text = draft(body, /[a-z]/i.test(body[0]) ? 'platform: x' : 'platform: weibo');
			const fs = findings(text, rule);
			assert.ok(fs.some((f) => f.fixes?.length), `${rule}: some fixes`);
			for (const f of fs) {
				for (const fix of f.fixes ?? []) {
					assert.deepEqual(fix.edits.map((e) => [e.start, e.end]), [[f.start, f.end]], fix.title);
					const fixed = applyEdits(text, fix.edits);
					const newText = fix.edits[0].newText;
					assert.equal(fixed.slice(0, f.start) + fixed.slice(f.start + newText.length), text.slice(0, f.start) + text.slice(f.end), fix.title);
					const again = findings(fixed, rule).filter((g) => g.start < f.start + newText.length && g.end > f.start);
					assert.deepEqual(again.map((g) => fixed.slice(g.start, g.end)), [], `${fix.title}: fixed text is not a hit`);
				}
			}
		}
	});

	it('the hover quotes the article and the penalty, in the interface language', () => {
		const text = draft('本季最佳降噪。');
		const en = findings(text, 'ad-absolute-terms')[0].explain!;
		assert.match(en, /Art\. 9\(3\)/);
		assert.match(en, /RMB 200,000–1,000,000/);
		assert.match(en, /国家级/);
		setLanguage('zh-cn');
		try {
			const zh = findings(text, 'ad-absolute-terms')[0];
			assert.match(zh.explain!, /使用"国家级"、"最高级"、"最佳"等用语/);
			assert.match(zh.explain!, /二十万元以上一百万元以下/);
			assert.match(zh.message, /第九条第（三）项/);
		} finally {
			setLanguage('en');
		}
	});

	it('a term glued after a mention is still checked (关注@小明获取最佳优惠); a separated mention is skipped', () => {
		const glued = draft('关注@小明获取最佳优惠', 'platform: weibo');
		assert.deepEqual(findings(glued, 'ad-absolute-terms').map((f) => glued.slice(f.start, f.end)), ['最佳']);
		assert.deepEqual(findings(draft('关注 @最佳小明 获取优惠', 'platform: weibo'), 'ad-absolute-terms'), []);
	});

	it('checks a WeChat title at its place in the front matter', () => {
		const text = draft('正文没有问题。', 'platform: wechat\ntitle: 行业第一的咖啡');
		const [f] = findings(text, 'ad-absolute-terms');
		assert.equal(text.slice(f.start, f.end), '行业第一');
	});

	it('severity: per term without config, the configured one for every finding, off silences', () => {
		const text = draft('最佳拍档，销量第一。');
		assert.deepEqual(findings(text, 'ad-absolute-terms').map((f) => f.severity), ['error', 'warning']);
		assert.deepEqual(findings(text, 'ad-absolute-terms', config('{ "rules": { "ad-absolute-terms": "hint" } }')).map((f) => f.severity), ['hint', 'hint']);
		assert.deepEqual(findings(text, 'ad-absolute-terms', config('{ "rules": { "ad-absolute-terms": "off" } }')), []);
		assert.deepEqual(findings(draft('一群脑残'), 'tone-aggressive', config('{ "rules": { "tone-aggressive": { "severity": "warning" } } }')).map((f) => f.severity), ['warning']);
	});

	it('every strict industry escalates, the others do not', () => {
		for (const industry of ['medical', 'health', 'finance', 'education']) {
			assert.deepEqual(findings(draft('销量第一。', `platform: weibo\nindustry: ${industry}`), 'ad-absolute-terms').map((f) => f.severity), ['error'], industry);
		}
		for (const industry of ['general', 'realestate']) {
			assert.deepEqual(findings(draft('销量第一。', `platform: weibo\nindustry: ${industry}`), 'ad-absolute-terms').map((f) => f.severity), ['warning'], industry);
		}
	});

	it('tone-hard-sell: below the threshold nothing, at it one finding that lists every phrase', () => {
		assert.deepEqual(findings(draft('赶紧来，手慢无。'), 'tone-hard-sell'), []);
		const [f, ...rest] = findings(draft('赶紧来，手慢无，错过不再。'), 'tone-hard-sell');
		assert.equal(rest.length, 0);
		assert.match(f.message, /3 \(threshold 3\): 赶紧, 手慢无, 错过不再/);
	});

	it('tone-stonewall: an apology is empty only without an action', () => {
		assert.equal(findings(draft('给您带来的不便深表歉意。'), 'tone-stonewall').length, 1);
		assert.equal(findings(draft('给您带来的不便深表歉意，已为受影响订单全额退款。'), 'tone-stonewall').length, 0);
		assert.equal(findings(draft('关于网传视频，我们暂不回应。', 'platform: weibo\nkind: news'), 'tone-stonewall').length, 0);
		assert.equal(findings(draft('We regret any inconvenience. We will post the next update at 6 pm.', 'platform: x'), 'tone-stonewall').length, 0);
	});
});
