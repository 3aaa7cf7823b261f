import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, setLanguage } from '../../server/src/engine';
import { isInside, loadPackDir, resolvePack } from '../../server/src/node/packs';
import { loadConfig, type LoadedConfig } from '../../server/src/node/workspace';
import { makeTree, removeTree } from '../helpers/tmp';

const manifest = (name: string, extra: object = {}) => ({ name, version: '1.0.0', description: `${name} pack`, ...extra });

function problemsOf(loaded: LoadedConfig, file: string) {
	return loaded.files.find((f) => f.file === file)?.problems ?? [];
}

/** The text a problem points at. */
function at(loaded: LoadedConfig, file: string, i = 0): string {
	const f = loaded.files.find((x) => x.file === file)!;
	const p = f.problems[i];
	return f.text.slice(p.start, p.end);
}

describe('packs: resolution', () => {
	let root: string;
	before(() => setLanguage('en'));
	afterEach(() => removeTree(root));

	it('finds a folder relative to copydesk.json and applies its rules', () => {
		root = makeTree({
			'copydesk.json': { packs: ['./packs/brand'] },
			'packs/brand/copydesk-pack.json': manifest('brand', { rules: { 'cjk-density': { threshold: 0.9 } } }),
		});
		const loaded = loadConfig(path.join(root, 'copydesk.json'), root);
		assert.deepEqual(loaded.files.flatMap((f) => f.problems), []);
		assert.equal(loaded.packs.length, 1);
		assert.equal(loaded.packs[0].dir, path.join(root, 'packs', 'brand'));
		assert.equal(loaded.config.rules['cjk-density'].options.threshold, 0.9);
	});

	it('finds a package and a scoped package in node_modules', () => {
		root = makeTree({
			'copydesk.json': { packs: ['acme-pack', '@acme/copydesk-pack'] },
			'node_modules/acme-pack/copydesk-pack.json': manifest('acme-pack', { rules: { 'platform-fold': 'warning' } }),
			'node_modules/@acme/copydesk-pack/copydesk-pack.json': manifest('@acme/copydesk-pack', { rules: { 'cjk-density': 'error' } }),
		});
		const loaded = loadConfig(path.join(root, 'copydesk.json'), root);
		assert.deepEqual(loaded.files.flatMap((f) => f.problems), []);
		assert.deepEqual(loaded.packs.map((p) => p.manifest?.name), ['acme-pack', '@acme/copydesk-pack']);
		assert.equal(loaded.config.rules['platform-fold'].severity, 'warning');
		assert.equal(loaded.config.rules['cjk-density'].severity, 'error');
	});

	it('says where it looked when a pack is missing, at the entry in copydesk.json', () => {
		root = makeTree({ 'copydesk.json': '{ "packs": ["./packs/nope", "@acme/missing"] }' });
		const file = path.join(root, 'copydesk.json');
		const loaded = loadConfig(file, root);
		const ps = problemsOf(loaded, file);
		assert.equal(ps.length, 2);
		assert.equal(at(loaded, file, 0), '"./packs/nope"');
		assert.match(ps[0].message, /not found/);
		assert.equal(at(loaded, file, 1), '"@acme/missing"');
		assert.match(ps[1].message, /node_modules.*never downloads/);
	});

	it('refuses a folder without copydesk-pack.json', () => {
		root = makeTree({ 'copydesk.json': { packs: ['./packs/empty'] }, 'packs/empty/readme.txt': 'x' });
		const r = resolvePack('./packs/empty', root);
		assert.ok('message' in r && /not a pack/.test(r.message));
	});
});

