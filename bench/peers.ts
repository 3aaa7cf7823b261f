/**
 * The peers the benchmark runs side by side with Copydesk on the same seeded posts: AutoCorrect
 * (npm `autocorrect-node`: the Rust core through a native binding, and the same package's
 * `autocorrect` command) and zhlint. They are not project dependencies: `npm run bench` installs
 * them on demand, at pinned versions, into a cache folder outside the project
 * (`$COPYDESK_BENCH_CACHE`, default `~/.cache/copydesk-bench/peers`), never during `npm test`.
 * A peer that cannot be installed or loaded is reported with the reason and skipped.
 *
 * Both only check CJK typography (spacing, punctuation): none of them counts per platform, knows
 * campaign markers or checks tone and compliance, so a ratio compares tools doing different jobs.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

/** Pinned so that runs compare: bump deliberately. */
export const PEER_VERSIONS = { 'autocorrect-node': '2.14.0', zhlint: '0.8.2' } as const;

export function peerCache(): string {
	return process.env.COPYDESK_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'copydesk-bench', 'peers');
}

export interface Peer {
	name: string;
	version: string;
	/** What it does on each file, and what it does not. */
	does: string;
	/** Runs the peer in this process on one file's text; returns how many problems it found. */
	run(text: string): Promise<number> | number;
	/** The peer's command on a file: `node <script> …args <file>`. */
	cli: { script: string; args: string[] };
}

function installed(dir: string): boolean {
	return Object.entries(PEER_VERSIONS).every(([name, v]) => {
		try {
			return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version === v;
		} catch {
			return false;
		}
	});
}

/** Installs the peers into the cache folder when they are not there yet; returns why not when that fails. */
export function ensurePeers(log: (s: string) => void): { dir: string; error?: string } {
	const dir = peerCache();
	if (installed(dir)) {
		return { dir };
	}
	fs.mkdirSync(dir, { recursive: true });
	if (!fs.existsSync(path.join(dir, 'package.json'))) {
		fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true, "description": "Peers of the Copydesk benchmark (bench/peers.ts)" }\n');
	}
	const specs = Object.entries(PEER_VERSIONS).map(([n, v]) => `${n}@${v}`);
	log(`peers: npm install ${specs.join(' ')} into ${dir}`);
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const r = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--no-save', ...specs], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
	if (r.status !== 0 || !installed(dir)) {
		return { dir, error: `npm install failed: ${(r.stderr || r.error?.message || '').trim().split('\n').slice(-1)[0] ?? '?'}` };
	}
	return { dir };
}

function autocorrect(load: NodeJS.Require, dir: string): Peer {
	const mod = load('autocorrect-node') as { lintFor(text: string, filename: string): { lines: unknown[] } };
	return {
		name: 'AutoCorrect (autocorrect-node)', version: PEER_VERSIONS['autocorrect-node'],
		does: 'typography only: CJK spacing and full/half-width punctuation in Markdown (Rust core; in-process through its native binding, CLI `autocorrect --lint`); no counting, platforms, tone or compliance',
		run: (text) => mod.lintFor(text, 'post.md').lines.length,
		cli: { script: path.join(dir, 'node_modules', 'autocorrect-node', 'cli.js'), args: ['--lint'] },
	};
}

async function zhlint(dir: string): Promise<Peer> {
	// zhlint is an ES module: imported by URL from the cache folder.
	const entry = createRequire(path.join(dir, 'package.json')).resolve('zhlint');
	const mod = (await import(`file://${entry}`)) as { run(text: string, options: unknown): { validations: unknown[] } };
	return {
		name: 'zhlint', version: PEER_VERSIONS.zhlint,
		does: 'typography only: Chinese punctuation, spacing and brackets on Markdown (remark parse, default preset); no counting, platforms, tone or compliance',
		run: (text) => mod.run(text, { rules: { preset: 'default' } }).validations.length,
		cli: { script: path.join(dir, 'node_modules', 'zhlint', 'bin', 'index.js'), args: [] },
	};
}

/** Every peer that loads; the ones that do not are reported with the reason. */
export async function loadPeers(log: (s: string) => void): Promise<{ peers: Peer[]; missing: { name: string; reason: string }[] }> {
	const { dir, error } = ensurePeers(log);
	if (error) {
		return { peers: [], missing: Object.keys(PEER_VERSIONS).map((name) => ({ name, reason: error })) };
	}
	const load = createRequire(path.join(dir, 'package.json'));
	const peers: Peer[] = [];
	const missing: { name: string; reason: string }[] = [];
	for (const [name, make] of [['autocorrect-node', async () => autocorrect(load, dir)], ['zhlint', () => zhlint(dir)]] as const) {
		try {
			peers.push(await make());
		} catch (e) {
			missing.push({ name, reason: e instanceof Error ? e.message.split('\n')[0] : String(e) });
		}
	}
	return { peers, missing };
}
