/**
 * The `copydesk` launcher loads the program through V8's code cache (server/src/node/compileCache.ts):
 * on Node without `module.enableCompileCache` (20, CI's) a cache file per build, Node and kind of run in
 * a folder of the user's own under the temporary folder, written once and then read; on newer Node,
 * Node's own cache. Whatever state the cache is in, the output is the same.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { ensureBundles } from '../helpers/cli';
import { CLI_BUNDLE } from '../helpers/paths';
import { makeTree, tempDir } from '../helpers/tmp';

const PROGRAM = path.join(path.dirname(CLI_BUNDLE), 'cli-program.js');
const nodeCache = typeof (Module as unknown as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe('CLI start-up through the code cache', function () {
	this.timeout(60_000);
	let tmp: string;
	let drafts: string;
	before(() => {
		ensureBundles();
		// Findings of every level, an error among them (a Weibo post over its limit): exit code 1.
		drafts = makeTree({ 'a.md': `---\nplatform: weibo\n---\n新版App今天发布!!${'好'.repeat(150)}\n`, 'b.md': '---\nplatform: x\n---\nThe best launch ever.\n' });
	});
	beforeEach(() => {
		tmp = tempDir('cache-');
	});

	const run = (args: string[], env: Record<string, string> = {}) => {
		const r = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
			cwd: drafts, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C', TMPDIR: tmp, ...env },
		});
		return { code: r.status, stdout: r.stdout, stderr: r.stderr };
	};
	const cacheDir = () => path.join(tmp, `copydesk-compile-cache-${process.getuid?.() ?? ''}`);
	const cacheFiles = () => (fs.existsSync(cacheDir()) ? fs.readdirSync(cacheDir()).sort() : []);

	it('the program carries a stamp of its own text as its last line', () => {
		const text = fs.readFileSync(PROGRAM, 'utf8');
		const m = /\n\/\/# copydesk-build=([0-9a-f]{32})\n$/.exec(text);
		assert.ok(m, 'no build stamp at the end of cli-program.js');
		assert.equal(crypto.createHash('sha256').update(text.slice(0, m.index)).digest('hex').slice(0, 32), m[1]);
	});

	(nodeCache ? it.skip : it)('writes one cache per kind of run on the first run, then reads it without writing again; the output never changes', function () {
		if (typeof process.getuid !== 'function') {
			this.skip();
		}
		const first = run(['check', '.', '--format', 'json']);
		assert.equal(first.code, 1, first.stderr);
		const files = cacheFiles();
		assert.equal(files.length, 1, files.join(', '));
		assert.match(files[0], new RegExp(`^cli-program-[0-9a-f]{32}-${process.version.replace(/\./g, '\\.')}-${process.arch}-check\\.cache$`));
		assert.equal(fs.statSync(cacheDir()).mode & 0o777, 0o700, 'the folder is the user\'s alone');
		const file = path.join(cacheDir(), files[0]);
		const written = fs.statSync(file).mtimeMs;
		const size = fs.statSync(file).size;
		assert.ok(size > 100_000, `a cache of ${size} bytes holds little`);
		const second = run(['check', '.', '--format', 'json']);
		assert.deepEqual(second, first);
		assert.equal(fs.statSync(file).mtimeMs, written, 'a cache V8 accepted is not written again');
		// Another command has a cache of its own.
		assert.equal(run(['--version']).code, 0);
		assert.deepEqual(cacheFiles().map((f) => f.replace(/^.*-/, '')), ['check.cache', 'other.cache']);
	});

	(nodeCache ? it.skip : it)('a damaged cache costs only time: the same output, and the cache is written anew', function () {
		if (typeof process.getuid !== 'function') {
			this.skip();
		}
		const clean = run(['check', '.']);
		const [name] = cacheFiles();
		const file = path.join(cacheDir(), name);
		const good = fs.readFileSync(file);
		for (const bad of [Buffer.from('not a code cache'), good.subarray(0, good.length >> 1), Buffer.alloc(0)]) {
			fs.writeFileSync(file, bad);
			const r = run(['check', '.']);
			assert.deepEqual(r, clean);
			assert.ok(fs.readFileSync(file).length > 100_000, 'the refused cache was written again');
		}
	});

	(nodeCache ? it.skip : it)('writing a cache removes other builds\' caches and interrupted writes older than a day, nothing else', function () {
		if (typeof process.getuid !== 'function') {
			this.skip();
		}
		fs.mkdirSync(cacheDir(), { mode: 0o700 });
		const build = /\/\/# copydesk-build=([0-9a-f]{32})\n$/.exec(fs.readFileSync(PROGRAM, 'utf8'))![1];
		const other = 'f'.repeat(32) === build ? 'e'.repeat(32) : 'f'.repeat(32);
		const old = (Date.now() - 2 * 24 * 3600 * 1000) / 1000;
		const files = {
			staleBuild: `cli-program-${other}-${process.version}-${process.arch}-check.cache`,
			freshBuild: `cli-program-${other}-${process.version}-${process.arch}-other.cache`,
			staleTmp: `cli-program-${build}-${process.version}-${process.arch}-check.cache.123.456.tmp`,
			otherNode: `cli-program-${build}-v0.0.0-${process.arch}-check.cache`,
			notOurs: 'notes.txt',
		};
		for (const [key, f] of Object.entries(files)) {
			fs.writeFileSync(path.join(cacheDir(), f), 'x');
			if (key !== 'freshBuild') {
				fs.utimesSync(path.join(cacheDir(), f), old, old);
			}
		}
		assert.equal(run(['check', '.']).code, 1);
		const left = cacheFiles();
		assert.ok(!left.includes(files.staleBuild) && !left.includes(files.staleTmp), left.join(', '));
		for (const kept of [files.freshBuild, files.otherNode, files.notOurs]) {
			assert.ok(left.includes(kept), `${kept} was removed`);
		}
		assert.ok(left.some((f) => f.startsWith(`cli-program-${build}-${process.version}`)), 'this build\'s cache was written');
	});

	(nodeCache ? it.skip : it)('a cache folder another user could write to is not used, and nothing is written into it', function () {
		if (typeof process.getuid !== 'function') {
			this.skip();
		}
		fs.mkdirSync(cacheDir());
		fs.chmodSync(cacheDir(), 0o777);
		const r = run(['check', '.']);
		assert.equal(r.code, 1, r.stderr);
		assert.deepEqual(cacheFiles(), []);
		// NODE_DISABLE_COMPILE_CACHE=1 turns it off too.
		fs.chmodSync(cacheDir(), 0o700);
		assert.deepEqual(run(['check', '.'], { NODE_DISABLE_COMPILE_CACHE: '1' }), r);
		assert.deepEqual(cacheFiles(), []);
	});

	(nodeCache ? it : it.skip)('on Node with module.enableCompileCache, Node\'s own cache is used (NODE_COMPILE_CACHE)', () => {
		const dir = path.join(tmp, 'node-cache');
		const r = run(['check', '.'], { NODE_COMPILE_CACHE: dir });
		assert.equal(r.code, 1, r.stderr);
		assert.ok(fs.existsSync(dir) && fs.readdirSync(dir).length > 0, 'Node wrote no compile cache');
		assert.deepEqual(run(['check', '.'], { NODE_COMPILE_CACHE: dir }), r);
	});

	it('a run on one thread never loads node:worker_threads; --jobs 2 with work enough does', () => {
		const loads = (args: string[]) => {
			const script = `process.argv = [process.argv[0], ${JSON.stringify(CLI_BUNDLE)}, ...${JSON.stringify(args)}];
				process.on('exit', () => process.stderr.write('\\n' + process.moduleLoadList.includes('NativeModule worker_threads')));
				require(${JSON.stringify(CLI_BUNDLE)});`;
			const r = spawnSync(process.execPath, ['-e', script], { cwd: drafts, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C', TMPDIR: tmp } });
			return r.stderr.trim().split('\n').pop();
		};
		assert.equal(loads(['check', '.']), 'false');
		assert.equal(loads(['check', '.', '--jobs', '1']), 'false');
		assert.equal(loads(['check', '.', '--jobs', '2']), 'true');
	});
});
