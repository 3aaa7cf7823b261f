/**
 * Linting a set of files from disk with each file's own copydesk.json: what `copydesk
 * check`, `copydesk report` and the editor's campaign report share. Files named by
 * copydesk.json `ignore` or a .copydeskignore are skipped.
 */
import * as path from 'node:path';
import { msg, uncheckedResult, type CampaignPeer, type LintResult, type ResolvedConfig } from '../engine';
import { expandPaths, type Unreadable } from './expand';
import { decodeText, DEFAULT_MAX_DRAFT_BYTES, readRegularFile, type Encoding } from './files';
import { lintJob, lintJobs, type ConfigArgs, type LintJob } from './pool';
import { campaignFolderOf, findConfigFile, ignoreBatch, isIgnored, loadConfig, matchesDrafts, type LoadedConfig } from './workspace';

/** Loads configs once per copydesk.json; an explicit config applies to every file. */
export class ConfigCache {
	private cache = new Map<string, LoadedConfig>();
	// The copydesk.json that applies in each folder: looked up once per folder, not once per file.
	private found = new Map<string, string | undefined>();

	constructor(private readonly cwd: string, private readonly explicit?: string, private readonly platform?: string, private readonly stopAt?: string) { }

	for(file: string): LoadedConfig {
		const dir = path.dirname(file);
		if (!this.explicit && !this.found.has(dir)) {
			this.found.set(dir, findConfigFile(dir, this.stopAt));
		}
		const cfgFile = this.explicit ?? this.found.get(dir);
		const key = cfgFile ?? '(none)';
		let loaded = this.cache.get(key);
		if (!loaded) {
			loaded = loadConfig(cfgFile, cfgFile ? path.dirname(cfgFile) : this.stopAt ?? this.cwd, {
				after: this.platform ? [{ origin: '--platform', defaultPlatform: this.platform }] : [],
			});
			this.cache.set(key, loaded);
		}
		return loaded;
	}

	all(): LoadedConfig[] {
		return [...this.cache.values()];
	}
}

export interface LintedFile {
	file: string;
	text: string;
	result: LintResult;
	/** The configuration the file was checked with, and whether it is a draft by the config's globs (for fixing). */
	config: ResolvedConfig;
	matchedDraftGlob: boolean;
	/** The campaign folder the file is in (copydesk.json `campaigns`), if any. */
	campaign?: string;
	/**
	 * How the file's bytes were decoded ('utf-8' also for an editor's buffer). Only UTF-8 and
	 * UTF-16 text can be written back byte-exact; `tooLarge` files were not checked at all.
	 */
	encoding: Encoding;
	tooLarge?: boolean;
}

export interface CampaignOptions {
	cwd: string;
	/** The configuration of each file (a ConfigCache, or the language server's own). */
	configs: Pick<ConfigCache, 'for'>;
	/** Lint files that name no platform with this one (CLI --platform). */
	forcePlatform?: boolean;
	/** Bounds the search for .copydeskignore (a workspace folder). */
	stopAt?: string;
	/** The text of a file: an editor's unsaved buffer wins over the disk. */
	readText?: (file: string) => string | undefined;
	/** Drafts larger than this many bytes are not checked (one `file` finding says so); default DEFAULT_MAX_DRAFT_BYTES. */
	maxBytes?: number;
	/**
	 * `'compared'` when only findings are wanted (`check`): a file outside a campaign folder reads its
	 * posts' facts only when it compares them (LintInput.variants). Default `'all'` (the report shows them).
	 */
	variants?: 'all' | 'compared';
	/** Posts larger than this many bytes are one finding (`check --max-post-size`); default: each config's `maxPostSize`. */
	maxPostBytes?: number;
	/** Lint on this many threads (worker_threads; `check --jobs`), the workers loading configurations from `config`. */
	pool?: { jobs: number; config: ConfigArgs; minChars?: number };
}

export interface CampaignResult {
	/** Drafts only, in path order. */
	files: LintedFile[];
	/** Files that were read (drafts or not). */
	read: number;
	unmatched: string[];
	/** Files and folders that could not be read (permissions, not a regular file…), with why. */
	unreadable: Unreadable[];
}



