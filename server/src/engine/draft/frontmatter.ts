/**
 * YAML front matter: the fence (with a near-miss closing line reported), the document read without
 * ever converting it (aliases resolved by hand, so alias bombs cannot blow up), settings located.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { msg } from '../messages';
import type { InputProblem } from '../types';
import { lowerBound } from '../text';
import { located, toSettings, type Draft, type Raw } from './model';

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
export function parseFrontMatter(text: string, problems: InputProblem[]): (NonNullable<Draft['frontMatter']> & { broken?: boolean; unclosed?: boolean }) | undefined {
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
