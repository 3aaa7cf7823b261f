import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unifiedDiff } from '../../server/src/cli/diff';
import { CLI_BUNDLE, FIXTURES } from '../helpers/paths';
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
		assert.match(r.stdout, /1 draft checked, no problems/);
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
			'a.md:4: typography · zh-spacing · Add a space',
			'a.md:4: typography · zh-spacing · Add a space',
			'a.md:4: typography · zh-punctuation · Replace with "，"',
			'a.md:4: typography · zh-spacing · Add a space',
			'a.md:4: typography · zh-spacing · Add a space',
			'a.md:4: typography · zh-punctuation · Replace with "！"',
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

describe('CLI: check --fix-type, --rule, --quiet', function () {
	this.timeout(20000);
	let dir: string;
	beforeEach(() => {
		dir = tempDir('fixtype-');
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
	const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
	const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
	const runZh = (args: string[]) => {
		const r = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8' } });
		return { code: r.status, stdout: r.stdout, stderr: r.stderr };
	};
	const PROMO = '---\nplatform: weibo\n---\n新款笔记本到手价７９８８元，今晚8点开抢!!\n';

	it('--fix applies typography and syntax only: the price goes half-width, no ad label is added', () => {
		write('p.md', PROMO);
		const r = run(['check', '--fix', 'p.md'], dir);
		assert.equal(read('p.md'), '---\nplatform: weibo\n---\n新款笔记本到手价 7988 元，今晚 8 点开抢！\n');
		// The label is still reported (and offered as a fix), not applied.
		assert.match(r.stdout, /ad-disclosure/);
		assert.equal(r.code, 0, r.stderr);
	});

	it('--fix-type typography,syntax,content applies the label too; --dry-run names each change\'s kind', () => {
		write('p.md', PROMO);
		const dry = run(['check', '--fix', '--dry-run', '--fix-type', 'typography,syntax,content', 'p.md'], dir);
		assert.match(dry.stdout, /^p\.md:4: content · ad-disclosure · Add the label "【广告】"$/m);
		assert.match(dry.stdout, /^p\.md:4: typography · zh-punctuation · Replace with "7988"$/m);
		assert.match(dry.stdout, /^\+【广告】新款笔记本到手价 7988 元，今晚 8 点开抢！$/m);
		assert.equal(read('p.md'), PROMO);
		run(['check', '--fix', '--fix-type', 'content', 'p.md'], dir);
		assert.equal(read('p.md'), '---\nplatform: weibo\n---\n【广告】新款笔记本到手价７９８８元，今晚8点开抢!!\n');
	});

	it('--fix-type content splits a shared body whose labels clash, and says so', () => {
		write('s.md', '---\nplatforms: [weibo, x]\n---\n新款XPS 13限时优惠，到手价7988元，点击链接立即购买 https://dell.com/xps\n');
		const r = run(['check', '--fix', '--fix-type', 'typography,syntax,content', 's.md'], dir);
		assert.match(r.stderr, /s\.md: post 1 split into one post per platform/);
		assert.equal(read('s.md'), '---\nplatforms: [weibo, x]\n---\n<!-- post platform=weibo -->\n【广告】新款 XPS 13 限时优惠，到手价 7988 元，点击链接立即购买 https://dell.com/xps\n<!-- post platform=x -->\n新款XPS 13限时优惠，到手价7988元，点击链接立即购买 https://dell.com/xps #ad\n');
	});

	it('a post at its limit keeps its length: the lengthening fixes are left out, with one note', () => {
		const text = fs.readFileSync(path.join(FIXTURES, 'fix-all', 'weibo-at-limit.md'), 'utf8');
		write('w.md', text);
		const r = run(['check', '--fix', 'w.md'], dir);
		assert.equal(read('w.md'), text);
		assert.equal((r.stdout.match(/left out of fix-all/g) ?? []).length, 1, r.stdout);
		assert.match(r.stderr, /left out, it would take the post over its limit · zh-spacing/);
		const zh = runZh(['check', '--fix', 'w.md']);
		assert.match(zh.stdout, /未应用会加长此帖的修复/);
	});

	it('--fix --rule applies only that rule\'s fixes and reports only its findings', () => {
		write('a.md', '---\nplatform: weibo\n---\n在LeanCloud上,数据存储花了5000元!!\n');
		const r = run(['check', '--fix', '--rule', 'zh-punctuation', 'a.md'], dir);
		assert.equal(read('a.md'), '---\nplatform: weibo\n---\n在LeanCloud上，数据存储花了5000元！\n');
		assert.match(r.stdout, /no problems/);
		const rest = run(['check', '--rule', 'zh-spacing,zh-punctuation', 'a.md'], dir);
		assert.match(rest.stdout, /zh-spacing/);
		assert.doesNotMatch(rest.stdout, /zh-punctuation/);
	});

	it('--quiet reports errors only', () => {
		write('q.md', '---\nplatform: weibo\n---\n新款笔记本到手价7988元\n');
		const loud = run(['check', 'q.md'], dir);
		assert.match(loud.stdout, /warning/);
		const quiet = run(['check', '--quiet', 'q.md'], dir);
		assert.doesNotMatch(quiet.stdout, /warning|zh-spacing/);
		assert.equal(quiet.code, 0);
	});

	it('usage errors are clear, in both languages, and change nothing', () => {
		write('a.md', PROMO);
		for (const [args, en, zh] of [
			[['check', '--fix', '--fix-type', 'typo', 'a.md'], /unknown fix type 'typo'; use one or more of: typography, syntax, content/, /未知修复类型“typo”/],
			[['check', '--fix-type', 'content', 'a.md'], /--fix-type works with --fix or --dry-run/, /--fix-type 需要与 --fix 或 --dry-run 一起使用/],
			[['check', '--fix', '--rule', 'zh-spacin', 'a.md'], /unknown rule 'zh-spacin' in --rule/, /--rule 中的规则“zh-spacin”不存在/],
		] as const) {
			const r = run([...args], dir);
			assert.equal(r.code, 2, r.stderr);
			assert.match(r.stderr, en);
			const z = runZh([...args]);
			assert.equal(z.code, 2);
			assert.match(z.stderr, zh);
		}
		assert.equal(read('a.md'), PROMO);
	});
});

describe('unifiedDiff', () => {
	it('produces hunks that git apply accepts (distant changes, a last line without newline)', () => {
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
