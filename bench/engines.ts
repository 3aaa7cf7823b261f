/**
 * Two checkouts' engines in one process, for the interleaved comparisons (`bench/per-rule.ts`,
 * `bench/ab.ts`): each tree's `server/src/engine` loaded from its own folder, and the CPU time of
 * linting texts with one of them.
 */
import * as path from 'node:path';

export type Engine = {
	lint: (input: { text: string; config: unknown; matchedDraftGlob?: boolean; only?: readonly string[]; variants?: 'all' | 'compared' }) => unknown;
	resolveConfig: (layers: unknown[]) => unknown;
	rules: { meta: { id: string } }[];
};

/** The engine of the checkout at `root` (its sources, through the running tsx). */
export function loadEngine(root: string): Engine {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(path.join(path.resolve(root), 'server', 'src', 'engine')) as Engine;
}

/** CPU ms (user + system) to lint each text as a draft; a forced GC first when `--expose-gc` is on. */
export function lintCpu(e: Engine, config: unknown, texts: readonly string[], opts: { only?: readonly string[]; variants?: 'compared'; gc?: boolean } = {}): number {
	if (opts.gc) {
		(globalThis as { gc?: () => void }).gc?.();
	}
	const t = process.cpuUsage();
	for (const text of texts) {
		e.lint({ text, config, matchedDraftGlob: true, only: opts.only, variants: opts.variants });
	}
	const u = process.cpuUsage(t);
	return (u.user + u.system) / 1000;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
