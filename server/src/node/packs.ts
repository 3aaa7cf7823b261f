/**
 * Finding and reading team packs on disk (the engine parses them: engine/pack.ts). A pack is
 * a folder, or an npm package in node_modules, holding copydesk-pack.json. Packs are data:
 * nothing is fetched from the network and nothing in a pack runs. A pack must be inside the
 * project folder (the folder of copydesk.json) once symbolic links are resolved, and every
 * file it names must be inside the pack. A broken pack is reported in its own files and
 * contributes only what is valid; the other packs keep working.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	canonicalPlatformId, language, msg, PACK_FILE, parsePackManifest, parseSnippetFile, parseTeamRulesFile, parseTermsFile, platformName, resolveConfig, rules, snippetSelfCheck,
	type ConfigLayer, type InputProblem, type PackManifest, type ResolvedConfig, type SnippetDef, type TeamRule,
} from '../engine';
import { readDataFile, type FileProblems } from './files';

const knownRules = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));

/** A snippet from a pack, with where it comes from. */
export interface PackSnippet extends SnippetDef {
	/** The pack's name (or its spec when the manifest has none). */
	pack: string;
	/** The snippet file's path. */
	file: string;
}

export interface LoadedPack {
	/** The entry as written in copydesk.json. */
	spec: string;
	/** The pack folder (symbolic links resolved), when it was found and allowed. */
	dir?: string;
	manifest?: PackManifest;
	snippets: PackSnippet[];
	terms: unknown[];
	/** Every file of the pack that was read (to watch them). */
	files: string[];
	/** The pack's rules, platforms and terms, when its manifest is valid JSON. */
	layer?: ConfigLayer;
}

export interface PackLoad {
	packs: LoadedPack[];
	/** Problems in the packs' own files. */
	files: FileProblems[];
	/** Problems about the `packs` entries themselves, at their offsets in copydesk.json. */
	entryProblems: InputProblem[];
}

