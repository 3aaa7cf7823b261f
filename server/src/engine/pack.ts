/**
 * Team packs as data: parsing and checking a pack's manifest (copydesk-pack.json), its
 * snippet files (VS Code snippet format, each snippet optionally tagged with `platforms`)
 * and its terms file. Pure: the Node layer (server/src/node/packs.ts) finds and reads the
 * files; everything here takes text and returns values plus problems with offsets into that
 * text. Nothing in a pack is ever run: snippets are text, transforms are refused.
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { parseConfigLayer, type ConfigLayer, type ResolvedConfig } from './config';
import { lint } from './lint';
import { parseDraft } from './draft';
import { msg } from './messages';
import { canonicalPlatformId, type PlatformProfile } from './platforms';
import { expandSnippet, parseSnippet, standardVariables, type SnippetSyntaxError, type VariableResolver } from './snippet-syntax';
import { checkTermsNode } from './terms';
import type { InputProblem } from './types';
import { memo2 } from './memo';

/** The manifest's file name: a folder holding it is a pack. */
export const PACK_FILE = 'copydesk-pack.json';

/** Keys of a manifest: the pack's own, then the config keys a pack may set. */
const OWN_KEYS = ['name', 'version', 'description', 'snippets', 'terms', 'teamRules'];
const LAYER_KEYS = ['$schema', 'rules', 'platforms', 'protect'];

// npm's rules for package names (lower case, optional scope), which pack names follow.
const NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
// Semantic versioning 2.0.0: MAJOR.MINOR.PATCH with optional pre-release and build.
const VERSION = /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** A file the manifest names, with where it is named (for problems about it). */
export interface PackFileRef {
	path: string;
	start: number;
	end: number;
}

export interface PackManifest {
	name?: string;
	version?: string;
	description?: string;
	snippets: PackFileRef[];
	terms?: PackFileRef;
	/** The pack's team rules file (ids `<pack name>/…`). */
	teamRules?: PackFileRef;
	/** The pack's rule settings and platforms, as a config layer. */
	layer?: ConfigLayer;
}

export interface Parsed<T> {
	value?: T;
	problems: InputProblem[];
}

type KnownRules = Parameters<typeof parseConfigLayer>[2];

function jsonRoot(text: string, problems: InputProblem[], what: string): JsonNode | undefined {
	const errors: ParseError[] = [];
	const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
	if (errors.length || !root) {
		const e = errors[0];
		// At least one character wide, but never past the end (an error at the end of the file).
		const start = Math.min(e ? e.offset : 0, text.length);
		problems.push({ start, end: Math.min(text.length, start + Math.max(1, e?.length ?? 1)), message: msg('pack.json', { file: what, detail: e ? printParseErrorCode(e.error) : 'empty file' }), severity: 'error' });
		return undefined;
	}
	return root;
}

function props(n: JsonNode): [string, JsonNode, JsonNode][] {
	return (n.children ?? []).filter((p) => p.children?.length === 2).map((p) => [String(p.children![0].value), p.children![0], p.children![1]]);
}

function problem(n: JsonNode, path: string, detail: string, severity: 'error' | 'warning' = 'error'): InputProblem {
	return { start: n.offset, end: n.offset + n.length, message: msg('config.invalid', { path, detail }), severity };
}

/** A path a pack names must be relative and stay inside the pack (checked again on disk). */
function fileRef(n: JsonNode, path: string, problems: InputProblem[]): PackFileRef | undefined {
	if (n.type !== 'string' || !n.value.trim()) {
		problems.push(problem(n, path, msg('config.type', { type: 'string' })));
		return undefined;
	}
	const p = String(n.value).replace(/\\/g, '/');
	if (p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.split('/').includes('..')) {
		problems.push(problem(n, path, msg('pack.fileOutside', { file: n.value })));
		return undefined;
	}
	return { path: p, start: n.offset, end: n.offset + n.length };
}

/** Parses and checks copydesk-pack.json. With a JSON syntax error the value is undefined. */
export function parsePackManifest(text: string, origin: string, knownRules: KnownRules): Parsed<PackManifest> {
	const problems: InputProblem[] = [];
	const root = jsonRoot(text, problems, PACK_FILE);
	if (!root) {
		return { problems };
	}
	if (root.type !== 'object') {
		problems.push(problem(root, '(root)', msg('config.type', { type: 'object' })));
		return { problems };
	}
	const m: PackManifest = { snippets: [] };
	const seen = new Set<string>();
	for (const [key, , vn] of props(root)) {
		seen.add(key);
		switch (key) {
			case 'name':
				if (vn.type !== 'string' || !NAME.test(vn.value)) {
					problems.push(problem(vn, key, msg('pack.name')));
				} else {
					m.name = vn.value;
				}
				break;
			case 'version':
				if (vn.type !== 'string' || !VERSION.test(vn.value)) {
					problems.push(problem(vn, key, msg('pack.version')));
				} else {
					m.version = vn.value;
				}
				break;
			case 'description':
				if (vn.type !== 'string') {
					problems.push(problem(vn, key, msg('config.type', { type: 'string' })));
				} else {
					m.description = vn.value;
				}
				break;
			case 'snippets': {
				const items = vn.type === 'array' ? vn.children ?? [] : [vn];
				items.forEach((it, i) => {
					const ref = fileRef(it, vn.type === 'array' ? `snippets[${i}]` : 'snippets', problems);
					if (ref) {
						m.snippets.push(ref);
					}
				});
				break;
			}
			case 'terms':
			case 'teamRules':
				m[key] = fileRef(vn, key, problems);
				break;
			default:
				break;
		}
	}
	for (const required of ['name', 'version']) {
		if (!seen.has(required)) {
			problems.push({ start: root.offset, end: root.offset + 1, message: msg('pack.missing', { key: required }), severity: 'error' });
		}
	}
	const parsed = parseConfigLayer(text, `pack ${m.name ?? origin}`, knownRules, { allow: LAYER_KEYS, skip: OWN_KEYS });
	problems.push(...parsed.problems);
	m.layer = parsed.layer;
	return { value: m, problems };
}