describe('packs: refusal of paths outside the project', () => {
	let root: string;
	let outside: string;
	beforeEach(() => {
		outside = makeTree({ 'evil/copydesk-pack.json': manifest('evil', { rules: { 'platform-limit': 'off' } }), 'secret.json': '{"a":1}' });
	});
	afterEach(() => {
		removeTree(root);
		removeTree(outside);
	});

	function expectRefused(spec: string, setup: (root: string) => void = () => undefined) {
		root = makeTree({ 'project/copydesk.json': { packs: [spec] } });
		const project = path.join(root, 'project');
		setup(project);
		const file = path.join(project, 'copydesk.json');
		const loaded = loadConfig(file, project);
		const ps = problemsOf(loaded, file);
		assert.equal(ps.length, 1, JSON.stringify(ps));
		assert.match(ps[0].message, /refused.*outside the project/);
		assert.equal(ps[0].severity, 'error');
		// Nothing of the refused pack applies.
		assert.equal(loaded.config.rules['platform-limit'], undefined);
		assert.equal(loaded.packs[0].layer, undefined);
	}

	it('via ..', () => {
		expectRefused('../evil', (p) => fs.cpSync(path.join(outside, 'evil'), path.join(p, '..', 'evil'), { recursive: true }));
	});
	it('via .. even when the target does not exist', () => expectRefused('../../nowhere'));
	it('via an absolute path', () => expectRefused(path.join(process.platform === 'win32' ? 'C:\\' : '/', 'tmp', 'x-copydesk-none')));
	it('via a symbolic link inside the project', () => {
		expectRefused('./packs/linked', (p) => {
			fs.mkdirSync(path.join(p, 'packs'), { recursive: true });
			fs.symlinkSync(path.join(outside, 'evil'), path.join(p, 'packs', 'linked'), 'dir');
		});
	});
	it('via a linked package in node_modules (npm link)', () => {
		expectRefused('evil', (p) => {
			fs.mkdirSync(path.join(p, 'node_modules'), { recursive: true });
			fs.symlinkSync(path.join(outside, 'evil'), path.join(p, 'node_modules', 'evil'), 'dir');
		});
	});

	it('refuses a snippet file that a symbolic link takes out of the pack', () => {
		root = makeTree({
			'copydesk-pack.json': manifest('p', { snippets: ['snippets/s.json'] }),
		});
		fs.mkdirSync(path.join(root, 'snippets'));
		fs.symlinkSync(path.join(outside, 'secret.json'), path.join(root, 'snippets', 's.json'));
		const { pack, files } = loadPackDir(root);
		assert.equal(pack.snippets.length, 0);
		assert.match(files[0].problems[0].message, /resolves outside the pack/);
		assert.equal(files.length, 1, 'the outside file is never read');
	});

	it('refuses .. and absolute paths in the manifest itself', () => {
		root = makeTree({ 'copydesk-pack.json': manifest('p', { snippets: ['../x.json', '/etc/passwd'], terms: 'a/../../t.json' }) });
		const { files } = loadPackDir(root);
		assert.deepEqual(files[0].problems.map((p) => files[0].text.slice(p.start, p.end)), ['"../x.json"', '"/etc/passwd"', '"a/../../t.json"']);
	});

	it('isInside compares whole path segments', () => {
		assert.equal(isInside('/a/bc', '/a/b'), false);
		assert.equal(isInside('/a/b/c', '/a/b'), true);
		assert.equal(isInside('/a/b', '/a/b'), true);
	});
});

