/**
 * The profiling harness behind `npm run bench -- --profile full|incremental`: lints the 1 MB
 * campaign file `n` times, from scratch or with a LintCache and a one-post edit between runs.
 */
import { LintCache, lint, resolveConfig } from '../server/src/engine';
import { campaignFileOfSize } from './corpus';

export function profileRun(mode: 'full' | 'incremental', n: number, seed: number): number[] {
	const config = resolveConfig([]);
	const big = campaignFileOfSize(seed, 1024 * 1024).text;
	const cache = mode === 'incremental' ? new LintCache() : undefined;
	const mid = big.indexOf('-->\n', Math.floor(big.length / 2)) + 4;
	const out: number[] = [];
	for (let i = 0; i < n; i++) {
		const text = i % 2 ? big.slice(0, mid) + '新' + big.slice(mid) : big;
		const t = performance.now();
		lint({ text, config, variants: 'compared' }, cache);
		out.push(performance.now() - t);
	}
	return out;
}