/** One snippet of a snippet file. */
export interface SnippetDef {
	/** The snippet's key in its file. */
	name: string;
	prefixes: string[];
	/** The body as VS Code snippet syntax (lines joined with \n). */
	body: string;
	description?: string;
	/** Platforms the snippet is for, as written (the tag `platforms`); absent: see snippetPlatforms. */
	platforms?: string[];
	/** Range of the snippet's key in its file. */
	start: number;
	end: number;
}

function strings(n: JsonNode): string[] | undefined {
	const items = n.type === 'array' ? n.children ?? [] : [n];
	if (!items.every((i) => i.type === 'string')) {
		return undefined;
	}
	return items.map((i) => String(i.value));
}

/** A syntax problem of a snippet body, in words. */
function snippetErrorMessage(e: SnippetSyntaxError): string {
	return msg(`snippet.${e.code}`);
}

/** Parses a snippet file (VS Code's format, JSONC) with the optional `platforms` tag. */
export function parseSnippetFile(text: string, file: string): Parsed<SnippetDef[]> {
	const problems: InputProblem[] = [];
	const root = jsonRoot(text, problems, file);
	if (!root) {
		return { problems };
	}
	if (root.type !== 'object') {
		problems.push(problem(root, '(root)', msg('config.type', { type: 'object' })));
		return { problems };
	}
	const out: SnippetDef[] = [];
	for (const [name, keyNode, sn] of props(root)) {
		if (sn.type !== 'object') {
			problems.push(problem(sn, name, msg('config.type', { type: 'object' })));
			continue;
		}
		const def: Partial<SnippetDef> = { name, start: keyNode.offset, end: keyNode.offset + keyNode.length };
		let ok = true;
		for (const [k, kn, v] of props(sn)) {
			const path = `${name}.${k}`;
			switch (k) {
				case 'prefix': {
					const p = strings(v);
					if (!p || !p.length || p.some((x) => !x.trim())) {
						problems.push(problem(v, path, msg('config.type', { type: 'string | string[]' })));
						ok = false;
					} else {
						def.prefixes = p;
					}
					break;
				}
				case 'body': {
					const b = strings(v);
					if (!b) {
						problems.push(problem(v, path, msg('config.type', { type: 'string | string[]' })));
						ok = false;
						break;
					}
					def.body = b.join('\n');
					for (const e of parseSnippet(def.body).errors) {
						problems.push(problem(v, path, snippetErrorMessage(e)));
						ok = false;
					}
					break;
				}
				case 'description':
					if (v.type !== 'string') {
						problems.push(problem(v, path, msg('config.type', { type: 'string' }), 'warning'));
					} else {
						def.description = v.value;
					}
					break;
				case 'platforms': {
					const p = strings(v);
					if (!p) {
						problems.push(problem(v, path, msg('config.type', { type: 'string[]' })));
						ok = false;
					} else {
						def.platforms = p;
					}
					break;
				}
				case 'scope':
				case 'isFileTemplate':
					break;
				default:
					problems.push(problem(kn, path, msg('config.unknownKey', { key: k }), 'warning'));
			}
		}
		for (const required of ['prefix', 'body'] as const) {
			if (!props(sn).some(([k]) => k === required)) {
				problems.push({ start: keyNode.offset, end: keyNode.offset + keyNode.length, message: msg('snippet.missing', { name, key: required }), severity: 'error' });
				ok = false;
			}
		}
		if (ok) {
			out.push(def as SnippetDef);
		}
	}
	return { value: out, problems };
}

/** Parses a terms file: a JSON list whose entries the `terms` rule reads. */
export function parseTermsFile(text: string, file: string): Parsed<unknown[]> {
	const problems: InputProblem[] = [];
	const root = jsonRoot(text, problems, file);
	if (!root) {
		return { problems };
	}
	if (root.type !== 'array') {
		problems.push(problem(root, '(root)', msg('config.type', { type: 'array' })));
		return { problems };
	}
	const checked = checkTermsNode(root, '');
	problems.push(...checked.problems);
	const terms = checked.valid.map((i) => valueOf(root.children![i]));
	return { value: terms, problems };
}

