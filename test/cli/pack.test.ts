import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { main, type Io } from '../../server/src/cli/main';
import { ROOT } from '../helpers/paths';
import { makeTree, removeTree } from '../helpers/tmp';

function run(args: string[], cwd: string) {
	const out: string[] = [];
	const err: string[] = [];
	const io: Io = { cwd, stdout: (s) => out.push(s), stderr: (s) => err.push(s), readStdin: () => '', env: { LANG: 'C' } };
	const code = main(['pack', ...args, '--lang', 'en'], io);
	return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('CLI: copydesk pack validate', () => {
	let dir: string;
	afterEach(() => dir && removeTree(dir));

	it('accepts the sample pack in examples/ (exit 0) and sums it up', () => {
		const r = run(['validate', 'examples/packs/acme-brand'], ROOT);
		assert.equal(r.code, 0, r.stdout + r.stderr);
		assert.match(r.stdout, /acme-brand 1\.0\.0: 4 snippets, 3 terms/);
	});

	it('exits 1 and points at each problem, with 1-based lines and columns', () => {
		dir = makeTree({
			'p/copydesk-pack.json': '{\n  "name": "p",\n  "version": "one",\n  "snippets": ["s.json", "gone.json"]\n}',
			'p/s.json': '{\n  "Bad": { "prefix": "b", "body": "${1:unclosed" }\n}',
		});
		const r = run(['validate', 'p', '--format', 'json'], dir);
		assert.equal(r.code, 1);
		const rows = JSON.parse(r.stdout).diagnostics as { file: string; line: number; column: number; severity: string; message: string }[];
		assert.deepEqual(rows.map((x) => [x.file, x.line, x.column, x.severity]), [
			['p/copydesk-pack.json', 3, 14, 'error'],
			['p/copydesk-pack.json', 4, 26, 'error'],
			['p/s.json', 2, 35, 'error'],
		]);
		assert.match(rows[2].message, /not closed/);
	});

	it('prints each problem\'s severity in the interface language', () => {
		dir = makeTree({ 'p/copydesk-pack.json': '{ "name": "p", "version": 1 }' });
		const out: string[] = [];
		const io: Io = { cwd: dir, stdout: (s) => out.push(s), stderr: () => undefined, readStdin: () => '', env: { LANG: 'C' } };
		main(['pack', 'validate', 'p', '--lang', 'zh-CN'], io);
		assert.match(out.join('\n'), /^ {2}\d+:\d+ {2}错误/m);
		assert.doesNotMatch(out.join('\n'), /^ {2}\d+:\d+ {2}error/m);
		assert.match(run(['validate', 'p'], dir).stdout, /^ {2}\d+:\d+ {2}error/m);
	});

	it('warns (exit 1) when a snippet expanded with its defaults fails the pack\'s own checks', () => {
		dir = makeTree({
			'p/copydesk-pack.json': { name: 'p', version: '1.0.0', snippets: ['s.json'], platforms: { tiny: { unit: 'char', limit: 10, locale: 'en', hashtag: 'none' } } },
			'p/s.json': { Long: { prefix: 'long', platforms: ['tiny'], body: '${1:This default text is far too long for the tiny platform}' } },
		});
		const r = run(['validate', 'p'], dir);
		assert.equal(r.code, 1);
		assert.match(r.stdout, /Snippet 'Long' expanded with its defaults does not pass its own checks on tiny: tiny: 55\/10 \(45 over\)/);
		// Lengthen the platform and the same pack is valid.
		makeTree({ 'p/copydesk-pack.json': { name: 'p', version: '1.0.0', snippets: ['s.json'], platforms: { tiny: { unit: 'char', limit: 100, locale: 'en', hashtag: 'none' } } } }, dir);
		assert.equal(run(['validate', 'p'], dir).code, 0);
	});

	it('prints GitHub annotations', () => {
		dir = makeTree({ 'p/copydesk-pack.json': '{ "name": "p" }' });
		const r = run(['validate', 'p', '--format', 'github'], dir);
		assert.equal(r.code, 1);
		assert.match(r.stdout, /^::error file=p\/copydesk-pack\.json,line=1/m);
	});

	it('exits 2 for a folder that does not exist or is not a pack, and for an unknown subcommand', () => {
		dir = makeTree({ 'empty/readme.txt': 'x' });
		assert.equal(run(['validate', 'nope'], dir).code, 2);
		const notPack = run(['validate', 'empty'], dir);
		assert.equal(notPack.code, 2);
		assert.match(notPack.stderr, /not a pack/);
		assert.equal(run(['publish'], dir).code, 2);
		assert.equal(run(['validate', 'empty', '--format', 'sarif'], dir).code, 2);
	});

	it('validates the current folder by default', () => {
		dir = makeTree({ 'copydesk-pack.json': { name: 'here', version: '2.0.0' } });
		const r = run(['validate'], path.join(dir));
		assert.equal(r.code, 0);
		assert.match(r.stdout, /here 2\.0\.0: 0 snippets, 0 terms/);
	});
});
