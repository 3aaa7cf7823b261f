/**
 * One limit model (engine/limits.ts): a field with a recommended length and a hard limit (WeChat's
 * title 32/64, digest 120/128) is shown the same way and judged the same way by every surface —
 * CodeLens, status bar, hover, preview, report, `copydesk count` and `copydesk check` — and `count`
 * and `check` agree on the exit code.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	builtinPlatforms, countLabel, hoverAt, limitLabel, limitSeverity, limitState, lint, resolveConfig, setLanguage, statusAt, summarize,
} from '../../server/src/engine';
import { renderPreviewBody } from '../../server/src/shared/previewHtml';
import { buildPreview } from '../../server/src/preview/model';
import { buildReport } from '../../server/src/report/model';
import { renderHtml, renderMarkdown } from '../../server/src/report/render';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const P = builtinPlatforms();

describe('limit model: one judgment and one display', () => {
	afterEach(() => setLanguage('en'));

	it('the states: within, past the recommended length only, past a hard limit (characters or bytes)', () => {
		const title = { limit: 64, warn: 32 };
		assert.equal(limitState({ count: 32, ...title }), 'ok');
		assert.equal(limitState({ count: 33, ...title }), 'over-recommended');
		assert.equal(limitState({ count: 64, ...title }), 'over-recommended');
		assert.equal(limitState({ count: 65, ...title }), 'over');
		assert.equal(limitState({ count: 141, limit: 140 }), 'over');
		assert.equal(limitState({ count: 10, limit: 300, byteCount: 3001, byteLimit: 3000 }), 'over');
		assert.equal(limitState({ count: 121, warn: 120 }), 'over-recommended', 'a recommended length without a hard limit');
	});

	it('the label shows both where there are both, in both languages', () => {
		assert.equal(limitLabel(P.wechat.title!), '32 (max 64)');
		assert.equal(limitLabel(P.wechat.digest!), '120 (max 128)');
		assert.equal(limitLabel(P.weibo.body), '140');
		assert.equal(limitLabel({}), '∞');
		assert.equal(limitLabel({ warn: 64, limit: 64 }), '64', 'a recommended length equal to the limit is no second limit');
		assert.equal(countLabel({ count: 37, ...P.wechat.title! }), '37/32 (max 64)');
		setLanguage('zh-cn');
		assert.equal(countLabel({ count: 37, ...P.wechat.title! }), '37/32（上限 64）');
	});

	it('the severity follows platform-limit\'s: past the hard limit its own, past the recommended length a warning at most', () => {
		assert.equal(limitSeverity('over', undefined), 'error');
		assert.equal(limitSeverity('over-recommended', undefined), 'warning');
		assert.equal(limitSeverity('over', 'warning'), 'warning');
		assert.equal(limitSeverity('over-recommended', 'info'), 'info');
		assert.equal(limitSeverity('over', 'off'), undefined);
		assert.equal(limitSeverity('ok', 'error'), undefined);
	});
});

/** A WeChat article whose title (37) and digest (125) are past their recommended lengths but within the maximum. */
const TITLE_37 = '一年一度的开发者大会今天开幕我们带来了全新的云服务更快的数据库和新智能助手';
const DIGEST_125 = '本'.repeat(125);
const WECHAT = `---\nplatform: wechat\ntitle: ${TITLE_37}\ndigest: ${DIGEST_125}\n---\n正文内容。\n`;
const WECHAT_OVER = WECHAT.replace(TITLE_37, TITLE_37 + '并且'.repeat(14)); // 65: past the maximum

