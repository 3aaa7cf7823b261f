/**
 * Per-rule cost per post, this tree against another checkout of Copydesk, in one process and
 * interleaved (so that a busy machine slows both alike): `npx tsx bench/per-rule.ts [OTHER_ROOT]`.
 * Each rule runs alone (`lint({ only: [id] })`) over the seeded bench corpus; the table gives
 * µs of CPU per post, median of the rounds, and the ratio to the other tree. The trees take turns
 * every CHUNK files (default 30) within a round. Without OTHER_ROOT
 * only this tree is measured. `--out FILE` also writes the report (bench/results/per-rule.md).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BENCH_SEED, generateCorpus } from './corpus';
import { lintCpu, loadEngine, median } from './engines';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const POSTS = Number(process.env.POSTS ?? 2000);
const CHUNK = Number(process.env.CHUNK ?? 30);

function main(): void {
	const load0 = os.loadavg();
	const here = loadEngine(path.resolve(__dirname, '..'));
	const otherRoot = process.argv[2]?.startsWith('--') ? undefined : process.argv[2];
	const other = otherRoot ? loadEngine(path.resolve(otherRoot)) : undefined;
	const corpus = generateCorpus(BENCH_SEED, POSTS);
	const texts = [...corpus.files.values()];
	const posts = corpus.posts;
	const ids = here.rules.map((r) => r.meta.id).filter((id) => !other || other.rules.some((r) => r.meta.id === id));
	const engines = other ? [here, other] : [here];
	const configs = engines.map((e) => e.resolveConfig([]));
	// Warm-up: every rule once on every engine.
	engines.forEach((e, i) => ids.forEach((id) => lintCpu(e, configs[i], texts.slice(0, 50), { only: [id] })));
	const rows: string[] = ['| Rule | µs/post (this tree) | µs/post (other) | ratio |', '|---|---|---|---|'];
	for (const id of ['*', ...ids]) {
		const only = id === '*' ? here.rules.map((r) => r.meta.id).filter((x) => ids.includes(x)) : [id];
		const times: number[][] = engines.map(() => []);
		for (let round = 0; round < ROUNDS; round++) {
			// The trees take turns chunk by chunk (a few dozen files), so that a busy spell on the
			// machine falls on both alike rather than on one tree's whole round.
			const sums = engines.map(() => 0);
			for (let from = 0; from < texts.length; from += CHUNK) {
				const chunk = texts.slice(from, from + CHUNK);
				const order = (round + from / CHUNK) % 2 ? [...engines.keys()].reverse() : [...engines.keys()];
				for (const i of order) {
					sums[i] += lintCpu(engines[i], configs[i], chunk, { only });
				}
			}
			sums.forEach((t, i) => times[i].push(t));
		}
		const us = times.map((t) => (median(t) * 1000) / posts);
		rows.push(`| ${id === '*' ? 'all of them' : `\`${id}\``} | ${us[0].toFixed(1)} | ${other ? us[1].toFixed(1) : '—'} | ${other ? (us[0] / us[1]).toFixed(2) : '—'} |`);
	}
	const cpus = os.cpus();
	const head = [
		'# Per-rule cost: this tree against another',
		'',
		`Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · Node ${process.version} · ${cpus.length} × ${cpus[0]?.model.trim().split(' ').slice(0, 2).join(' ') ?? '?'} · load average ${load0.map((x) => x.toFixed(1)).join(' ')} at start, ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} at end`,
		'',
		`${posts} posts in ${texts.length} files (bench corpus, seed ${BENCH_SEED}), each rule run alone (\`lint({ only: [id] })\`), ${ROUNDS} rounds, CPU time per post, median of the rounds;`
		+ ` the trees take turns every ${CHUNK} files.${otherRoot ? ` This tree: ${commitOf(path.resolve(__dirname, '..'))}; other tree: ${commitOf(path.resolve(otherRoot))}. A ratio below 1: this tree is faster.` : ''}`,
		'',
	];
	const report = [...head, ...rows, ''].join('\n');
	console.log(report);
	const out = process.argv.indexOf('--out');
	if (out > 0) {
		fs.writeFileSync(process.argv[out + 1], report);
	}
}

/** The commit a tree is at (short hash and subject), or its path when git cannot say. */
function commitOf(root: string): string {
	try {
		return '`' + execFileSync('git', ['-C', root, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' }).trim().slice(0, 90) + '`';
	} catch {
		return root;
	}
}

main();
