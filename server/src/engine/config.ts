/**
 * Workspace configuration (copydesk.json, JSONC) and its layering:
 * built-in defaults < packs (in listed order) < copydesk.json.
 * Parsing never throws: problems come back with offsets into the file they are in, and a
 * broken file contributes nothing (the caller falls back to the other layers).
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { msg } from './messages';
import {
	AD_LABEL_SETS, COUNT_UNITS, FIELD_NAMES, PRESENTATION_KEYS, HANDLE_STYLES, HASHTAG_STYLES, applyMode, builtinPlatforms,
	type FieldSpec, type PlatformProfile,
} from './platforms';
import { checkTeamRulesNode, isTeamRuleId, mergeTeamRules, unknownTeamSettings } from './teamrules';
import { checkTermsNode, refuseTermCycles } from './terms';
import type { InputProblem, SeveritySetting } from './types';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

/** A rule's setting: its severity (undefined = the rule's default) and options. */
export interface RuleSetting {
	severity?: SeveritySetting;
	options: Record<string, unknown>;
}

/** One layer of configuration as written in a file (copydesk.json or a pack's rules). */
export interface ConfigLayer {
	/** Where the layer comes from, for messages and sources ("copydesk.json", "pack @acme/brand"). */
	origin: string;
	defaultPlatform?: string;
	drafts?: string[];
	ignore?: string[];
	packs?: string[];
	rules?: Record<string, RuleSetting>;
	platforms?: Record<string, Record<string, unknown>>;
	/** Anything else a later feature reads (e.g. terms), kept as written. */
	extra?: Record<string, unknown>;
}

export interface ResolvedConfig {
	platforms: Record<string, PlatformProfile>;
	/** Default mode per platform (e.g. weibo: long), from `platforms.<id>.mode`. */
	platformModes: Record<string, string>;
	defaultPlatform?: string;
	drafts: string[];
	ignore: string[];
	packs: string[];
	rules: Record<string, RuleSetting>;
	extra: Record<string, unknown>;
	/** Problems met while resolving (e.g. a platform extending an unknown one). */
	problems: { origin: string; message: string }[];
}

/**
 * Names that must never key a record: the properties of Object.prototype (`__proto__`,
 * `constructor`, `toString`…). A pack or config naming a platform, rule, mode or option so is
 * refused with a clear error; the records themselves are null-prototype objects as well.
 */
const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype).map((n) => n.toLowerCase()));

/** True when `name` is reserved by JavaScript and may not key a record of user data. */
export function isReservedName(name: string): boolean {
	return RESERVED.has(name.toLowerCase());
}

/** A record with no prototype: no key a user writes can reach Object.prototype. */
export function record<T>(entries?: Iterable<readonly [string, T]>): Record<string, T> {
	const r = Object.create(null) as Record<string, T>;
	for (const [k, v] of entries ?? []) {
		r[k] = v;
	}
	return r;
}

/** Platform ids as the schema has them: lower-case letters, digits and hyphens. */
const PLATFORM_ID = /^[a-z0-9][a-z0-9-]*$/;

const TOP_KEYS = ['$schema', 'defaultPlatform', 'maxPostSize', 'drafts', 'ignore', 'packs', 'rules', 'platforms', 'terms', 'snippets', 'handles', 'campaigns', 'protect', 'teamRules'];
/** The lists of `protect`: words the typography rules keep as written (engine/protected.ts). */
export const PROTECT_KEYS = ['abbreviations', 'names'] as const;
const PLATFORM_KEYS = ['extends', 'name', 'locale', 'unit', 'url', 'emoji', 'mention', 'hashtag', 'maxHashtags', 'maxLinks', 'handle', 'handleMaxLength',
	'limit', 'warn', 'fold', 'byteLimit', 'mode', 'modes', 'sources', 'media', 'required', 'presentation', ...FIELD_NAMES];
const FIELD_KEYS = ['limit', 'warn', 'fold', 'byteLimit'];

/** Plain JS value of a JSONC node. */
function valueOf(n: JsonNode | undefined): unknown {
	if (!n) {
		return undefined;
	}
	switch (n.type) {
		case 'object':
			// Object.fromEntries defines own data properties: a key "__proto__" stays a plain key, never the prototype.
			return Object.fromEntries((n.children ?? []).map((p) => [p.children?.[0]?.value, valueOf(p.children?.[1])]));
		case 'array':
			return (n.children ?? []).map(valueOf);
		default:
			return n.value;
	}
}