describe('limit model: every surface agrees on a WeChat title of 37 (recommended 32, max 64)', () => {
	afterEach(() => setLanguage('en'));
	const config = resolveConfig([]);

	it('the draft is what it claims', () => {
		assert.equal([...TITLE_37].length, 37);
		const r = lint({ text: WECHAT_OVER, config });
		assert.equal(r.targets[0].counts.find((c) => c.field === 'title')!.count, 65);
	});

	it('check: a warning that shows both limits; past the maximum an error', () => {
		const r = lint({ text: WECHAT, config });
		const limits = r.findings.filter((f) => f.rule === 'platform-limit').map((f) => [f.severity, f.message]);
		assert.deepEqual(limits, [
			['warning', 'WeChat Official Account title: 37/32 (max 64) (5 over the recommended length)'],
			['warning', 'WeChat Official Account digest: 125/120 (max 128) (5 over the recommended length)'],
		]);
		const over = lint({ text: WECHAT_OVER, config }).findings.filter((f) => f.rule === 'platform-limit');
		assert.deepEqual(over.map((f) => [f.severity, f.message])[0], ['error', 'WeChat Official Account title: 65/32 (max 64) (1 over the maximum)']);
	});

	it('CodeLens, status bar and hover', () => {
		const r = lint({ text: WECHAT, config });
		assert.equal(summarize(r)[0].title, 'WeChat Official Account 5/20000 title 37/32 (max 64) digest 125/120 (max 128) · Han 100%');
		assert.equal(statusAt(r, WECHAT.indexOf('正文'))!.text, 'WeChat Official Account 5/20000');
		// With the cursor on the title or the digest, the status bar counts that field.
		assert.deepEqual(statusAt(r, WECHAT.indexOf(TITLE_37) + 3), {
			text: 'WeChat Official Account title 37/32 (max 64)', over: false,
			tooltip: 'Copydesk: the post under the cursor counts 37 of 32 (max 64) on WeChat Official Account title.',
		});
		assert.equal(statusAt(r, WECHAT.indexOf(DIGEST_125))!.text, 'WeChat Official Account digest 125/120 (max 128)');
		assert.equal(statusAt(lint({ text: WECHAT_OVER, config }), WECHAT_OVER.indexOf(TITLE_37))!.over, true);
		const hover = hoverAt(r, WECHAT.indexOf(TITLE_37) + 2)!.markdown;
		assert.match(hover, /\*\*WeChat Official Account title\*\*: 37\/32 \(max 64\)/);
		assert.match(hover, /Recommended length: developers\.weixin\.qq\.com/);
		assert.match(hover, /Maximum: Official Account editor/);
	});

	it('preview: both limits, in the warning colour (not the error colour)', () => {
		const card = buildPreview(lint({ text: WECHAT, config })).cards[0];
		const title = card.fields.find((f) => f.field === 'title')!;
		assert.deepEqual([title.limitText, title.state, title.over], ['32 (max 64)', 'over-recommended', false]);
		const html = renderPreviewBody(buildPreview(lint({ text: WECHAT, config })));
		assert.match(html, /<span class="count warn">37\/32 \(max 64\)<\/span>/);
		assert.match(renderPreviewBody(buildPreview(lint({ text: WECHAT_OVER, config }))), /<span class="count over">65\/32 \(max 64\)<\/span>/);
	});

	it('report: both limits; ⚠ over the recommended length, not ✖ over', () => {
		const report = buildReport([{ file: 'a.md', text: WECHAT, result: lint({ text: WECHAT, config }) }], 'T');
		const md = renderMarkdown(report);
		assert.match(md, /\| WeChat Official Account \| title \| 37\/32 \(max 64\) \| ⚠ over the recommended length \|/);
		assert.match(md, /\| WeChat Official Account \| digest \| 125\/120 \(max 128\) \| ⚠ over the recommended length \|/);
		assert.match(renderHtml(report), /<span class="warning">⚠ over the recommended length<\/span>/);
		const over = renderMarkdown(buildReport([{ file: 'a.md', text: WECHAT_OVER, result: lint({ text: WECHAT_OVER, config }) }], 'T'));
		assert.match(over, /\| WeChat Official Account \| title \| 65\/32 \(max 64\) \| ✖ over \|/);
	});

	it('count and check agree: exit 0 past the recommended length, 1 past the maximum; the same display', () => {
		const dir = tempDir('limits-');
		fs.writeFileSync(path.join(dir, 'ok.md'), WECHAT);
		fs.writeFileSync(path.join(dir, 'over.md'), WECHAT_OVER);
		const count = runCli(['count', 'ok.md'], dir);
		const check = runCli(['check', 'ok.md'], dir);
		assert.deepEqual([count.code, check.code], [0, 0], count.stdout + check.stdout);
		assert.match(count.stdout, /WeChat Official Account title: 37\/32 \(max 64\) ⚠ over the recommended length/);
		assert.match(count.stdout, /WeChat Official Account digest: 125\/120 \(max 128\) ⚠ over the recommended length/);
		assert.match(check.stdout, /37\/32 \(max 64\) \(5 over the recommended length\)/);
		const json = JSON.parse(runCli(['count', 'ok.md', '--format', 'json'], dir).stdout).counts.find((r: { field: string }) => r.field === 'title');
		assert.deepEqual([json.limit, json.recommended, json.state, json.valid, json.severity], [64, 32, 'over-recommended', true, 'warning']);
		const countOver = runCli(['count', 'over.md'], dir);
		const checkOver = runCli(['check', 'over.md'], dir);
		assert.deepEqual([countOver.code, checkOver.code], [1, 1]);
		assert.match(countOver.stdout, /title: 65\/32 \(max 64\) ✖ over/);
		// With platform-limit as a warning, neither fails.
		fs.writeFileSync(path.join(dir, 'copydesk.json'), JSON.stringify({ rules: { 'platform-limit': 'warning' } }));
		assert.deepEqual([runCli(['count', 'over.md'], dir).code, runCli(['check', 'over.md'], dir).code], [0, 0]);
	});

	it('in Chinese: the same model', () => {
		setLanguage('zh-cn');
		const r = lint({ text: WECHAT, config });
		assert.match(summarize(r)[0].title, /标题 37\/32（上限 64） 摘要 125\/120（上限 128）/);
		assert.ok(r.findings.some((f) => f.message === '微信公众号 标题：37/32（上限 64）（超出建议长度 5）'), JSON.stringify(r.findings.map((f) => f.message)));
	});

	it('`copydesk platforms` lists both the same way', () => {
		const out = runCli(['platforms'], tempDir('limits-')).stdout;
		assert.match(out, /title 32 \(max 64\) · digest 120 \(max 128\)/);
	});
});
