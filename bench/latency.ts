/**
 * The editor's latency on the 1 MB campaign file alone, as bench/run.ts measures it (didChange →
 * publishDiagnostics, debounce 0, one-character edits at the start of post bodies spread over the
 * file): `npx tsx bench/latency.ts [edits]` prints the median, min and max in ms. Needs `npm run build`
 * (it runs server/out/server.js). `BENCH_SERVER_ARGS="--cpu-prof --cpu-prof-dir=DIR"` profiles the server.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { campaignFileOfSize } from './corpus';
import { BenchClient } from './lsp';

const SERVER = path.join(__dirname, '..', 'server', 'out', 'server.js');

/** The line and character of a UTF-16 offset. */
function position(text: string, offset: number): { line: number; character: number } {
	let line = 0;
	let last = 0;
	for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
		line++;
		last = i + 1;
	}
	return { line, character: offset - last };
}

async function main(n: number): Promise<void> {
	const text = campaignFileOfSize(1, 1024 * 1024).text;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-latency-'));
	const client = new BenchClient(SERVER, dir, { debounce: 0 });
	try {
		await client.initialize();
		const uri = pathToFileURL(path.join(dir, 'campaign.md')).toString();
		await client.open(uri, text);
		const bodies: number[] = [];
		for (let i = text.indexOf('-->\n'); i >= 0; i = text.indexOf('-->\n', i + 1)) {
			bodies.push(i + 4);
		}
		const out: number[] = [];
		let version = 1;
		// As bench/run.ts: 10 edits first, not measured (the first ones after opening run cold code).
		const warm = 10;
		for (let k = 0; k < warm + n; k++) {
			const at = position(text, bodies[Math.floor(k / 2) * 7919 % bodies.length]);
			const change = k % 2 === 0
				? { range: { start: at, end: at }, text: '新' }
				: { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
			const t = performance.now();
			await client.change(uri, ++version, [change]);
			if (k >= warm) {
				out.push(performance.now() - t);
			}
		}
		out.sort((a, b) => a - b);
		const rss = client.rss();
		console.log(`median ${out[out.length >> 1].toFixed(1)} ms, min ${out[0].toFixed(1)}, max ${out[out.length - 1].toFixed(1)} (${n} edits); server RSS ${rss ? (rss / 1e6).toFixed(0) : '?'} MB`);
	} finally {
		await client.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

void main(Number(process.argv[2] ?? 20));
