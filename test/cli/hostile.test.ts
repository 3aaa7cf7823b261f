/**
 * Issue 12, through the bundled CLI (and main() in-process where a fault has to be injected):
 * files are never lost (encodings, atomic writes, --fix going on after a failure), untrusted
 * workspace files are bounded, data-only packs cannot switch Copydesk off, and nothing passes
 * silently in CI. Each numbered defect of the issue has its test here; links and large files
 * are made at test time in temporary folders.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleById } from '../../server/src/engine';
import { runCli } from '../helpers/cli';
import { CLI_BUNDLE } from '../helpers/paths';
import { tempDir } from '../helpers/tmp';

function run(args: string[], cwd: string) {
	const t = Date.now();
	const r = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C' }, timeout: 60000 });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t };
}

const BAD = '---\nplatform: weibo\n---\n在LeanCloud上,数据存储花了5000元!!\n';
const GOOD = '---\nplatform: weibo\n---\n在 LeanCloud 上，数据存储花了 5000 元！\n';

describe('CLI: a hostile workspace (issue 12)', function () {
	this.timeout(60000);
	let dir: string;
	beforeEach(() => {
		dir = fs.realpathSync(tempDir('hostile-'));
	});
	const file = (name: string) => path.join(dir, name);
	const write = (name: string, data: string | Buffer) => {
		fs.mkdirSync(path.dirname(file(name)), { recursive: true });
		fs.writeFileSync(file(name), data);
	};
	const bytes = (name: string) => fs.readFileSync(file(name));

	describe('1. --fix never destroys a file that is not UTF-8', () => {
		it('a Latin-1 draft is checked read-only and --fix refuses it, naming the file; the bytes stay', () => {
			const latin1 = Buffer.from('---\nplatform: wechat\n---\ncaf\xe9 全新Surface发布\n'.replace('全新Surface发布', ''), 'latin1');
			const original = Buffer.concat([latin1.subarray(0, latin1.length - 1), Buffer.from(' 全新Surface发布\n', 'utf8')]);
			write('a.md', original);
			const r = run(['check', '--fix', 'a.md'], dir);
			assert.equal(r.code, 2, r.stderr);
			assert.ok(bytes('a.md').equals(original), 'the file was changed');
			assert.match(r.stderr, /not fixing a\.md: it is neither UTF-8 nor UTF-16/);
			assert.match(r.stdout, /neither UTF-8 nor UTF-16 .* file$/m);
			// Checked all the same (read-only): its other problems are reported.
			assert.match(r.stdout, /zh-spacing/);
		});

		it('a GBK draft is refused the same way, and the other files are still fixed', () => {
			const gbk = Buffer.concat([Buffer.from('---\nplatform: weibo\n---\n'), Buffer.from([0xc8, 0xab, 0xd0, 0xc2]), Buffer.from('Surface!!\n')]);
			write('gbk.md', gbk);
			write('ok.md', BAD);
			const r = run(['check', '--fix', '.'], dir);
			assert.equal(r.code, 2, r.stderr);
			assert.ok(bytes('gbk.md').equals(gbk));
			assert.equal(bytes('ok.md').toString('utf8'), GOOD);
			assert.match(r.stderr, /not fixing gbk\.md/);
			assert.match(r.stderr, /fixed ok\.md/);
		});

		it('UTF-8 with a BOM and CRLF line endings is fixed byte-exact outside the edits', () => {
			const crlf = (s: string) => s.replace(/\n/g, '\r\n');
			write('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf(BAD), 'utf8')]));
			const r = run(['check', '--fix', 'bom.md'], dir);
			assert.equal(r.code, 0, r.stderr + r.stdout);
			assert.ok(bytes('bom.md').equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf(GOOD), 'utf8')])), bytes('bom.md').toString('hex'));
		});

		for (const [name, encode, bom] of [
			['UTF-16LE', (s: string) => Buffer.from(s, 'utf16le'), [0xff, 0xfe]],
			['UTF-16BE', (s: string) => Buffer.from(s, 'utf16le').swap16(), [0xfe, 0xff]],
		] as const) {
			it(`a ${name} draft is checked and fixed, and stays ${name}`, () => {
				write('u.md', Buffer.concat([Buffer.from(bom), encode(BAD)]));
				const check = run(['check', 'u.md'], dir);
				assert.match(check.stdout, /zh-spacing/, 'not checked');
				assert.match(check.stdout, /1 drafts?/);
				const r = run(['check', '--fix', 'u.md'], dir);
				assert.equal(r.code, 0, r.stderr + r.stdout);
				assert.ok(bytes('u.md').equals(Buffer.concat([Buffer.from(bom), encode(GOOD)])), bytes('u.md').toString('hex'));
			});
		}
	});

	describe('2. rewrites are atomic; a failed write is an I/O error and --fix goes on', () => {
		it('a write that fails (disk full) leaves that draft untouched, fixes the others and exits 2 without a usage hint', () => {
			write('a.md', BAD);
			write('b.md', BAD);
			const r = runCli(['check', '--fix', '.'], dir, { LANG: 'C' }, {
				writeFile: (f) => {
					if (f.endsWith('a.md')) {
						throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
					}
					fs.writeFileSync(f, GOOD);
				},
			});
			assert.equal(r.code, 2, r.stderr);
			assert.equal(bytes('a.md').toString(), BAD);
			assert.equal(bytes('b.md').toString(), GOOD);
			assert.match(r.stderr, /I\/O error: could not write a\.md \(ENOSPC\); the file is unchanged/);
			assert.match(r.stderr, /1 file\(s\) could not be fixed/);
			assert.doesNotMatch(r.stderr, /--help/);
		});

		it('a read-only draft is reported and skipped; the next file is still fixed', () => {
			write('a.md', BAD);
			write('b.md', BAD);
			fs.chmodSync(file('a.md'), 0o444);
			const r = run(['check', '--fix', 'a.md', 'b.md'], dir);
			assert.equal(r.code, 2, r.stderr);
			assert.equal(bytes('a.md').toString(), BAD);
			assert.equal(bytes('b.md').toString(), GOOD);
			assert.match(r.stderr, /I\/O error: could not write a\.md \(EACCES\)/);
			assert.deepEqual(fs.readdirSync(dir).sort(), ['a.md', 'b.md'], 'a temporary file was left');
		});

		it('report -o that cannot be written is an I/O error, not a usage error', () => {
			write('a.md', GOOD);
			const r = run(['report', 'a.md', '-o', 'no/such/folder/r.md'], dir);
			assert.equal(r.code, 2);
			assert.match(r.stderr, /I\/O error: could not write no\/such\/folder\/r\.md/);
			assert.doesNotMatch(r.stderr, /--help/);
		});
	});

	describe('3. untrusted files are bounded (links to /dev/zero, huge files)', () => {
		before(function () {
			if (!fs.existsSync('/dev/zero')) {
				this.skip();
			}
		});

		it('copydesk.json that is a link to /dev/zero is a config error, found at once', () => {
			write('a.md', GOOD);
			fs.symlinkSync('/dev/zero', file('copydesk.json'));
			const r = run(['check', 'a.md'], dir);
			assert.equal(r.code, 2, r.stderr);
			assert.match(r.stdout, /copydesk\.json is not a regular file/);
			assert.ok(r.ms < 20000, `${r.ms} ms`);
		});

		it('a pack manifest that is a link to /dev/zero is an error in that pack; the draft is still checked', () => {
			write('a.md', BAD);
			write('copydesk.json', JSON.stringify({ packs: ['./p'] }));
			fs.mkdirSync(file('p'));
			fs.symlinkSync('/dev/zero', file('p/copydesk-pack.json'));
			const r = run(['check', 'a.md'], dir);
			assert.equal(r.code, 2, r.stderr);
			assert.match(r.stdout, /copydesk-pack\.json is not a regular file/);
			assert.match(r.stdout, /zh-spacing/);
		});

		it('a .copydeskignore that is a link to /dev/zero ignores nothing and says so', () => {
			write('a.md', BAD);
			fs.symlinkSync('/dev/zero', file('.copydeskignore'));
			const r = run(['check', 'a.md'], dir);
			assert.match(r.stderr, /\.copydeskignore is not a regular file/);
			assert.match(r.stdout, /zh-spacing/);
		});

		it('copydesk.json over 1 MiB is refused with its size', () => {
			write('a.md', GOOD);
			write('copydesk.json', `{"drafts": [], "x": "${'a'.repeat(1024 * 1024)}"}`);
			const r = run(['check', 'a.md'], dir);
			assert.equal(r.code, 2);
			assert.match(r.stdout, /over the limit of 1048576 bytes/);
		});

		it('a draft that is a link to /dev/zero is an I/O error (exit 2), named or found in a folder', () => {
			write('a.md', GOOD);
			fs.symlinkSync('/dev/zero', file('zero.md'));
			for (const args of [['check', 'zero.md'], ['check', '.']]) {
				const r = run(args, dir);
				assert.equal(r.code, 2, r.stderr);
				assert.match(r.stderr, /zero\.md/);
				assert.match(r.stderr, /not a regular file/);
			}
		});

		it('a draft over the size cap is one finding; --max-file-size raises the cap', () => {
			write('big.md', `---\nplatform: weibo\n---\n${'很长的正文。'.repeat(130000)}\n`);
			const r = run(['check', 'big.md'], dir);
			assert.equal(r.code, 1, r.stderr);
			assert.match(r.stdout, /big\.md\n\s+1:1\s+error\s+This file is \d+ bytes, over the limit of 2097152 bytes for a draft: it was not checked/);
			assert.equal((r.stdout.match(/error/g) ?? []).length, 2, 'one finding (and the summary)');
			// The one post is over the post cap too: both caps raised, it is checked.
			const raised = run(['check', 'big.md', '--max-file-size', '8m', '--max-post-size', '8m'], dir);
			assert.match(raised.stdout, /platform-limit/);
			assert.doesNotMatch(raised.stdout, /over the limit of/);
			assert.equal(run(['check', 'big.md', '--max-file-size', 'lots'], dir).code, 2);
		});
	});

	describe('4. a data-only pack cannot switch Copydesk off', () => {
		// Written as JSON text: in a JavaScript object literal, __proto__ would set the prototype instead of naming a key.
		const evil = '{ "name": "evil", "version": "1.0.0", "platforms": { "evil": { "extends": "__proto__" }, "constructor": { "limit": 5 } },'
			+ ' "rules": { "__proto__": "off", "constructor": "off" } }';
		beforeEach(() => {
			write('p/copydesk-pack.json', evil);
			write('copydesk.json', JSON.stringify({ packs: ['./p'] }));
			write('a.md', `---\nplatform: weibo\n---\n${'好'.repeat(150)}\n`);
			write('b.md', '---\nplatform: constructor\n---\n短。\n');
		});

		it('check: the names are config errors (exit 2), and every draft is still checked', () => {
			const r = run(['check', 'a.md', 'b.md'], dir);
			assert.equal(r.code, 2, r.stderr);
			assert.match(r.stdout, /platforms\.evil\.extends: "__proto__" cannot be used as a name here/);
			assert.match(r.stdout, /platforms\.constructor: "constructor" cannot be used/);
			assert.match(r.stdout, /Weibo: 150\/140/, 'platform-limit still runs');
			assert.match(r.stdout, /b\.md\n.*Unknown platform 'constructor'|b\.md[\s\S]*constructor/);
		});

		it('platforms and pack validate answer instead of crashing', () => {
			const p = run(['platforms'], dir);
			assert.equal(p.code, 0, p.stderr);
			assert.match(p.stdout, /^weibo/m);
			assert.doesNotMatch(p.stdout + p.stderr, /TypeError/);
			const v = run(['pack', 'validate', 'p'], dir);
			assert.equal(v.code, 1, v.stderr);
			assert.match(v.stdout, /"__proto__" cannot be used as a name here/);
			assert.doesNotMatch(v.stderr, /TypeError/);
		});
	});

	describe('6. nothing passes silently in CI', () => {
		const cases: [string, string, RegExp][] = [
			['an unclosed front matter', '---\nplatform: weibo\n正文。\n', /Front matter is not closed/],
			['a mistyped closing fence', '---\nplatform: weibo\n--\n正文。\n', /meant to close the front matter/],
			['an alias to nowhere', '---\nplatform: *weibo\n---\n正文。\n', /The alias \*weibo refers to no anchor/],
			['invalid YAML', '---\nplatform: [weibo\n---\n正文。\n', /not valid YAML/],
		];
		for (const [what, text, message] of cases) {
			it(`${what} is an error (exit 1), not "0 drafts checked"`, () => {
				write('a.md', text);
				const r = run(['check', 'a.md'], dir);
				assert.equal(r.code, 1, r.stdout);
				assert.match(r.stdout, message);
				assert.doesNotMatch(r.stdout, /0 drafts checked/);
			});
		}

		it('a CR-only file is read as lines: its front matter names the platform', () => {
			write('a.md', BAD.replace(/\n/g, '\r'));
			const r = run(['check', 'a.md'], dir);
			assert.match(r.stdout, /zh-spacing \[weibo\]/);
			assert.match(r.stdout, /4:\d+/, 'line numbers count CR line breaks');
		});

		it('a link to nowhere named like a draft is an I/O error (exit 2)', () => {
			write('a.md', GOOD);
			fs.symlinkSync(file('gone.md'), file('dangling.md'));
			const r = run(['check', '.'], dir);
			assert.equal(r.code, 2, r.stderr);
			assert.match(r.stderr, /I\/O error: cannot read dangling\.md \(ENOENT\)/);
			assert.match(r.stderr, /1 file or folder could not be read/);
		});

		it('an unreadable folder is an I/O error (exit 2), not skipped', function () {
			if (process.getuid?.() === 0) {
				// Root reads every folder whatever its mode: nothing to test as root.
				this.skip();
			}
			write('locked/a.md', GOOD);
			fs.chmodSync(file('locked'), 0o000);
			try {
				const r = run(['check', '.'], dir);
				assert.equal(r.code, 2, r.stderr);
				assert.match(r.stderr, /cannot read the folder locked/);
			} finally {
				fs.chmodSync(file('locked'), 0o755);
			}
		});

		it('a rule that throws is an internal error: reported, and the run exits 2', () => {
			write('a.md', BAD);
			const rule = ruleById('zh-spacing')!;
			const original = rule.check;
			rule.check = () => {
				throw new Error('boom');
			};
			try {
				const r = runCli(['check', 'a.md'], dir);
				assert.equal(r.code, 2, r.stderr);
				assert.match(r.stdout, /error +Rule zh-spacing failed on this post and was skipped: boom/);
				assert.match(r.stderr, /a rule failed with an internal error/);
			} finally {
				rule.check = original;
			}
		});
	});

	describe('7. smaller defects', () => {
		it('platform modes are validated: limit "abc" is a config error (exit 2)', () => {
			write('copydesk.json', JSON.stringify({ platforms: { weibo: { modes: { long: { body: { limit: 'abc' } } } } } }));
			write('a.md', '---\nplatform: weibo\nmode: long\n---\n正文。\n');
			const r = run(['check', 'a.md'], dir);
			assert.equal(r.code, 2);
			assert.match(r.stdout, /platforms\.weibo\.modes\.long\.body\.limit: Expected integer ≥ 1/);
			const c = run(['count', 'a.md'], dir);
			assert.match(c.stdout, /\/2000|\/140/, 'count uses a real limit');
		});

		it('negative thresholds and out-of-range shares are config errors', () => {
			write('copydesk.json', JSON.stringify({ rules: { 'tone-shouting': { exclamations: -1 }, 'cjk-density': { threshold: 7 } } }));
			write('a.md', GOOD);
			const r = run(['check', 'a.md'], dir);
			assert.equal(r.code, 2);
			assert.match(r.stdout, /rules\.tone-shouting\.exclamations: Expected number from 0 to ∞/);
			assert.match(r.stdout, /rules\.cjk-density\.threshold: Expected number from 0 to 1/);
		});

		it('rule ids like __proto__ and toString are refused with a clear error', () => {
			write('copydesk.json', '{ "rules": { "__proto__": "off", "toString": "off" } }');
			write('a.md', GOOD);
			const r = run(['check', 'a.md'], dir);
			assert.equal(r.code, 2);
			assert.match(r.stdout, /rules\.__proto__: "__proto__" cannot be used as a name here/);
			assert.match(r.stdout, /rules\.toString: "toString" cannot be used/);
		});

		it('a cycle of term substitutions is refused at load time, and --fix leaves the file as it is', () => {
			write('copydesk.json', JSON.stringify({ terms: [{ forbidden: '智能', preferred: '智慧' }, { forbidden: '智慧', preferred: '智能' }, { forbidden: '手机', preferred: '移动电话' }] }));
			write('a.md', '---\nplatform: weibo\n---\n智能手机发布。\n');
			// Term fixes are content fixes: asked for explicitly.
			const r = run(['check', '--fix', '--fix-type', 'content', 'a.md'], dir);
			assert.equal(r.code, 2, r.stdout);
			assert.match(r.stdout, /These terms replace each other in a cycle[^\n]*智能 → 智慧[^\n]*智慧 → 智能/);
			// The entry outside the cycle still applies; a second run changes nothing more.
			const once = bytes('a.md').toString();
			assert.equal(once, '---\nplatform: weibo\n---\n智能移动电话发布。\n');
			run(['check', '--fix', '--fix-type', 'content', 'a.md'], dir);
			assert.equal(bytes('a.md').toString(), once);
		});
	});
});
