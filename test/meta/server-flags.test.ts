/**
 * The language server's Node flags (server/src/shared/runtime.ts) are the ones every launcher uses:
 * the VS Code client forks it with them, the benchmarks start it (and measure in-process) with them,
 * and the README gives them to other editors. And they are what a running server has.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SERVER_NODE_FLAGS } from '../../server/src/shared/runtime';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');

describe('the language server\'s Node flags', () => {
	it('are V8 heap sizes only (nothing that loads code or changes behaviour)', () => {
		assert.ok(SERVER_NODE_FLAGS.length > 0);
		for (const f of SERVER_NODE_FLAGS) {
			assert.match(f, /^--(max|min)-semi-space-size=\d+$/);
		}
	});

	it('the VS Code client forks the server with them (run and debug), over stdio', () => {
		const src = read('client/src/extension.ts');
		const run = /run:\s*\{[^}]*transport:\s*TransportKind\.stdio[^}]*execArgv:\s*\[\.\.\.SERVER_NODE_FLAGS\]/.test(src);
		const debug = /debug:\s*\{[^}]*transport:\s*TransportKind\.stdio[^}]*execArgv:\s*\[\.\.\.SERVER_NODE_FLAGS,/.test(src);
		assert.ok(run && debug, 'client/src/extension.ts starts the server over stdio with SERVER_NODE_FLAGS as execArgv (run and debug)');
	});

	it('the README gives other editors the same command', () => {
		assert.ok(read('README.md').includes(`node ${SERVER_NODE_FLAGS.join(' ')} server/out/server.js --stdio`));
	});

	it('a node started with them has the young generation they ask for', async () => {
		const min = Number(/--min-semi-space-size=(\d+)/.exec(SERVER_NODE_FLAGS.join(' '))?.[1] ?? 0);
		const out = await new Promise<string>((resolve, reject) => {
			const p = spawn(process.execPath, [...SERVER_NODE_FLAGS, '-e', 'process.stdout.write(String(require("v8").getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size))']);
			let s = '';
			p.stdout.on('data', (d) => (s += d));
			p.on('error', reject);
			p.on('close', (code) => (code === 0 ? resolve(s) : reject(new Error(`exit ${code}`))));
		});
		// new_space's size is one semi-space: at least the minimum asked for (Node's default starts at 1 MB).
		assert.ok(Number(out) >= min * 1024 * 1024, `new_space ${out} bytes, asked for at least ${min} MB`);
	});
});
