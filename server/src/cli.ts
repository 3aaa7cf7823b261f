#!/usr/bin/env node
/**
 * The `copydesk` command (bundled to server/out/cli.js): a launcher of a few lines that loads the
 * program (server/src/cli/program.ts, bundled to server/out/cli-program.js) through V8's code cache
 * (node/compileCache.ts), so that a run does not parse and compile the whole program again. The
 * `--jobs` worker threads start here too.
 */
import * as path from 'node:path';
import { requireCached } from './node/compileCache';
import { WORKER_ARG } from './node/workerArg';

// `check` (and its worker threads) runs other code than the rest (--version, help, platforms…): a cache of its own.
const command = process.argv[2];
requireCached(path.join(__dirname, 'cli-program.js'), command === 'check' || command === WORKER_ARG ? 'check' : 'other');
