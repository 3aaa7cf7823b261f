/**
 * The `copydesk` command line: check drafts (the same engine and config as the editor),
 * count posts, list platforms. Exit codes: 0 no error-level finding, 1 at least one,
 * 2 a usage or configuration problem, an I/O error (a file or folder that cannot be read, a
 * fix that cannot be written) or an internal error (a rule that failed).
 */
import * as fs from 'node:fs';
import { msg, setLanguage, toLang } from '../engine';
import { cmdCheck } from './check';
import { cmdCount } from './count';
import { IoError, UsageError } from './common';
import { cmdPack } from './pack';
import { cmdPlatforms } from './platforms';
import { cmdReport } from './report';
import { VERSION } from '../version';
import type { Io } from './io';

export type { Io } from './io';

export function main(argv: string[], io: Io): number {
	// --lang wins over the environment's locale.
	const langArg = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
	const lang = langArg >= 0 ? (argv[langArg].includes('=') ? argv[langArg].split('=')[1] : argv[langArg + 1]) : undefined;
	// An empty variable counts as unset, as POSIX says for LC_ALL and friends.
	const env = [io.env.COPYDESK_LANG, io.env.LC_ALL, io.env.LC_MESSAGES, io.env.LANG].find((v) => !!v);
	setLanguage(toLang(lang ?? env));
	const [cmd, ...rest] = argv;
	try {
		switch (cmd) {
			case 'check':
				return cmdCheck(rest, io);
			case 'count':
				return cmdCount(rest, io);
			case 'report':
				return cmdReport(rest, io);
			case 'platforms':
				return cmdPlatforms(rest, io);
			case 'pack':
				return cmdPack(rest, io);
			case '--version':
			case '-v':
				io.stdout(VERSION);
				return 0;
			case undefined:
			case 'help':
			case '--help':
			case '-h':
				io.stdout(msg('cli.help'));
				return cmd === undefined ? 2 : 0;
			default:
				throw new UsageError(msg('cli.unknownCommand', { cmd }));
		}
	} catch (e) {
		if (e instanceof UsageError) {
			io.stderr(`copydesk: ${e.message}`);
			io.stderr(msg('cli.seeHelp'));
			return 2;
		}
		if (e instanceof IoError) {
			io.stderr(`copydesk: ${e.message}`);
			return 2;
		}
		throw e;
	}
}

export function nodeIo(): Io {
	return {
		cwd: process.cwd(),
		stdout: (s) => process.stdout.write(s + '\n'),
		stderr: (s) => process.stderr.write(s + '\n'),
		readStdin: () => fs.readFileSync(0, 'utf8'),
		env: process.env,
	};
}
