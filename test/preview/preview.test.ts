import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinPlatforms, lint, resolveConfig, setLanguage } from '../../server/src/engine';
import { previewCsp, previewPage, renderPreviewBody } from '../../server/src/shared/previewHtml';
import { buildPreview, findHashtags, findTokens, foldMarker, type PreviewModel } from '../../server/src/preview/model';
import { ROOT } from '../helpers/paths';

const P = builtinPlatforms();
const preview = (text: string): PreviewModel => buildPreview(lint({ text, config: resolveConfig([]), matchedDraftGlob: true }));
const tags = (text: string, style: Parameters<typeof findHashtags>[1]) => findHashtags(text, style).map((t) => text.slice(t.start, t.end));

describe('preview: hashtags as each platform reads them', () => {
	it('Weibo: #话题# with a closing hash', () => {
		assert.deepEqual(tags('#新品发布# 今天 #第二个话题#', 'weibo'), ['#新品发布#', '#第二个话题#']);
		assert.deepEqual(tags('#没有闭合 的话题', 'weibo'), []);
	});

	it('X: #tag after a non-word character; a closed #话题# is not a hashtag', () => {
		assert.deepEqual(tags('New #Watch and #智能手表 today', 'x'), ['#Watch', '#智能手表']);
		assert.deepEqual(tags('#新品发布# on X', 'x'), []);
		assert.deepEqual(tags('a#tag #123 &#39;', 'x'), []);
	});

	it('Xiaohongshu: #话题[话题]# shows as #话题; Douyin: #话题 up to a space', () => {
		const text = '上手 #智能手表[话题]# #续航 好';
		const t = findHashtags(text, 'xiaohongshu');
		assert.deepEqual(t.map((x) => [text.slice(x.start, x.end), x.display]), [['#智能手表[话题]#', '#智能手表'], ['#续航', undefined]]);
		assert.deepEqual(tags('视频 #新品 #智能手表', 'douyin'), ['#新品', '#智能手表']);
	});

	it('WeChat has no hashtags', () => {
		assert.deepEqual(tags('#新品发布# #tag', 'none'), []);
	});

	it('links: Weibo shows 网页链接, X a shortened address; mentions follow the platform', () => {
		const text = '看 https://example.com/a/very/long/path/to/the/launch/page @品牌官方 @brand_x';
		const weibo = findTokens(text, P.weibo);
		assert.deepEqual(weibo.map((t) => [t.kind, t.display ?? text.slice(t.start, t.end)]), [['url', '网页链接'], ['mention', '@品牌官方'], ['mention', '@brand_x']]);
		const x = findTokens(text, P.x);
		assert.deepEqual(x.map((t) => [t.kind, t.display ?? text.slice(t.start, t.end)]), [['url', 'example.com/a/very/long/p…'], ['mention', '@brand_x']]);
		assert.deepEqual(findTokens(text, P.wechat).map((t) => t.kind), ['url']);
	});
});

