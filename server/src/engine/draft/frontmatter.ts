/**
 * YAML front matter: the fence (with a near-miss closing line reported), the document read without
 * ever converting it (aliases resolved by hand, so alias bombs cannot blow up), settings located.
 */
import type * as Yaml from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { msg } from '../messages';
import type { InputProblem } from '../types';
import { lowerBound } from '../text';
import { located, toSettings, type Draft, type Located, type Raw } from './model';

// The YAML library is required on first use (a literal require: esbuild initializes it lazily in the
// bundles): front matter of plain `key: value` lines is read without it, and a run that meets no other
// front matter never evaluates it.
let yamlLib: typeof Yaml | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = (): typeof Yaml => (yamlLib ??= require('yaml') as typeof Yaml);
const isAlias = ((n) => yaml().isAlias(n)) as typeof Yaml.isAlias;
const isMap = ((n) => yaml().isMap(n)) as typeof Yaml.isMap;
const isScalar = ((n) => yaml().isScalar(n)) as typeof Yaml.isScalar;
const isSeq = ((n) => yaml().isSeq(n)) as typeof Yaml.isSeq;
const parseDocument = ((source, options) => yaml().parseDocument(source, options)) as typeof Yaml.parseDocument;
const visit = ((node, visitor) => yaml().visit(node, visitor)) as typeof Yaml.visit;

// Lines end with \n, \r\n or a lone \r (old Mac files): the same three LSP knows.
const FM_OPEN = /^\uFEFF?---[ \t]*(?:\r\n?|\n)/;
const FM_CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|$)/gm;
// A line that was meant to close the front matter but is not `---` or `...`: `--`, `----`, `—-`, `___`, `***`.
const FM_NEAR_CLOSE = /^(?:-{2}|-{4,}|[—–]+-*|_{3,}|\*{3,}|\.{2}|\.{4,})[ \t]*$/;

/** Source range of a YAML scalar's text: inside the quotes for quoted scalars. */
function scalarRange(node: YamlNode, base: number, src: string): { start: number; end: number; exact: boolean } {
	const [s, e] = node.range ?? [0, 0];
	let start = base + s;
	let end = base + e;
	const raw = src.slice(start, end);
	if ((raw.startsWith('"') && raw.endsWith('"')) || (raw.startsWith("'") && raw.endsWith("'"))) {
		start++;
		end--;
	}
	const value = isScalar(node) ? String(node.value) : '';
	return { start, end, exact: src.slice(start, end) === value };
}

/** Reads the front matter at the start of `text`, if any; problems go to `problems`. */
export function parseFrontMatter(text: string, problems: InputProblem[], yamlOnly = false): (NonNullable<Draft['frontMatter']> & { broken?: boolean; unclosed?: boolean }) | undefined {
	const open = FM_OPEN.exec(text);
	if (!open) {
		return undefined;
	}
	const bodyStart = open[0].length;
	FM_CLOSE.lastIndex = bodyStart;
	const close = FM_CLOSE.exec(text);
	if (!close) {
		// Point at the line that looks like a mistyped closing fence, when there is one.
		const near = nearClose(text, bodyStart);
		problems.push(near
			? { start: near.start, end: near.end, message: msg('fm.mistypedClose', { text: text.slice(near.start, near.end) }), severity: 'error' }
			: { start: 0, end: open[0].trimEnd().length, message: msg('fm.unclosed'), severity: 'error' });
		return { start: 0, end: 0, settings: {}, broken: true, unclosed: true };
	}
	const yamlText = text.slice(bodyStart, close.index);
	const end = close.index + close[0].length;
	const simple = yamlOnly ? undefined : simpleFrontMatter(yamlText, bodyStart, text);
	if (simple) {
		// Plain `key: value` lines (and lists of such values): what the YAML library would read, read directly.
		const before = problems.length;
		const settings = toSettings(simple, problems);
		return { start: 0, end, settings, ...(problems.length > before ? { broken: true } : {}) };
	}
	return parseYamlFrontMatter(text, yamlText, bodyStart, close.index, end, problems);
}

