/**
 * Workspace configuration (copydesk.json, JSONC) and its layering:
 * built-in defaults < packs (in listed order) < copydesk.json.
 * Parsing never throws: problems come back with offsets into the file they are in, and a
 * broken file contributes nothing (the caller falls back to the other layers).
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { msg } from '../messages';
import { isTeamRuleId, checkTeamRulesNode } from '../teamrules';
import { checkTermsNode } from '../terms';
import type { InputProblem } from '../types';
import { PROTECT_KEYS, SEVERITY_SETTINGS, isReservedName, props, record, valueOf, type ConfigLayer, type RuleSetting } from './base';
import { checkPlatform } from './platforms';

export { SEVERITY_SETTINGS, PROTECT_KEYS, isReservedName, record, type RuleSetting, type ConfigLayer, type ResolvedConfig } from './base';
export { resolveConfig, profileFor } from './resolve';

/** Platform ids as the schema has them: lower-case letters, digits and hyphens. */
const PLATFORM_ID = /^[a-z0-9][a-z0-9-]*$/;

const TOP_KEYS = ['$schema', 'defaultPlatform', 'maxPostSize', 'drafts', 'ignore', 'packs', 'rules', 'platforms', 'terms', 'snippets', 'handles', 'campaigns', 'protect', 'teamRules'];

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
	// The entries of a setting that must be an object (rules, platforms, protect), or undefined (a problem) when it is not.
	const entries = (vn: JsonNode, key: string): [string, JsonNode, JsonNode][] | undefined => {
		if (vn.type !== 'object') {
			bad(vn, key, msg('config.type', { type: 'object' }));
			return undefined;
		}
		return props(vn);
	};
	// A reserved name (`__proto__`, `constructor`…) as an entry's id is a problem, and the entry is skipped.
	const reserved = (key: string, id: string, idNode: JsonNode): boolean => {
		if (isReservedName(id)) {
			bad(idNode, `${key}.${id}`, msg('config.reservedName', { name: id }));
		}
		return isReservedName(id);
	};
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
			case 'rules': {
				const list = entries(vn, key);
				if (!list) {
					break;
				}
				layer.rules = record();
				for (const [id, idNode, rv] of list) {
					if (reserved(key, id, idNode)) {
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
			}
			case 'platforms': {
				const list = entries(vn, key);
				if (!list) {
					break;
				}
				layer.platforms = record();
				for (const [id, idNode, pv] of list) {
					if (reserved(key, id, idNode)) {
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
			}
			case 'protect': {
				// { abbreviations: string[], names: string[] }: bad entries are problems and are dropped.
				const list = entries(vn, key);
				if (!list) {
					break;
				}
				const out: Record<string, string[]> = {};
				for (const [k, kn, lv] of list) {
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
