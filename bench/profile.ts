/**
 * The profiling harness behind `npm run bench -- --profile full|incremental`: lints the 1 MB
 * campaign file `n` times, from scratch or with a LintCache and a one-post edit between runs.
 */
import { LintCache, lint, resolveConfig } from '../server/src/engine';
import { campaignFileOfSize, withOneEdit } from './corpus';

export function profileRun(mode: 'full' | 'incremental', n: number, seed: number): number[] {
	const config = resolveConfig([]);
	const big = campaignFileOfSize(seed, 1024 * 1024).text;
	const cache = mode === 'incremental' ? new LintCache() : undefined;
	const out: number[] = [];
	for (let i = 0; i < n; i++) {
		const text = i % 2 ? withOneEdit(big) : big;
		const t = performance.now();
		lint({ text, config, variants: 'compared' }, cache);
		out.push(performance.now() - t);
	}
	return out;
}
