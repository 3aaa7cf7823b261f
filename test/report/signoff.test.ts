/**
 * The report a reviewer signs off on: the copy as each platform shows it (fold, overflow, finding
 * marks at their place), only the fields a platform has, status and approvedBy, the facts table,
 * and an HTML page that escapes every piece of the copy.
 */
import * as assert from 'node:assert/strict';
import { lint, resolveConfig, setLanguage } from '../../server/src/engine';
import { buildReport } from '../../server/src/report/model';
import { renderHtml, renderMarkdown } from '../../server/src/report/render';

const TEXT = [
	'---',
	'title: 新品发布',
	'status: review',
	'---',
	'<!-- post platform=weibo mode=long -->',
	`3月15日发布，售价 ¥6,999。${'好'.repeat(150)}`,
	'',
	'<!-- post platform=wechat status=approved approvedBy=王编辑 -->',
	'3 月 15 日发布，售价 6999 元。<b>粗体</b>',
	'',
	'<!-- post platform=x locale=en -->',
	'On sale March 16, ¥6,999. ![](watch.png)',
	'',
].join('\n');

describe('sign-off report', () => {
	before(() => setLanguage('en'));
	const result = lint({ text: TEXT, config: resolveConfig([]), matchedDraftGlob: true });
	const report = buildReport([{ file: 'launch.md', text: TEXT, result }], 'T');
	const [weibo, wechat, x] = report.files[0].posts;

	it('shows a title only on the platform that has one', () => {
		assert.equal(weibo.title, undefined);
		assert.deepEqual(weibo.targets[0].shownFields, []);
		assert.equal(wechat.title, '新品发布');
		assert.deepEqual(wechat.targets[0].shownFields.map((f) => [f.field, f.text]), [['title', '新品发布']]);
		assert.doesNotMatch(renderMarkdown(report).split('### Post 1')[1].split('### Post 2')[0], /title/);
	});

	it('marks the fold on the copy and numbers each finding where it starts', () => {
		const copy = weibo.targets[0].copy;
		assert.ok(copy.some((s) => s.zone === 'folded'), 'the long Weibo post folds after 140');
		assert.equal(weibo.targets[0].foldMarker, '…全文');
		const xCopy = x.targets[0].copy;
		const marked = xCopy.find((s) => s.marks?.length);
		const cc = x.findings.find((f) => f.rule === 'campaign-consistency')!;
		assert.ok(marked && marked.marks!.includes(cc.n!), 'the mismatch is marked in the copy');
		assert.ok(marked!.text.startsWith('March 16'), `marked at "${marked!.text}"`);
	});

	it('shows status and approver per post, and counts approved posts', () => {
		assert.deepEqual([weibo.status, wechat.status, wechat.approvedBy, x.status], ['review', 'approved', '王编辑', 'review']);
		assert.deepEqual(report.summary.byStatus, { draft: 0, review: 2, approved: 1 });
		assert.match(renderMarkdown(report), /Review status: Approved by 王编辑/);
	});

	it('has a facts table with one row per fact and one column per variant', () => {
		const t = report.files[0].facts!;
		assert.deepEqual(t.columns.map((c) => c.label), ['post 1 (Weibo)', 'post 2 (WeChat Official Account)', 'post 3 (X)']);
		const date = t.rows.find((r) => r.kind === 'date')!;
		assert.deepEqual(date.cells, [{ text: '3月15日', odd: false }, { text: '3 月 15 日', odd: false }, { text: 'March 16', odd: true }]);
		const price = t.rows.find((r) => r.kind === 'price')!;
		assert.deepEqual(price.cells.map((c) => c.odd), [false, false, false]);
	});

	it('lists the images and escapes the copy in HTML', () => {
		assert.deepEqual(x.images.map((i) => [i.src, i.alt]), [['watch.png', '']]);
		const html = renderHtml(report);
		assert.doesNotMatch(html, /<b>粗体<\/b>/);
		assert.match(html, /&lt;b&gt;粗体&lt;\/b&gt;/);
		assert.match(html, /<div class="variants">/);
		assert.match(html, /class="badge approved"/);
	});
});
