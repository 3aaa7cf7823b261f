/**
 * `npm run bench`: builds the production bundles, then measures Copydesk against the targets of
 * issue 7 and the peers on the same seeded corpus, prints a Markdown report and writes it to
 * bench/results/latest.md. Not part of `npm test`: timings belong here, not in assertions.
 *
 * Options: --seed N, --posts N (corpus size), --no-peers, --quick (fewer repetitions),
 * --rules-against DIR (each rule alone against another checkout: bench/per-rule.ts, also written to
 * bench/results/per-rule.md), --out FILE (default bench/results/latest.md; "-" for none), --profile full|incremental (only
 * lint the 1 MB file 20 times, under node --cpu-prof: see bench/README.md). Env: BENCH_SEED, BENCH_POSTS.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LintCache, lint, resolveConfig, rules } from '../server/src/engine';
import { BENCH_SEED, campaignFile, campaignFileOfSize, generateCorpus, withOneEdit } from './corpus';
import { SERVER_NODE_FLAGS } from '../server/src/shared/runtime';
import { BenchClient, editLatency } from './lsp';
import { loadPeers, peerCache, type Peer } from './peers';
import { profileRun } from './profile';

// bench/out/run.js → the repository root.
const ROOT = path.resolve(__dirname, '..', '..');
const CLIENT_BUNDLE = path.join(ROOT, 'client', 'out', 'extension.js');
const SERVER_BUNDLE = path.join(ROOT, 'server', 'out', 'server.js');
const CLI_BUNDLE = path.join(ROOT, 'server', 'out', 'cli.js');

function arg(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(name);

const SEED = Number(arg('--seed') ?? process.env.BENCH_SEED ?? BENCH_SEED);
const POSTS = Number(arg('--posts') ?? process.env.BENCH_POSTS ?? 10000);
const QUICK = flag('--quick');
const PEERS = !flag('--no-peers');
const OUT = arg('--out') ?? path.join(ROOT, 'bench', 'results', 'latest.md');

const now = () => performance.now();

function quantile(xs: number[], q: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const median = (xs: number[]) => quantile(xs, 0.5);

function ms(n: number): string {
	return n >= 100 ? `${n.toFixed(0)} ms` : n >= 10 ? `${n.toFixed(1)} ms` : `${n.toFixed(2)} ms`;
}
function kb(n: number): string {
	return `${(n / 1024).toFixed(1)} KB`;
}
function mb(n: number): string {
	return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
function num(n: number): string {
	return Math.round(n).toLocaleString('en-US');
}

function log(s: string): void {
	process.stderr.write(`${s}\n`);
}

/** Wall and CPU times (ms) of each run. */
interface Times {
	wall: number[];
	cpu: number[];
}

/** Times `f` `n` times after `warm` warm-up runs: wall clock, and this process's CPU time. */
function times(f: () => void, n: number, warm: number): Times {
	for (let i = 0; i < warm; i++) {
		f();
	}
	const out: Times = { wall: [], cpu: [] };
	for (let i = 0; i < n; i++) {
		const c = process.cpuUsage();
		const t = now();
		f();
		out.wall.push(now() - t);
		const u = process.cpuUsage(c);
		out.cpu.push((u.user + u.system) / 1000);
	}
	return out;
}

/** CPU time (ms) of this process's finished children, from /proc (Linux; clock ticks of 10 ms). */
function childrenCpu(): number | undefined {
	try {
		const stat = fs.readFileSync('/proc/self/stat', 'utf8');
		const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// Fields 16 and 17 of proc(5), cutime and cstime, counted from the state (field 3).
		return (Number(f[13]) + Number(f[14])) * 10;
	} catch {
		return undefined;
	}
}

function runCli(dir: string, args: string[] = ['.']): Promise<{ ms: number; cpu?: number }> {
	return runNode(CLI_BUNDLE, ['check', ...args], dir).then((r) => {
		if (r.code === 2) {
			throw new Error(`CLI failed: ${r.stderr}`);
		}
		return r;
	});
}

