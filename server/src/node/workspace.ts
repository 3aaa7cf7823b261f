/**
 * Loading a workspace's configuration from disk, shared by the language server and the CLI:
 * finds copydesk.json, parses it, and resolves the layers. A broken file is reported as
 * problems in that file and contributes nothing; the rest keeps working.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { language, msg, packEntries, parseConfigLayer, resolveConfig, rules, type ConfigLayer, type ResolvedConfig } from '../engine';
import { readDataFile, type FileProblems } from './files';

export type { FileProblems } from './files';
import { IgnoreFiles } from './ignorefile';
import { checkPackSnippets, loadPacks, type LoadedPack } from './packs';

export const CONFIG_FILE = 'copydesk.json';

export const knownRules = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));

export interface LoadedConfig {
	/** The folder copydesk.json is in (globs are relative to it), or the folder searched. */
	root: string;
	configFile?: string;
	config: ResolvedConfig;
	/** Problems per file; every file that was read is listed, with [] when it is fine. */
	files: FileProblems[];
	/** The packs copydesk.json lists, in order (also those that failed to load). */
	packs: LoadedPack[];
	/** The layers resolved, lowest first (editor settings, packs, copydesk.json, command-line options). */
	layers: ConfigLayer[];
}

/** Finds copydesk.json in `dir` or its ancestors, stopping at `stopAt` (inclusive) when given. */
export function findConfigFile(dir: string, stopAt?: string): string | undefined {
	let d = path.resolve(dir);
	const stop = stopAt ? path.resolve(stopAt) : undefined;
	for (;;) {
		const f = path.join(d, CONFIG_FILE);
		if (fs.existsSync(f)) {
			return f;
		}
		const up = path.dirname(d);
		if (up === d || d === stop) {
			return undefined;
		}
		d = up;
	}
}

/**
 * Reads and resolves a configuration. `after` are layers applied after the file (editor
 * settings apply before it: the team's file wins over one writer's settings). With
 * `checkSnippets`, each pack snippet is also checked against the result (the editor does).
 */
export function loadConfig(configFile: string | undefined, root: string, opts: { before?: ConfigLayer[]; after?: ConfigLayer[]; readFile?: (f: string) => string | undefined; checkSnippets?: boolean } = {}): LoadedConfig {
	// copydesk.json is untrusted: a regular file of at most MAX_DATA_FILE_BYTES (a link to /dev/zero is refused, not read).
	const read = opts.readFile ? (f: string) => {
		const t = opts.readFile!(f);
		return t === undefined ? { error: msg('file.unreadable', { file: path.basename(f), detail: 'ENOENT' }) } : { text: t };
	} : readDataFile;
	const files: FileProblems[] = [];
	const layers: ConfigLayer[] = [...(opts.before ?? [])];
	let packs: LoadedPack[] = [];
	if (configFile) {
		const r = read(configFile);
		if ('error' in r) {
			files.push({ file: configFile, text: '', problems: [{ start: 0, end: 0, message: r.error, severity: 'error' }] });
		} else {
			const text = r.text;
			const parsed = parseConfigLayer(text, path.basename(configFile), knownRules);
			files.push({ file: configFile, text, problems: parsed.problems });
			if (parsed.layer) {
				// Precedence: editor settings < packs (in listed order) < copydesk.json.
				if (parsed.layer.packs?.length) {
					const loadedPacks = loadPacks(packEntries(text), path.dirname(configFile));
					parsed.problems.push(...loadedPacks.entryProblems);
					files.push(...loadedPacks.files);
					packs = loadedPacks.packs;
					layers.push(...packs.flatMap((p) => (p.layer ? [p.layer] : [])));
				}
				layers.push(parsed.layer);
			}
		}
	}
	layers.push(...(opts.after ?? []));
	const config = resolveConfig(layers);
	for (const p of config.problems) {
		const target = files.find((f) => f.file === configFile);
		target?.problems.push({ start: 0, end: 0, message: p.message, severity: 'error' });
	}
	// Platform tags on pack snippets can name custom platforms: checked against the final table.
	// The layers as text key the snippet self-checks: a reload with the same configuration reuses them.
	checkPackSnippets(packs, files, config, !!opts.checkSnippets, opts.checkSnippets ? `${language()}\u0000${JSON.stringify(layers)}` : undefined);
	return { root: configFile ? path.dirname(configFile) : root, configFile, config, files, packs, layers };
}

/** True when `file` matches the config's `drafts` globs (relative to the config's folder). */
export function matchesDrafts(loaded: LoadedConfig, file: string): boolean {
	return matchesAny(loaded.config.drafts, loaded.root, file);
}

/**
 * The campaign folder `file` belongs to: copydesk.json `campaigns` lists folders (relative to
 * it) whose drafts are variants of one announcement (campaign-consistency compares them all).
 */
export function campaignFolderOf(loaded: LoadedConfig, file: string): string | undefined {
	const raw = loaded.config.extra.campaigns;
	if (!Array.isArray(raw)) {
		return undefined;
	}
	for (const c of raw) {
		if (typeof c !== 'string' || !c.trim()) {
			continue;
		}
		const folder = path.resolve(loaded.root, c);
		const r = path.relative(folder, path.resolve(file));
		if (r && !r.startsWith('..') && !path.isAbsolute(r)) {
			return folder;
		}
	}
	return undefined;
}

const ignoreFiles = new IgnoreFiles();

/** Why each .copydeskignore met so far that could not be read was refused (it ignores nothing). */
export function unreadableIgnoreFiles(): string[] {
	return [...ignoreFiles.unreadable.values()];
}

/** Runs `fn` with each .copydeskignore looked up once (a CLI run or a report over many files). */
export function ignoreBatch<T>(fn: () => T): T {
	return ignoreFiles.batch(fn);
}

/**
 * True when copydesk.json's `ignore` globs or a .copydeskignore file exclude `file`.
 * `stopAt` (a workspace folder) bounds the search for .copydeskignore files.
 */
export function isIgnored(loaded: LoadedConfig, file: string, stopAt?: string): boolean {
	return matchesAny(loaded.config.ignore, loaded.root, file) || ignoreFiles.isIgnored(file, stopAt);
}

const matchers = new Map<string, (p: string) => boolean>();

function matchesAny(globs: readonly string[], root: string, file: string): boolean {
	if (!globs.length) {
		return false;
	}
	const rel = path.relative(root, path.resolve(file)).split(path.sep).join('/');
	if (rel.startsWith('../')) {
		return false;
	}
	return globs.some((g) => {
		let m = matchers.get(g);
		if (!m) {
			m = picomatch(g, { dot: true });
			matchers.set(g, m);
		}
		return m(rel);
	});
}

/** Files a draft can be: Markdown and plain text. */
export const DRAFT_EXTENSIONS = ['.md', '.markdown', '.txt'];
