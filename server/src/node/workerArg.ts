/**
 * The argument a `check --jobs` worker thread is started with (Worker `argv`): the program sees it as
 * `process.argv[2]` and only then loads node:worker_threads to confirm that it runs in a worker, so the
 * main thread never loads that module for nothing. The launcher reads it too, to pick its code cache.
 */
export const WORKER_ARG = '--copydesk-worker-thread';