describe('preview: fold and overflow', () => {
	afterEach(() => setLanguage('en'));

	it('a Weibo long post folds after 140 with …全文', () => {
		const body = `${'甲'.repeat(140)}${'乙'.repeat(60)}`;
		const m = preview(`---\nplatform: weibo\nmode: long\n---\n${body}\n`);
		const [c] = m.cards;
		assert.equal(c.foldMarker, '…全文');
		assert.equal(c.over, false);
		assert.deepEqual(c.segments.map((s) => [s.zone, s.text.length]), [['visible', 140], ['folded', 60]]);
		assert.equal(c.segments.map((s) => s.text).join(''), body);
	});

	it('marks the text past the limit, and a token cut by it moves whole', () => {
		const m = preview(`---\nplatform: weibo\n---\n${'甲'.repeat(138)}#话题# 乙乙\n`);
		const [c] = m.cards;
		assert.ok(c.over);
		assert.equal(c.foldMarker, undefined);
		assert.deepEqual(c.segments.map((s) => [s.kind, s.zone, s.text]), [
			['text', 'visible', '甲'.repeat(138)],
			['hashtag', 'overflow', '#话题#'],
			['text', 'overflow', ' 乙乙'],
		]);
	});

	it('LinkedIn folds with "…see more"; a platform without its own marker uses its locale\'s', () => {
		assert.equal(foldMarker(P.linkedin), '…see more');
		assert.equal(foldMarker({ locale: 'zh-CN' }), '…全文');
		assert.equal(foldMarker({ locale: 'en' }), '…see more');
	});

	it('one card per post and platform, with its own findings and fields', () => {
		const text = fs.readFileSync(path.join(ROOT, 'examples', 'campaign-launch.md'), 'utf8');
		const m = preview(text);
		assert.deepEqual(m.cards.map((c) => c.platform), ['weibo', 'x', 'wechat', 'xiaohongshu', 'linkedin']);
		const wechat = m.cards[2];
		assert.deepEqual(wechat.fields.map((f) => f.field), ['title', 'digest', 'author'].filter((f) => wechat.fields.some((x) => x.field === f)));
		assert.ok(wechat.fields.some((f) => f.field === 'digest' && f.limit === 128));
		assert.ok(m.cards[1].findings.some((f) => f.rule === 'platform-limit'));
		assert.ok(m.cards[0].segments.some((s) => s.kind === 'hashtag' && s.text === '#新品发布#'));
		assert.equal(text.slice(m.cards[1].offset, m.cards[1].offset + 9), '<!-- post');
	});

	it('labels follow the interface language', () => {
		setLanguage('zh-cn');
		const m = preview('---\nplatform: weibo\n---\n你好\n');
		assert.equal(m.lang, 'zh-cn');
		assert.equal(m.cards[0].platformName, '微博');
		assert.match(m.labels.noFindings, /没有问题/);
	});
});

describe('preview: HTML', () => {
	it('escapes draft text and renders tokens, the fold and the overflow', () => {
		const m = preview(`---\nplatform: weibo\nmode: long\n---\n<b>粗体</b> & #话题# ${'甲'.repeat(150)}\n`);
		const html = renderPreviewBody(m);
		assert.ok(!html.includes('<b>'), 'draft HTML is text');
		assert.match(html, /&lt;b&gt;粗体&lt;\/b&gt; &amp; <span class="tok hashtag">#话题#<\/span>/);
		assert.match(html, /<details class="fold" title="[^"]+"><summary>…全文<\/summary>甲+<\/details>/);
		const over = renderPreviewBody(preview(`---\nplatform: x\n---\n${'a'.repeat(290)}\n`));
		assert.match(over, /<mark class="overflow" title="[^"]+">a{10}<\/mark>/);
	});

	it('an empty model says how to make a draft', () => {
		const html = renderPreviewBody({ lang: 'en', cards: [], labels: { title: '', empty: 'No <posts>', overflow: '', folded: '', findings: '', noFindings: '', countOf: '' } });
		assert.equal(html, '<p class="empty">No &lt;posts&gt;</p>');
	});

	it('the page has a strict Content-Security-Policy: nothing remote, scripts and styles only by nonce', () => {
		const opts = { cspSource: 'vscode-webview://abc', nonce: 'n0nce123' };
		const csp = previewCsp(opts);
		assert.match(csp, /^default-src 'none';/);
		assert.match(csp, /script-src 'nonce-n0nce123'/);
		assert.ok(!/unsafe-inline|unsafe-eval|https?:|\*/.test(csp), csp);
		const page = previewPage(preview('---\nplatform: weibo\n---\n你好\n'), opts);
		const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((x) => x[0]);
		assert.deepEqual(scripts, ['<script nonce="n0nce123">']);
		assert.ok(!/\s(src|href)=/.test(page), 'loads nothing');
		assert.match(page, /--vscode-editor-background/);
	});
});
