import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IgnoreFiles, IgnoreRules } from '../../server/src/node/ignorefile';
import { tempDir } from '../helpers/tmp';

describe('.copydeskignore lines', () => {
	const r = new IgnoreRules([
		'# comment',
		'',
		'*.bak',
		'archive/',
		'/top.md',
		'docs/*.md',
		'!docs/keep.md',
		'\\#hash.md',
		'trailing.md   ',
	].join('\n'));

	it('matches a pattern without a slash at any depth', () => {
		assert.equal(r.decide('a.bak', false), true);
		assert.equal(r.decide('x/y/a.bak', false), true);
		assert.equal(r.decide('a.bak.md', false), undefined);
	});

	it('a trailing slash matches folders only', () => {
		assert.equal(r.decide('archive', true), true);
		assert.equal(r.decide('x/archive', true), true);
		assert.equal(r.decide('archive', false), undefined);
	});

	it('a leading or inner slash anchors to the file\'s folder', () => {
		assert.equal(r.decide('top.md', false), true);
		assert.equal(r.decide('sub/top.md', false), undefined);
		assert.equal(r.decide('docs/a.md', false), true);
		assert.equal(r.decide('sub/docs/a.md', false), undefined);
	});

	it('the last matching line wins, so ! re-includes', () => {
		assert.equal(r.decide('docs/keep.md', false), false);
	});

	it('handles escapes and trailing spaces as git does', () => {
		assert.equal(r.decide('#hash.md', false), true);
		assert.equal(r.decide('trailing.md', false), true);
		assert.equal(r.size, 7);
	});
});

describe('.copydeskignore files', () => {
	const root = tempDir('ignore-');
	const write = (rel: string, text: string) => {
		fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
		fs.writeFileSync(path.join(root, rel), text);
	};
	fs.mkdirSync(path.join(root, '.git'));
	write('.copydeskignore', 'old/\n*.tmp.md\n');
	write('team/.copydeskignore', '!*.tmp.md\n');
	const ig = new IgnoreFiles();
	const at = (rel: string) => ig.isIgnored(path.join(root, rel));

	it('a file inside an ignored folder is ignored, at any depth', () => {
		assert.equal(at('old/a.md'), true);
		assert.equal(at('x/old/deep/a.md'), true);
		assert.equal(at('older/a.md'), false);
	});

	it('a deeper file overrides a higher one', () => {
		assert.equal(at('b.tmp.md'), true);
		assert.equal(at('team/b.tmp.md'), false);
	});

	it('cannot re-include a file whose folder is ignored', () => {
		write('old/.copydeskignore', '!a.md\n');
		assert.equal(new IgnoreFiles().isIgnored(path.join(root, 'old', 'a.md')), true);
	});

	it('sees an edited file at the next check', () => {
		const f = path.join(root, 'fresh', 'c.md');
		assert.equal(ig.isIgnored(f), false);
		write('fresh/.copydeskignore', 'c.md\n');
		// Make sure the modification time differs from the cached "no file" state.
		fs.utimesSync(path.join(root, 'fresh', '.copydeskignore'), new Date(), new Date(Date.now() + 2000));
		assert.equal(ig.isIgnored(f), true);
	});

	it('stops at the repository root: ignore files above it do not apply', () => {
		const inner = path.join(root, 'nested-repo');
		fs.mkdirSync(path.join(inner, '.git'), { recursive: true });
		assert.equal(ig.isIgnored(path.join(inner, 'x.tmp.md')), false);
		assert.equal(ig.isIgnored(path.join(root, 'x.tmp.md')), true);
	});

	it('stops at the workspace folder when given', () => {
		assert.equal(ig.isIgnored(path.join(root, 'team', 'old', 'a.md'), path.join(root, 'team')), false);
	});
});