function valueOf(n: JsonNode): unknown {
	switch (n.type) {
		case 'object':
			return Object.fromEntries(props(n).map(([k, , v]) => [k, valueOf(v)]));
		case 'array':
			return (n.children ?? []).map(valueOf);
		default:
			return n.value;
	}
}

/** The entries of copydesk.json's `packs` list with their ranges (for problems about them). */
export function packEntries(configText: string): { spec: string; start: number; end: number }[] {
	const root = parseTree(configText, [], { allowTrailingComma: true, disallowComments: false });
	const list = root?.type === 'object' ? props(root).find(([k]) => k === 'packs')?.[2] : undefined;
	if (list?.type !== 'array') {
		return [];
	}
	return (list.children ?? []).filter((n) => n.type === 'string').map((n) => ({ spec: String(n.value), start: n.offset, end: n.offset + n.length }));
}

/** A snippet with its defaults filled in, as a writer gets it by accepting every placeholder. */
export function expandDefaults(def: Pick<SnippetDef, 'body'>, vars: VariableResolver = standardVariables(new Date())): string {
	return expandSnippet(def.body, vars).text;
}

/**
 * The platforms a snippet is for: its `platforms` tag when it has one, else the platforms its
 * own front matter or post markers name. Empty: a snippet for any platform.
 */
export function snippetPlatforms(def: Pick<SnippetDef, 'body' | 'platforms'>, known: Record<string, PlatformProfile>): string[] {
	const ids = def.platforms ?? parseDraft(expandDefaults(def)).posts.flatMap((p) => (p.settings.platforms ?? []).map((x) => x.value));
	return [...new Set(ids.map((id) => canonicalPlatformId(id, known) ?? id.toLowerCase()))];
}

// One config per (config, platform): what rules compile per config (the terms lexicon, options) is then
// compiled once for all of a pack's snippets, not once per snippet (snippets × terms).
const perPlatform = new WeakMap<ResolvedConfig, Map<string, ResolvedConfig>>();

function withDefaultPlatform(config: ResolvedConfig, id: string): ResolvedConfig {
	return memo2(perPlatform, config, id, () => ({ ...config, defaultPlatform: id }));
}

/**
 * The warnings and errors a snippet gets when expanded with its defaults and checked with
 * `config` on each of its platforms (a snippet whose text names no platform is checked on
 * its tagged ones). A pack's snippets should pass the pack's own rules.
 */
export function snippetSelfCheck(def: Pick<SnippetDef, 'body' | 'platforms'>, config: ResolvedConfig, vars?: VariableResolver): { platform?: string; rule: string; message: string }[] {
	const text = expandDefaults(def, vars);
	const draft = parseDraft(text);
	const runs = draft.declaresPlatform
		? [config]
		: (def.platforms ?? []).map((id) => canonicalPlatformId(id, config.platforms)).filter((id): id is string => !!id).map((id) => withDefaultPlatform(config, id));
	const out: { platform?: string; rule: string; message: string }[] = [];
	const seen = new Set<string>();
	for (const c of runs) {
		for (const f of lint({ text, config: c, matchedDraftGlob: true }).findings) {
			const key = `${f.rule}\u0000${f.platform}\u0000${f.message}`;
			if ((f.severity === 'error' || f.severity === 'warning') && !seen.has(key)) {
				seen.add(key);
				out.push({ platform: f.platform, rule: f.rule, message: f.message });
			}
		}
	}
	return out;
}

/** What a new pack holds: the files to write, by path relative to the pack folder. */
export function buildPackFiles(opts: {
	name: string;
	description?: string;
	snippets: readonly (Pick<SnippetDef, 'name' | 'prefixes' | 'body' | 'description'> & { platforms?: string[] })[];
	rules: Record<string, { severity?: string; options: Record<string, unknown> }>;
}): Record<string, string> {
	const rules = Object.fromEntries(Object.entries(opts.rules).map(([id, s]) => {
		const hasOptions = Object.keys(s.options).length > 0;
		return [id, hasOptions ? { ...(s.severity ? { severity: s.severity } : {}), ...s.options } : s.severity];
	}).filter(([, v]) => v !== undefined));
	const manifest: Record<string, unknown> = {
		name: opts.name,
		version: '0.1.0',
		description: opts.description ?? opts.name,
		snippets: ['snippets/snippets.json'],
		rules,
	};
	const snippets = Object.fromEntries(opts.snippets.map((s) => [s.name, {
		prefix: s.prefixes.length === 1 ? s.prefixes[0] : s.prefixes,
		body: s.body.split('\n'),
		...(s.description ? { description: s.description } : {}),
		...(s.platforms?.length ? { platforms: s.platforms } : {}),
	}]));
	return {
		'copydesk-pack.json': JSON.stringify(manifest, null, '\t') + '\n',
		'snippets/snippets.json': JSON.stringify(snippets, null, '\t') + '\n',
	};
}

/** True when a string is a valid pack (npm package) name. */
export function isPackName(name: string): boolean {
	return NAME.test(name);
}
