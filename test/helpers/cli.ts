/** Runs the CLI's main() in-process with captured output (an injectable Io), and builds the bundles when a test needs them. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { main, type Io } from '../../server/src/cli/main';
import { setLanguage } from '../../server/src/engine';
import { CLI_BUNDLE, ROOT, SERVER_BUNDLE } from './paths';

export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

export function runCli(argv: string[], cwd: string, env: Record<string, string | undefined> = { LANG: 'C' }, extra: Partial<Io> = {}): CliRun {
	const out: string[] = [];
	const err: string[] = [];
	const io: Io = { cwd, env, stdout: (s) => out.push(s), stderr: (s) => err.push(s), readStdin: () => '', ...extra };
	try {
		return { code: main(argv, io), stdout: out.join('\n'), stderr: err.join('\n') };
	} finally {
		// main() sets the process language; later tests expect English.
		setLanguage('en');
	}
}

/** Builds the bundles when they are missing (mocha run without `npm test`). */
export function ensureBundles(): void {
	if (!fs.existsSync(SERVER_BUNDLE) || !fs.existsSync(CLI_BUNDLE)) {
		const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
		if (r.status !== 0) {
			throw new Error(`build failed: ${r.stderr}`);
		}
	}
}
