import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinPlatforms, countText } from '../../server/src/engine';
import { CLI_BUNDLE, ROOT } from '../helpers/paths';
import { tempDir } from '../helpers/tmp';

function run(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
	const r = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
		cwd: opts.cwd ?? ROOT, input: opts.input, encoding: 'utf8',
		env: { PATH: process.env.PATH ?? '', LANG: 'C', ...opts.env },
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI', function () {
	this.timeout(20000);
	let dir: string;
	beforeEach(() => {
		dir = tempDir('cli-');
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
	const write = (name: string, text: string) => {
		fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		fs.writeFileSync(path.join(dir, name), text);
	};

	describe('check', () => {
		it('finds real problems in examples/ and exits 1', () => {
			const r = run(['check', 'examples']);
			assert.equal(r.code, 1, r.stderr);
			assert.match(r.stdout, /examples\/campaign-launch\.md/);
			assert.match(r.stdout, /error +Weibo: \d+\/140 \(\d+ over\) +platform-limit/);
			assert.match(r.stdout, /problems \(\d+ errors/);
		});

		it('--report-disables lists every exception with file, line and reason; the exit code is unchanged', () => {
			const long = '好'.repeat(150);
			write('a.md', `---\nplatform: weibo\n---\n<!-- copydesk-disable-next-line platform-limit -- 法务已批准 -->\n${long}\n\n<!-- copydesk-disable-next-line platform-limit -->\n短文。\n`);
			const plain = run(['check', 'a.md'], { cwd: dir });
			const r = run(['check', 'a.md', '--report-disables'], { cwd: dir });
			assert.equal(r.code, plain.code, 'same exit code with the flag');
			assert.equal(r.code, 0, r.stdout);
			assert.match(r.stdout, /Exceptions: 2 \(1 without a reason, 1 hiding nothing\)/);
			assert.match(r.stdout, /a\.md:4:1 +platform-limit — 法务已批准 +hid 1/);
			assert.match(r.stdout, /a\.md:7:1 +platform-limit — no reason given +hid 0 · hides nothing: remove it$/m);
			assert.match(r.stdout, /a\.md:4:1 .*hid 1$/m, 'an exception that hid something is not called stale');
			assert.doesNotMatch(plain.stdout, /Exceptions/);
			const j = JSON.parse(run(['check', 'a.md', '--report-disables', '--format', 'json'], { cwd: dir }).stdout);
			assert.deepEqual(j.exceptions[0], { file: 'a.md', line: 4, column: 1, kind: 'disable-next-line', rules: ['platform-limit'], reason: '法务已批准', post: 1, suppressed: 1, stale: false });
			assert.equal(j.exceptions[1].reason, null);
			assert.equal(j.exceptions[1].stale, true);
			assert.deepEqual(j.diagnostics.map((d: { rule: string; line: number; message: string }) => [d.rule, d.line, d.message]), [['disable-reason', 7, 'This exception hides nothing: remove it (copydesk-disable-next-line platform-limit found nothing to hide here).']], 'the stale exception listed is the one reported');
			assert.equal(JSON.parse(run(['check', 'a.md', '--format', 'json'], { cwd: dir }).stdout).exceptions, undefined);
			const gh = run(['check', 'a.md', '--report-disables', '--format', 'github'], { cwd: dir });
			assert.match(gh.stdout, /^::notice file=a\.md,line=4,col=1,title=Copydesk Exceptions%3A platform-limit::法务已批准$/m);
			assert.equal(run(['check', 'a.md', '--report-disables', '--format', 'rdjson'], { cwd: dir }).code, 2);
		});

		it('prints the documented JSON shape with 1-based UTF-16 columns', () => {
			write('a.md', '---\nplatform: weibo\n---\n😀' + '好'.repeat(140) + '\n');
			const r = run(['check', 'a.md', '--format', 'json'], { cwd: dir });
			assert.equal(r.code, 1);
			const out = JSON.parse(r.stdout);
			// 😀 is one character for Weibo but two UTF-16 code units: the 141st character starts at column 142.
			assert.deepEqual(out.diagnostics, [{
				file: 'a.md', line: 4, column: 142, endLine: 4, endColumn: 143, severity: 'error', rule: 'platform-limit',
				message: 'Weibo: 141/140 (1 over)', platform: 'weibo', post: 1,
			}]);
		});

		it('exits 0 when nothing is an error', () => {
			write('ok.md', '---\nplatform: weibo\n---\n新品今天发布，欢迎到店体验。\n');
			const r = run(['check', '.'], { cwd: dir });
			assert.equal(r.code, 0, r.stdout);
			assert.match(r.stdout, /1 draft checked, no problems/);
		});

		it('--max-warnings turns too many warnings into exit 1', () => {
			write('en.md', '---\nplatform: weibo\n---\nThis post was never translated into Chinese at all.\n');
			assert.equal(run(['check', 'en.md'], { cwd: dir }).code, 0);
			const r = run(['check', 'en.md', '--max-warnings', '0'], { cwd: dir });
			assert.equal(r.code, 1);
			assert.match(r.stderr, /more than --max-warnings 0/);
		});

		it('writes GitHub annotations', () => {
			write('a.md', '---\nplatform: weibo\n---\n' + '好'.repeat(141) + '\n');
			const r = run(['check', 'a.md', '--format', 'github'], { cwd: dir });
			assert.equal(r.stdout.trim(), '::error file=a.md,line=4,col=141,endLine=4,endColumn=142,title=Copydesk platform-limit (post 1 · weibo)::Weibo: 141/140 (1 over)');
		});

		it('writes SARIF 2.1.0 with rule metadata and the post as logical location', () => {
			write('a.md', '---\nplatform: weibo\n---\n' + '好'.repeat(141) + '\n');
			const sarif = JSON.parse(run(['check', 'a.md', '--format', 'sarif'], { cwd: dir }).stdout);
			assert.equal(sarif.version, '2.1.0');
			const [res] = sarif.runs[0].results;
			assert.equal(res.ruleId, 'platform-limit');
			assert.equal(sarif.runs[0].tool.driver.rules[res.ruleIndex].id, 'platform-limit');
			assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 4, startColumn: 141, endLine: 4, endColumn: 142 });
			assert.deepEqual(res.locations[0].logicalLocations[0], { name: 'weibo', fullyQualifiedName: 'post-1/weibo', kind: 'object' });
		});

		it('uses --platform for files that name none', () => {
			write('note.txt', '好'.repeat(141));
			assert.equal(run(['check', 'note.txt'], { cwd: dir }).code, 0, 'not a draft without --platform');
			const r = run(['check', 'note.txt', '--platform', 'weibo', '--format', 'json'], { cwd: dir });
			assert.equal(r.code, 1);
			assert.equal(JSON.parse(r.stdout).diagnostics[0].rule, 'platform-limit');
		});

		it('exits 2 with a clear message on usage problems', () => {
			for (const args of [['check', '--format', 'xml'], ['check', 'nope/**/*.md'], ['check', '--platform', 'myspace'], ['check', '--bogus'], ['frobnicate']]) {
				const r = run(args, { cwd: dir });
				assert.equal(r.code, 2, args.join(' '));
				assert.match(r.stderr, /^copydesk: .+/m, args.join(' '));
			}
		});

		it('exits 2 and points into a broken copydesk.json', () => {
			write('copydesk.json', '{\n  "rules": { "platform-limit": "loud" }\n}\n');
			write('a.md', '---\nplatform: weibo\n---\n好\n');
			const r = run(['check', '.', '--format', 'json'], { cwd: dir });
			assert.equal(r.code, 2);
			const d = JSON.parse(r.stdout).diagnostics[0];
			assert.deepEqual([d.file, d.line, d.rule], ['copydesk.json', 2, 'config']);
			assert.match(r.stderr, /configuration has errors/);
		});

		it('applies the nearest copydesk.json: severities, drafts globs and custom platforms', () => {
			write('copydesk.json', JSON.stringify({
				defaultPlatform: 'intranet', drafts: ['notes/*.txt'],
				platforms: { intranet: { name: 'Intranet', unit: 'char', limit: 5 } },
				rules: { 'platform-limit': 'warning' },
			}));
			write('notes/a.txt', '123456789');
			const r = run(['check', '.', '--format', 'json'], { cwd: dir });
			assert.equal(r.code, 0);
			const [d] = JSON.parse(r.stdout).diagnostics;
			assert.deepEqual([d.file, d.severity, d.message, d.column], ['notes/a.txt', 'warning', 'Intranet: 9/5 (4 over)', 6]);
		});

		it('speaks Chinese with --lang zh-CN and from the environment', () => {
			write('a.md', '---\nplatform: weibo\n---\n' + '好'.repeat(141) + '\n');
			assert.match(run(['check', 'a.md', '--lang', 'zh-CN'], { cwd: dir }).stdout, /微博：141\/140（超出 1）/);
			assert.match(run(['check', 'a.md'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } }).stdout, /微博：141\/140/);
		});
	});

	describe('count', () => {
		it('counts every post and field as JSON', () => {
			const r = run(['count', 'examples/campaign-launch.md', '--format', 'json']);
			const rows = JSON.parse(r.stdout).counts as { platform: string; field: string; count: number; limit: number; valid: boolean; overflowOffset: number | null }[];
			assert.equal(r.code, 1);
			const weibo = rows.find((x) => x.platform === 'weibo' && x.field === 'body')!;
			assert.equal(weibo.limit, 140);
			assert.equal(weibo.valid, false);
			assert.equal(typeof weibo.overflowOffset, 'number');
			const text = fs.readFileSync(path.join(ROOT, 'examples/campaign-launch.md'), 'utf8');
			// The overflow offset points into the file, inside the Weibo post's line.
			const line = text.split('\n').find((l) => l.includes('#新品发布#'))!;
			const lineStart = text.indexOf(line);
			assert.ok(weibo.overflowOffset! > lineStart && weibo.overflowOffset! < lineStart + line.length);
			// Everything before it on the line fits exactly; one more character does not.
			const before = text.slice(lineStart, weibo.overflowOffset!);
			assert.equal(countText(before, builtinPlatforms().weibo).count, 140);
			assert.equal(countText(text.slice(lineStart, weibo.overflowOffset! + 1), builtinPlatforms().weibo).count, 141);
			assert.ok(rows.some((x) => x.platform === 'wechat' && x.field === 'digest'));
		});

		it('counts standard input with --raw', () => {
			const r = run(['count', '--raw', '--platform', 'weibo', '--format', 'json', '-'], { input: '我司CEO与我司吉祥物...好大一坨！' });
			assert.equal(r.code, 0);
			assert.deepEqual(JSON.parse(r.stdout).counts[0], { file: '-', post: 1, platform: 'weibo', field: 'body', count: 16, limit: 140, recommended: null, state: 'ok', valid: true, severity: null, overflowOffset: null });
		});

		it('--raw needs a platform', () => {
			const r = run(['count', '--raw', '-'], { input: 'hi', cwd: dir });
			assert.equal(r.code, 2);
			assert.match(r.stderr, /--raw needs --platform/);
		});
	});

	describe('platforms', () => {
		it('lists profiles with limits and sources', () => {
			const r = run(['platforms']);
			assert.equal(r.code, 0);
			assert.match(r.stdout, /^weibo +Weibo/m);
			assert.match(r.stdout, /body\.limit: open\.weibo\.com/);
			const json = JSON.parse(run(['platforms', '--format', 'json']).stdout);
			assert.equal(json.platforms.find((p: { id: string }) => p.id === 'wechat').title.warn, 32);
		});
	});
});
