/** Runs the CLI's main() in-process with captured output (an injectable Io). */
import { main, type Io } from '../../server/src/cli/main';
import { setLanguage } from '../../server/src/engine';

export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

export function runCli(argv: string[], cwd: string, env: Record<string, string | undefined> = { LANG: 'C' }): CliRun {
	const out: string[] = [];
	const err: string[] = [];
	const io: Io = { cwd, env, stdout: (s) => out.push(s), stderr: (s) => err.push(s), readStdin: () => '' };
	try {
		return { code: main(argv, io), stdout: out.join('\n'), stderr: err.join('\n') };
	} finally {
		// main() sets the process language; later tests expect English.
		setLanguage('en');
	}
}