describe('packs: precedence', () => {
	let root: string;
	afterEach(() => removeTree(root));

	it('built-in < editor settings < packs in listed order < copydesk.json', () => {
		root = makeTree({
			'copydesk.json': { packs: ['./packs/one', './packs/two'], rules: { 'platform-fold': 'hint' } },
			'packs/one/copydesk-pack.json': manifest('one', {
				rules: { 'cjk-density': { severity: 'error', threshold: 0.7 }, 'platform-fold': 'error', 'platform-limit': 'info' },
				platforms: { weibo: { limit: 120 } },
			}),
			'packs/two/copydesk-pack.json': manifest('two', { rules: { 'cjk-density': { threshold: 0.8 } }, platforms: { weibo: { limit: 100 } } }),
		});
		const loaded = loadConfig(path.join(root, 'copydesk.json'), root, {
			before: [{ origin: 'VS Code settings', rules: { 'platform-limit': { severity: 'warning', options: {} }, 'cjk-density': { severity: 'hint', options: {} } } }],
		});
		const r = loaded.config.rules;
		assert.equal(r['cjk-density'].severity, 'error', 'pack one over the editor setting');
		assert.equal(r['cjk-density'].options.threshold, 0.8, 'pack two over pack one');
		assert.equal(r['platform-limit'].severity, 'info', 'a pack over the editor setting');
		assert.equal(r['platform-fold'].severity, 'hint', 'copydesk.json over every pack');
		assert.equal(loaded.config.platforms.weibo.body.limit, 100);
		assert.equal(loaded.config.platforms.weibo.sources['body.limit'].source, 'pack two');
	});

	it('adds up term lists: packs in order, then copydesk.json', () => {
		root = makeTree({
			'copydesk.json': { packs: ['./a', './b'], terms: [{ preferred: 'WeChat' }] },
			'a/copydesk-pack.json': manifest('a', { terms: 'terms.json' }),
			'a/terms.json': [{ forbidden: ['AcmeCloud'], preferred: 'Acme Cloud' }],
			'b/copydesk-pack.json': manifest('b', { terms: 'terms.json' }),
			'b/terms.json': [{ forbidden: '禁用词' }],
		});
		const loaded = loadConfig(path.join(root, 'copydesk.json'), root);
		assert.deepEqual(loaded.config.extra.terms, [{ forbidden: ['AcmeCloud'], preferred: 'Acme Cloud' }, { forbidden: '禁用词' }, { preferred: 'WeChat' }]);
	});

	it('lets a pack define a custom platform that drafts can name', () => {
		root = makeTree({
			'copydesk.json': { packs: ['./p'] },
			'p/copydesk-pack.json': manifest('p', { platforms: { intranet: { unit: 'char', limit: 10, locale: 'en', hashtag: 'none' } } }),
		});
		const loaded = loadConfig(path.join(root, 'copydesk.json'), root);
		const r = lint({ text: '---\nplatform: intranet\n---\nThis is longer than ten.', config: loaded.config });
		assert.deepEqual(r.findings.map((f) => [f.rule, f.platform, f.severity]), [['platform-limit', 'intranet', 'error']]);
	});
});

