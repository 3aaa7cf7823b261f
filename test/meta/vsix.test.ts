import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/paths';

// What the .vsix may hold: the bundles, manifest strings, schema, snippets, rule docs and walkthrough pages.
const ALLOWED = [
	/^package(\.nls(\.[a-z-]+)?)?\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/, /^ThirdPartyNotices\.txt$/,
	/^client\/out\/extension\.js$/, /^client\/l10n\/[\w.-]+\.json$/,
	/^server\/out\/(server|cli|cli-program)\.js$/, /^server\/out\/opencc\/[A-Za-z]+\.js$/, /^server\/out\/lib\/[\w-]+\.js$/, /^server\/schemas\/[\w.-]+\.json$/,
	/^snippets\/[\w.-]+\.json$/, /^docs\/rules\/[a-z-]+\.md$/, /^docs\/[\w-]+\.md$/, /^images\/[\w.-]+\.(png|svg)$/,
	/^walkthrough\/[\w.-]+\.md$/,
];

describe('the .vsix contents', function () {
	this.timeout(120000);
	it('hold only what the extension needs, and everything it needs', () => {
		const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
		assert.equal(r.status, 0, r.stderr);
		const files = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
		assert.deepEqual(files.filter((f) => !ALLOWED.some((re) => re.test(f))), [], 'files that should not ship');
		for (const needed of ['package.json', 'README.md', 'client/out/extension.js', 'server/out/server.js', 'server/out/cli.js', 'server/out/cli-program.js', 'server/out/opencc/STCharacters.js', 'server/out/opencc/TSPhrases.js', 'server/out/lib/chrono-node.js', 'server/schemas/copydesk.schema.json', 'docs/rules/platform-limit.md', 'walkthrough/create.md', 'walkthrough/create.zh-cn.md', 'ThirdPartyNotices.txt', 'images/icon.png']) {
			assert.ok(files.includes(needed), `${needed} must ship`);
		}
		assert.ok(!files.some((f) => f.endsWith('.map') || f.endsWith('.ts') || f.startsWith('node_modules/')));
	});

	it('name an icon the Marketplace accepts: a PNG of at least 128 × 128 that ships', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { icon?: string };
		assert.equal(pkg.icon, 'images/icon.png');
		const png = fs.readFileSync(path.join(ROOT, pkg.icon));
		assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
		assert.equal(png.toString('ascii', 12, 16), 'IHDR');
		assert.ok(png.readUInt32BE(16) >= 128 && png.readUInt32BE(16) === png.readUInt32BE(20), 'square, at least 128 px');
	});

	it('carry the notices of the bundled packages, made from the bundles themselves', () => {
		const notices = fs.readFileSync(path.join(ROOT, 'ThirdPartyNotices.txt'), 'utf8');
		const listed = [...notices.matchAll(/^(@?[a-z0-9][\w./-]*) (\d+\.\d+\.\d+\S*) \(/gm)].map((m) => m[1]);
		// The packages the engine and the adapters import directly, and the OpenCC dictionaries' Apache-2.0 text.
		for (const name of ['twitter-text', 'opencc-js', 'yaml', 'jsonc-parser', 'vscode-languageserver', 'vscode-languageclient']) {
			assert.ok(listed.includes(name), `${name} is bundled and must be in ThirdPartyNotices.txt (listed: ${listed.join(', ')})`);
		}
		assert.match(notices, /Apache License\s+Version 2\.0/);
		assert.ok(!listed.includes('mocha') && !listed.includes('esbuild'), 'only bundled packages, not dev tools');
	});
});
