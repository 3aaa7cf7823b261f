/**
 * A second real LSP client: Debian's Neovim (0.7.2 on Debian 12) runs the bundled server over
 * stdio with its built-in client (test/e2e/nvim/diagnostics.lua) and writes the diagnostics it
 * received as JSON. The test compares them with what the CLI reports for the same draft, so
 * the server's positions survive a client that counts columns in UTF-8 bytes.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI_BUNDLE, ROOT, SERVER_BUNDLE } from '../helpers/paths';
import { NVIM, requireTool } from './tools';
import { tempDir } from '../helpers/tmp';

interface NvimDiagnostic {
	code: string | null;
	lnum: number;
	col: number;
	end_lnum: number;
	end_col: number;
	severity: number;
	message: string;
	source: string | null;
}
interface NvimResult {
	ok: boolean;
	error: string | null;
	nvim: string | null;
	diagnostics: NvimDiagnostic[];
}
interface CliDiagnostic {
	file: string;
	line: number;
	column: number;
	severity: string;
	rule: string;
	message: string;
}

const SCRIPT = path.join(ROOT, 'test', 'e2e', 'nvim', 'diagnostics.lua');
const FOUNDATION = new Set(['platform-limit', 'platform-fold', 'cjk-density']);
const NVIM_SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };

function runNvim(draft: string): NvimResult {
	const dir = tempDir('nvim-');
	try {
		const out = path.join(dir, 'diagnostics.json');
		const r = spawnSync(NVIM, ['--headless', '--clean', '-c', `luafile ${SCRIPT}`], {
			cwd: dir,
			encoding: 'utf8',
			// Bounded: the script waits at most 20 s for diagnostics and then quits by itself.
			timeout: 60000,
			env: {
				...process.env, HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'), XDG_DATA_HOME: path.join(dir, 'data'),
				XDG_STATE_HOME: path.join(dir, 'state'), XDG_CACHE_HOME: path.join(dir, 'cache'),
				COPYDESK_SERVER: SERVER_BUNDLE, COPYDESK_DRAFT: draft, COPYDESK_OUT: out, COPYDESK_WAIT_MS: '20000',
			},
		});
		assert.ok(fs.existsSync(out), `nvim wrote no result (exit ${r.status}, signal ${r.signal}, error ${r.error?.message ?? 'none'}):\n${r.stdout}\n${r.stderr}`);
		return JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult;
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

function cliCheck(draft: string): CliDiagnostic[] {
	const r = spawnSync(process.execPath, [CLI_BUNDLE, 'check', '--format', 'json', draft], { encoding: 'utf8', cwd: path.dirname(draft) });
	assert.ok(r.stdout.trim().startsWith('{'), `copydesk check printed no JSON (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
	return (JSON.parse(r.stdout) as { diagnostics: CliDiagnostic[] }).diagnostics;
}

/**
 * Asserts that each foundation finding the CLI reports for `draft` (1-based lines, 1-based UTF-16
 * columns) is among Neovim's diagnostics (0-based lines, UTF-8 byte columns) at the same place,
 * with the same rule id, message and severity. Returns how many it compared.
 */
function sameAsCli(draft: string, got: NvimResult): number {
	const seen = got.diagnostics.map((d) => `${d.code}@${d.lnum}:${d.col}: ${d.message}`).join('\n');
	const lines = fs.readFileSync(draft, 'utf8').split('\n');
	const expected = cliCheck(draft).filter((d) => FOUNDATION.has(d.rule));
	for (const e of expected) {
		const lnum = e.line - 1;
		const col = Buffer.byteLength(lines[lnum].slice(0, e.column - 1), 'utf8');
		const match = got.diagnostics.find((d) => d.code === e.rule && d.lnum === lnum && d.message === e.message);
		assert.ok(match, `Neovim has no ${e.rule} diagnostic on line ${lnum} with "${e.message}"; it received:\n${seen}`);
		assert.equal(match.col, col, `${e.rule} on line ${lnum}: byte column (UTF-16 column ${e.column - 1})`);
		assert.equal(match.severity, NVIM_SEVERITY[e.severity], `${e.rule} on line ${lnum}: severity`);
	}
	return expected.length;
}

describe('Neovim as an LSP client (e2e)', function () {
	this.timeout(90000);
	let workspace: string;

	before(() => {
		requireTool(NVIM, 'Neovim');
		requireTool(SERVER_BUNDLE, 'the server bundle (npm run build)');
		workspace = tempDir('nvim-ws-');
		fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
	});
	after(() => fs.rmSync(workspace, { recursive: true, force: true }));

	it('receives the campaign example\'s diagnostics with rule ids, lines and byte columns', () => {
		const draft = path.join(workspace, 'campaign-launch.md');
		const got = runNvim(draft);
		assert.equal(got.error, null, `the Neovim script failed: ${got.error}`);
		assert.ok(got.ok);
		assert.match(got.nvim ?? '', /^0\.\d+\.\d+$/);
		const seen = got.diagnostics.map((d) => `${d.code}@${d.lnum}: ${d.message}`).join('\n');

		// Every diagnostic is Copydesk's and carries its rule id as the LSP code.
		for (const d of got.diagnostics) {
			assert.equal(d.source, 'copydesk', `a diagnostic without the copydesk source:\n${seen}`);
			assert.match(d.code ?? '', /^[a-z][a-z0-9-]*$/, `a diagnostic without a rule id:\n${seen}`);
		}

		// The foundation rules' findings arrive in Neovim where the CLI puts them.
		const matched = sameAsCli(draft, got);
		assert.ok(matched >= 4, `fewer foundation findings than the example shows today: ${matched}`);

		// And the ones this example is known for, by rule and line (0-based): Weibo and X over their
		// limits, the Xiaohongshu title over 20, and the English-only Xiaohongshu post.
		for (const [rule, lnum, text] of [
			['platform-limit', 7, /^Weibo: \d+\/140 \(\d+ over\)$/],
			['platform-limit', 10, /^X: \d+\/280 \(\d+ over\)$/],
			['platform-limit', 15, /^Xiaohongshu \(RED\) title: \d+\/20 \(\d+ over\)$/],
			['cjk-density', 16, /not localized/],
		] as const) {
			assert.ok(got.diagnostics.some((d) => d.code === rule && d.lnum === lnum && text.test(d.message)),
				`expected ${rule} on line ${lnum} matching ${text}; Neovim received:\n${seen}`);
		}
	});

	it('gets positions right after emoji (two UTF-16 units, four bytes) and Chinese (three bytes)', () => {
		const draft = path.join(workspace, 'emoji-x.md');
		fs.writeFileSync(draft, `<!-- post platform=x locale=en -->\n🎉🎉 发布 ${'word '.repeat(60).trim()}\n`);
		const got = runNvim(draft);
		assert.equal(got.error, null, `the Neovim script failed: ${got.error}`);
		assert.equal(sameAsCli(draft, got), 1, 'one platform-limit finding on the X post');
		const over = got.diagnostics.find((d) => d.code === 'platform-limit')!;
		// X weighs each emoji and Han character 2: "🎉🎉 发布 " weighs 10, so the 280 fill up 270 characters
		// into the ASCII words (309 in all). In Neovim's bytes, "🎉🎉 发布 " is 4+4+1+3+3+1 = 16, so the
		// overflow starts at byte 16 + 270 (UTF-16 column 8 + 270 on the server's side).
		assert.equal(over.lnum, 1);
		assert.equal(over.message, 'X: 309/280 (29 over)');
		assert.equal(over.col, 286);
	});
});
