import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../helpers/paths';

// What the .vsix may hold: the bundles, manifest strings, schema, snippets, rule docs and walkthrough pages.
const ALLOWED = [
	/^package(\.nls(\.[a-z-]+)?)?\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/,
	/^client\/out\/extension\.js$/, /^client\/l10n\/[\w.-]+\.json$/,
	/^server\/out\/(server|cli)\.js$/, /^server\/schemas\/[\w.-]+\.json$/,
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
		for (const needed of ['package.json', 'README.md', 'client/out/extension.js', 'server/out/server.js', 'server/schemas/copydesk.schema.json', 'docs/rules/platform-limit.md', 'walkthrough/create.md', 'walkthrough/create.zh-cn.md']) {
			assert.ok(files.includes(needed), `${needed} must ship`);
		}
		assert.ok(!files.some((f) => f.endsWith('.map') || f.endsWith('.ts') || f.startsWith('node_modules/')));
	});
});
