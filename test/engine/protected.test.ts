import * as assert from 'node:assert/strict';
import { findHashtags } from '../../server/src/engine/social';
import { findProtected, spanAt, spanEndingAt, touchesProtected, type ProtectedKind } from '../../server/src/engine/protected';

function kinds(text: string, exceptions?: string[]): string[] {
	return findProtected(text, { exceptions }).map((s) => `${s.kind}:${s.text}`);
}

describe('protected spans', () => {
	const cases: [string, ProtectedKind, string][] = [
		['访问 https://leancloud.cn/docs?a=1, 了解', 'url', 'https://leancloud.cn/docs?a=1'],
		['发邮件到 hi.there@example.com.', 'email', 'hi.there@example.com'],
		['关注@小明，谢谢', 'mention', '@小明'],
		['cc @alice@mastodon.social now', 'mention', '@alice@mastodon.social'],
		['参与#新品发布#活动', 'topic', '#新品发布#'],
		['today #launch day', 'hashtag', '#launch'],
		['围绕`AVObject`进行', 'code', '`AVObject`'],
		['版本v2.0.1发布', 'number', 'v2.0.1'],
		['续航5000mAh，', 'number', '5000mAh'],
		['涨了15%，', 'number', '15%'],
		['角度为90°的角', 'number', '90°'],
		['时间10:30开始', 'number', '10:30'],
		['价格¥1,000起', 'number', '¥1,000'],
		['快了3.5倍', 'number', '3.5'],
		['他说"Stay hungry, stay foolish."然后', 'quote', '"Stay hungry, stay foolish."'],
		['他说“Stay hungry, stay foolish.”然后', 'quote', '“Stay hungry, stay foolish.”'],
		['用豆瓣FM听歌', 'exception', '豆瓣FM'],
		['好开心:)', 'emoticon', ':)'],
		['[官网](https://x.com)了解', 'link', '](https://x.com)'],
		['1. 打开设置', 'markup', '1.'],
		['报名https://example.com/活动/报名页面.html?来源=微博#第二步，今天', 'url', 'https://example.com/活动/报名页面.html?来源=微博#第二步'],
		['https://zh.wikipedia.org/wiki/网页浏览器列表#基於WebKit排版引擎', 'url', 'https://zh.wikipedia.org/wiki/网页浏览器列表#基於WebKit排版引擎'],
		['详见dell.com.cn/xps了解', 'url', 'dell.com.cn/xps'],
		['官网www.Dell.com，', 'url', 'www.Dell.com'],
		['太赞了//@戴尔中国:周五见', 'reply', '//@戴尔中国:'],
		['回复 @小王：已私信你', 'reply', '回复 @小王：'],
		['＃618狂欢＃今晚', 'topic', '＃618狂欢＃'],
		['Apple Inc.发布', 'abbreviation', 'Inc.'],
		['前面U.S.A.后面', 'abbreviation', 'U.S.A.'],
		['例如e.g.手机', 'abbreviation', 'e.g.'],
		['来自Yahoo!的文档', 'name', 'Yahoo!'],
		['以及.NET开发', 'name', '.NET'],
		['学习C++的人', 'name', 'C++'],
		['有100+的选择', 'word', '100+'],
		['得到一个D-的结果', 'word', 'D-'],
		['气温是-5度', 'number', '-5'],
		['打+886这个号码', 'number', '+886'],
	];
	for (const [text, kind, span] of cases) {
		it(`${kind}: ${text}`, () => {
			assert.ok(kinds(text, ['豆瓣FM']).includes(`${kind}:${span}`), JSON.stringify(kinds(text, ['豆瓣FM'])));
		});
	}

	it('keeps a fenced code block whole, and nothing inside it is anything else', () => {
		const text = '看代码：\n```js\nconst a = 1, b = "Hello, world.";\n```\n好';
		assert.deepEqual(kinds(text), ['code:```js\nconst a = 1, b = "Hello, world.";\n```']);
	});
	it('does not protect Chinese inside quotes or corner brackets', () => {
		assert.deepEqual(kinds('她说「喵」？他说"你好,世界"'), []);
	});
	it('spans are sorted and never overlap (a URL with an @ inside stays one URL)', () => {
		const spans = findProtected('看 https://mastodon.social/@alice/1 和 `x@y.com` 以及 #话题# 3.5');
		assert.deepEqual(spans.map((s) => s.kind), ['url', 'code', 'topic', 'number']);
		for (let i = 1; i < spans.length; i++) {
			assert.ok(spans[i - 1].end <= spans[i].start);
		}
	});
	it('a colon before a bracketed phrase is no frown emoticon', () => {
		assert.deepEqual(kinds('发布了:(新品)来了'), []);
		assert.deepEqual(kinds('好难过:( 下次吧'), ['emoticon::(']);
	});
	it('an exception of the empty string or a non-string is ignored', () => {
		assert.deepEqual(kinds('豆瓣FM', ['', 3 as unknown as string]), []);
	});
	it('hashtags: a topic wins over the hashtag at the same #; C# is no hashtag', () => {
		assert.deepEqual(findHashtags('#新品# #tag C# &#35;', 'any').map((s) => `${s.kind}:${s.text}`), ['topic:#新品#', 'hashtag:#tag']);
		// Two X hashtags with English between them are not one topic.
		assert.deepEqual(findHashtags('#one and two# x', 'any').map((s) => s.text), ['#one']);
	});
	it('spanAt, spanEndingAt and touchesProtected', () => {
		const text = '在 https://a.com/x 上';
		const spans = findProtected(text);
		const u = spans[0];
		assert.equal(spanAt(spans, u.start), u);
		assert.equal(spanAt(spans, u.end), undefined);
		assert.equal(spanEndingAt(spans, u.end), u);
		assert.equal(touchesProtected(spans, u.start, u.start), false, 'insertion at the start edge');
		assert.equal(touchesProtected(spans, u.end, u.end), false, 'insertion at the end edge');
		assert.equal(touchesProtected(spans, u.start + 1, u.start + 1), true, 'insertion inside');
		assert.equal(touchesProtected(spans, u.end - 1, u.end + 1), true, 'replacement overlapping');
		assert.equal(touchesProtected(spans, 0, u.start), false, 'replacement before');
	});

	it('links: a link followed by Chinese ends where its path does not go on; hosts and file names are no IRIs', () => {
		assert.deepEqual(kinds('访问https://example.com了解更多').filter((k) => k.startsWith('url')), ['url:https://example.com']);
		assert.deepEqual(kinds('访问https://example.com/docs了解更多').filter((k) => k.startsWith('url')), ['url:https://example.com/docs']);
		assert.deepEqual(kinds('用Node.js和config.json，a..com，-a.com').filter((k) => k.startsWith('url')), []);
		assert.deepEqual(kinds('发邮件到 hi@dell.com.cn').map((k) => k.split(':')[0]), ['email']);
	});

	it('a # inside an IRI or a bare domain is no hashtag; a topic with a full-width mark holds no sentence punctuation', () => {
		assert.deepEqual(findHashtags('见 https://example.com/活动页#报名 和 dell.com.cn/#faq', 'any'), []);
		assert.deepEqual(findHashtags('新品 #CES2026。＃618狂欢＃', 'any').map((t) => t.text), ['#CES2026', '＃618狂欢＃']);
	});

	it('a hyphen after a number and a date unit is a range, not a sign', () => {
		assert.deepEqual(kinds('5月1日-5月3日').filter((k) => k.startsWith('number')), ['number:5', 'number:1', 'number:5', 'number:3']);
		assert.deepEqual(kinds('10点-12点').filter((k) => k.startsWith('number')), ['number:10', 'number:12']);
	});

	it('configured abbreviations and names are protected with the built-in ones', () => {
		assert.deepEqual(findProtected('Acme Bhd.和Yum!', { abbreviations: ['Bhd.'], names: ['Yum!'] }).map((s) => `${s.kind}:${s.text}`), ['abbreviation:Bhd.', 'name:Yum!']);
		assert.deepEqual(findProtected('Acme Bhd.的新品').map((s) => s.kind), []);
	});
});
