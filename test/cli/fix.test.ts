import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI_BUNDLE } from '../helpers/paths';
import { tempDir } from '../helpers/tmp';

function run(args: string[], cwd: string) {
	const r = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C' } });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI: check --fix', function () {
	this.timeout(20000);
	let dir: string;
	beforeEach(() => {
		dir = tempDir('fix-');
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
	const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
	const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
	const BAD = '---\nplatform: weibo\n---\n在LeanCloud上,数据存储花了5000元!!\n';
	const GOOD = '---\nplatform: weibo\n---\n在 LeanCloud 上，数据存储花了 5000 元！\n';

	it('rewrites a file with every fix applied, and reports what remains', () => {
		write('a.md', BAD);
		const r = run(['check', '--fix', 'a.md'], dir);
		assert.equal(r.code, 0, r.stderr);
		assert.equal(read('a.md'), GOOD);
		assert.match(r.stderr, /fixed a\.md/);
		assert.match(r.stdout, /1 drafts checked, no problems/);
	});

	it('leaves a file that needs no fix untouched (not even rewritten)', () => {
		write('ok.md', GOOD);
		const before = fs.statSync(path.join(dir, 'ok.md')).mtimeMs;
		// Make any rewrite visible in the modification time.
		fs.utimesSync(path.join(dir, 'ok.md'), new Date(0), new Date(0));
		const r = run(['check', '--fix', 'ok.md'], dir);
		assert.equal(r.code, 0);
		assert.equal(read('ok.md'), GOOD);
		assert.equal(fs.statSync(path.join(dir, 'ok.md')).mtimeMs, 0, `rewritten (was ${before})`);
		assert.doesNotMatch(r.stderr, /fixed/);
	});

	it('--dry-run prints a unified diff and writes nothing', () => {
		write('a.md', BAD);
		const r = run(['check', '--fix', '--dry-run', 'a.md'], dir);
		assert.equal(r.code, 0, r.stderr);
		assert.equal(read('a.md'), BAD);
		assert.equal(r.stdout.trim(), [
			'--- a/a.md',
			'+++ b/a.md',
			'@@ -1,4 +1,4 @@',
			' ---',
			' platform: weibo',
			' ---',
			'-在LeanCloud上,数据存储花了5000元!!',
			'+在 LeanCloud 上，数据存储花了 5000 元！',
		].join('\n'));
	});

	it('--dry-run on clean files prints nothing', () => {
		write('ok.md', GOOD);
		const r = run(['check', '--dry-run', 'ok.md'], dir);
		assert.equal(r.code, 0);
		assert.equal(r.stdout, '');
	});

	it('fixes respect the file\'s copydesk.json (exceptions, rules turned off)', () => {
		write('copydesk.json', JSON.stringify({ rules: { 'zh-spacing': { exceptions: ['豆瓣FM'] }, 'zh-punctuation': 'off' } }));
		write('b.md', '---\nplatform: weibo\n---\n用豆瓣FM听歌,很好\n');
		run(['check', '--fix', 'b.md'], dir);
		assert.equal(read('b.md'), '---\nplatform: weibo\n---\n用豆瓣FM 听歌,很好\n');
	});
});

describe('unifiedDiff', () => {
	it('produces hunks that git apply accepts (distant changes, a last line without newline)', () => {
		const { unifiedDiff } = require('../../server/src/cli/diff') as typeof import('../../server/src/cli/diff');
		const dir = tempDir('diff-');
		try {
			const lines = Array.from({ length: 40 }, (_, i) => `第${i}行`);
			const before = lines.join('\n');
			const after = lines.map((l, i) => (i === 2 ? '改了' : i === 30 ? '也改了' : l)).filter((_, i) => i !== 20).concat(['新的最后一行']).join('\n');
			fs.writeFileSync(path.join(dir, 'f.md'), before);
			const patch = unifiedDiff(before, after, 'a/f.md', 'b/f.md');
			assert.equal((patch.match(/^@@/gm) ?? []).length, 4, patch);
			fs.writeFileSync(path.join(dir, 'p.diff'), patch + '\n');
			const r = spawnSync('git', ['apply', '--unsafe-paths', '-p1', 'p.diff'], { cwd: dir, encoding: 'utf8' });
			assert.equal(r.status, 0, r.stderr);
			assert.equal(fs.readFileSync(path.join(dir, 'f.md'), 'utf8'), after);
			assert.equal(unifiedDiff(before, before, 'a', 'b'), '');
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
