import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { ROOT } from '../helpers/paths';

describe('CLI: tone and compliance', () => {
	it('the example shows each word-list rule, and not the lines written right', () => {
		const r = runCli(['check', 'examples/tone-and-compliance.md', '--format', 'json'], ROOT);
		assert.equal(r.code, 1, r.stderr);
		const diags = JSON.parse(r.stdout).diagnostics as { rule: string; line: number; severity: string; message: string }[];
		for (const id of ['ad-absolute-terms', 'ad-guarantee', 'tone-hard-sell', 'tone-stonewall']) {
			assert.ok(diags.some((d) => d.rule === id), id);
		}
		const lines = fs.readFileSync(path.join(ROOT, 'examples/tone-and-compliance.md'), 'utf8').split('\n');
		const lineOf = (s: string) => lines.findIndex((l) => l.includes(s)) + 1;
		// 第一步 and 最佳饮用时间 are a usage note; the apology that names an action and a time is fine.
		assert.deepEqual(diags.filter((d) => d.line === lineOf('第一步')).map((d) => d.message), []);
		assert.deepEqual(diags.filter((d) => d.line === lineOf('我们已定位原因')), []);
		// A health post: every absolute claim is an error.
		assert.ok(diags.some((d) => d.rule === 'ad-absolute-terms' && d.severity === 'error' && /销量第一/.test(d.message)));
	});
});