function props(n: JsonNode): [string, JsonNode, JsonNode][] {
	return (n.children ?? []).filter((p) => p.children?.length === 2).map((p) => [String(p.children![0].value), p.children![0], p.children![1]]);
}

export interface ParsedLayer {
	layer?: ConfigLayer;
	problems: InputProblem[];
}

/** Which top-level keys a file may have, for files that hold a config layer among other data (a pack manifest). */
export interface LayerKeys {
	/** Config keys this file may set (others are reported as not allowed here). */
	allow: readonly string[];
	/** Keys the caller reads itself: skipped silently. */
	skip: readonly string[];
}

/**
 * Parses and checks one configuration file. `knownRules` validates rule ids and option
 * types. With JSON syntax errors the layer is undefined: nothing of a broken file applies.
 */
export function parseConfigLayer(text: string, origin: string, knownRules: Record<string, { options?: Record<string, { default: unknown; minimum?: number; maximum?: number }> }>, keys?: LayerKeys): ParsedLayer {
	const errors: ParseError[] = [];
	const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
	const problems: InputProblem[] = [];
	if (errors.length || !root) {
		const e = errors[0];
		// At least one character wide, but never past the end (an error at the end of the file).
		const start = Math.min(e ? e.offset : 0, text.length);
		problems.push({ start, end: Math.min(text.length, start + Math.max(1, e?.length ?? 1)), message: msg('config.json', { detail: e ? printParseErrorCode(e.error) : 'empty file' }), severity: 'error' });
		return { problems };
	}
	const bad = (n: JsonNode, path: string, detail: string, severity: 'error' | 'warning' = 'error') =>
		problems.push({ start: n.offset, end: n.offset + n.length, message: msg('config.invalid', { path, detail }), severity });
	if (root.type !== 'object') {
		bad(root, '(root)', msg('config.type', { type: 'object' }));
		return { problems };
	}
	const layer: ConfigLayer = { origin, extra: {} };
	const strings = (n: JsonNode, path: string): string[] | undefined => {
		const v = valueOf(n);
		if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
			bad(n, path, msg('config.type', { type: 'string[]' }));
			return undefined;
		}
		return v as string[];
	};
	for (const [key, keyNode, vn] of props(root)) {
		if (keys?.skip.includes(key)) {
			continue;
		}
		if (keys && !keys.allow.includes(key)) {
			bad(keyNode, key, msg('config.unknownKey', { key }), 'warning');
			continue;
		}
		switch (key) {
			case '$schema':
				break;
			case 'defaultPlatform':
				if (typeof vn.value === 'string') {
					layer.defaultPlatform = vn.value;
				} else {
					bad(vn, key, msg('config.type', { type: 'string' }));
				}
				break;
			case 'maxPostSize': // bytes, a whole number > 0, kept in `extra` (lint.ts reads it)
				void (typeof vn.value === 'number' && Number.isSafeInteger(vn.value) && vn.value > 0 ? (layer.extra![key] = vn.value) : bad(vn, key, msg('config.type', { type: msg('config.positiveInteger') })));
				break;
			case 'drafts':
			case 'ignore':
			case 'packs':
				layer[key] = strings(vn, key);
				break;
			case 'rules':
				if (vn.type !== 'object') {
					bad(vn, key, msg('config.type', { type: 'object' }));
					break;
				}
				layer.rules = record();
				for (const [id, idNode, rv] of props(vn)) {
					if (isReservedName(id)) {
						bad(idNode, `rules.${id}`, msg('config.reservedName', { name: id }));
						continue;
					}
					const rule = Object.hasOwn(knownRules, id) ? knownRules[id] : isTeamRuleId(id) ? {} : undefined; // a team rule: its severity
					if (!rule) {
						bad(idNode, `rules.${id}`, msg('config.unknownRule', { id }), 'warning');
						continue;
					}
					const setting: RuleSetting = { options: {} };
					if (rv.type === 'string') {
						if (!SEVERITY_SETTINGS.includes(rv.value)) {
							bad(rv, `rules.${id}`, msg('config.severity'));
							continue;
						}
						setting.severity = rv.value;
					} else if (rv.type === 'object') {
						for (const [opt, optKey, ov] of props(rv)) {
							if (opt === 'severity') {
								if (!SEVERITY_SETTINGS.includes(ov.value)) {
									bad(ov, `rules.${id}.severity`, msg('config.severity'));
								} else {
									setting.severity = ov.value;
								}
								continue;
							}
							const spec = rule.options && Object.hasOwn(rule.options, opt) ? rule.options[opt] : undefined;
							if (!spec) {
								bad(optKey, `rules.${id}.${opt}`, msg('config.unknownKey', { key: opt }), 'warning');
								continue;
							}
							const value = valueOf(ov);
							const want = Array.isArray(spec.default) ? 'array' : typeof spec.default;
							const got = Array.isArray(value) ? 'array' : typeof value;
							if (spec.default !== undefined && spec.default !== null && want !== got) {
								bad(ov, `rules.${id}.${opt}`, msg('config.type', { type: want }));
								continue;
							}
							// Numbers are counts, weights and shares: never negative, never past the option's maximum.
							if (typeof value === 'number') {
								const min = spec.minimum ?? 0;
								const max = spec.maximum ?? Number.MAX_SAFE_INTEGER;
								if (!Number.isFinite(value) || value < min || value > max) {
									bad(ov, `rules.${id}.${opt}`, msg('config.range', { type: 'number', min, max: spec.maximum ?? '∞' }));
									continue;
								}
							}
							setting.options[opt] = value;
						}
					} else {
						bad(rv, `rules.${id}`, msg('config.severity'));
						continue;
					}
					layer.rules[id] = setting;
				}
				break;
			case 'platforms':
				if (vn.type !== 'object') {
					bad(vn, key, msg('config.type', { type: 'object' }));
					break;
				}
				layer.platforms = record();
				for (const [id, idNode, pv] of props(vn)) {
					if (isReservedName(id)) {
						bad(idNode, `platforms.${id}`, msg('config.reservedName', { name: id }));
						continue;
					}
					if (!PLATFORM_ID.test(id.toLowerCase())) {
						bad(idNode, `platforms.${id}`, msg('config.platformId', { name: id }));
						continue;
					}
					if (pv.type !== 'object') {
						bad(pv, `platforms.${id}`, msg('config.type', { type: 'object' }));
						continue;
					}
					const ok = checkPlatform(pv, `platforms.${id}`, bad);
					if (ok) {
						layer.platforms[id.toLowerCase()] = valueOf(pv) as Record<string, unknown>;
					}
				}
				break;
			case 'protect': {
				// { abbreviations: string[], names: string[] }: bad entries are problems and are dropped.
				if (vn.type !== 'object') {
					bad(vn, key, msg('config.type', { type: 'object' }));
					break;
				}
				const out: Record<string, string[]> = {};
				for (const [k, kn, lv] of props(vn)) {
					if (!(PROTECT_KEYS as readonly string[]).includes(k)) {
						bad(kn, `${key}.${k}`, msg('config.unknownKey', { key: `${key}.${k}` }), 'warning');
						continue;
					}
					if (lv.type !== 'array') {
						bad(lv, `${key}.${k}`, msg('config.type', { type: 'string[]' }));
						continue;
					}
					out[k] = [];
					(lv.children ?? []).forEach((item, i) => {
						if (item.type !== 'string' || !String(item.value).trim()) {
							bad(item, `${key}.${k}[${i}]`, msg('config.type', { type: 'string' }));
						} else {
							out[k].push(String(item.value));
						}
					});
				}
				layer.extra![key] = out;
				break;
			}
			case 'teamRules': // copydesk.json's own team rules (ids `team/…`): bad ones are problems and are dropped.
				layer.extra![key] = checkTeamRulesNode(vn, key, 'team', origin, problems).rules;
				break;
			case 'terms': {
				// Bad entries are problems at their offsets and are dropped; the others apply.
				const t = checkTermsNode(vn, key);
				problems.push(...t.problems);
				if (vn.type === 'array') {
					layer.extra![key] = t.valid.map((i) => valueOf(vn.children![i]));
				}
				break;
			}
			default:
				if (TOP_KEYS.includes(key)) {
					layer.extra![key] = valueOf(vn);
				} else {
					bad(keyNode, key, msg('config.unknownKey', { key }), 'warning');
				}
		}
	}
	return { layer, problems };
}