/** The YAML library's reading of the front matter (every front matter that is not `simpleFrontMatter`'s). */
function parseYamlFrontMatter(text: string, yamlText: string, bodyStart: number, closeAt: number, end: number, problems: InputProblem[]): NonNullable<ReturnType<typeof parseFrontMatter>> {
	const close = { index: closeAt };
	// Duplicate keys are found below with a Set: the library's own check compares every key with every other one.
	const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
	for (const err of doc.errors) {
		let s = bodyStart + (err.pos?.[0] ?? 0);
		let e = Math.max(s + 1, bodyStart + (err.pos?.[1] ?? 0));
		// An error found at the end of the YAML (an unclosed bracket or quote) belongs to its last line.
		const lastChar = Math.max(bodyStart, yamlText.trimEnd().length + bodyStart - 1);
		if (s > lastChar) {
			e = lastChar + 1;
			s = text.lastIndexOf('\n', lastChar) + 1;
		}
		problems.push({ start: s, end: Math.min(e, close.index), message: msg('fm.yaml', { detail: err.message.split('\n')[0] }), severity: 'error' });
	}
	const problemsBefore = problems.length;
	const raws: Raw[] = [];
	const contents = doc.contents;
	if (contents && !isMap(contents)) {
		if (!(isScalar(contents) && (contents.value === null || contents.value === ''))) {
			problems.push({ start: bodyStart, end: close.index, message: msg('fm.notMap'), severity: 'error' });
		}
	} else if (isMap(contents)) {
		const anchors = new Anchors(doc);
		const seen = new Set<unknown>();
		for (const pair of contents.items) {
			const keyValue = isScalar(pair.key) ? pair.key.value : pair.key;
			if (seen.has(keyValue)) {
				const [ks, ke] = (pair.key as YamlNode | null)?.range ?? [0, 0];
				problems.push({ start: bodyStart + ks, end: Math.max(bodyStart + ks + 1, bodyStart + ke), message: msg('fm.yaml', { detail: 'Map keys must be unique' }), severity: 'error' });
			}
			seen.add(keyValue);
			const key = isScalar(pair.key) ? String(pair.key.value) : '';
			const v = resolveAlias(pair.value as YamlNode | null, anchors, bodyStart, problems);
			if (!key || !v) {
				continue;
			}
			if (isSeq(v)) {
				const items = v.items.map((it) => {
					const n = resolveAlias(it as YamlNode, anchors, bodyStart, problems) ?? (it as YamlNode);
					const r = scalarRange(n, bodyStart, text);
					// A map item (`- { src: a.png, alt: … }` under images) is kept as plain data.
					return located(isScalar(n) ? n.value : isMap(n) ? n.toJSON() : undefined, r.start, r.end, r.exact);
				});
				const [s, e] = v.range ?? [0, 0];
				raws.push({ key, value: items.map((i) => i.value), start: bodyStart + s, end: bodyStart + e, exact: false, items });
			} else {
				const r = scalarRange(v, bodyStart, text);
				raws.push({ key, value: isScalar(v) ? v.value : undefined, ...r });
			}
		}
	}
	const hadProblems = problems.length > problemsBefore;
	const before = problems.length;
	const settings = toSettings(raws, problems);
	// Problems in the front matter (invalid YAML, an alias to nowhere, a platform that is not text) make it a draft to report on.
	return { start: 0, end, settings, ...(doc.errors.length || problems.length > before || hadProblems ? { broken: true } : {}) };
}

/**
 * The node an alias (`*name`) stands for, or the node itself. An alias to an anchor that does
 * not exist is a problem (the YAML library only finds out when converting, which is never done
 * here: converting is also how alias bombs blow up). The value is read, the range is the alias's.
 */
