/**
 * The per-post size cap (copydesk.json `maxPostSize`, `check --max-post-size`): a post over it is
 * one error at its marker and is neither checked nor counted; the other posts of the file are
 * checked as they would be without it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, parseConfigLayer, resolveConfig, rules } from '../../server/src/engine';
import { DEFAULT_MAX_POST_BYTES } from '../../server/src/engine/lint';
import { runCli } from '../helpers/cli';
import { makeTree } from '../helpers/tmp';

const knownRules = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));
const small = '新品发布,欢迎关注!!';
const file = (big: string) => `<!-- post platform=weibo -->\n${small}\n\n<!-- post platform=x -->\n${big}\n\n<!-- post platform=wechat -->\n${small}\n`;

describe('post size cap', () => {
	it('reports a post over the default cap once, at its marker, and checks the others as without it', () => {
		const big = '很长的正文，一行到底!!'.repeat(Math.ceil(DEFAULT_MAX_POST_BYTES / 30) + 10);
		const config = resolveConfig([]);
		const text = file(big);
		const r = lint({ text, config });
		const capped = r.findings.filter((f) => f.post === 1);
		assert.equal(capped.length, 1);
		assert.equal(capped[0].rule, 'file');
		assert.equal(capped[0].severity, 'error');
		assert.equal(text.slice(capped[0].start, capped[0].end), '<!-- post platform=x -->');
		assert.match(capped[0].message, /over the limit of 131072 bytes for one post: it was not checked/);
		// Nothing of it is counted; the other posts are checked exactly as in a file with a small post there.
		assert.deepEqual(r.targets.map((t) => t.post.index), [0, 2]);
		const plain = lint({ text: file(small), config });
		const of = (fs: typeof r.findings, post: number) => fs.filter((f) => f.post === post);
		assert.deepEqual(of(r.findings, 0), of(plain.findings, 0));
		const said = (fs: typeof r.findings) => fs.map((f) => [f.rule, f.message, f.fixes?.length ?? 0]);
		assert.deepEqual(said(of(r.findings, 2)), said(of(plain.findings, 2)));
		assert.ok(of(r.findings, 2).length > 0);
		assert.ok(plain.findings.some((f) => f.post === 1 && f.rule !== 'file'), 'the same post under the cap has findings of its own');
	});

	it('takes the cap from copydesk.json maxPostSize, and from the lint input over it', () => {
		const layer = parseConfigLayer('{ "maxPostSize": 100 }', 'copydesk.json', knownRules);
		assert.deepEqual(layer.problems, []);
		const config = resolveConfig([layer.layer!]);
		const text = file('正文'.repeat(40));
		assert.deepEqual(lint({ text, config }).findings.filter((f) => f.rule === 'file').map((f) => f.post), [1]);
		assert.deepEqual(lint({ text, config, maxPostBytes: 1000 }).findings.filter((f) => f.rule === 'file'), []);
	});

	it('refuses a maxPostSize that is not a positive whole number', () => {
		for (const bad of ['0', '-5', '1.5', '"1m"']) {
			const p = parseConfigLayer(`{ "maxPostSize": ${bad} }`, 'copydesk.json', knownRules);
			assert.equal(p.problems.length, 1, bad);
			assert.equal(p.layer!.extra?.maxPostSize, undefined);
		}
	});

	it('check --max-post-size overrides the config (and is checked)', () => {
		const dir = makeTree({ 'a.md': file('正文'.repeat(40)), 'copydesk.json': '{ "maxPostSize": 100 }' });
		const capped = runCli(['check', 'a.md', '--format', 'json'], dir);
		assert.equal(JSON.parse(capped.stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'file').length, 1);
		const raised = runCli(['check', 'a.md', '--format', 'json', '--max-post-size', '1k'], dir);
		assert.equal(JSON.parse(raised.stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'file').length, 0);
		assert.equal(runCli(['check', 'a.md', '--max-post-size', 'huge'], dir).code, 2);
	});

	it('--fix leaves a post over the cap as it is, and fixes it when --max-post-size takes it in', () => {
		const body = '新版App支持iOS系统，' + '正文'.repeat(40);
		const dir = makeTree({ 'a.md': `<!-- post platform=weibo -->\n${body}\n`, 'copydesk.json': '{ "maxPostSize": 100 }' });
		const read = () => fs.readFileSync(path.join(dir, 'a.md'), 'utf8');
		runCli(['check', 'a.md', '--fix'], dir);
		assert.ok(read().includes('新版App支持iOS'), 'not fixed over the cap');
		runCli(['check', 'a.md', '--fix', '--max-post-size', '1k'], dir);
		assert.ok(read().includes('新版 App 支持 iOS'), read());
	});
});