export function lintPaths(paths: readonly string[], opts: CampaignOptions): CampaignResult {
	const { files, unmatched, unreadable } = expandPaths(paths.length ? paths : ['.'], opts.cwd);
	// Each slot is a file in path order: a file too large to check is done; the others are linted below, all at once.
	const slots: { done?: LintedFile; job?: LintJob; loaded?: LoadedConfig; encoding?: Encoding; campaign?: string }[] = [];
	const maxBytes = opts.maxBytes ?? DEFAULT_MAX_DRAFT_BYTES;
	let read = 0;
	// One look at each folder's .copydeskignore for the whole set of files.
	ignoreBatch(() => {
		for (const file of files) {
			const loaded = opts.configs.for(file);
			if (isIgnored(loaded, file, opts.stopAt)) {
				continue;
			}
			const matchedDraftGlob = !!opts.forcePlatform || matchesDrafts(loaded, file);
			let text = opts.readText?.(file);
			let encoding: Encoding = 'utf-8';
			// An editor's buffer is held to the same cap as the file on disk.
			const bufferSize = text !== undefined && text.length > maxBytes / 3 ? Buffer.byteLength(text, 'utf8') : 0;
			if (text === undefined || bufferSize > maxBytes) {
				const r: ReturnType<typeof readRegularFile> = text === undefined
					? readRegularFile(file, maxBytes)
					: { ok: false, reason: 'tooLarge', size: bufferSize, max: maxBytes, detail: `${bufferSize} bytes` };
				if (!r.ok && r.reason === 'tooLarge') {
					// Too large to check: said once, at the top of the file, and never rewritten.
					read++;
					slots.push({
						done: {
							file, text: '', config: loaded.config, matchedDraftGlob, encoding: 'unknown', tooLarge: true,
							result: uncheckedResult({ rule: 'file', severity: 'error', start: 0, end: 0, message: msg('file.draftTooLarge', { size: r.size, max: r.max }) }),
						},
					});
					continue;
				}
				if (!r.ok) {
					unreadable.push({ file, detail: r.detail, folder: false });
					continue;
				}
				const decoded = decodeText(r.bytes);
				text = decoded.text;
				encoding = decoded.encoding;
			}
			read++;
			const campaign = campaignFolderOf(loaded, file);
			slots.push({ job: { file, text, matchedDraftGlob, variants: campaign ? 'all' : opts.variants ?? 'all', ...(opts.maxPostBytes ? { maxPostBytes: opts.maxPostBytes } : {}) }, loaded, encoding, campaign });
		}
	});
	const jobs = slots.filter((s) => s.job).map((s) => s.job!);
	const results = lintAll(jobs, opts);
	const out: LintedFile[] = [];
	let k = 0;
	for (const s of slots) {
		if (s.done) {
			out.push(s.done);
			continue;
		}
		const { file, text, matchedDraftGlob } = s.job!;
		const result = results[k++];
		if (result.isDraft) {
			if (s.encoding === 'unknown') {
				result.findings.unshift({ rule: 'file', severity: 'warning', start: 0, end: 0, message: msg('file.encodingUnknown') });
			}
			out.push({ file, text, result, config: s.loaded!.config, matchedDraftGlob, encoding: s.encoding!, campaign: s.campaign });
		}
	}
	relintCampaigns(out, (list) => lintAll(list, opts), opts.maxPostBytes);
	return { files: out, read, unmatched, unreadable };
}

/** Lints the jobs in order: on worker threads with `opts.pool` (the CLI's --jobs), else here. */
function lintAll(list: readonly LintJob[], opts: CampaignOptions): LintResult[] {
	const configFor = (file: string) => opts.configs.for(file).config;
	return opts.pool && opts.pool.jobs > 1
		? lintJobs(list, configFor, opts.pool.jobs, opts.pool.config, opts.pool.minChars)
		: list.map((j) => lintJob(j, configFor));
}

/**
 * The files of one campaign folder are variants of one announcement: each is linted again with
 * the others' facts as peers, so campaign-consistency compares across files. Only the files
 * given are compared (a report of one file of the folder compares within that file). The facts
 * come from the first pass (wherever it ran); `run` lints the second (default: here, in order).
 */
export function relintCampaigns(files: LintedFile[], run: (list: readonly LintJob[]) => LintResult[] = (list) => list.map((j) => lintJob(j, () => files.find((f) => f.file === j.file)!.config)), maxPostBytes?: number): void {
	const groups = new Map<string, LintedFile[]>();
	for (const f of files) {
		if (f.campaign) {
			groups.set(f.campaign, [...(groups.get(f.campaign) ?? []), f]);
		}
	}
	const todo: LintedFile[] = [];
	const list: LintJob[] = [];
	for (const [folder, group] of groups) {
		if (group.length < 2) {
			continue;
		}
		const nameOf = (f: LintedFile) => path.relative(folder, f.file).split(path.sep).join('/');
		const peersOf = (f: LintedFile): CampaignPeer[] => group.filter((o) => o !== f && o.result.variants.length)
			.map((o) => ({ file: nameOf(o), path: o.file, text: o.text, variants: o.result.variants }));
		for (const f of group) {
			todo.push(f);
			list.push({ file: f.file, text: f.text, matchedDraftGlob: f.matchedDraftGlob, variants: 'all', peers: peersOf(f), name: nameOf(f), ...(maxPostBytes ? { maxPostBytes } : {}) });
		}
	}
	const results = list.length ? run(list) : [];
	todo.forEach((f, i) => {
		f.result = results[i];
	});
}