describe('packs: a broken pack', () => {
	let root: string;
	afterEach(() => removeTree(root));

	it('with bad JSON: a problem in its manifest, and the other packs still apply', () => {
		root = makeTree({
			'copydesk.json': { packs: ['./bad', './good'] },
			'bad/copydesk-pack.json': '{ "name": "bad", "version": "1.0.0", "rules": { "platform-limit": "off" ',
			'good/copydesk-pack.json': manifest('good', { rules: { 'cjk-density': 'error' } }),
		});
		const loaded = loadConfig(path.join(root, 'copydesk.json'), root);
		const bad = problemsOf(loaded, path.join(root, 'bad', 'copydesk-pack.json'));
		assert.equal(bad.length, 1);
		assert.match(bad[0].message, /copydesk-pack\.json is not valid JSON/);
		assert.equal(loaded.config.rules['platform-limit'], undefined, 'nothing of the broken file applies');
		assert.equal(loaded.config.rules['cjk-density'].severity, 'error', 'the good pack applies');
		assert.deepEqual(problemsOf(loaded, path.join(root, 'copydesk.json')), []);
	});

	it('with values of the wrong type: each problem at its value, the valid parts apply', () => {
		root = makeTree({
			'copydesk.json': { packs: ['./p'] },
			'p/copydesk-pack.json': '{\n "name": "Not A Name",\n "version": 1,\n "snippets": 3,\n "rules": { "cjk-density": "loud", "platform-fold": "error" },\n "drafts": ["x"]\n}',
		});
		const file = path.join(root, 'p', 'copydesk-pack.json');
		const loaded = loadConfig(path.join(root, 'copydesk.json'), root);
		const f = loaded.files.find((x) => x.file === file)!;
		assert.deepEqual(f.problems.map((p) => [f.text.slice(p.start, p.end), p.severity]), [
			['"Not A Name"', 'error'], ['1', 'error'], ['3', 'error'], ['"loud"', 'error'], ['"drafts"', 'warning'],
		]);
		assert.equal(loaded.config.rules['platform-fold'].severity, 'error');
		assert.equal(loaded.config.rules['cjk-density'], undefined);
	});

	it('with a missing snippet file: a problem where the manifest names it, the rest loads', () => {
		root = makeTree({
			'copydesk.json': { packs: ['./p'] },
			'p/copydesk-pack.json': manifest('p', { snippets: ['snippets/gone.json', 'snippets/ok.json'], rules: { 'platform-fold': 'error' } }),
			'p/snippets/ok.json': { Hello: { prefix: 'hi', body: 'Hello ${1:world}', platforms: ['x'] } },
		});
		const file = path.join(root, 'p', 'copydesk-pack.json');
		const loaded = loadConfig(path.join(root, 'copydesk.json'), root);
		assert.equal(at(loaded, file), '"snippets/gone.json"');
		assert.match(problemsOf(loaded, file)[0].message, /Cannot read 'snippets\/gone.json'/);
		assert.deepEqual(loaded.packs[0].snippets.map((s) => [s.name, s.pack, s.body]), [['Hello', 'p', 'Hello ${1:world}']]);
		assert.equal(loaded.config.rules['platform-fold'].severity, 'error');
	});

	it('with broken snippets: each problem in the snippet file, valid snippets kept', () => {
		root = makeTree({
			'copydesk.json': { packs: ['./p'] },
			'p/copydesk-pack.json': manifest('p', { snippets: ['s.json'] }),
			'p/s.json': '{\n "ok": { "prefix": "ok", "body": ["a", "b"] },\n "noBody": { "prefix": "nb" },\n "transform": { "prefix": "t", "body": "${1/(a)/b/}" },\n "tag": { "prefix": "tag", "body": "x", "platforms": ["weibo", "myspace"] }\n}',
		});
		const file = path.join(root, 'p', 's.json');
		const loaded = loadConfig(path.join(root, 'copydesk.json'), root);
		const f = loaded.files.find((x) => x.file === file)!;
		assert.deepEqual(f.problems.map((p) => f.text.slice(p.start, p.end)), ['"noBody"', '"${1/(a)/b/}"', '"tag"']);
		assert.match(f.problems[2].message, /unknown platform 'myspace'/);
		assert.deepEqual(loaded.packs[0].snippets.map((s) => s.name), ['ok', 'tag']);
	});

	it('with a terms file that is not a list', () => {
		root = makeTree({
			'copydesk.json': { packs: ['./p'] },
			'p/copydesk-pack.json': manifest('p', { terms: 'terms.json' }),
			'p/terms.json': { term: 'x' },
		});
		const loaded = loadConfig(path.join(root, 'copydesk.json'), root);
		assert.match(problemsOf(loaded, path.join(root, 'p', 'terms.json'))[0].message, /Expected array/);
		assert.equal(loaded.config.extra.terms, undefined);
	});

	it('listed twice: a warning on the second entry', () => {
		root = makeTree({ 'copydesk.json': { packs: ['./p', './p/'] }, 'p/copydesk-pack.json': manifest('p') });
		const file = path.join(root, 'copydesk.json');
		const loaded = loadConfig(file, root);
		assert.equal(at(loaded, file), '"./p/"');
		assert.equal(loaded.packs.length, 1);
	});
});
