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
import type * as WorkerThreads from 'node:worker_threads';
import type { MessagePort, Worker } from 'node:worker_threads';
import { language, lint, parseDraft, profileFor, setLanguage, type CampaignPeer, type Finding, type Lang, type LintResult, type ResolvedConfig, type Target } from '../engine';
import { MAX_VARIANTS } from '../engine/lint';
import { modeOf } from '../engine/platforms';
import { imageReaderFor } from './media';
import { WORKER_ARG } from './workerArg';

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
	/** A run of posts of a large file (see splitJob): linted without campaign-consistency, which compares nothing in so large a file. */
	part?: true;
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
export const poolStats = { fromWorkers: 0, failedChunks: 0, splitFiles: 0, unmerged: 0 };

/**
 * `--jobs` when not given: one thread per core on a machine of more than two cores, else one. Each
 * worker starts and warms up an engine of its own (compiling its code again, building the matchers of
 * the configuration), and V8 already keeps a second core busy with garbage collection and compiling
 * for the main thread: measured on a 2-core machine, `--jobs 2` used a third to a half more CPU time
 * than `--jobs 1` on the bench's 2,000- and 10,000-post campaign files and its 3,303 files, and was no
 * faster on the wall clock (bench/README.md). Even with more cores a run with little text stays on
 * one thread (MIN_PARALLEL_CHARS).
 */
export function defaultJobs(cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length): number {
	return cores > 2 ? cores : 1;
}

/** Below this much text a run is linted on the main thread: starting a worker costs more than it saves. */
export const MIN_PARALLEL_CHARS = 256 * 1024;

// The configuration of a part of a large file: campaign-consistency off (one object per configuration, so the engine's per-config caches still hit).
const withoutCampaign = new WeakMap<ResolvedConfig, ResolvedConfig>();

function partConfig(config: ResolvedConfig): ResolvedConfig {
	let c = withoutCampaign.get(config);
	if (!c) {
		const rules: ResolvedConfig['rules'] = Object.create(null);
		Object.assign(rules, config.rules, { 'campaign-consistency': { severity: 'off', options: {} } });
		c = { ...config, rules };
		withoutCampaign.set(config, c);
	}
	return c;
}

