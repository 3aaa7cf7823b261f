import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, resolveConfig, setLanguage, type LintResult } from '../../server/src/engine';
import { buildReport, type ReportInput } from '../../server/src/report/model';
import { renderHtml, renderMarkdown } from '../../server/src/report/render';
import { runCli } from '../helpers/cli';
import { ROOT } from '../helpers/paths';
import { tempDir } from '../helpers/tmp';

const EXAMPLES = path.join(ROOT, 'examples');

function input(file: string, text: string, extra?: Partial<LintResult>): ReportInput {
	const result = lint({ text, config: resolveConfig([]), matchedDraftGlob: true });
	return { file, text, result: { ...result, ...extra } };
}

const CAMPAIGN = [
	'---',
	'title: 新品',
	'---',
	'<!-- post platform=weibo -->',
	`#新品# ${'好'.repeat(150)}`,
	'',
	'<!-- post platform=x locale=en -->',
	'Our new watch is here <script>alert(1)</script> & more.',
	'',
].join('\n');

describe('campaign report model', () => {
	afterEach(() => setLanguage('en'));

	it('gives each post its platforms, counts, limits, Han share and findings', () => {
		const r = buildReport([input('c.md', CAMPAIGN)], 'T');
		const [weibo, x] = r.files[0].posts;
		assert.equal(weibo.line, 4);
		assert.deepEqual(weibo.targets.map((t) => [t.platform, t.fits]), [['weibo', false]]);
		assert.deepEqual(weibo.targets[0].fields[0], { field: 'body', count: 154, limit: 140, over: true, state: 'over' });
		assert.equal(weibo.hanPercent, 100);
		assert.ok(weibo.findings.some((f) => f.rule === 'platform-limit' && f.severity === 'error' && f.line === 5));
		assert.equal(x.hanPercent, undefined, 'no Han share for an English post');
		assert.ok(x.targets[0].fits);
	});

	it('sums up files, posts, limits, severities, rules and platforms', () => {
		const r = buildReport([input('c.md', CAMPAIGN), input('d.md', '---\nplatform: weibo\n---\n短文。\n')], 'T');
		assert.equal(r.summary.files, 2);
		assert.equal(r.summary.posts, 3);
		assert.equal(r.summary.targets, 3);
		assert.equal(r.summary.over, 1);
		assert.equal(r.summary.bySeverity.error, 1);
		assert.deepEqual(r.summary.byPlatform.map((p) => [p.platform, p.posts, p.over]), [['weibo', 2, 1], ['x', 1, 0]]);
		assert.equal(r.summary.byRule.find((x) => x.rule === 'platform-limit')?.count, 1);
	});

	it('lists the exceptions with their reasons, and counts those without one', () => {
		const text = CAMPAIGN;
		const at = text.indexOf('Our new');
		const exceptions = [
			{ rules: ['cjk-density'], reason: 'English post by design', start: at },
			{ rule: 'platform-limit', reason: '', line: 5, post: 0 },
			{ bogus: true },
			null,
		];
		const r = buildReport([input('c.md', text, { exceptions } as unknown as Partial<LintResult>)], 'T');
		assert.deepEqual(r.files[0].posts[1].exceptions, [{ rules: ['cjk-density'], reason: 'English post by design', line: 8, post: 1 }]);
		assert.deepEqual(r.files[0].posts[0].exceptions, [{ rules: ['platform-limit'], reason: '', line: 5, post: 0 }]);
		assert.equal(r.summary.exceptions, 3);
		assert.equal(r.summary.unexplained, 2);
		const md = renderMarkdown(r);
		assert.match(md, /`cjk-density` — line 8: English post by design/);
		assert.match(md, /`platform-limit` — line 5: \*\*no reason given\*\*/);
	});
});

describe('campaign report: real disable comments', () => {
	afterEach(() => setLanguage('en'));

	it('shows a directive the engine parsed, with its reason and what it hid', () => {
		const text = [
			'<!-- post platform=weibo -->',
			'<!-- copydesk-disable-next-line platform-limit -- the long version is approved by legal -->',
			`#新品# ${'好'.repeat(150)}`,
			'',
			'<!-- post platform=x locale=en -->',
			'<!-- copydesk-disable cjk-density -->',
			'Our new watch is here.',
			'',
		].join('\n');
		const r = buildReport([input('c.md', text)], 'T');
		assert.deepEqual(r.files[0].posts[0].exceptions, [{ rules: ['platform-limit'], reason: 'the long version is approved by legal', line: 2, post: 0, suppressed: 1 }]);
		assert.deepEqual(r.files[0].posts[0].findings.filter((f) => f.rule === 'platform-limit'), [], 'the finding is hidden');
		assert.deepEqual(r.files[0].posts[1].exceptions, [{ rules: ['cjk-density'], reason: '', line: 6, post: 1, suppressed: 0, stale: true }]);
		assert.equal(r.summary.exceptions, 2);
		assert.equal(r.summary.unexplained, 1);
		assert.ok(r.files[0].posts[1].findings.some((f) => f.rule === 'disable-reason'), 'the exception without a reason is flagged');
		const md = renderMarkdown(r);
		assert.match(md, /`platform-limit` — line 2: the long version is approved by legal \(hid 1\)/);
		assert.match(renderHtml(r), /approved by legal <span class="meta">\(hid 1\)<\/span>/);
		assert.match(md, /`cjk-density` — line 6: \*\*no reason given\*\* \(hid 0: remove it\)/);
		assert.ok(r.files[0].posts[1].findings.some((f) => f.rule === 'disable-reason' && /hides nothing/.test(f.message)), 'the stale exception is the finding');
		assert.match(renderHtml(r), /<span class="meta">\(hid 0: remove it\)<\/span>/);
	});
});

