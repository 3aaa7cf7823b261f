// Bundles the benchmark (with the engine it measures, as esbuild ships it in the server and
// the CLI) into bench/out/run.js and runs it with the arguments given. `npm run bench` builds
// the production bundles first. The peers are not bundled: each loads as published.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as esbuild from 'esbuild';

// --profile keeps identifiers readable (no keepNames, so no `__name` calls are added: the code
// that runs is the shipped code, only its local names differ) so the profile names functions.
const profiling = process.argv.includes('--profile');
await esbuild.build({
	entryPoints: ['bench/run.ts'],
	outfile: 'bench/out/run.js',
	bundle: true,
	platform: 'node',
	format: 'cjs',
	mainFields: ['module', 'main'],
	target: 'node20',
	minifyWhitespace: true,
	minifySyntax: true,
	minifyIdentifiers: !profiling,
	logLevel: 'warning',
	external: ['esbuild'],
});
// --profile: the run writes a CPU profile (open it in Chrome DevTools or VS Code) under bench/results/profiles/.
const profile = profiling ? ['--cpu-prof', '--cpu-prof-dir=bench/results/profiles'] : [];
// The in-process rows measure what the language server does: node gets the server's flags (as its client starts it).
const serverFlags = JSON.parse(fs.readFileSync('server/src/shared/server-node-flags.json', 'utf8'));
const r = spawnSync(process.execPath, [...serverFlags, ...profile, 'bench/out/run.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