/** Two `protect` values, list by list, added up without repeats. */
function mergeProtect(a: unknown, b: unknown): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const k of PROTECT_KEYS) {
		const list = (v: unknown) => (v && typeof v === 'object' && Array.isArray((v as Record<string, unknown>)[k]) ? (v as Record<string, string[]>)[k] : []);
		out[k] = [...new Set([...list(a), ...list(b)])];
	}
	return out;
}

type Bad = (n: JsonNode, path: string, detail: string, severity?: 'error' | 'warning') => void;

/** Keys whose value may be 0 (a link that costs nothing, no hashtags allowed); the other numbers are positive. */
const ZERO_OK = ['url', 'maxHashtags', 'maxLinks'];

/** Checks a field's limits (`body`, `title`…, in a platform or in one of its modes). */
function checkField(v: JsonNode, p: string, bad: Bad, num: (n: JsonNode, p: string, min: number) => void): boolean {
	if (v.type !== 'object') {
		bad(v, p, msg('config.type', { type: 'object' }));
		return false;
	}
	for (const [fk, fkn, fv] of props(v)) {
		if (!FIELD_KEYS.includes(fk)) {
			bad(fkn, `${p}.${fk}`, msg('config.unknownKey', { key: fk }), 'warning');
		} else {
			num(fv, `${p}.${fk}`, 1);
		}
	}
	return true;
}

