/**
 * Linting a set of files from disk with each file's own copydesk.json: what `copydesk
 * check`, `copydesk report` and the editor's campaign report share. Files named by
 * copydesk.json `ignore` or a .copydeskignore are skipped.
 */
import * as path from 'node:path';
import { lint, msg, uncheckedResult, type CampaignPeer, type LintResult, type ResolvedConfig } from '../engine';
import { expandPaths, type Unreadable } from './expand';
import { decodeText, DEFAULT_MAX_DRAFT_BYTES, readRegularFile, type Encoding } from './files';
import { imageReaderFor } from './media';
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
	const out: LintedFile[] = [];
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
					out.push({
						file, text: '', config: loaded.config, matchedDraftGlob, encoding: 'unknown', tooLarge: true,
						result: uncheckedResult({ rule: 'file', severity: 'error', start: 0, end: 0, message: msg('file.draftTooLarge', { size: r.size, max: r.max }) }),
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
			const result = lint({ text, config: loaded.config, matchedDraftGlob, readImage: imageReaderFor(file), variants: campaign ? 'all' : opts.variants ?? 'all' });
			if (result.isDraft) {
				if (encoding === 'unknown') {
					result.findings.unshift({ rule: 'file', severity: 'warning', start: 0, end: 0, message: msg('file.encodingUnknown') });
				}
				out.push({ file, text, result, config: loaded.config, matchedDraftGlob, encoding, campaign });
			}
		}
	});
	relintCampaigns(out);
	return { files: out, read, unmatched, unreadable };
}

/**
 * The files of one campaign folder are variants of one announcement: each is linted again with
 * the others' facts as peers, so campaign-consistency compares across files. Only the files
 * given are compared (a report of one file of the folder compares within that file).
 */
export function relintCampaigns(files: LintedFile[]): void {
	const groups = new Map<string, LintedFile[]>();
	for (const f of files) {
		if (f.campaign) {
			groups.set(f.campaign, [...(groups.get(f.campaign) ?? []), f]);
		}
	}
	for (const [folder, group] of groups) {
		if (group.length < 2) {
			continue;
		}
		const nameOf = (f: LintedFile) => path.relative(folder, f.file).split(path.sep).join('/');
		const peersOf = (f: LintedFile): CampaignPeer[] => group.filter((o) => o !== f && o.result.variants.length)
			.map((o) => ({ file: nameOf(o), path: o.file, text: o.text, variants: o.result.variants }));
		const results = group.map((f) => lint({ text: f.text, config: f.config, matchedDraftGlob: f.matchedDraftGlob, peers: peersOf(f), file: nameOf(f), readImage: imageReaderFor(f.file) }));
		group.forEach((f, i) => {
			f.result = results[i];
		});
	}
}