/** Runs `node script …args` in `dir`: wall time, the child's CPU time, exit code; killed after `timeoutMs` (then `timedOut`). */
function runNode(script: string, args: string[], dir: string, timeoutMs = 600_000): Promise<{ ms: number; cpu?: number; code: number | null; stderr: string; timedOut: boolean }> {
	return new Promise((resolve, reject) => {
		const c0 = childrenCpu();
		const t = now();
		const p = spawn(process.execPath, [script, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LANG: 'C' } });
		let err = '';
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			p.kill('SIGKILL');
		}, timeoutMs);
		p.stderr.on('data', (d) => (err += String(d)));
		p.on('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		p.on('close', (code) => {
			clearTimeout(timer);
			const ms = now() - t;
			const c1 = childrenCpu();
			resolve({ ms, cpu: c0 !== undefined && c1 !== undefined ? c1 - c0 : undefined, code, stderr: err, timedOut });
		});
	});
}

/** The median wall and CPU times of `runs` runs after one warm-up, or how long it ran before it was stopped. */
async function medianRun(run: () => Promise<{ ms: number; cpu?: number; timedOut?: boolean }>, runs: number): Promise<{ ms: number; cpu?: number } | { timedOut: number }> {
	const first = await run();
	if (first.timedOut) {
		return { timedOut: first.ms };
	}
	const out: { ms: number; cpu?: number }[] = [];
	for (let i = 0; i < runs; i++) {
		const r = await run();
		if (r.timedOut) {
			return { timedOut: r.ms };
		}
		out.push(r);
	}
	const cpus = out.map((r) => r.cpu).filter((c): c is number => c !== undefined);
	return { ms: median(out.map((r) => r.ms)), cpu: cpus.length ? median(cpus) : undefined };
}

interface Row {
	metric: string;
	value: string;
	cpu?: string;
	target?: string;
	pass?: boolean;
}

