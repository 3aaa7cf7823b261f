/**
 * `copydesk check --jobs N`: linting files on worker threads with the same answers, in the same
 * order, as linting them one after another.
 *
 * The main thread stays synchronous (the CLI's `main` returns its exit code): it hands chunks of
 * files to N − 1 workers over MessagePorts, lints chunks itself while they work, and blocks on a
 * shared counter (`Atomics.wait`) only when nothing is left for it to do, draining the results with
 * `receiveMessageOnPort`. Each worker loads the configuration itself from the same arguments
 * (a configuration is code-free data, so the same files give the same result) and returns plain
 * data; the main thread parses the draft again (cheap) and rebuilds each target around its post
 * and platform profile, so a `LintResult` from a worker is the same as one made here. Results are
 * put back by index: the output does not depend on which thread finished first. Comparing across
 * files (campaign-consistency) stays in the caller, after every file's facts are back.
 *
 * A worker that fails (it cannot start, a lint throws) costs nothing but time: every job it did
 * not answer is linted on the main thread.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { language, lint, parseDraft, profileFor, setLanguage, type CampaignPeer, type Lang, type LintResult, type ResolvedConfig, type Target } from '../engine';
import { modeOf } from '../engine/platforms';
import { imageReaderFor } from './media';

/** One file to lint: what `lint` needs besides the configuration, which each thread loads itself. */
export interface LintJob {
	file: string;
	text: string;
	matchedDraftGlob: boolean;
	variants: 'all' | 'compared';
	peers?: CampaignPeer[];
	/** The file's name among its campaign peers. */
	name?: string;
	/** `check --max-post-size`: over the config's cap. */
	maxPostBytes?: number;
}

/** How a worker loads configurations: the CLI's ConfigCache arguments. */
export interface ConfigArgs {
	cwd: string;
	explicit?: string;
	platform?: string;
	stopAt?: string;
}

/** What the CLI runs a worker with (`workerData`). */
export interface WorkerData {
	copydeskWorker: 1;
	port: MessagePort;
	counter: SharedArrayBuffer;
	config: ConfigArgs;
	/** The language messages are written in (the main thread's). */
	lang: Lang;
}

type PlainTarget = Omit<Target, 'post' | 'platform' | 'settings'> & { post: number; platform: string };
type PlainResult = Omit<LintResult, 'draft' | 'targets'> & { targets: PlainTarget[] };
type Reply = { chunk: number; results: PlainResult[] } | { chunk: number; error: string };

/** How many files came back from workers in this process (tests check that the workers did the work). */
export const poolStats = { fromWorkers: 0, failedChunks: 0 };