function resolveAlias(n: YamlNode | null, anchors: Anchors, base: number, problems: InputProblem[]): YamlNode | null {
	if (!n || !isAlias(n)) {
		return n;
	}
	const target = anchors.before(n.source, n.range?.[0] ?? 0);
	const [s, e] = n.range ?? [0, 0];
	if (!target) {
		problems.push({ start: base + s, end: Math.max(base + s + 1, base + e), message: msg('fm.aliasNowhere', { name: `*${n.source}` }), severity: 'error' });
		return null;
	}
	if (!isScalar(target)) {
		return target;
	}
	// The anchor's value, at the alias's place (not `exact`: the source there is `*name`).
	const copy = target.clone() as YamlNode;
	copy.range = [s, e, e];
	return copy;
}

/**
 * The anchors of a document (`&name`), collected in one walk: an alias is the last anchor of
 * its name before it. (The YAML library's own lookup walks the whole document per alias:
 * quadratic in a front matter of thousands of aliases.)
 */
class Anchors {
	private readonly byName = new Map<string, { at: number; node: YamlNode }[]>();

	constructor(doc: Document) {
		visit(doc, (_key, node) => {
			const n = node as YamlNode & { anchor?: string };
			if (n && typeof n === 'object' && 'anchor' in n && n.anchor) {
				let list = this.byName.get(n.anchor);
				if (!list) {
					list = [];
					this.byName.set(n.anchor, list);
				}
				list.push({ at: n.range?.[0] ?? 0, node: n });
			}
		});
		for (const list of this.byName.values()) {
			list.sort((a, b) => a.at - b.at);
		}
	}

	before(name: string, at: number): YamlNode | undefined {
		const list = this.byName.get(name);
		if (!list) {
			return undefined;
		}
		const lo = lowerBound(list.length, (mid) => list[mid].at < at);
		return lo > 0 ? list[lo - 1].node : undefined;
	}
}

/** The first line after the opening fence that looks like a mistyped closing one. */
function nearClose(text: string, from: number): { start: number; end: number } | undefined {
	const re = /[^\r\n]*(?:\r\n?|\n|$)/gy;
	re.lastIndex = from;
	for (let m = re.exec(text); m && m[0]; m = re.exec(text)) {
		const line = m[0].replace(/[\r\n]+$/, '');
		if (FM_NEAR_CLOSE.test(line)) {
			return { start: m.index, end: m.index + line.trimEnd().length };
		}
	}
	return undefined;
}

