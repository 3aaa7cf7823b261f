/**
 * The editor's latency on the 1 MB campaign file alone, as bench/run.ts measures it (editLatency in
 * bench/lsp.ts: didChange → publishDiagnostics, debounce 0, 10 unmeasured edits first):
 * `npx tsx bench/latency.ts [edits]` prints the median, min and max in ms. Needs `npm run build` (it
 * runs server/out/server.js). `BENCH_SERVER_ARGS="--cpu-prof --cpu-prof-dir=DIR"` profiles the server.
 */
import * as path from 'node:path';
import { BENCH_SEED, campaignFileOfSize } from './corpus';
import { editLatency } from './lsp';

const SERVER = path.join(__dirname, '..', 'server', 'out', 'server.js');

async function main(n: number): Promise<void> {
	const { times, rss } = await editLatency(SERVER, campaignFileOfSize(BENCH_SEED, 1024 * 1024).text, n, 10);
	times.sort((a, b) => a - b);
	console.log(`median ${times[times.length >> 1].toFixed(1)} ms, min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)} (${n} edits); server RSS ${rss ? (rss / 1e6).toFixed(0) : '?'} MB`);
}

void main(Number(process.argv[2] ?? 20));