function checkPlatform(pv: JsonNode, path: string, bad: Bad): boolean {
	let ok = true;
	// Limits and counts are whole numbers: a limit of "abc", -5 or 1.5 would make every count wrong.
	const num = (n: JsonNode, p: string, min: number) => {
		if (n.type !== 'number' || !Number.isSafeInteger(n.value) || n.value < min) {
			bad(n, p, msg('config.type', { type: min > 0 ? 'integer ≥ 1' : 'integer ≥ 0' }));
			ok = false;
		}
	};
	for (const [k, kn, v] of props(pv)) {
		const p = `${path}.${k}`;
		if (!PLATFORM_KEYS.includes(k)) {
			bad(kn, p, msg('config.unknownKey', { key: k }), 'warning');
		} else if (['limit', 'warn', 'fold', 'byteLimit', 'url', 'maxHashtags', 'maxLinks', 'handleMaxLength'].includes(k)) {
			num(v, p, ZERO_OK.includes(k) ? 0 : 1);
		} else if (k === 'unit' && !COUNT_UNITS.includes(v.value)) {
			bad(v, p, msg('config.platformUnit', { allowed: COUNT_UNITS.join(', ') }));
			ok = false;
		} else if (k === 'hashtag' && !HASHTAG_STYLES.includes(v.value)) {
			bad(v, p, msg('config.platformEnum', { key: k, allowed: HASHTAG_STYLES.join(', ') }));
			ok = false;
		} else if (k === 'handle' && !HANDLE_STYLES.includes(v.value)) {
			bad(v, p, msg('config.platformEnum', { key: k, allowed: HANDLE_STYLES.join(', ') }));
			ok = false;
		} else if ((FIELD_NAMES as readonly string[]).includes(k)) {
			if (!checkField(v, p, bad, num)) {
				ok = false;
			}
		} else if (k === 'modes') {
			// { "long": { "body": { "limit": 2000 } } }: each mode a set of field limits, checked like the platform's own.
			if (v.type !== 'object') {
				bad(v, p, msg('config.type', { type: 'object' }));
				ok = false;
				continue;
			}
			for (const [mode, mn, mv] of props(v)) {
				const mp = `${p}.${mode}`;
				if (isReservedName(mode)) {
					bad(mn, mp, msg('config.reservedName', { name: mode }));
					ok = false;
				} else if (mv.type !== 'object') {
					bad(mv, mp, msg('config.type', { type: 'object' }));
					ok = false;
				} else {
					for (const [f, fn, fv] of props(mv)) {
						if (!(FIELD_NAMES as readonly string[]).includes(f)) {
							bad(fn, `${mp}.${f}`, msg('config.unknownKey', { key: f }));
							ok = false;
						} else if (!checkField(fv, `${mp}.${f}`, bad, num)) {
							ok = false;
						}
					}
				}
			}
		} else if (k === 'presentation') {
			if (!checkPresentation(v, p, bad, num)) {
				ok = false;
			}
		} else if ((k === 'media' || k === 'required') && v.type !== 'object') {
			bad(v, p, msg('config.type', { type: 'object' }));
			ok = false;
		} else if (['extends', 'locale', 'mode'].includes(k) && v.type !== 'string') {
			bad(v, p, msg('config.type', { type: 'string' }));
			ok = false;
		} else if ((k === 'extends' || k === 'mode') && isReservedName(v.value)) {
			bad(v, p, msg('config.reservedName', { name: v.value }));
			ok = false;
		}
	}
	return ok;
}

