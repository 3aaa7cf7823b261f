#!/usr/bin/env node
/** Entry point of the `copydesk` command (bundled to server/out/cli.js), and of its `--jobs` worker threads. */
import { isMainThread, workerData } from 'node:worker_threads';
import { main, nodeIo } from './cli/main';
import { ConfigCache } from './node/campaign';
import { runWorker, type WorkerData } from './node/pool';

if (!isMainThread && (workerData as WorkerData | undefined)?.copydeskWorker) {
	const data = workerData as WorkerData;
	const configs = new ConfigCache(data.config.cwd, data.config.explicit, data.config.platform, data.config.stopAt);
	runWorker(data, (file) => configs.for(file).config);
} else {
	process.exitCode = main(process.argv.slice(2), nodeIo());
}
