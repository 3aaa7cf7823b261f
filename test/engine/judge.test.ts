/**
 * The judgment layer: the lexicon's groups and ICU word boundaries, the pattern language (order,
 * distance, clause, negation, question, quotation, `unless`), quotation spans, post kinds, and
 * what Node's ICU segmenter actually does with the words the rules care about.
 */
import * as assert from 'node:assert/strict';
import { lint, resolveConfig, setLanguage } from '../../server/src/engine';
import { Scan, quoteSpans, type PatternSpec } from '../../server/src/engine/judge';
import { Lexicon } from '../../server/src/engine/lexicon';
import { JUDGED, loadCorpus } from '../helpers/judgment-eval';

const words = (text: string) => [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].map((s) => s.segment);

type V = { cls?: string };
function scanner(classes: Record<string, string[]>, negation: string[] = []) {
	const terms = [...Object.entries(classes), ['negation', negation] as [string, string[]]].flatMap(([cls, list], g) => list.map((term) => ({ term, group: g, value: { cls: `t:${cls}` } as V })));
	const lexicon = new Lexicon(terms);
	return (text: string) => new Scan(text, lexicon.find(text));
}
const spec = (sequence: string[], extra: Partial<PatternSpec> = {}): PatternSpec => ({ id: 'p', label: { en: 'p', 'zh-cn': 'p' }, severity: 'warning', sequence, ...extra });

describe('judgment: ICU word segmentation (Node ' + process.versions.node + ', ICU ' + process.versions.icu + ')', () => {
	// What the rules rely on, checked rather than assumed: ICU joins these into one word, so a piece of them is not a word.
	it('reads 第一次 and 折叠 as words, and splits 第一批 as 第|一批', () => {
		assert.ok(words('这是第一次').includes('第一次'));
		assert.ok(words('新款三折叠屏手机').includes('折叠'));
		assert.deepEqual(words('第一批用户').slice(0, 2), ['第', '一批']);
	});
	// And what it gets wrong, which is why only terms marked `word: true` ask it.
	it('splits 友商 and reads 全场三折起 as 全|场|三|折起 (so discounts do not use it)', () => {
		assert.deepEqual(words('友商的产品'), ['友', '商', '的', '产品']);
		assert.deepEqual(words('全场三折起'), ['全', '场', '三', '折起']);
	});
});

describe('judgment: lexicon groups and word terms', () => {
	it('terms of different groups do not shadow each other; within a group leftmost-longest holds', () => {
		const lx = new Lexicon([
			{ term: '全球首发', value: 'a', group: 0 }, { term: '全球', value: 'b', group: 1 }, { term: '首发', value: 'c', group: 2 }, { term: '全球首', value: 'd', group: 0 },
		]);
		assert.deepEqual(lx.find('全球首发会').map((h) => `${h.value}:${h.text}`), ['a:全球首发', 'b:全球', 'c:首发']);
		const one = new Lexicon([{ term: '全球首发', value: 'a' }, { term: '首发', value: 'c' }]);
		assert.deepEqual(one.find('全球首发').map((h) => h.value), ['a']);
	});

	it('a `word` term matches only on ICU word boundaries', () => {
		const lx = new Lexicon([{ term: '第一', value: 1, word: true }]);
		assert.deepEqual(lx.find('这是第一次').length, 0);
		assert.deepEqual(lx.find('第一批展品').length, 0);
		assert.deepEqual(lx.find('我们是第一').length, 1);
		const plain = new Lexicon([{ term: '第一', value: 1 }]);
		assert.deepEqual(plain.find('这是第一次').length, 1);
	});
});

