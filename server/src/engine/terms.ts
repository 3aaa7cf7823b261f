/**
 * Team terminology for the `terms` rule, from copydesk.json's `terms` and from packs' terms
 * files. Literal strings only: nothing here is ever turned into a regular expression.
 *
 * An entry is either a string — a spelling to enforce ("iPhone": "iphone", "IPHONE" are
 * flagged) — or an object:
 *   { "forbidden": "…" | ["…"], "preferred": "…", "note": "…" | { "en": "…", "zh-cn": "…" },
 *     "caseSensitive": false, "except": ["…"], "severity": "warning" }
 * with `forbidden`, `preferred` or both. `checkTermsNode` validates a JSON list of entries at
 * exact offsets (a bad entry is a problem and is dropped; the others apply); `normalizeTerms`
 * reads whatever reached the resolved config without ever throwing.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import type { Lang } from './messages';
import { Lexicon } from './lexicon';
import { msg } from './messages';
import { SEVERITIES, type InputProblem, type Severity } from './types';

export interface TermEntry {
	/** Words to flag; empty for a spelling entry (then `preferred` is matched in any case). */
	forbidden: string[];
	preferred?: string;
	note?: Partial<Record<Lang, string>>;
	/** Match `forbidden` with exact letter case; undefined: the rule's option. */
	caseSensitive?: boolean;
	except: string[];
	severity?: Severity;
}

const KEYS = ['forbidden', 'preferred', 'note', 'caseSensitive', 'except', 'severity'];

function props(n: JsonNode): [string, JsonNode, JsonNode][] {
	return (n.children ?? []).filter((p) => p.children?.length === 2).map((p) => [String(p.children![0].value), p.children![0], p.children![1]]);
}

const nonEmptyString = (n: JsonNode) => n.type === 'string' && String(n.value).trim() !== '';

/**
 * Checks a JSON list of term entries; returns the indexes of the valid ones. Problems carry
 * the offsets of the node at fault, in the file the node comes from.
 */
export function checkTermsNode(list: JsonNode, path: string): { valid: number[]; problems: InputProblem[] } {
	const problems: InputProblem[] = [];
	const bad = (n: JsonNode, p: string, detail: string, severity: 'error' | 'warning' = 'error') =>
		problems.push({ start: n.offset, end: n.offset + n.length, message: msg('config.invalid', { path: p, detail }), severity });
	if (list.type !== 'array') {
		bad(list, path, msg('config.type', { type: 'array' }));
		return { valid: [], problems };
	}
	const valid: number[] = [];
	(list.children ?? []).forEach((n, i) => {
		const p = `${path}[${i}]`;
		if (n.type === 'string') {
			if (nonEmptyString(n)) {
				valid.push(i);
			} else {
				bad(n, p, msg('config.termEmpty'));
			}
			return;
		}
		if (n.type !== 'object') {
			bad(n, p, msg('config.type', { type: 'string | object' }));
			return;
		}
		let ok = true;
		let hasWord = false;
		for (const [k, kn, v] of props(n)) {
			const kp = `${p}.${k}`;
			switch (k) {
				case 'forbidden':
					if (nonEmptyString(v) || (v.type === 'array' && (v.children ?? []).length > 0 && (v.children ?? []).every(nonEmptyString))) {
						hasWord = true;
					} else {
						bad(v, kp, msg('config.type', { type: 'string | string[]' }));
						ok = false;
					}
					break;
				case 'preferred':
					if (nonEmptyString(v)) {
						hasWord = true;
					} else {
						bad(v, kp, msg('config.type', { type: 'string' }));
						ok = false;
					}
					break;
				case 'note':
					if (!(v.type === 'string' || (v.type === 'object' && props(v).every(([nk, , nv]) => (nk === 'en' || nk === 'zh-cn') && nv.type === 'string')))) {
						bad(v, kp, msg('config.type', { type: 'string | { "en", "zh-cn" }' }));
						ok = false;
					}
					break;
				case 'caseSensitive':
					if (v.type !== 'boolean') {
						bad(v, kp, msg('config.type', { type: 'boolean' }));
						ok = false;
					}
					break;
				case 'except':
					if (!(v.type === 'array' && (v.children ?? []).every(nonEmptyString))) {
						bad(v, kp, msg('config.type', { type: 'string[]' }));
						ok = false;
					}
					break;
				case 'severity':
					if (!(v.type === 'string' && (SEVERITIES as readonly string[]).includes(v.value))) {
						bad(v, kp, msg('config.type', { type: SEVERITIES.join(' | ') }));
						ok = false;
					}
					break;
				default:
					if (!KEYS.includes(k)) {
						bad(kn, kp, msg('config.unknownKey', { key: k }), 'warning');
					}
			}
		}
		if (!hasWord && ok) {
			bad(n, p, msg('config.termNeedsWord'));
			ok = false;
		}
		if (ok) {
			valid.push(i);
		}
	});
	return { valid, problems };
}

