/**
 * What every part of the configuration shares: the layer and resolved shapes, the records keyed by
 * user data (no prototype, no reserved names) and reading a JSONC node.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import type { PlatformProfile } from '../platforms';
import type { SeveritySetting } from '../types';

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

/** The lists of `protect`: words the typography rules keep as written (engine/protected.ts). */
export const PROTECT_KEYS = ['abbreviations', 'names'] as const;
/** The limits a field (`body`, `title`…) may set; at the top of a platform they are shorthands for the body. */
export const FIELD_KEYS = ['limit', 'warn', 'fold', 'byteLimit'];

/** Plain JS value of a JSONC node. */
export function valueOf(n: JsonNode | undefined): unknown {
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

/** The key nodes and value nodes of a JSONC object: [key, key node, value node]. */
export function props(n: JsonNode): [string, JsonNode, JsonNode][] {
	return (n.children ?? []).filter((p) => p.children?.length === 2).map((p) => [String(p.children![0].value), p.children![0], p.children![1]]);
}