// The front matter most drafts have: `key: value` lines, and `key:` with `- value` lines under it.
// A key: letters, digits, `_` and `-`, at the start of its line. A value: a plain scalar that is a
// string or a boolean under YAML's core schema, on one line — it starts with no YAML indicator and
// no character a number, null or special float could start with, holds no `: ` or ` #`, and does
// not end with `:` or white space. Anything else (quotes, comments, numbers, flow collections,
// anchors, tabs, a lone CR, nesting) is left to the YAML library.
const SIMPLE_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:( +)(.*))?$/;
const SIMPLE_ITEM = /^( *)- (.*)$/;
const UNSAFE_START = /^[-?:,[\]{}#&*!|>'"%@`+.~\s]/;
const UNSAFE_INSIDE = /: |\s#|\t|:$|\s$/;
const CORE_NON_STRING = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
// The numbers of YAML's core schema (a value starting with a digit is a string unless it is one: 2026-09-17, 8:00).
const CORE_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
// A flow list of simple values on the key's line: `tags: [launch, spring]`.
const FLOW_LIST = /^\[([^[\]{}]*)\]$/;

/** A value of the simple form, or undefined when it is not one (the YAML library then reads the front matter). */
function simpleValue(raw: string): string | boolean | undefined {
	if (!raw || UNSAFE_START.test(raw) || UNSAFE_INSIDE.test(raw) || CORE_NUMBER.test(raw)) {
		return undefined;
	}
	if (CORE_NON_STRING.test(raw)) {
		return raw[0] === 'n' || raw[0] === 'N' ? undefined : raw[0] === 't' || raw[0] === 'T';
	}
	return raw;
}

/**
 * The front matter's keys and values when every line is of the simple form (see above), with the
 * ranges the YAML library gives them; undefined otherwise. `base` is the YAML text's offset in `src`.
 */
export function simpleFrontMatter(yaml: string, base: number, src: string): Raw[] | undefined {
	if (yaml.includes('\r') && !/^[^\r]*(?:\r\n[^\r]*)*$/.test(yaml)) {
		return undefined; // a lone CR ends a line for YAML too, but is rare enough to leave to it
	}
	const raws: Raw[] = [];
	const keys = new Set<string>();
	let list: { raw: Raw; indent: number } | undefined;
	let at = 0;
	while (at < yaml.length) {
		let next = yaml.indexOf('\n', at);
		next = next < 0 ? yaml.length : next + 1;
		const lineEnd = next - (yaml[next - 1] === '\n' ? (yaml[next - 2] === '\r' ? 2 : 1) : 0);
		const line = yaml.slice(at, lineEnd);
		const item = list ? SIMPLE_ITEM.exec(line) : null;
		if (item && list && (list.raw.items!.length === 0 || item[1].length === list.indent)) {
			const v = simpleValue(item[2]);
			if (v === undefined) {
				return undefined;
			}
			const start = base + at + item[1].length + 2;
			const end = start + item[2].length;
			if (list.raw.items!.length === 0) {
				list.indent = item[1].length;
				list.raw.start = base + at + item[1].length;
			}
			list.raw.items!.push(located(v, start, end, src.slice(start, end) === String(v)));
			(list.raw.value as unknown[]).push(v);
			list.raw.end = base + next;
			at = next;
			continue;
		}
		if (list && list.raw.items!.length === 0) {
			return undefined; // `key:` with nothing under it is null: left to the YAML library
		}
		list = undefined;
		if (line === '') {
			at = next;
			continue;
		}
		const m = SIMPLE_LINE.exec(line);
		// A key YAML reads as null or a boolean is compared as that value for duplicates: left to it.
		if (!m || keys.has(m[1]) || CORE_NON_STRING.test(m[1])) {
			return undefined;
		}
		keys.add(m[1]);
		if (m[3] === undefined || m[3] === '') {
			if (m[2] !== undefined) {
				return undefined; // `key: ` with trailing spaces
			}
			const raw: Raw = { key: m[1], value: [], start: 0, end: 0, exact: false, items: [] };
			raws.push(raw);
			list = { raw, indent: 0 };
			at = next;
			continue;
		}
		const start = base + at + m[1].length + 1 + m[2].length;
		const flow = FLOW_LIST.exec(m[3]);
		if (flow) {
			// Items split at commas, each trimmed of spaces; an empty item (`[]`, `[a,]`) is left to the YAML library.
			const items: Located<unknown>[] = [];
			let from = start + 1;
			for (const part of flow[1].split(',')) {
				const lead = part.length - part.trimStart().length;
				const item = part.trim();
				// No `:` in a flow item (`[a: b]` is a map), and only spaces around it.
				const v = item.includes(':') ? undefined : simpleValue(item);
				if (v === undefined || /[^ ]/.test(part.slice(0, lead) + part.slice(lead + item.length))) {
					return undefined;
				}
				const s0 = from + lead;
				items.push(located(v, s0, s0 + item.length, src.slice(s0, s0 + item.length) === String(v)));
				from += part.length + 1;
			}
			raws.push({ key: m[1], value: items.map((i) => i.value), start, end: start + m[3].length, exact: false, items });
			at = next;
			continue;
		}
		const v = simpleValue(m[3]);
		if (v === undefined) {
			return undefined;
		}
		const end = start + m[3].length;
		raws.push({ key: m[1], value: v, start, end, exact: src.slice(start, end) === String(v) });
		at = next;
	}
	if (list && list.raw.items!.length === 0) {
		return undefined;
	}
	return raws;
}
