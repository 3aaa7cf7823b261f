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
});
