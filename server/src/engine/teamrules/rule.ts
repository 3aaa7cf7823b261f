/** Reading one team rule from its JSON node: every key checked at its exact offsets (see index.ts). */
import type { Node as JsonNode } from 'jsonc-parser';
import { Lexicon } from '../lexicon';
import { msg } from '../messages';
import { compilePattern, type Step } from '../pattern';
import { FIX_KINDS, SEVERITIES } from '../types';
import {
	MAX_MATCHERS, MAX_PATTERN_STEPS, TEAM_COUNTS, TEAM_PLACEHOLDERS, TEAM_RULE_KINDS, TEAM_SCOPES,
	type TeamMatcher, type TeamRule, type TeamRuleKind, type TeamScope,
} from './types';

const COMMON_KEYS = ['id', 'kind', 'message', 'severity', 'platforms', 'locales', 'scope', 'link', 'except', 'description'];
const KIND_KEYS: Record<TeamRuleKind, readonly string[]> = {
	existence: ['tokens', 'patterns'],
	substitution: ['swap', 'fix'],
	occurrence: ['count', 'tokens', 'patterns', 'min', 'max'],
	conditional: ['if', 'then'],
	capitalization: ['words', 'fix'],
	spelling: ['spellings', 'fix'],
};

/** A rule's local id: lower case letters, digits and hyphens. */
const LOCAL_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const LOCALE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const PLATFORM = /^[A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff-]*$/;

export function props(n: JsonNode): [string, JsonNode, JsonNode][] {
	return (n.children ?? []).filter((p) => p.children?.length === 2).map((p) => [String(p.children![0].value), p.children![0], p.children![1]]);
}

const nonEmpty = (n: JsonNode | undefined): n is JsonNode => !!n && n.type === 'string' && String(n.value).trim() !== '';

/** What one file's rules share while they are read: where problems go, the ids seen, the pattern budget left. */
export interface ReadContext {
	path: string;
	namespace: string;
	origin: string;
	bad: (n: JsonNode, p: string, detail: string, severity?: 'error' | 'warning', start?: number, end?: number) => void;
	seen: Set<string>;
	budget: { left: number };
}