describe('judgment: patterns', () => {
	const scan = scanner({ target: ['友商', 'other brands'], bad: ['骗子', '垃圾', 'scams'] }, ['不是', 'not']);
	const p = [spec(['target', 'bad'], { within: 10 })];
	const hits = (text: string, ps = p) => scan(text).match('t', ps, 'general').map((m) => m.text);

	it('matches a target and a derogation in one clause, in order, within the distance', () => {
		assert.deepEqual(hits('友商的产品都是垃圾。'), ['友商的产品都是垃圾']);
		assert.deepEqual(hits('Honestly, other brands are scams.'), ['other brands are scams']);
		assert.deepEqual(hits('骗子冒充友商。'), []); // order
		assert.deepEqual(hits('友商今天发布了新品，我们的工程师说这款产品其实是垃圾。'), []); // distance
		assert.deepEqual(hits('友商。垃圾'), []); // clause
	});

	it('negation, questions and quotations void a match', () => {
		assert.deepEqual(hits('友商不是骗子。'), []);
		assert.deepEqual(hits('Other brands are not scams.'), []);
		assert.deepEqual(hits('友商是骗子吗？'), []);
		assert.deepEqual(hits('有网友说“友商是骗子”，我们不认同。'), []);
		assert.deepEqual(hits('友商是骗子吗？', [spec(['target', 'bad'], { question: 'keep' })]), ['友商是骗子']);
		assert.deepEqual(hits('“友商是骗子”', [spec(['target', 'bad'], { quoted: 'keep' })]), ['友商是骗子']);
	});

	it('unordered patterns, `unless` classes and industries', () => {
		const s2 = scanner({ scope: ['行业', '全球'], lead: ['领先'], self: ['yet'] });
		const u = [spec(['scope', 'lead'], { ordered: false, within: 1 })];
		assert.deepEqual(s2('行业领先，领先全球。').match('t', u, 'general').map((m) => m.text), ['行业领先', '领先全球']);
		assert.deepEqual(s2('领先行业').match('t', [spec(['scope', 'lead'], { within: 1 })], 'general').map((m) => m.text), []);
		assert.deepEqual(s2('行业领先 yet').match('t', [spec(['scope', 'lead'], { unless: ['self'] })], 'general'), []);
		assert.deepEqual(s2('行业领先').match('t', [spec(['scope', 'lead'], { notInIndustries: ['medical'] })], 'medical'), []);
	});

	it('built-in tokens: percent, superlative, time', () => {
		const s3 = scanner({ germ: ['杀菌'], det: ['the'] });
		assert.deepEqual(s3('杀菌率 99.9%').match('t', [spec(['germ', '@percent'], { within: 6 })], 'general').map((m) => m.text), ['杀菌率 99.9%']);
		// -est words that are not superlatives (latest, interest) are data (absolute-terms.json `notSuperlative`).
		assert.deepEqual(s3('the fastest, the latest, the interest').match('t', [spec(['det', '@superlative'], { within: 1 })], 'general').map((m) => m.text), ['the fastest']);
		assert.ok(s3('预计 18:00 前恢复').has('@time'));
		assert.ok(s3('We will update within 24 hours').has('@time'));
		assert.ok(!s3('我们会尽快处理').has('@time'));
	});

	// A generous CPU budget, not a speed target: a quadratic walk over 40,000 tokens takes minutes.
	it('is linear: a long clause of tokens is matched without rescanning', () => {
		const long = '友商'.repeat(20000) + '垃圾'.repeat(20000);
		const t0 = process.cpuUsage();
		scan(long).match('t', p, 'general');
		const ms = (process.cpuUsage(t0).user) / 1000;
		assert.ok(ms < 5000, `${ms} ms`);
	});

	it('quotation spans: curly, corner, book-title and ASCII quotes; unclosed marks are ignored', () => {
		const t = '他说“好”，「对」，《书》，"ok"，“没关';
		assert.deepEqual(quoteSpans(t).map((s) => t.slice(s.start, s.end)), ['好', '对', '书', 'ok']);
	});
});

describe('judgment: post kinds', () => {
	before(() => setLanguage('en'));
	const rulesOf = (fm: string, body: string) => lint({ text: `---\n${fm}\n---\n${body}\n`, config: resolveConfig([]), matchedDraftGlob: true }).findings;

	it('front matter kind is read and checked', () => {
		const bad = rulesOf('platform: weibo\nkind: advert', '你好。');
		assert.ok(bad.some((f) => f.rule === 'front-matter' && /kind/.test(f.message)), JSON.stringify(bad));
		assert.equal(rulesOf('platform: weibo\nkind: charity', '每捐 10 元配 10 元，满 100 元再配 50 元。').filter((f) => f.rule === 'ad-disclosure').length, 0);
		assert.equal(rulesOf('platform: weibo', '每买 10 元送 10 元，满 100 元再减 50 元。').filter((f) => f.rule === 'ad-disclosure').length, 1);
	});

	it('news with a price and no way to buy is a note; with a coupon it is a warning', () => {
		const note = rulesOf('platform: weibo\nkind: news', '新品发布，售价 999 元。').filter((f) => f.rule === 'ad-disclosure');
		assert.deepEqual(note.map((f) => f.severity), ['info']);
		assert.ok(note[0].fixes?.every((x) => x.preferred === false), 'the label is offered, not applied');
		assert.deepEqual(rulesOf('platform: weibo\nkind: news', '新品发布，售价 999 元，领券再减 100 元。').filter((f) => f.rule === 'ad-disclosure').map((f) => f.severity), ['warning']);
	});
});

describe('judgment: one matcher per set of running rules', () => {
	before(() => setLanguage('en'));
	it('a rule run alone finds what it finds in a full lint (its matcher holds only its own lists)', () => {
		const config = resolveConfig([]);
		const ids = ['ad-absolute-terms', 'ad-guarantee', 'ad-disclosure', 'tone-hard-sell', 'tone-aggressive', 'tone-stonewall'];
		const key = (f: { rule: string; start: number; end: number; severity: string; message: string }) => `${f.rule} ${f.start} ${f.end} ${f.severity} ${f.message}`;
		for (const d of loadCorpus().slice(0, 200)) {
			const all = lint({ text: d.text, config, matchedDraftGlob: true }).findings.filter((f) => JUDGED(f.rule));
			for (const id of ids) {
				const alone = lint({ text: d.text, config, matchedDraftGlob: true, only: [id] }).findings;
				assert.deepEqual(alone.map(key), all.filter((f) => f.rule === id).map(key), `${d.id} ${id}`);
			}
		}
	});
});
