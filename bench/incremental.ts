/**
 * The editor's re-check after a one-post edit in the 1 MB campaign file, in-process, as the server
 * does it (a LintCache; one character added and removed in a post in the middle of the file, so half
 * the posts move): `node <flags> bundle.js [edits]` or `npx tsx bench/incremental.ts [edits]` prints
 * the CPU and wall medians. Run it with the server's flags (server/src/shared/runtime.ts) to see what
 * the server sees. `PROF=file.cpuprofile` writes a CPU profile of the edits (not the warm-up);
 * `HEAP=file.json` a sampling allocation profile (objects collected by GC included).
 */
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import { LintCache, lint, resolveConfig } from '../server/src/engine';
import { BENCH_SEED, campaignFileOfSize, withOneEdit } from './corpus';

const config = resolveConfig([]);
const big = campaignFileOfSize(BENCH_SEED, 1024 * 1024).text;
const cache = new LintCache();
const edited = withOneEdit(big);
const N = Number(process.argv[2] ?? 200);
const session = new Session();
session.connect();
const post = <T>(method: string, params?: object) => new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (e, x) => (e ? reject(e) : resolve(x as T))));

async function main(): Promise<void> {
	for (let i = 0; i < 20; i++) {
		lint({ text: i % 2 ? edited : big, config, variants: 'compared' }, cache);
	}
	if (process.env.HEAP) {
		await post('HeapProfiler.enable');
		await post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
	}
	if (process.env.PROF) {
		await post('Profiler.enable');
		await post('Profiler.setSamplingInterval', { interval: 100 });
		await post('Profiler.start');
	}
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i < N; i++) {
		const c0 = process.cpuUsage();
		const t = performance.now();
		lint({ text: i % 2 ? edited : big, config, variants: 'compared' }, cache);
		wall.push(performance.now() - t);
		const c = process.cpuUsage(c0);
		cpu.push((c.user + c.system) / 1000);
	}
	if (process.env.PROF) {
		fs.writeFileSync(process.env.PROF, JSON.stringify((await post<{ profile: unknown }>('Profiler.stop')).profile));
	}
	if (process.env.HEAP) {
		fs.writeFileSync(process.env.HEAP, JSON.stringify((await post<{ profile: unknown }>('HeapProfiler.stopSampling')).profile));
	}
	const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1].toFixed(2);
	console.log(`one-post edit, 1 MB file, ${N} edits: CPU median ${med(cpu)} ms, wall median ${med(wall)} ms`);
}

void main();