/** True when `p` is `root` or inside it (both absolute, symbolic links resolved). */
export function isInside(p: string, root: string): boolean {
	const rel = path.relative(root, p);
	return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realpath(p: string): string | undefined {
	try {
		return fs.realpathSync.native(p);
	} catch {
		return undefined;
	}
}

/** A pack file's text (a regular file of at most MAX_DATA_FILE_BYTES), or why it cannot be read. */
function readText(file: string): { text: string } | { error: string; missing: boolean } {
	return readDataFile(file);
}

/** A folder path (./, ../, absolute) rather than an npm package name. */
function isPathSpec(spec: string): boolean {
	return spec.startsWith('.') || path.isAbsolute(spec) || spec.includes('\\') || /^[A-Za-z]:/.test(spec);
}

export type Resolution = { dir: string } | { message: string };

/**
 * Where a `packs` entry points: a folder relative to `configDir`, or a package in
 * `configDir`/node_modules. Refused when it resolves outside `configDir`.
 */
export function resolvePack(spec: string, configDir: string): Resolution {
	const root = realpath(configDir) ?? path.resolve(configDir);
	const candidate = isPathSpec(spec) ? path.resolve(configDir, spec) : path.join(configDir, 'node_modules', ...spec.split('/'));
	const real = realpath(candidate);
	if (!real) {
		// An entry that leaves the project is refused even when it does not exist.
		if (!isInside(path.resolve(candidate), root) && !isInside(path.resolve(candidate), path.resolve(configDir))) {
			return { message: msg('pack.outside', { spec, path: candidate, root }) };
		}
		return isPathSpec(spec)
			? { message: msg('pack.notFound', { spec, path: candidate }) }
			: { message: msg('pack.notFoundModule', { spec, from: path.join(configDir, 'node_modules') }) };
	}
	if (!isInside(real, root)) {
		return { message: msg('pack.outside', { spec, path: real, root }) };
	}
	if (!fs.statSync(real).isDirectory() || !fs.existsSync(path.join(real, PACK_FILE))) {
		return { message: msg('pack.noManifest', { path: real }) };
	}
	return { dir: real };
}

/** Reads one pack folder: its manifest, snippet files and terms file. */
export function loadPackDir(dir: string, spec = dir): { pack: LoadedPack; files: FileProblems[] } {
	const pack: LoadedPack = { spec, dir, snippets: [], terms: [], files: [] };
	const files: FileProblems[] = [];
	const manifestFile = path.join(dir, PACK_FILE);
	const read = readText(manifestFile);
	pack.files.push(manifestFile);
	if ('error' in read) {
		files.push({ file: manifestFile, text: '', problems: [{ start: 0, end: 0, message: read.missing ? msg('pack.noManifest', { path: dir }) : read.error, severity: 'error' }] });
		return { pack, files };
	}
	const text = read.text;
	const parsed = parsePackManifest(text, spec, knownRules);
	const manifestProblems: FileProblems = { file: manifestFile, text, problems: [...parsed.problems] };
	files.push(manifestProblems);
	const m = parsed.value;
	if (!m) {
		return { pack, files };
	}
	pack.manifest = m;
	const name = m.name ?? spec;
	// A file the manifest names: read it when it is inside the pack, else report where it is named.
	const open = (ref: { path: string; start: number; end: number }): { file: string; text: string } | undefined => {
		const file = path.resolve(dir, ref.path);
		const real = realpath(file);
		const at = { start: ref.start, end: ref.end, severity: 'error' as const };
		if (!real) {
			manifestProblems.problems.push({ ...at, message: msg('pack.fileMissing', { file: ref.path }) });
			return undefined;
		}
		if (!isInside(real, dir)) {
			manifestProblems.problems.push({ ...at, message: msg('pack.fileEscapes', { file: ref.path }) });
			return undefined;
		}
		const t = readText(real);
		if ('error' in t) {
			manifestProblems.problems.push({ ...at, message: t.missing ? msg('pack.fileMissing', { file: ref.path }) : t.error });
			return undefined;
		}
		pack.files.push(file);
		return { file, text: t.text };
	};
	for (const ref of m.snippets) {
		const f = open(ref);
		if (f) {
			const s = parseSnippetFile(f.text, ref.path);
			files.push({ file: f.file, text: f.text, problems: s.problems });
			pack.snippets.push(...(s.value ?? []).map((d) => ({ ...d, pack: name, file: f.file })));
		}
	}
	if (m.terms) {
		const f = open(m.terms);
		if (f) {
			const t = parseTermsFile(f.text, m.terms.path);
			files.push({ file: f.file, text: f.text, problems: t.problems });
			pack.terms = t.value ?? [];
		}
	}
	let teamRules: TeamRule[] = [];
	if (m.teamRules) {
		const f = open(m.teamRules);
		if (f) {
			const t = parseTeamRulesFile(f.text, m.teamRules.path, name);
			files.push({ file: f.file, text: f.text, problems: t.problems });
			teamRules = t.value ?? [];
		}
	}
	const extra = { ...(pack.terms.length ? { terms: pack.terms } : {}), ...(teamRules.length ? { teamRules } : {}) };
	if (m.layer) {
		pack.layer = { ...m.layer, origin: `pack ${name}`, extra: { ...(m.layer.extra ?? {}), ...extra } };
	} else if (Object.keys(extra).length) {
		pack.layer = { origin: `pack ${name}`, extra };
	}
	return { pack, files };
}

/**
 * Loads the packs copydesk.json lists, in order. `entries` are the list's strings with their
 * offsets in copydesk.json (engine's packEntries), so problems point at the entry.
 */
export function loadPacks(entries: readonly { spec: string; start: number; end: number }[], configDir: string): PackLoad {
	const out: PackLoad = { packs: [], files: [], entryProblems: [] };
	const seen = new Set<string>();
	for (const e of entries) {
		const r = resolvePack(e.spec, configDir);
		if ('message' in r) {
			out.entryProblems.push({ start: e.start, end: e.end, message: r.message, severity: 'error' });
			out.packs.push({ spec: e.spec, snippets: [], terms: [], files: [] });
			continue;
		}
		if (seen.has(r.dir)) {
			out.entryProblems.push({ start: e.start, end: e.end, message: msg('pack.duplicate', { spec: e.spec }), severity: 'warning' });
			continue;
		}
		seen.add(r.dir);
		const { pack, files } = loadPackDir(r.dir, e.spec);
		out.packs.push(pack);
		out.files.push(...files);
	}
	return out;
}

// Self-check results by configuration (as text) and snippet: a config reload that changed neither
// (a draft saved, another file's watcher event) does not check every snippet again.
const selfChecks = new Map<string, ReturnType<typeof snippetSelfCheck>>();
const SELF_CHECKS_KEPT = 20000;

function selfCheckCached(s: PackSnippet, config: ResolvedConfig, configKey: string | undefined): ReturnType<typeof snippetSelfCheck> {
	if (configKey === undefined) {
		return snippetSelfCheck(s, config);
	}
	const key = `${configKey}\u0000${JSON.stringify([s.body, s.platforms ?? null])}`;
	let r = selfChecks.get(key);
	if (!r) {
		r = snippetSelfCheck(s, config);
		if (selfChecks.size >= SELF_CHECKS_KEPT) {
			selfChecks.clear();
		}
		selfChecks.set(key, r);
	}
	return r;
}

/**
 * Checks the snippets of loaded packs against the final configuration: the platforms their
 * tags name must exist, and each snippet, expanded with its defaults, should pass the checks
 * (warnings in the snippet's own file, at its name).
 */
export function checkPackSnippets(packs: readonly LoadedPack[], files: readonly FileProblems[], config: ResolvedConfig, selfCheck: boolean, configKey?: string): void {
	// One map from file to its problems: not a search through every file per snippet.
	const problemsOf = new Map(files.map((f) => [f.file, f.problems]));
	for (const pack of packs) {
		for (const s of pack.snippets) {
			const problems = problemsOf.get(s.file);
			if (!problems) {
				continue;
			}
			const at = { start: s.start, end: s.end, severity: 'warning' as const };
			for (const id of s.platforms ?? []) {
				if (!canonicalPlatformId(id, config.platforms)) {
					problems.push({ ...at, message: msg('pack.unknownPlatform', { name: s.name, id }) });
				}
			}
			if (!selfCheck) {
				continue;
			}
			for (const f of selfCheckCached(s, config, configKey)) {
				const platform = f.platform && config.platforms[f.platform] ? platformName(config.platforms[f.platform], language()) : '—';
				problems.push({ ...at, message: msg('pack.snippetFails', { name: s.name, platform, message: f.message }) });
			}
		}
	}
}

/**
 * Everything `copydesk pack validate` checks in one pack: its files (as when loading), the
 * platforms its snippets name, and that every snippet, expanded with its defaults, passes
 * the pack's own checks (built-in defaults with the pack's layer).
 */
export function validatePackDir(dir: string, spec = dir): { pack: LoadedPack; files: FileProblems[]; config: ResolvedConfig } {
	const { pack, files } = loadPackDir(dir, spec);
	const config = resolveConfig(pack.layer ? [pack.layer] : []);
	for (const p of config.problems) {
		files[0]?.problems.push({ start: 0, end: 0, message: p.message, severity: 'error' });
	}
	checkPackSnippets([pack], files, config, true);
	return { pack, files, config };
}