/** The rule at `n` (item `i` of the list), normalized with its full id; undefined when it has an error (reported). */
export function readRule(n: JsonNode, i: number, ctx: ReadContext): TeamRule | undefined {
	const { path, namespace, origin, bad, seen } = ctx;
	const p = `${path}[${i}]`;
	if (n.type !== 'object') {
		bad(n, p, msg('config.type', { type: 'object' }));
		return;
	}
	const byKey = new Map(props(n).map(([k, kn, v]) => [k, { kn, v }]));
	let ok = true;
	const fail = (node: JsonNode, kp: string, detail: string, start?: number, end?: number) => {
		bad(node, kp, detail, 'error', start, end);
		ok = false;
	};
	const idNode = byKey.get('id')?.v;
	let local = '';
	if (!idNode) {
		fail(n, p, msg('team.missing', { key: 'id' }), n.offset, n.offset + 1);
	} else if (idNode.type !== 'string' || !LOCAL_ID.test(idNode.value)) {
		fail(idNode, `${p}.id`, msg('team.id'));
	} else {
		local = idNode.value;
		if (seen.has(local)) {
			fail(idNode, `${p}.id`, msg('team.duplicate', { id: `${namespace}/${local}` }));
		}
		seen.add(local);
	}
	const at = local ? `${path}[${i}] (${namespace}/${local})` : p;
	const kindNode = byKey.get('kind')?.v;
	let kind: TeamRuleKind | undefined;
	if (!kindNode) {
		fail(n, at, msg('team.missing', { key: 'kind' }), n.offset, n.offset + 1);
	} else if (!(TEAM_RULE_KINDS as readonly string[]).includes(kindNode.value)) {
		fail(kindNode, `${at}.kind`, msg('config.type', { type: TEAM_RULE_KINDS.join(' | ') }));
	} else {
		kind = kindNode.value;
	}
	const rule: Partial<TeamRule> = { kind, origin, platforms: [], locales: [], scope: ['body', 'title', 'digest'], match: [], except: [], severity: 'warning' };
	// message: { en, zh-cn } (both languages; one alone is a warning and stands for both)
	const messageNode = byKey.get('message')?.v;
	if (!messageNode) {
		fail(n, at, msg('team.missing', { key: 'message' }), n.offset, n.offset + 1);
	} else if (messageNode.type === 'object') {
		const m = new Map(props(messageNode).map(([k, , v]) => [k, v]));
		for (const [k, kn] of props(messageNode).map(([k, kn]) => [k, kn] as const)) {
			if (k !== 'en' && k !== 'zh-cn') {
				bad(kn, `${at}.message.${k}`, msg('config.unknownKey', { key: k }), 'warning');
			}
		}
		const en = m.get('en');
		const zh = m.get('zh-cn');
		if (!nonEmpty(en) && !nonEmpty(zh)) {
			fail(messageNode, `${at}.message`, msg('team.message'));
		} else {
			if (!nonEmpty(en) || !nonEmpty(zh)) {
				bad(messageNode, `${at}.message`, msg('team.messageLang', { missing: nonEmpty(en) ? 'zh-cn' : 'en' }), 'warning');
			}
			const e = nonEmpty(en) ? String(en.value) : String(zh!.value);
			const z = nonEmpty(zh) ? String(zh.value) : e;
			rule.message = { en: e, 'zh-cn': z };
			for (const [lang, node] of [['en', en], ['zh-cn', zh]] as const) {
				const unknown = node && nonEmpty(node) ? [...String(node.value).matchAll(/\{(\w+)\}/g)].map((x) => x[1]).filter((x) => !TEAM_PLACEHOLDERS.includes(x)) : [];
				if (unknown.length) {
					bad(node!, `${at}.message.${lang}`, msg('team.placeholder', { name: unknown[0], known: TEAM_PLACEHOLDERS.map((x) => `{${x}}`).join(' ') }), 'warning');
				}
			}
		}
	} else {
		fail(messageNode, `${at}.message`, msg('team.message'));
	}
	const strs = (v: JsonNode, kp: string, check?: (s: string, node: JsonNode, ip: string) => boolean): string[] | undefined => {
		if (v.type !== 'array' || !(v.children ?? []).every(nonEmpty)) {
			fail(v, kp, msg('config.type', { type: 'string[]' }));
			return undefined;
		}
		const out: string[] = [];
		(v.children ?? []).forEach((c, j) => {
			const s = String(c.value).trim();
			if (!check || check(s, c, `${kp}[${j}]`)) {
				out.push(s);
			}
		});
		return out;
	};
	// A check for strs(): an item that does not match `re` is a problem (`problem` names it) and is left out.
	const shaped = (re: RegExp, problem: (s: string) => string) => (s: string, node: JsonNode, ip: string): boolean => {
		if (!re.test(s)) {
			fail(node, ip, problem(s));
			return false;
		}
		return true;
	};
	// A pattern: compiled now; an error points at its position inside the string.
	const pattern = (node: JsonNode, kp: string, source: string): Step[][] | undefined => {
		const c = compilePattern(source);
		if (c.error) {
			// The string's first character is after its opening quote; escapes in the JSON text shift positions, so point at the string when it has any.
			const raw = node.length - 2 === source.length;
			const pos = raw ? node.offset + 1 + Math.min(c.error.at, source.length - 1) : node.offset;
			fail(node, kp, msg('team.pattern', { pattern: source, at: c.error.at + 1, detail: c.error.message }), pos, raw ? pos + 1 : node.offset + node.length);
			return undefined;
		}
		const steps = c.paths.reduce((sum, p) => sum + p.length, 0);
		if (steps > ctx.budget.left) {
			fail(node, kp, msg('team.patternBudget', { max: MAX_PATTERN_STEPS }));
			return undefined;
		}
		ctx.budget.left -= steps;
		return c.paths;
	};
	const matchers = (v: JsonNode, kp: string, kindOf: 'tokens' | 'patterns'): TeamMatcher[] => {
		const out: TeamMatcher[] = [];
		if (v.type === 'array' && (v.children ?? []).length > MAX_MATCHERS) {
			fail(v, kp, msg('team.tooManyWords', { max: MAX_MATCHERS }));
			return out;
		}
		strs(v, kp, (s, node, ip) => {
			if (kindOf === 'patterns') {
				const paths = pattern(node, ip, s);
				if (paths) {
					out.push({ source: s, paths });
				}
			} else {
				out.push({ source: s });
			}
			return true;
		});
		return out;
	};
	const matchSet = (v: JsonNode, kp: string): TeamMatcher[] | undefined => {
		if (v.type !== 'object') {
			fail(v, kp, msg('config.type', { type: '{ "tokens": string[], "patterns": string[] }' }));
			return undefined;
		}
		const out: TeamMatcher[] = [];
		for (const [k, kn, sv] of props(v)) {
			if (k === 'tokens' || k === 'patterns') {
				out.push(...matchers(sv, `${kp}.${k}`, k));
			} else {
				bad(kn, `${kp}.${k}`, msg('config.unknownKey', { key: k }), 'warning');
			}
		}
		if (!out.length && ok) {
			fail(v, kp, msg('team.nothingToFind'));
		}
		return out;
	};
	for (const [k, kn, v] of props(n)) {
		const kp = `${at}.${k}`;
		if (!COMMON_KEYS.includes(k) && !(kind && KIND_KEYS[kind].includes(k))) {
			const other = TEAM_RULE_KINDS.find((x) => KIND_KEYS[x].includes(k));
			bad(kn, kp, other && kind ? msg('team.keyOfKind', { key: k, kind: other, this: kind }) : msg('config.unknownKey', { key: k }), other ? 'error' : 'warning');
			if (other) {
				ok = false;
			}
			continue;
		}
		switch (k) {
			case 'id': case 'kind': case 'message': case 'description':
				break;
			case 'severity':
				if (!(v.type === 'string' && (SEVERITIES as readonly string[]).includes(v.value))) {
					fail(v, kp, msg('config.type', { type: SEVERITIES.join(' | ') }));
				} else {
					rule.severity = v.value;
				}
				break;
			case 'platforms': {
				rule.platforms = strs(v, kp, shaped(PLATFORM, (name) => msg('config.platformId', { name }))) ?? [];
				break;
			}
			case 'locales': {
				rule.locales = (strs(v, kp, shaped(LOCALE, (locale) => msg('team.locale', { locale }))) ?? []).map((s) => s.toLowerCase());
				break;
			}
			case 'scope': {
				const list = strs(v, kp, (s, node, ip) => {
					if (!(TEAM_SCOPES as readonly string[]).includes(s)) {
						fail(node, ip, msg('config.type', { type: TEAM_SCOPES.join(' | ') }));
						return false;
					}
					return true;
				});
				if (list && !list.length) {
					fail(v, kp, msg('team.emptyScope'));
				}
				rule.scope = (list ?? []) as TeamScope[];
				break;
			}
			case 'link': {
				let okLink = false;
				if (v.type === 'string') {
					try {
						const u = new URL(v.value);
						okLink = u.protocol === 'https:' || u.protocol === 'http:';
					} catch {
						okLink = false;
					}
				}
				if (!okLink) {
					fail(v, kp, msg('team.link'));
				} else {
					rule.link = v.value;
				}
				break;
			}
			case 'except':
				rule.except = strs(v, kp) ?? [];
				break;
			case 'tokens':
			case 'patterns':
				rule.match!.push(...matchers(v, kp, k));
				break;
			case 'count':
				if (!(TEAM_COUNTS as readonly string[]).includes(v.value)) {
					fail(v, kp, msg('config.type', { type: TEAM_COUNTS.join(' | ') }));
				} else {
					rule.count = v.value;
				}
				break;
			case 'min':
			case 'max':
				if (v.type !== 'number' || !Number.isSafeInteger(v.value) || v.value < 0) {
					fail(v, kp, msg('config.type', { type: 'integer ≥ 0' }));
				} else {
					rule[k] = v.value;
				}
				break;
			case 'fix':
				if (!(FIX_KINDS as readonly string[]).includes(v.value) || v.value === 'syntax') {
					fail(v, kp, msg('config.type', { type: 'content | typography' }));
				} else {
					rule.fix = v.value;
				}
				break;
			case 'if':
				rule.if = matchSet(v, kp);
				break;
			case 'then':
				rule.then = matchSet(v, kp);
				break;
			case 'words': {
				const list = strs(v, kp);
				rule.match!.push(...(list ?? []).map((s) => ({ source: s, to: s })));
				break;
			}
			case 'swap':
				swap(v, kp);
				break;
			case 'spellings':
				if (v.type !== 'object') {
					fail(v, kp, msg('config.type', { type: '{ "Preferred": ["variant", …] }' }));
					break;
				}
				for (const [preferred, pn, list] of props(v)) {
					if (!preferred.trim()) {
						fail(pn, kp, msg('config.termEmpty'));
						continue;
					}
					for (const variant of strs(list, `${kp}.${preferred}`) ?? []) {
						rule.match!.push(literalSwap(variant, preferred));
					}
				}
				break;
		}
	}
	function literalSwap(from: string, to: string): TeamMatcher {
		// The replacement never counts as the word inside it (智慧 in 智慧手表): the fix stays idempotent.
		const holds = to.length > from.length && to.toLowerCase().includes(from.toLowerCase());
		return { source: from, to, ...(holds ? { except: [to] } : {}) };
	}
	function swap(v: JsonNode, kp: string): void {
		// { "literal": "replacement" } or [{ "token" | "pattern": "…", "to": "…" }]
		if (v.type === 'object') {
			for (const [from, fn, tn] of props(v)) {
				if (!from.trim()) {
					fail(fn, kp, msg('config.termEmpty'));
				} else if (tn.type !== 'string') {
					fail(tn, `${kp}.${from}`, msg('config.type', { type: 'string' }));
				} else {
					rule.match!.push(literalSwap(from.trim(), tn.value));
				}
			}
			return;
		}
		if (v.type !== 'array') {
			fail(v, kp, msg('config.type', { type: '{ "this": "that" } | [{ "pattern": "…", "to": "…" }]' }));
			return;
		}
		(v.children ?? []).forEach((e, j) => {
			const ep = `${kp}[${j}]`;
			const m = new Map(e.type === 'object' ? props(e).map(([k, , x]) => [k, x]) : []);
			const to = m.get('to');
			const token = m.get('token');
			const pat = m.get('pattern');
			if (e.type !== 'object' || !to || to.type !== 'string' || (!nonEmpty(token) === !nonEmpty(pat))) {
				fail(e, ep, msg('config.type', { type: '{ "token" | "pattern": string, "to": string }' }));
				return;
			}
			if (nonEmpty(token)) {
				rule.match!.push(literalSwap(String(token.value).trim(), to.value));
				return;
			}
			const source = String(pat!.value);
			const paths = pattern(pat!, `${ep}.pattern`, source);
			if (!paths) {
				return;
			}
			// A replacement the pattern matches a part of would be found again after the fix: refused.
			const self = new Lexicon(paths.map((steps) => ({ term: source, steps, value: true })));
			const inside = self.find(to.value).filter((h) => !(h.start === 0 && h.end === to.value.length));
			if (inside.length) {
				fail(to, `${ep}.to`, msg('team.selfMatch', { pattern: source, text: inside[0].text }));
				return;
			}
			rule.match!.push({ source, paths, to: to.value });
		});
	}
	if (kind && ok) {
		const need = kind === 'conditional' ? (rule.if?.length && rule.then?.length) : kind === 'occurrence' ? (rule.count || rule.match!.length) : rule.match!.length;
		if (!need) {
			fail(n, at, msg(kind === 'conditional' ? 'team.conditionalNeeds' : 'team.nothingToFind'), n.offset, n.offset + 1);
		}
		if (kind === 'occurrence' && rule.min === undefined && rule.max === undefined) {
			fail(n, at, msg('team.occurrenceNeeds'), n.offset, n.offset + 1);
		}
		if (kind === 'occurrence' && rule.count && rule.match!.length) {
			fail(n, at, msg('team.countOrWords'), n.offset, n.offset + 1);
		}
		if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
			fail(n, at, msg('team.minMax'), n.offset, n.offset + 1);
		}
	}
	if (ok && local && kind && rule.message) {
		return { ...(rule as TeamRule), id: `${namespace}/${local}`, fix: rule.fix ?? (kind === 'capitalization' ? 'typography' : 'content') };
	}
	return undefined;
}