/** Checks a platform's `presentation`: the feed's fold and link labels, which ad label it takes. */
function checkPresentation(v: JsonNode, path: string, bad: Bad, num: (n: JsonNode, p: string, min: number) => void): boolean {
	if (v.type !== 'object') {
		bad(v, path, msg('config.type', { type: 'object' }));
		return false;
	}
	let ok = true;
	const fail = (n: JsonNode, p: string, type: string) => {
		bad(n, p, msg('config.type', { type }));
		ok = false;
	};
	const labelSet = (n: JsonNode, p: string) => {
		if (n.type !== 'string' || !AD_LABEL_SETS.includes(n.value)) {
			bad(n, p, msg('config.platformEnum', { key: 'adLabel', allowed: AD_LABEL_SETS.join(', ') }));
			ok = false;
		}
	};
	for (const [k, kn, pv] of props(v)) {
		const p = `${path}.${k}`;
		if (!(PRESENTATION_KEYS as readonly string[]).includes(k)) {
			bad(kn, p, msg('config.unknownKey', { key: k }), 'warning');
		} else if (k === 'foldMarker' || k === 'linkLabel') {
			if (pv.type !== 'string' || pv.value === '') {
				fail(pv, p, 'non-empty string');
			}
		} else if (k === 'linkShortened') {
			num(pv, p, 1);
		} else if (k === 'topicsLinked') {
			if (pv.type !== 'boolean') {
				fail(pv, p, 'boolean');
			}
		} else if (pv.type === 'object') {
			// { "extends": "en", "insert": " #ad", "at": "end" }
			for (const [ak, akn, av] of props(pv)) {
				const ap = `${p}.${ak}`;
				if (ak === 'extends') {
					labelSet(av, ap);
				} else if (ak === 'insert') {
					if (av.type !== 'string' || av.value.trim() === '') {
						fail(av, ap, 'non-empty string');
					}
				} else if (ak === 'at') {
					if (av.value !== 'start' && av.value !== 'end') {
						bad(av, ap, msg('config.platformEnum', { key: 'at', allowed: 'start, end' }));
						ok = false;
					}
				} else {
					bad(akn, ap, msg('config.unknownKey', { key: ak }), 'warning');
				}
			}
			if (!props(pv).some(([ak]) => ak === 'extends')) {
				bad(pv, `${p}.extends`, msg('config.platformEnum', { key: 'extends', allowed: AD_LABEL_SETS.join(', ') }));
				ok = false;
			}
		} else {
			labelSet(pv, p);
		}
	}
	return ok;
}