const str = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** The usable entries of a resolved `terms` value; anything malformed is skipped, never thrown on. */
export function normalizeTerms(raw: unknown): TermEntry[] {
	if (!Array.isArray(raw)) {
		return [];
	}
	const out: TermEntry[] = [];
	for (const e of raw) {
		if (str(e)) {
			out.push({ forbidden: [], preferred: e.trim(), except: [] });
			continue;
		}
		if (!e || typeof e !== 'object' || Array.isArray(e)) {
			continue;
		}
		const o = e as Record<string, unknown>;
		const forbidden = (Array.isArray(o.forbidden) ? o.forbidden : [o.forbidden]).filter(str).map((s) => s.trim());
		const preferred = str(o.preferred) ? o.preferred.trim() : undefined;
		if (!forbidden.length && !preferred) {
			continue;
		}
		let note: TermEntry['note'];
		if (str(o.note)) {
			note = { en: o.note, 'zh-cn': o.note };
		} else if (o.note && typeof o.note === 'object') {
			const n = o.note as Record<string, unknown>;
			note = { ...(str(n.en) ? { en: n.en } : {}), ...(str(n['zh-cn']) ? { 'zh-cn': n['zh-cn'] } : {}) };
		}
		out.push({
			forbidden, preferred, note,
			caseSensitive: typeof o.caseSensitive === 'boolean' ? o.caseSensitive : undefined,
			except: Array.isArray(o.except) ? o.except.filter(str) : [],
			severity: (SEVERITIES as readonly unknown[]).includes(o.severity) ? o.severity as Severity : undefined,
		});
	}
	return out;
}

/**
 * Term substitutions that undo each other: an entry whose preferred word holds another
 * entry's forbidden word leads to that entry, and a cycle of these (A → B, B → A) would make
 * every `--fix` change the file again. The entries on a cycle are refused (dropped, with one
 * problem per cycle naming its words); the others apply. Linear in the terms' total length:
 * the forbidden words are found in the preferred ones with one lexicon.
 */
export function refuseTermCycles(raw: unknown): { terms: unknown; cycles: string[][] } {
	if (!Array.isArray(raw)) {
		return { terms: raw, cycles: [] };
	}
	const entries = normalizeTerms(raw);
	// normalizeTerms skips malformed items: keep the raw index of each entry it kept.
	const rawIndex: number[] = [];
	raw.forEach((e, i) => {
		if (normalizeTerms([e]).length) {
			rawIndex.push(i);
		}
	});
	const terms: { term: string; value: number }[] = [];
	entries.forEach((e, i) => e.forbidden.forEach((f) => terms.push({ term: f, value: i })));
	if (!terms.length) {
		return { terms: raw, cycles: [] };
	}
	const lex = new Lexicon(terms);
	const edges: number[][] = entries.map((e, i) => e.preferred ? [...new Set(lex.find(e.preferred).map((h) => h.value))].filter((j) => j !== i) : []);
	// Tarjan's strongly connected components, iteratively: a component of two or more entries is a cycle.
	const n = entries.length;
	const index = new Int32Array(n).fill(-1);
	const low = new Int32Array(n);
	const onStack = new Uint8Array(n);
	const stack: number[] = [];
	const refused = new Set<number>();
	const cycles: string[][] = [];
	let counter = 0;
	for (let root = 0; root < n; root++) {
		if (index[root] >= 0) {
			continue;
		}
		const work: [number, number][] = [[root, 0]];
		index[root] = low[root] = counter++;
		stack.push(root);
		onStack[root] = 1;
		while (work.length) {
			const top = work[work.length - 1];
			const [v, k] = top;
			if (k < edges[v].length) {
				top[1]++;
				const w = edges[v][k];
				if (index[w] < 0) {
					index[w] = low[w] = counter++;
					stack.push(w);
					onStack[w] = 1;
					work.push([w, 0]);
				} else if (onStack[w]) {
					low[v] = Math.min(low[v], index[w]);
				}
				continue;
			}
			work.pop();
			if (work.length) {
				const parent = work[work.length - 1][0];
				low[parent] = Math.min(low[parent], low[v]);
			}
			if (low[v] === index[v]) {
				const comp: number[] = [];
				let w: number;
				do {
					w = stack.pop()!;
					onStack[w] = 0;
					comp.push(w);
				} while (w !== v);
				if (comp.length > 1) {
					comp.sort((a, b) => a - b);
					comp.forEach((c) => refused.add(c));
					cycles.push(comp.map((c) => `${entries[c].forbidden.join('/')} → ${entries[c].preferred}`));
				}
			}
		}
	}
	if (!refused.size) {
		return { terms: raw, cycles };
	}
	const drop = new Set([...refused].map((i) => rawIndex[i]));
	return { terms: raw.filter((_, i) => !drop.has(i)), cycles };
}