export function lintJob(job: LintJob, configFor: (file: string) => ResolvedConfig): LintResult {
	return lint({
		text: job.text, config: job.part ? partConfig(configFor(job.file)) : configFor(job.file), matchedDraftGlob: job.matchedDraftGlob, readImage: imageReaderFor(job.file), variants: job.variants,
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

/** A file is split into runs of posts from this size on (and only with more than MAX_VARIANTS posts). */
export const MIN_SPLIT_CHARS = 128 * 1024;

/** How a part of a large file maps back: its text is the file's head (front matter) and the posts from `first` on, starting at `at`. */
interface Part {
	job: number;
	first: number;
	head: number;
	at: number;
}

/**
 * The posts of one large file as runs linted apart, when that gives the same findings as linting it
 * whole: more than MAX_VARIANTS posts (so campaign-consistency compares none of them), every post
 * behind a marker (no text before the first), no disable comments (they may span posts) and no
 * problem in the front matter. Each part is the file's head (front matter and what follows it up to
 * the first marker, at the same offsets) and a run of posts; undefined when the file stays whole.
 */
function splitJob(job: LintJob, pieces: number): { head: number; parts: { text: string; first: number; at: number }[] } | undefined {
	if (job.text.length < MIN_SPLIT_CHARS || pieces < 2 || job.peers || job.text.includes('copydesk-disable') || job.text.includes('copydesk-enable')) {
		return undefined;
	}
	const draft = parseDraft(job.text);
	if (draft.posts.length <= MAX_VARIANTS || draft.problems.length || !draft.posts.every((p) => p.marker) || !(draft.declaresPlatform || job.matchedDraftGlob)) {
		return undefined;
	}
	const head = job.text.slice(0, draft.posts[0].start);
	const out: { text: string; first: number; at: number }[] = [];
	const per = Math.ceil(draft.posts.length / pieces);
	for (let first = 0; first < draft.posts.length; first += per) {
		const last = Math.min(draft.posts.length, first + per) - 1;
		const at = draft.posts[first].start;
		out.push({ text: head + job.text.slice(at, draft.posts[last].end), first, at });
	}
	return { head: head.length, parts: out };
}

/** The plain results of a file's parts as one plain result for the whole file, or undefined when a part is not what splitJob expects. */
function mergeParts(parts: readonly { part: Part; result: PlainResult }[]): PlainResult | undefined {
	const findings: Finding[] = [];
	const targets: PlainTarget[] = [];
	const media: PlainResult['media'] = [];
	for (const { part, result } of parts) {
		if (!result.isDraft || result.exceptions.length || result.hidden.length || result.variants.length) {
			return undefined;
		}
		const at = (x: number) => (x < part.head ? x : x - part.head + part.at);
		const range = <T extends { start: number; end: number }>(r: T): T => ({ ...r, start: at(r.start), end: at(r.end) });
		for (const f of result.findings) {
			if (f.post === undefined || f.related) {
				return undefined;
			}
			findings.push({
				...range(f), post: f.post + part.first,
				...(f.fixes ? { fixes: f.fixes.map((fx) => ({ ...fx, edits: fx.edits.map(range) })) } : {}),
			});
		}
		for (const t of result.targets) {
			targets.push({
				...t, post: t.post + part.first,
				counts: t.counts.map((c) => ({
					...range(c),
					...(c.overflowAt !== undefined ? { overflowAt: at(c.overflowAt) } : {}),
					...(c.foldAt !== undefined ? { foldAt: at(c.foldAt) } : {}),
					...(c.byteOverflowAt !== undefined ? { byteOverflowAt: at(c.byteOverflowAt) } : {}),
				})),
			});
		}
		for (const m of result.media) {
			media.push({
				post: m.post + part.first,
				images: m.images.map((i) => ({ ...range(i), ...(i.altStart !== undefined ? { altStart: at(i.altStart) } : {}), ...(i.altEnd !== undefined ? { altEnd: at(i.altEnd) } : {}) })),
			});
		}
	}
	// As lint sorts: by range, then rule; a stable sort keeps the posts' order on ties, as one lint does.
	findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
	return { isDraft: true, findings, targets, media, exceptions: [], hidden: [], variants: [] };
}

/**
 * Where the worker code is: the CLI's launcher (server/out/cli.js, beside the program bundle this module
 * is part of), also when this module runs from source.
 */
function workerEntry(): string | undefined {
	const bundled = __filename.endsWith('.js') ? path.join(__dirname, 'cli.js') : path.resolve(__dirname, '..', '..', 'out', 'cli.js');
	return fs.existsSync(bundled) ? bundled : undefined;
}

/**
 * Lints every job, on `jobs` threads (this one included) when there are `minChars` of text or more
 * (default MIN_PARALLEL_CHARS: below that a worker's start costs more than it saves), else here; results
 * in the order of `list`. `configFor` gives this thread's configuration of a file (the workers load
 * theirs from `configArgs`).
 */
export function lintJobs(files: readonly LintJob[], configFor: (file: string) => ResolvedConfig, jobs: number, configArgs: ConfigArgs, minChars = MIN_PARALLEL_CHARS): LintResult[] {
	const entry = workerEntry();
	const chars = files.reduce((n, j) => n + j.text.length, 0);
	if (jobs < 2 || !entry || chars < minChars) {
		return files.map((j) => lintJob(j, configFor));
	}
	// A large file's posts are spread too: its parts are jobs of their own, merged when all are back.
	const list: LintJob[] = [];
	const parts: (Part | undefined)[] = [];
	const jobOf: number[] = [];
	files.forEach((j, k) => {
		const split = splitJob(j, jobs * 4);
		if (split) {
			poolStats.splitFiles++;
		}
		for (const p of split?.parts ?? []) {
			list.push({ ...j, text: p.text, part: true });
			parts.push({ job: k, first: p.first, head: split!.head, at: p.at });
			jobOf.push(k);
		}
		if (!split) {
			list.push(j);
			parts.push(undefined);
			jobOf.push(k);
		}
	});
	type Held = LintResult | PlainResult;
	const held = lintList<Held>(list, configFor, jobs, entry, configArgs,
		(i, r) => (parts[i] ? toPlain(r) : r),
		(i, p) => (parts[i] ? p : fromPlain(p, list[i].text, configFor(list[i].file))));
	// Back to one result per file, in order: a split file's parts merged (or, should a part not be as expected, the file linted whole here).
	const out: LintResult[] = [];
	const byJob = new Map<number, { part: Part; result: PlainResult }[]>();
	held.forEach((r, i) => {
		const part = parts[i];
		if (part) {
			byJob.set(part.job, [...(byJob.get(part.job) ?? []), { part, result: r as PlainResult }]);
		} else {
			out[jobOf[i]] = r as LintResult;
		}
	});
	for (const [k, ps] of byJob) {
		const merged = mergeParts(ps);
		out[k] = merged ? fromPlain(merged, files[k].text, configFor(files[k].file)) : lintJob(files[k], configFor);
		if (!merged) {
			poolStats.unmerged++;
		}
	}
	return out;
}

/** Lints `list` on up to `jobs` threads; each result as `keep` holds it (plain for parts, whole for files). */
function lintList<T>(list: readonly LintJob[], configFor: (file: string) => ResolvedConfig, jobs: number, entry: string, configArgs: ConfigArgs, keep: (i: number, r: LintResult) => T, fromWorker: (i: number, p: PlainResult) => T): T[] {
	const out: (T | undefined)[] = new Array(list.length).fill(undefined);
	const chars = list.reduce((n, j) => n + j.text.length, 0);
	const workers = Math.min(jobs - 1, list.length - 1);
	if (workers < 1) {
		return list.map((j, i) => keep(i, lintJob(j, configFor)));
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
	// Loaded here, when workers are started: a run on one thread never loads the module.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { MessageChannel, receiveMessageOnPort, Worker } = require('node:worker_threads') as typeof WorkerThreads;
	const counter = new SharedArrayBuffer(4);
	const count = new Int32Array(counter);
	const pool: { worker: Worker; port: MessagePort; busy: number[] }[] = [];
	for (let w = 0; w < workers; w++) {
		const { port1, port2 } = new MessageChannel();
		const data: WorkerData = { copydeskWorker: 1, port: port2, counter, config: configArgs, lang: language() };
		const worker = new Worker(entry, { workerData: data, transferList: [port2], argv: [WORKER_ARG] });
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
						out[i] = fromWorker(i, reply.results[k]);
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
				out[i] = keep(i, lintJob(list[i], configFor));
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
			out[i] ??= keep(i, lintJob(list[i], configFor));
		}
	}
	return out.map((r, i) => r ?? keep(i, lintJob(list[i], configFor)));
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
