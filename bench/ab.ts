/**
 * The whole lint, this tree against another checkout of Copydesk, in one process and interleaved:
 * `npm run bench:ab -- OTHER_ROOT` (or `npx tsx --expose-gc bench/ab.ts OTHER_ROOT`). Separate timings
 * on a shared machine move by 10–20 % with its load; here both engines take turns chunk by chunk, with
 * a forced garbage collection before each chunk when `--expose-gc` is on (so one engine's garbage is
 * not collected on the other's time), and the CPU time of each is summed per round. Three workloads:
 * the bench corpus (2,000 posts in their files), one 2,000-post campaign file (as `copydesk check`
 * lints it: `variants: 'compared'`) and a 20-post file 50 times. A ratio below 1: this tree is faster.
 * `ONLY=rule,rule` runs only those rules; `ROUNDS` sets the rounds (default 7).
 *
 * The first lint of each engine (cold: JIT, dictionaries, matchers) is not compared: whichever engine
 * runs first also pays the process's own first-use costs. Two identical trees have still given ratios
 * from 0.86 to 1.10 here with 3 rounds on a busy machine: trust a change that holds over several runs
 * and with the trees swapped (run it from the other checkout), not one ratio.
 */
import * as path from 'node:path';
import { BENCH_SEED, campaignFile, generateCorpus } from './corpus';
import { lintCpu, loadEngine, median } from './engines';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const ONLY = process.env.ONLY ? process.env.ONLY.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
const SEED = BENCH_SEED;

function main(): void {
	const otherRoot = process.argv[2];
	if (!otherRoot || otherRoot.startsWith('--')) {
		console.error('usage: npm run bench:ab -- OTHER_ROOT   (another checkout of Copydesk, with its node_modules)');
		process.exitCode = 2;
		return;
	}
	const engines = [loadEngine(path.resolve(__dirname, '..')), loadEngine(otherRoot)];
	const configs = engines.map((e) => e.resolveConfig([]));
	const files = [...generateCorpus(SEED, 2000).files.values()];
	const chunks: string[][] = [];
	for (let i = 0; i < files.length; i += 50) {
		chunks.push(files.slice(i, i + 50));
	}
	const workloads: { name: string; chunks: string[][]; variants?: 'compared' }[] = [
		{ name: '2,000 posts in their files', chunks },
		{ name: 'one 2,000-post campaign file', chunks: [[campaignFile(SEED, 2000)]], variants: 'compared' },
		{ name: 'a 20-post file, 50 times', chunks: [Array<string>(50).fill(campaignFile(SEED, 20))], variants: 'compared' },
	];
	// Warm-up: every workload twice on each engine.
	for (let k = 0; k < 2; k++) {
		for (const w of workloads) {
			engines.forEach((e, i) => w.chunks.forEach((c) => lintCpu(e, configs[i], c, { only: ONLY, variants: w.variants, gc: true })));
		}
	}
	console.log(`| Workload | this tree (CPU ms) | other (CPU ms) | ratio |\n|---|---|---|---|`);
	for (const w of workloads) {
		const times = [[] as number[], [] as number[]];
		for (let round = 0; round < ROUNDS; round++) {
			const sum = [0, 0];
			w.chunks.forEach((c, j) => {
				// Who goes first alternates by chunk and round.
				const order = (round + j) % 2 ? [0, 1] : [1, 0];
				for (const i of order) {
					sum[i] += lintCpu(engines[i], configs[i], c, { only: ONLY, variants: w.variants, gc: true });
				}
			});
			times[0].push(sum[0]);
			times[1].push(sum[1]);
		}
		const [a, b] = [median(times[0]), median(times[1])];
		console.log(`| ${w.name} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(a / b).toFixed(3)} |`);
	}
	if (!(globalThis as { gc?: unknown }).gc) {
		console.log('\n(no forced GC between chunks: run with --expose-gc for steadier ratios)');
	}
}

main();
