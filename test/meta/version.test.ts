/**
 * The version comes from package.json alone: the CLI's --version, SARIF's tool.driver.version and the
 * language server's serverInfo all say package.json's version, and no source file spells it out.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { LspClient } from '../helpers/lsp';
import { ROOT } from '../helpers/paths';
import { tempDir } from '../helpers/tmp';

const PKG_VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

/**
 * A literal equal to the version that is not the tool's: the version a new team pack starts at
 * (engine/pack.ts, the manifest `createPack` writes). It only matches while the two happen to agree.
 */
const NOT_THE_TOOL = new Set(['server/src/engine/pack.ts']);

function sources(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? sources(p) : /\.ts$/.test(e.name) ? [p] : [];
	});
}

describe('the version, from package.json alone', () => {
	it('no source file writes the version as a literal', () => {
		const literal = new RegExp(`['"\`]v?${PKG_VERSION.replace(/\./g, '\\.')}['"\`]`);
		const hits = [...sources(path.join(ROOT, 'server', 'src')), ...sources(path.join(ROOT, 'client', 'src'))]
			.map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
			.filter((f) => !NOT_THE_TOOL.has(f) && literal.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
		assert.deepEqual(hits, []);
	});

	it('copydesk --version and SARIF tool.driver.version say it', () => {
		const dir = tempDir('version-');
		fs.mkdirSync(path.join(dir, '.git'));
		fs.writeFileSync(path.join(dir, 'a.md'), '---\nplatform: weibo\n---\n你好\n');
		assert.equal(runCli(['--version'], dir).stdout, PKG_VERSION);
		const sarif = JSON.parse(runCli(['check', 'a.md', '--format', 'sarif'], dir).stdout);
		assert.equal(sarif.runs[0].tool.driver.version, PKG_VERSION);
	});

	it('the language server says it in serverInfo', async () => {
		const client = new LspClient({ rootPath: tempDir('version-lsp-') });
		try {
			const result = await client.initialize() as { serverInfo?: { version?: string } };
			assert.equal(result.serverInfo?.version, PKG_VERSION);
		} finally {
			await client.stop();
		}
	});
});