/** Server RSS after opening `n` drafts of 20 posts each (and the baseline after initialize). */
async function serverMemory(n: number): Promise<{ idle?: number; loaded?: number; initMs: number }> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-mem-'));
	const t = now();
	const client = new BenchClient(SERVER_BUNDLE, dir, { debounce: 0 });
	try {
		await client.initialize();
		const initMs = now() - t;
		await new Promise((r) => setTimeout(r, 200));
		const idle = client.rss();
		const opened: Promise<unknown>[] = [];
		for (let i = 0; i < n; i++) {
			opened.push(client.open(pathToFileURL(path.join(dir, `draft-${i}.md`)).toString(), campaignFile(SEED + i, 20)));
		}
		await Promise.all(opened);
		await new Promise((r) => setTimeout(r, 200));
		return { idle, loaded: client.rss(), initMs };
	} finally {
		await client.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** What the client bundle is made of: bytes in the minified output by package (esbuild's metafile). */
async function clientComposition(): Promise<{ name: string; bytes: number }[]> {
	const esbuild = createRequire(__filename)('esbuild') as typeof import('esbuild');
	const r = await esbuild.build({
		entryPoints: [path.join(ROOT, 'client', 'src', 'extension.ts')], bundle: true, platform: 'node', format: 'cjs',
		mainFields: ['module', 'main'], target: 'node20', minify: true, external: ['vscode'], write: false, metafile: true, outfile: 'x.js', logLevel: 'silent',
	});
	const by = new Map<string, number>();
	for (const out of Object.values(r.metafile.outputs)) {
		for (const [file, v] of Object.entries(out.inputs)) {
			const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
			const name = m ? m[1] : 'Copydesk (client/src, server/src)';
			by.set(name, (by.get(name) ?? 0) + v.bytesInOutput);
		}
	}
	return [...by].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** Loads the client bundle with a stub `vscode` module: what VS Code pays before activate() runs. */
function clientLoadTime(): number {
	const load = createRequire(__filename);
	const Module = load('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
	const stub: unknown = new Proxy(function () {
		// Any property, call or construction gives the stub back.
	}, {
		get: (_t, k) => (k === Symbol.toPrimitive ? () => '' : k === 'then' ? undefined : stub),
		apply: () => stub,
		construct: () => stub as object,
	});
	const original = Module._load;
	Module._load = function (request: string, ...rest: unknown[]) {
		return request === 'vscode' ? stub : original.call(this, request, ...rest);
	};
	try {
		const t = now();
		load(CLIENT_BUNDLE);
		return now() - t;
	} finally {
		Module._load = original;
	}
}

async function profileMain(mode: string): Promise<void> {
	if (mode !== 'full' && mode !== 'incremental') {
		throw new Error(`--profile full|incremental, not ${mode}`);
	}
	const t = profileRun(mode, 20, SEED);
	log(`${mode} re-check of the 1 MB file: median ${ms(median(t))}, min ${ms(Math.min(...t))} over ${t.length} runs`);
}

/**
 * Copydesk and the peers on the same campaign files (one file of 2,000 and one of 10,000 seeded
 * posts): each tool's command on the file (wall, median), and each in this process through its API
 * (CPU). Ratios are Copydesk's time over the peer's: below 1 Copydesk is faster. A peer that cannot be
 * installed is named with the reason; one that does not finish within the time limit is reported so.
 */
async function sideBySide(config: ReturnType<typeof resolveConfig>): Promise<{ rows: Row[]; report: string[] }> {
	const { peers, missing } = await loadPeers(log);
	const ac = peers.find((p) => p.name.startsWith('AutoCorrect'));
	const zl = peers.find((p) => p.name === 'zhlint');
	const limit = QUICK ? 60_000 : 180_000;
	const runs = QUICK ? 1 : 3;
	const rows: Row[] = [];
	const table: string[] = [];
	const two: Record<string, number> = {};
	type Timed = { ms: number; cpu?: number } | { timedOut: number } | undefined;
	const cell = (t: Timed) => (!t ? 'not run' : 'timedOut' in t ? `did not finish in ${ms(t.timedOut)}` : ms(t.ms));
	const ratio = (a: Timed, b: Timed) => (a && b && !('timedOut' in a) && !('timedOut' in b) ? `${(a.ms / b.ms).toFixed(2)}×` : a && b && 'timedOut' in b && !('timedOut' in a) ? `< ${(a.ms / b.timedOut).toFixed(3)}×` : '—');
	const msOf = (t: Timed) => (t && !('timedOut' in t) ? t.ms : undefined);
	for (const n of [2000, 10000]) {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-side-'));
		const text = campaignFile(SEED, n);
		fs.writeFileSync(path.join(dir, 'campaign.md'), text);
		log(`side by side: ${n} posts, CLI`);
		const cliOf = async (p?: Peer): Promise<Timed> => (p ? medianRun(() => runNode(p.cli.script, [...p.cli.args, 'campaign.md'], dir, limit), runs) : undefined);
		// The 10,000-post file is 2.4 MB, over the default draft cap (2 MiB): the cap is raised so that it is checked.
		const cd = await medianRun(() => runNode(CLI_BUNDLE, ['check', 'campaign.md', '--max-file-size', '8m'], dir, limit), runs);
		const acCli = await cliOf(ac);
		const zlCli = await cliOf(zl);
		log(`side by side: ${n} posts, in-process`);
		const inProcess = async (f: () => unknown): Promise<Timed> => {
			const c0 = process.cpuUsage();
			const t0 = now();
			await f();
			const u = process.cpuUsage(c0);
			return { ms: now() - t0, cpu: (u.user + u.system) / 1000 };
		};
		const best = async (f: () => unknown): Promise<Timed> => {
			await inProcess(f);
			const xs: { ms: number; cpu?: number }[] = [];
			for (let i = 0; i < runs; i++) {
				xs.push(await inProcess(f) as { ms: number; cpu?: number });
			}
			return { ms: median(xs.map((x) => x.ms)), cpu: median(xs.map((x) => x.cpu!)) };
		};
		const cdIn = await best(() => lint({ text, config, variants: 'compared' }));
		const acIn = ac ? await best(() => ac.run(text)) : undefined;
		// zhlint in-process cannot be stopped: it runs only when its command finished within the limit.
		const zlIn = zl && zlCli && !('timedOut' in zlCli) ? await best(() => zl.run(text)) : undefined;
		fs.rmSync(dir, { recursive: true, force: true });
		table.push(
			`| ${num(n)} posts, one campaign file: CLI wall (median) | ${cell(cd)} | ${cell(acCli)} | ${cell(zlCli)} | ${ratio(cd, acCli)} | ${ratio(cd, zlCli)} |`,
			`| ${num(n)} posts, same file in-process (median) | ${cell(cdIn)} | ${cell(acIn)} | ${zl && !zlIn ? 'not run (its command did not finish)' : cell(zlIn)} | ${ratio(cdIn, acIn)} | ${ratio(cdIn, zlIn)} |`,
		);
		const cdMs = msOf(cd);
		if (cdMs !== undefined) {
			two[n] = cdMs;
		}
		const acMs = msOf(acCli);
		if (cdMs !== undefined && acMs !== undefined) {
			const target = n === 2000 ? 1.5 : 1.2;
			rows.push({ metric: `CLI on a ${num(n)}-post campaign file vs AutoCorrect's CLI (${ms(cdMs)} / ${ms(acMs)})`, value: `${(cdMs / acMs).toFixed(2)}×`, target: `≤ ${target}×`, pass: cdMs / acMs <= target });
		}
		if (n === 2000 && cdMs !== undefined && zlCli) {
			const zlMs = msOf(zlCli);
			const r = zlMs !== undefined ? cdMs / zlMs : cdMs / (zlCli as { timedOut: number }).timedOut;
			rows.push({ metric: `CLI on a 2,000-post campaign file vs zhlint's CLI (${ms(cdMs)} / ${cell(zlCli)})`, value: `${zlMs === undefined ? '< ' : ''}${r.toFixed(3)}×`, target: '≤ 0.1×', pass: r <= 0.1 });
		}
	}
	if (two[2000] !== undefined && two[10000] !== undefined) {
		rows.push({ metric: `CLI: 10,000 posts in one file vs 2,000 (${ms(two[10000])} / ${ms(two[2000])})`, value: `${(two[10000] / two[2000]).toFixed(2)}×`, target: '≤ 5×', pass: two[10000] / two[2000] <= 5 });
	}
	const report = [
		'## Side by side: Copydesk and its peers on the same posts',
		'',
		`The same seeded campaign file (seed ${SEED}: Chinese and English posts for every platform, \`<!-- post -->\` markers) given to each tool's command `
		+ '(`copydesk check campaign.md --max-file-size 8m`, the 10,000-post file being over the default 2 MiB draft cap; `autocorrect --lint campaign.md` from autocorrect-node; `zhlint campaign.md`), wall clock, '
		+ `median of ${runs} after a warm-up; then to each through its API in this process. A ratio is Copydesk's time over the peer's: below 1 Copydesk is faster. `
		+ `The peers are installed on demand into ${peerCache().replace(os.homedir(), '~')} (not project dependencies). A command still running after ${ms(limit)} is stopped and reported so; `
		+ 'zhlint then does not run in-process either (it cannot be stopped there). The peers check CJK typography only; Copydesk also parses the markers, '
		+ 'counts every field for every platform and runs every rule, so the ratios compare different jobs on the same input.',
		'',
		`| Work | Copydesk | ${ac ? `AutoCorrect ${ac.version}` : 'AutoCorrect'} | ${zl ? `zhlint ${zl.version}` : 'zhlint'} | Copydesk ÷ AutoCorrect | Copydesk ÷ zhlint |`,
		'|---|---|---|---|---|---|',
		...table,
		'',
		...missing.map((m) => `Not run: ${m.name} (${m.reason}).`),
		...(missing.length ? [''] : []),
		...peers.map((p) => `- **${p.name} ${p.version}**: ${p.does}.`),
		'',
	];
	return { rows, report };
}

async function main(): Promise<void> {
	const started = new Date();
	const load0 = os.loadavg();
	const config = resolveConfig([]);
	const report: string[] = [];
	const rows: Row[] = [];

	// Corpus.
	log(`corpus: seed ${SEED}, ${POSTS} posts`);
	const corpus = generateCorpus(SEED, POSTS);
	const texts = [...corpus.files.values()];
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-corpus-'));
	for (const [rel, text] of corpus.files) {
		fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
		fs.writeFileSync(path.join(dir, rel), text);
	}

	// Full re-checks in-process.
	log('re-check: 20-post file, 1 MB file');
	const f20 = campaignFile(SEED, 20);
	const t20 = times(() => lint({ text: f20, config, variants: 'compared' }), QUICK ? 50 : 300, 30);
	const big = campaignFileOfSize(SEED, 1024 * 1024);
	const t1m = times(() => lint({ text: big.text, config, variants: 'compared' }), QUICK ? 3 : 10, 2);
	// Incremental: the server's path — a LintCache, one post edited between two checks. Typing is many
	// edits in a row: 60 measured after 60 warm-up edits (was 20 after 2, whose median still held edits
	// run before V8 had compiled the moving code and grown the young generation).
	const cache = new LintCache();
	lint({ text: big.text, config, variants: 'compared' }, cache);
	let flip = false;
	const t1mInc = times(() => {
		flip = !flip;
		lint({ text: flip ? withOneEdit(big.text) : big.text, config, variants: 'compared' }, cache);
	}, QUICK ? 5 : 60, QUICK ? 5 : 60);

	// Throughput in-process.
	log('throughput: in-process');
	let findings = 0;
	const inProc = times(() => {
		findings = 0;
		for (const t of texts) {
			findings += lint({ text: t, config, variants: 'compared' }).findings.length;
		}
	}, QUICK ? 1 : 3, 1);

	// CLI.
	log('throughput: CLI');
	await runCli(dir);
	const cliRuns: Times = { wall: [], cpu: [] };
	for (let i = 0; i < (QUICK ? 1 : 3); i++) {
		const c = await runCli(dir);
		cliRuns.wall.push(c.ms);
		if (c.cpu !== undefined) {
			cliRuns.cpu.push(c.cpu);
		}
	}

	// Bundles, activation, server.
	const size = (f: string) => fs.statSync(f).size;
	const clientSize = size(CLIENT_BUNDLE);
	const serverSize = size(SERVER_BUNDLE);
	// The launcher (the `copydesk` bin) and the program it loads through the code cache.
	const cliSize = size(CLI_BUNDLE) + size(path.join(path.dirname(CLI_BUNDLE), 'cli-program.js'));
	log('activation, memory');
	const clientLoad = clientLoadTime();
	const mem = await serverMemory(100);
	log('editor latency: 20-post file, 1 MB file');
	const lat20 = (await editLatency(SERVER_BUNDLE, f20, QUICK ? 20 : 60, QUICK ? 4 : 10)).times;
	const lat1m = (await editLatency(SERVER_BUNDLE, big.text, QUICK ? 6 : 40, QUICK ? 2 : 10)).times;

	// Start-up: `copydesk check` of a one-line file against `node -e 0`.
	log('start-up');
	const oneDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-one-'));
	fs.writeFileSync(path.join(oneDir, 'one.md'), '---\nplatform: weibo\n---\n新品今天发布。\n');
	const startRuns = QUICK ? 3 : 7;
	const nodeStart = await medianRun(() => runNode('-e', ['0'], oneDir), startRuns) as { ms: number };
	const cliStart = await medianRun(() => runNode(CLI_BUNDLE, ['check', 'one.md'], oneDir), startRuns) as { ms: number; cpu?: number };
	fs.rmSync(oneDir, { recursive: true, force: true });

	// Side by side: Copydesk and the peers on the same campaign files, CLI and in-process.
	const inProcMs = median(inProc.wall);
	const side = PEERS ? await sideBySide(config) : undefined;
	fs.rmSync(dir, { recursive: true, force: true });

	const check = (v: number, limit: number) => v <= limit;
	const cpuOf = (t: Times) => (t.cpu.length ? ms(median(t.cpu)) : '?');
	rows.push(
		{ metric: 'Full re-check, 20-post file (in-process, median)', value: ms(median(t20.wall)), cpu: cpuOf(t20), target: '≤ 1 ms (issue 15)', pass: check(median(t20.wall), 1) },
		{ metric: `Full re-check, 1 MB file (${num(big.posts)} posts, in-process, median)`, value: ms(median(t1m.wall)), cpu: cpuOf(t1m), target: '≤ 100 ms', pass: check(median(t1m.wall), 100) },
		{ metric: `CLI \`copydesk check\`, ${num(corpus.posts)} posts in ${num(corpus.files.size)} files (wall, median)`, value: ms(median(cliRuns.wall)), cpu: cpuOf(cliRuns), target: '≤ 1.5 s', pass: check(median(cliRuns.wall), 1500) },
		{ metric: 'Client bundle (client/out/extension.js)', value: kb(clientSize), target: '≤ 100 KB', pass: check(clientSize, 100 * 1024) },
		{ metric: 'Server bundle (server/out/server.js)', value: kb(serverSize), target: '≤ 2 MB', pass: check(serverSize, 2 * 1024 * 1024) },
		{ metric: 'CLI bundles (server/out/cli.js and cli-program.js)', value: kb(cliSize) },
		{ metric: `Engine throughput, ${num(corpus.posts)} posts in-process (median)`, value: `${ms(inProcMs)} · ${num(corpus.posts / (inProcMs / 1000))} posts/s`, cpu: cpuOf(inProc) },
		{ metric: 'Re-check after a one-post edit, 1 MB file (LintCache, as the server does; median)', value: ms(median(t1mInc.wall)), cpu: cpuOf(t1mInc), target: '≤ 10 ms', pass: check(median(t1mInc.wall), 10) },
		{ metric: `Editor latency, 20-post file: didChange → publishDiagnostics (debounce 0; median / p95 of ${lat20.length})`, value: `${ms(median(lat20))} / ${ms(quantile(lat20, 0.95))}` },
		{ metric: `Editor latency, 1 MB file (median / p95 of ${lat1m.length})`, value: `${ms(median(lat1m))} / ${ms(quantile(lat1m, 0.95))}`, target: '≤ 50 ms median', pass: check(median(lat1m), 50) },
		{ metric: 'Activation (approx.): client bundle load with a stub `vscode` + server spawn → initialize result', value: `${ms(clientLoad)} + ${ms(mem.initMs)}` },
		{ metric: 'Server memory (RSS): idle / 100 open drafts of 20 posts', value: `${mem.idle ? mb(mem.idle) : '?'} / ${mem.loaded ? mb(mem.loaded) : '?'}` },
		{ metric: `Start-up: \`copydesk check\` of a one-post file vs \`node -e 0\` (${ms(nodeStart.ms)}; median of ${startRuns})`, value: `${ms(cliStart.ms)} · ${(cliStart.ms / nodeStart.ms).toFixed(2)}×`, cpu: cliStart.cpu !== undefined ? ms(cliStart.cpu) : undefined, target: '≤ 2×', pass: cliStart.ms <= 2 * nodeStart.ms },
		...(side?.rows ?? []),
	);

	const cpus = os.cpus();
	report.push(
		'# Copydesk benchmark',
		'',
		`Run ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC · Node ${process.version} · ${os.platform()} ${os.arch()} · `
			+ `${cpus.length} × ${cpus[0]?.model.trim() ?? '?'} · ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB RAM · `
			+ `load average ${load0.map((x) => x.toFixed(1)).join(' ')} at start, ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} at end · `
			+ `seed ${SEED} · ${rules.length} rules in the registry${QUICK ? ' · --quick' : ''}`,
		'',
		...(load0[0] > cpus.length ? [`The machine was busy during this run (load average ${load0[0].toFixed(1)} on ${cpus.length} cores, from other work): `
			+ 'wall-clock times include waiting for a core, so compare the CPU column too.', ''] : []),
		`Corpus: ${num(corpus.posts)} posts (Chinese and English, ${Object.keys(config.platforms).length} platforms) in ${num(corpus.files.size)} files, `
			+ `${mb(corpus.bytes)}; Copydesk reported ${num(findings)} findings on it. Times are wall clock on a shared machine: compare runs on the same machine only.`,
		'',
		'"Value" is wall-clock time (the targets are judged on it); "CPU" is the CPU time the same work took (this process, or the CLI '
			+ 'child), which stays put when other work on the machine makes the wall clock wait for a core. '
			+ `In-process rows run with the language server's V8 flags (\`${SERVER_NODE_FLAGS.join(' ')}\`, server/src/shared/runtime.ts), as its client starts it.`,
		'',
		'| Metric | Value | CPU | Target | Result |',
		'|---|---|---|---|---|',
		...rows.map((r) => `| ${r.metric} | ${r.value} | ${r.cpu ?? '—'} | ${r.target ?? '—'} | ${r.pass === undefined ? '—' : r.pass ? 'pass' : '**miss**'} |`),
		'',
	);
	const parts = await clientComposition();
	const own = parts.filter((p) => p.name.startsWith('Copydesk')).reduce((n, p) => n + p.bytes, 0);
	const lsp = parts.filter((p) => /^(vscode-languageclient|vscode-jsonrpc|vscode-languageserver-protocol|vscode-languageserver-types|minimatch|semver|brace-expansion|balanced-match)$/.test(p.name))
		.reduce((n, p) => n + p.bytes, 0);
	report.push(
		`What the client bundle is made of (minified bytes by package): ${parts.map((p) => `${p.name} ${kb(p.bytes)}`).join(', ')}. `
		+ `\`vscode-languageclient\` and what it pulls in (JSON-RPC, the protocol types, minimatch, semver) make ${kb(lsp)} of it; `
		+ `Copydesk's own code is ${kb(own)}. The production build is minified and tree-shaken, has no source map, and prefers ESM builds `
		+ '(`mainFields: module, main`); `vscode-languageclient` ships CommonJS only, so it cannot be tree-shaken. '
		+ 'The 100 KB target cannot be met with `vscode-languageclient`; it would take a smaller LSP client.',
		'',
	);
	if (side) {
		report.push(...side.report);
	}
	const against = arg('--rules-against');
	if (against) {
		// Each rule's cost per post against another checkout (issue 13: no rule slower than before), by bench/per-rule.ts.
		log(`per-rule cost against ${against}…`);
		const perRule = path.join(ROOT, 'bench', 'results', 'per-rule.md');
		const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'bench', 'per-rule.ts'), path.resolve(against), '--out', perRule], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ROUNDS: QUICK ? '2' : (process.env.ROUNDS ?? '5') } });
		if (r.status === 0) {
			report.push('## Each rule alone, against another checkout', '', ...fs.readFileSync(perRule, 'utf8').split('\n').slice(2), '');
		} else {
			report.push('## Each rule alone, against another checkout', '', `bench/per-rule.ts failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}`, '');
		}
	}
	const md = report.join('\n');
	process.stdout.write(`${md}\n`);
	if (OUT !== '-') {
		fs.mkdirSync(path.dirname(OUT), { recursive: true });
		fs.writeFileSync(OUT, md + '\n');
		log(`written to ${path.relative(ROOT, OUT)}`);
	}
	// The default report also refreshes the README's "Performance" section: the run's line and the targets table.
	if (OUT === path.join(ROOT, 'bench', 'results', 'latest.md') && !QUICK) {
		const readme = path.join(ROOT, 'README.md');
		const text = fs.readFileSync(readme, 'utf8');
		const start = '<!-- perf:start -->';
		const end = '<!-- perf:end -->';
		const a = text.indexOf(start);
		const b = text.indexOf(end);
		if (a >= 0 && b > a) {
			const table = report.slice(report.indexOf('| Metric | Value | CPU | Target | Result |'));
			const quoted = [
				`The latest \`npm run bench\` (${report[2].replace(/^Run /, '').split(' · ').slice(0, 6).join(' · ')}; full report with the peers: `
					+ '[bench/results/latest.md](bench/results/latest.md), method: [bench/README.md](bench/README.md)):',
				'',
				...table.slice(0, table.indexOf('')),
				'',
				'Misses are reported as misses. The client bundle is mostly `vscode-languageclient` and what it pulls in; '
					+ 'the re-check and CLI times are wall clock on a shared 2-core machine, with the CPU time beside them.',
			];
			fs.writeFileSync(readme, `${text.slice(0, a + start.length)}\n${quoted.join('\n')}\n${text.slice(b)}`);
			log('README.md: Performance section updated');
		}
	}
}

const profile = arg('--profile');
if (!SERVER_NODE_FLAGS.every((f) => process.execArgv.includes(f))) {
	// The in-process rows measure what the language server does: run with its V8 flags, as its client starts it
	// (bench/build.mjs passes them; this is for a run started some other way).
	const r = spawnSync(process.execPath, [...process.execArgv, ...SERVER_NODE_FLAGS, process.argv[1], ...process.argv.slice(2)], { stdio: 'inherit' });
	process.exit(r.status ?? 1);
} else {
	(profile ? profileMain(profile) : main()).catch((e) => {
		console.error(e);
		process.exit(1);
	});
}
