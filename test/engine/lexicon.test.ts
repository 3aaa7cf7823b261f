import * as assert from 'node:assert/strict';
import { Lexicon, foldText, wordListLexicon, type WordList } from '../../server/src/engine/lexicon';

const lex = (terms: (string | [string, string[]])[]) => new Lexicon(terms.map((t) => typeof t === 'string'
	? { term: t, value: t } : { term: t[0], except: t[1], value: t[0] }));
const spans = (l: Lexicon<string>, text: string) => l.find(text).map((h) => [h.start, h.end, h.text]);

describe('lexicon', () => {
	it('finds Chinese terms as substrings with UTF-16 offsets', () => {
		const l = lex(['最佳', '国家级']);
		assert.deepEqual(spans(l, '😀本品最佳，国家级认证'), [[4, 6, '最佳'], [7, 10, '国家级']]);
	});

	it('prefers the longest term at a position and does not overlap', () => {
		const l = lex(['第一', '销量第一', '最高', '最高级']);
		assert.deepEqual(spans(l, '销量第一的最高级'), [[0, 4, '销量第一'], [5, 8, '最高级']]);
	});

	it('skips a hit inside an exception phrase, before or after the term', () => {
		const l = lex([['第一', ['第一步', '第一时间', '客户第一']], ['最好', ['最好先', '追求最好']]]);
		assert.deepEqual(spans(l, '第一步，第一时间，客户第一，追求最好，最好先问医生'), []);
		assert.deepEqual(spans(l, '行业第一，最好的选择'), [[2, 4, '第一'], [5, 7, '最好']]);
	});

	it('falls back to a shorter term when the longer one is excepted', () => {
		const l = lex([['最佳', []], ['最佳使用', ['最佳使用时间']]]);
		assert.deepEqual(spans(l, '最佳使用时间'), [[0, 2, '最佳']]);
	});

	it('matches English case-insensitively on word boundaries', () => {
		const l = lex(['best in the world', 'no. 1', 'the only']);
		assert.deepEqual(spans(l, 'The BEST in the World, No.1 and NO.  1; the only one'), [
			[4, 21, 'BEST in the World'], [23, 27, 'No.1'], [32, 38, 'NO.  1'], [40, 48, 'the only'],
		]);
		assert.deepEqual(spans(l, 'No. 10, bestin the world, breathe only, no. 1a'), []);
	});

	it('lets a term space match a line break and full-width text fold', () => {
		const l = lex(['no. 1', 'act now']);
		assert.deepEqual(spans(l, 'ＮＯ．１\nAct\nnow'), [[0, 4, 'ＮＯ．１'], [5, 12, 'Act\nnow']]);
	});

	it('matches a Latin term next to Chinese text', () => {
		assert.deepEqual(spans(lex(['no.1']), '销量NO.1品牌'), [[2, 6, 'NO.1']]);
	});

	it('folds without changing length', () => {
		const s = 'ＡＢＣ　’Don’t’ 中文';
		assert.equal(foldText(s).length, s.length);
		assert.equal(foldText(s), "abc 'don't' 中文");
	});

	it('can be case-sensitive', () => {
		const l = new Lexicon([{ term: 'Apple', value: 1 }], { caseSensitive: true });
		assert.equal(l.find('apple Apple').length, 1);
	});

	it('ignores empty terms and counts distinct ones', () => {
		const l = lex(['', '  ', 'a b', 'A  B']);
		assert.equal(l.size, 1);
	});

	it('handles a large text with many terms', () => {
		const terms = Array.from({ length: 2000 }, (_, i) => `词${i}号`);
		const l = lex(terms);
		const text = '普通文字，没有命中。'.repeat(50000) + '词1999号';
		const hits = l.find(text);
		assert.equal(hits.length, 1);
		assert.equal(hits[0].start, text.length - 6);
	});

	it('compiles word lists with category defaults and {term} exceptions', () => {
		const list: WordList = {
			categories: [{
				id: 'rank', label: { en: 'Rank', 'zh-cn': '排名' }, severity: 'warning', basis: ['ad-law-9'],
				except: ['{term}步'], suggest: ['领先'],
				entries: ['第一', { term: '最佳', severity: 'error', suggest: ['优秀'], except: ['最佳使用时间'] }],
			}],
		};
		const l = wordListLexicon(list);
		const hits = l.find('第一步 第一 最佳使用时间 最佳');
		assert.deepEqual(hits.map((h) => [h.text, h.value.severity, h.value.suggest[0], h.value.category.id]), [
			['第一', 'warning', '领先', 'rank'], ['最佳', 'error', '优秀', 'rank'],
		]);
	});
});