/** `--jobs` when not given: one per core. */
export function defaultJobs(): number {
	return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** Below this much text a run is linted on the main thread: starting a worker costs more than it saves. */
export const MIN_PARALLEL_CHARS = 256 * 1024;

export function lintJob(job: LintJob, configFor: (file: string) => ResolvedConfig): LintResult {
	return lint({
		text: job.text, config: configFor(job.file), matchedDraftGlob: job.matchedDraftGlob, readImage: imageReaderFor(job.file), variants: job.variants,
		...(job.maxPostBytes ? { maxPostBytes: job.maxPostBytes } : {}),
		...(job.peers ? { peers: job.peers, file: job.name } : {}),
	});
}

function toPlain(r: LintResult): PlainResult {
	const { draft: _draft, targets, ...rest } = r;
	return {
		...rest,
		targets: targets.map(({ post, platform, settings: _settings, ...t }) => ({ ...t, post: post.index, platform: platform.id })),
	};
}

/** A worker's result made whole again: the draft parsed here, each target around its post and profile (as lint made them). */
function fromPlain(p: PlainResult, text: string, config: ResolvedConfig): LintResult {
	const draft = parseDraft(text);
	const targets = p.targets.map((t): Target => {
		const post = draft.posts[t.post];
		const asked = post.settings.mode?.value;
		const known = modeOf(config.platforms[t.platform], asked) ? asked : undefined;
		return { ...t, post, settings: post.settings, platform: profileFor(config, t.platform, known) };
	});
	return { ...p, draft, targets };
}

/** Where the worker code is: the CLI bundle itself (server/out/cli.js), also when this module runs from source. */
function workerEntry(): string | undefined {
	const bundled = __filename.endsWith('.js') ? __filename : path.resolve(__dirname, '..', '..', 'out', 'cli.js');
	return fs.existsSync(bundled) ? bundled : undefined;
}

/**
 * Lints every job, on `jobs` threads (this one included) when there are `minChars` of text or more
 * (default MIN_PARALLEL_CHARS: below that a worker's start costs more than it saves), else here; results
 * in the order of `list`. `configFor` gives this thread's configuration of a file (the workers load
 * theirs from `configArgs`).
 */
export function lintJobs(list: readonly LintJob[], configFor: (file: string) => ResolvedConfig, jobs: number, configArgs: ConfigArgs, minChars = MIN_PARALLEL_CHARS): LintResult[] {
	const out: (LintResult | undefined)[] = new Array(list.length).fill(undefined);
	const entry = workerEntry();
	const chars = list.reduce((n, j) => n + j.text.length, 0);
	const workers = Math.min(jobs - 1, list.length - 1);
	if (workers < 1 || !entry || chars < minChars) {
		return list.map((j) => lintJob(j, configFor));
	}
	// Chunks of consecutive files, about 1/16 of a thread's share each (at least one file): small enough to balance, large enough to keep messages few.
	const target = Math.max(1, Math.ceil(chars / ((workers + 1) * 16)));
	const chunks: number[][] = [];
	let cur: number[] = [];
	let size = 0;
	list.forEach((j, i) => {
		cur.push(i);
		size += j.text.length;
		if (size >= target) {
			chunks.push(cur);
			cur = [];
			size = 0;
		}
	});
	if (cur.length) {
		chunks.push(cur);
	}
	const counter = new SharedArrayBuffer(4);
	const count = new Int32Array(counter);
	const pool: { worker: Worker; port: MessagePort; busy: number[] }[] = [];
	for (let w = 0; w < workers; w++) {
		const { port1, port2 } = new MessageChannel();
		const data: WorkerData = { copydeskWorker: 1, port: port2, counter, config: configArgs, lang: language() };
		const worker = new Worker(entry, { workerData: data, transferList: [port2] });
		worker.unref();
		pool.push({ worker, port: port1, busy: [] });
	}
	let next = 0;
	const send = (slot: (typeof pool)[number]) => {
		while (slot.busy.length < 1 && next < chunks.length) {
			const c = next++;
			slot.busy.push(c);
			slot.port.postMessage({ chunk: c, jobs: chunks[c].map((i) => list[i]) });
		}
	};
	pool.forEach(send);
	const failed: number[] = [];
	const drain = (): void => {
		for (const slot of pool) {
			for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port)) {
				const reply = m.message as Reply;
				slot.busy = slot.busy.filter((c) => c !== reply.chunk);
				if ('error' in reply) {
					// Linted again here, where the same failure surfaces as it would without workers.
					failed.push(reply.chunk);
					poolStats.failedChunks++;
				} else {
					chunks[reply.chunk].forEach((i, k) => {
						out[i] = fromPlain(reply.results[k], list[i].text, configFor(list[i].file));
					});
					poolStats.fromWorkers += chunks[reply.chunk].length;
				}
				send(slot);
			}
		}
	};
	// Work here while the workers work; wait only when every chunk is handed out.
	for (;;) {
		const seen = Atomics.load(count, 0);
		drain();
		if (next < chunks.length) {
			for (const i of chunks[next++]) {
				out[i] = lintJob(list[i], configFor);
			}
			continue;
		}
		if (pool.every((s) => s.busy.length === 0)) {
			break;
		}
		// A worker that never answers (it could not start) is given up after a minute without progress.
		if (Atomics.wait(count, 0, seen, 60_000) === 'timed-out' && Atomics.load(count, 0) === seen) {
			for (const s of pool) {
				failed.push(...s.busy);
				s.busy = [];
			}
			break;
		}
	}
	for (const s of pool) {
		s.port.close();
		void s.worker.terminate();
	}
	for (const c of failed) {
		for (const i of chunks[c]) {
			out[i] ??= lintJob(list[i], configFor);
		}
	}
	return out.map((r, i) => r ?? lintJob(list[i], configFor));
}

/** The worker's side: lints the chunks it is sent with configurations it loads itself, answers with plain data. */
export function runWorker(data: WorkerData, configFor: (file: string) => ResolvedConfig): void {
	setLanguage(data.lang);
	const count = new Int32Array(data.counter);
	const reply = (r: Reply) => {
		data.port.postMessage(r);
		Atomics.add(count, 0, 1);
		Atomics.notify(count, 0);
	};
	data.port.on('message', (m: { chunk: number; jobs: LintJob[] }) => {
		try {
			reply({ chunk: m.chunk, results: m.jobs.map((j) => toPlain(lintJob(j, configFor))) });
		} catch (e) {
			reply({ chunk: m.chunk, error: e instanceof Error ? e.message : String(e) });
		}
	});
}