describe('campaign report rendering', () => {
	afterEach(() => setLanguage('en'));

	it('Markdown: a summary on top, then a section per file and post', () => {
		const md = renderMarkdown(buildReport([input('c.md', CAMPAIGN)], 'Launch'));
		const lines = md.split('\n');
		assert.equal(lines[0], '# Launch');
		assert.ok(md.indexOf('## Summary') < md.indexOf('## c.md'));
		assert.match(md, /\| Weibo \| body \| 154\/140 \| ✖ over \|/);
		assert.match(md, /\| X \| body \| \d+\/280 \| ✔ fits \|/);
		assert.match(md, /Han share: 100%/);
		// Draft text cannot inject markup.
		assert.ok(!md.includes('<script>'));
	});

	it('HTML: self-contained, no scripts, all draft text escaped', () => {
		const html = renderHtml(buildReport([input('c<1>.md', CAMPAIGN)], 'A & B'));
		assert.match(html, /^<!DOCTYPE html>/);
		assert.ok(!/<script/i.test(html), 'no script element');
		assert.ok(!/(src|href)=/i.test(html), 'nothing loaded from elsewhere');
		assert.match(html, /<style>/);
		assert.match(html, /<title>A &amp; B<\/title>/);
		assert.match(html, /<h2>c&lt;1&gt;\.md<\/h2>/);
		assert.match(html, /<html lang="en">/);
	});

	it('HTML carries a Content-Security-Policy when asked', () => {
		const html = renderHtml(buildReport([], 'T'), { csp: "default-src 'none'" });
		assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;">/);
		assert.match(html, /No drafts found\./);
	});

	it('speaks Chinese', () => {
		setLanguage('zh-cn');
		const r = buildReport([input('c.md', CAMPAIGN)], '报告');
		const html = renderHtml(r);
		assert.match(html, /<html lang="zh-CN">/);
		assert.match(html, /概览/);
		assert.match(html, /汉字占比：100%/);
		assert.match(renderMarkdown(r), /\| 微博 \| 正文 \| 154\/140 \| ✖ 超限 \|/);
	});
});

describe('copydesk report', () => {
	it('reports the campaign examples in Markdown', () => {
		const r = runCli(['report', 'campaign-launch.md'], EXAMPLES);
		assert.equal(r.code, 0, r.stderr);
		assert.match(r.stdout, /^# Copydesk campaign report/);
		for (const name of ['Weibo', 'X', 'WeChat Official Account', 'Xiaohongshu \\(RED\\)', 'LinkedIn']) {
			assert.match(r.stdout, new RegExp(`### Post \\d \\(line \\d+\\) — ${name}\\n`), name);
		}
		assert.match(r.stdout, /\| WeChat Official Account \| digest \| \d+\/120 \(max 128\) \| ✔ fits \|/);
	});

	it('writes HTML to a file with -o and reports in Chinese with --lang', () => {
		const out = path.join(tempDir('report-'), 'r.html');
		const r = runCli(['report', '.', '--format', 'html', '-o', out, '--lang', 'zh-CN'], EXAMPLES);
		assert.equal(r.code, 0, r.stderr);
		assert.match(r.stderr, /篇帖子的报告已写入/);
		const html = fs.readFileSync(out, 'utf8');
		assert.match(html, /发布计划报告/);
		assert.match(html, /weibo-long\.md/);
		assert.match(html, /drafts\/customer-reply\.txt/);
	});

	it('rejects an unknown format and a path that matches nothing', () => {
		assert.equal(runCli(['report', '.', '--format', 'pdf'], EXAMPLES).code, 2);
		const r = runCli(['report', 'missing/*.md'], EXAMPLES);
		assert.equal(r.code, 2);
		assert.match(r.stderr, /no file matches/);
	});
});
