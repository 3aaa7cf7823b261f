/**
 * The `copydesk` command's program (bundled to server/out/cli-program.js, which the launcher
 * server/out/cli.js loads), and that of its `--jobs` worker threads.
 */
import type * as WorkerThreads from 'node:worker_threads';
import { ConfigCache } from '../node/campaign';
import { runWorker, type WorkerData } from '../node/pool';
import { WORKER_ARG } from '../node/workerArg';
import { main, nodeIo } from './main';

/** The worker's data when this is a `check --jobs` worker thread (started with WORKER_ARG), else undefined. */
function workerData(): WorkerData | undefined {
	if (process.argv[2] !== WORKER_ARG) {
		return undefined;
	}
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const threads = require('node:worker_threads') as typeof WorkerThreads;
	const data = threads.workerData as WorkerData | undefined;
	return !threads.isMainThread && data?.copydeskWorker ? data : undefined;
}

const data = workerData();
if (data) {
	const configs = new ConfigCache(data.config.cwd, data.config.explicit, data.config.platform, data.config.stopAt);
	runWorker(data, (file) => configs.for(file).config);
} else {
	process.exitCode = main(process.argv.slice(2), nodeIo());
}
