/**
 * Resolving configuration layers, in order: built-in defaults < packs (in listed order) < copydesk.json.
 * Later layers win key by key; term lists, protected words and team rules add up.
 */
import { msg } from '../messages';
import { FIELD_NAMES, applyMode, builtinPlatforms, type FieldSpec, type PlatformProfile } from '../platforms';
import { mergeTeamRules, refuseTeamSwapsAcrossLayers, teamRulesOf, unknownTeamSettings } from '../teamrules';
import { refuseTermCycles } from '../terms';
import { FIELD_KEYS, PROTECT_KEYS, isReservedName, record, type ConfigLayer, type ResolvedConfig } from './base';

/** Two `protect` values, list by list, added up without repeats. */
function mergeProtect(a: unknown, b: unknown): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const k of PROTECT_KEYS) {
		const list = (v: unknown) => (v && typeof v === 'object' && Array.isArray((v as Record<string, unknown>)[k]) ? (v as Record<string, string[]>)[k] : []);
		out[k] = [...new Set([...list(a), ...list(b)])];
	}
	return out;
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
	// Team replacements of different layers that undo each other (each file's own were refused when read): the later rule goes.
	if (out.extra.teamRules !== undefined) {
		const swaps = refuseTeamSwapsAcrossLayers(teamRulesOf(out.extra));
		if (swaps.refused.length) {
			out.extra.teamRules = swaps.rules;
			for (const x of swaps.refused) {
				out.problems.push({ origin: 'teamRules', message: msg('team.swapAcrossLayers', { id: x.rule.id, origin: x.rule.origin, from: x.from, to: x.to, otherFrom: x.other.m.source, otherTo: x.other.m.to, rule: x.other.rule.id, otherOrigin: x.other.rule.origin }) });
			}
		}
	}
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