/** Applies one platform override (or custom platform definition) to the table. */
function applyPlatform(table: Record<string, PlatformProfile>, modes: Record<string, string>, id: string, o: Record<string, unknown>, origin: string, problems: ResolvedConfig['problems']): void {
	const baseId = typeof o.extends === 'string' ? o.extends.toLowerCase() : id;
	// Own keys only (the table has no prototype; a layer built by hand might still name one).
	const base = Object.hasOwn(table, baseId) ? table[baseId] : undefined;
	if (isReservedName(id) || isReservedName(baseId)) {
		problems.push({ origin, message: msg('config.reservedName', { name: isReservedName(id) ? id : baseId }) });
		return;
	}
	if (typeof o.extends === 'string' && !base) {
		problems.push({ origin, message: msg('config.extends', { id, base: o.extends }) });
		return;
	}
	const start: PlatformProfile = base
		? { ...base, id, sources: { ...base.sources }, custom: base.custom || id !== baseId }
		: { id, name: { en: id, 'zh-cn': id }, locale: 'en', unit: 'char', mention: 'full', hashtag: 'x', body: {}, sources: {}, custom: true };
	const p = start;
	const note = (key: string) => {
		p.sources[key] = { source: origin, confidence: 'confirmed' };
	};
	if (typeof o.name === 'string') {
		p.name = { en: o.name, 'zh-cn': o.name };
	} else if (o.name && typeof o.name === 'object') {
		const n = o.name as Record<string, string>;
		p.name = { en: n.en ?? n['zh-cn'] ?? id, 'zh-cn': n['zh-cn'] ?? n.en ?? id };
	}
	for (const k of ['locale', 'unit', 'url', 'emoji', 'mention', 'hashtag', 'maxHashtags', 'maxLinks', 'handle', 'handleMaxLength'] as const) {
		if (o[k] !== undefined) {
			(p as unknown as Record<string, unknown>)[k] = o[k];
			note(k);
		}
	}
	// `limit`, `warn`, `fold`, `byteLimit` at the top level are shorthands for the body.
	const fields: Record<string, FieldSpec> = {};
	for (const k of FIELD_KEYS) {
		if (typeof o[k] === 'number') {
			fields.body = { ...fields.body, [k]: o[k] };
		}
	}
	for (const f of FIELD_NAMES) {
		if (o[f] && typeof o[f] === 'object') {
			fields[f] = { ...fields[f], ...(o[f] as FieldSpec) };
		}
	}
	for (const [f, spec] of Object.entries(fields)) {
		p[f as keyof Pick<PlatformProfile, 'body'>] = { ...(p[f as 'body'] ?? {}), ...spec };
		for (const k of Object.keys(spec)) {
			note(`${f}.${k}`);
		}
	}
	// Media limits, required fields and presentation merge key by key over the base platform's.
	for (const k of ['media', 'required', 'presentation'] as const) {
		if (o[k] && typeof o[k] === 'object' && !Array.isArray(o[k])) {
			(p as unknown as Record<string, unknown>)[k] = { ...(p[k] ?? {}), ...(o[k] as object) };
			for (const sub of Object.keys(o[k] as object)) {
				note(`${k}.${sub}`);
			}
		}
	}
	if (o.modes && typeof o.modes === 'object') {
		p.modes = record([...Object.entries(p.modes ?? {}), ...Object.entries(o.modes as NonNullable<PlatformProfile['modes']>).filter(([m]) => !isReservedName(m))]);
	}
	if (typeof o.mode === 'string') {
		modes[id] = o.mode;
	}
	table[id] = p;
}

/** Layers are applied in order: later layers win. */
export function resolveConfig(layers: readonly ConfigLayer[]): ResolvedConfig {
	// Records keyed by user data have no prototype: a platform "constructor" is just a name.
	const out: ResolvedConfig = {
		platforms: record(Object.entries(builtinPlatforms())), platformModes: record(), drafts: [], ignore: [], packs: [], rules: record(), extra: record(), problems: [],
	};
	for (const l of layers) {
		if (l.defaultPlatform) {
			out.defaultPlatform = l.defaultPlatform;
		}
		if (l.drafts) {
			out.drafts = l.drafts;
		}
		if (l.ignore) {
			out.ignore = [...out.ignore, ...l.ignore];
		}
		if (l.packs) {
			out.packs = l.packs;
		}
		for (const [id, s] of Object.entries(l.rules ?? {})) {
			if (isReservedName(id)) {
				continue;
			}
			const prev = out.rules[id];
			out.rules[id] = { severity: s.severity ?? prev?.severity, options: { ...(prev?.options ?? {}), ...s.options } };
		}
		for (const [id, o] of Object.entries(l.platforms ?? {})) {
			applyPlatform(out.platforms, out.platformModes, id, o, l.origin, out.problems);
		}
		for (const [k, v] of Object.entries(l.extra ?? {})) {
			// Term lists and protected words add up (a pack's and the workspace's); other extras replace.
			const prev = out.extra[k];
			out.extra[k] = k === 'terms' && Array.isArray(prev) && Array.isArray(v) ? [...prev, ...v]
				: k === 'protect' && prev && v ? mergeProtect(prev, v) : k === 'teamRules' ? mergeTeamRules(prev, v) : v;
		}
	}
	out.problems.push(...unknownTeamSettings(out.rules, out.extra).map((message) => ({ origin: 'rules', message })));
	// Term substitutions that undo each other would change the file at every --fix: refused here, at load time.
	const cycles = refuseTermCycles(out.extra.terms);
	if (cycles.cycles.length) {
		out.extra.terms = cycles.terms;
		for (const c of cycles.cycles) {
			out.problems.push({ origin: 'terms', message: msg('config.termCycle', { cycle: c.join(' · ') }) });
		}
	}
	return out;
}

/** The profile to check a post against: the platform with its mode applied. */
export function profileFor(config: ResolvedConfig, id: string, mode?: string): PlatformProfile {
	return applyMode(config.platforms[id], mode ?? (Object.hasOwn(config.platformModes, id) ? config.platformModes[id] : undefined));
}
