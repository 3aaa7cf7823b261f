/**
 * The judgment corpus (test/corpus/judgment/*.md): realistic drafts written for Copydesk, each labelled
 * with what a reviewer would want the tone and compliance rules to say. `evaluate()` lints every
 * draft and scores the `ad-*` and `tone-*` rules: a labelled finding is found when a finding of its
 * rule (and severity, when the label names one) overlaps the quoted text; a finding no label asks
 * for is a false positive. Used by `npm run eval` (test/corpus/eval.ts) and test/engine/corpus.test.ts.
 *
 * File format: drafts separated by header lines
 *   === <id> <platform> [key=value …]
 *   expect: <rule>[@severity] "<quote>"; <rule> "<quote>"; …     (or `expect: -` for silence)
 * followed by the draft's body. `key=value` pairs (kind, industry, sponsored, locale) go to the
 * draft's front matter; a body that starts with its own `---` front matter is used as written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, resolveConfig, setLanguage, type Finding } from '../../server/src/engine';
import { ROOT } from './paths';

export const CORPUS = path.join(ROOT, 'test', 'corpus', 'judgment');
export const JUDGED = (rule: string): boolean => /^(ad|tone)-/.test(rule);

export interface Label {
	rule: string;
	severity?: string;
	quote?: string;
}

export interface Draft {
	id: string;
	file: string;
	line: number;
	platform: string;
	text: string;
	labels: Label[];
}

export function parseCorpusFile(file: string): Draft[] {
	const src = fs.readFileSync(file, 'utf8');
	const lines = src.split('\n');
	const out: Draft[] = [];
	let cur: { head: string; line: number; expect?: string; body: string[] } | undefined;
	const flush = () => {
		if (!cur) {
			return;
		}
		const [id, platform, ...opts] = cur.head.trim().split(/\s+/);
		if (!id || !platform || cur.expect === undefined) {
			throw new Error(`${file}:${cur.line}: a draft needs "=== id platform" and an "expect:" line`);
		}
		const body = cur.body.join('\n').trim();
		const fm = [`platform: ${platform}`, ...opts.map((o) => o.replace('=', ': '))];
		const text = body.startsWith('---\n') ? body.replace(/^---\n/, `---\n${fm[0]}\n`) + '\n' : `---\n${fm.join('\n')}\n---\n${body}\n`;
		out.push({ id, file: path.basename(file), line: cur.line, platform, text, labels: parseLabels(cur.expect, `${file}:${cur.line}`) });
	};
	lines.forEach((l, i) => {
		if (l.startsWith('=== ')) {
			flush();
			cur = { head: l.slice(4), line: i + 1, body: [] };
		} else if (cur && cur.expect === undefined && l.startsWith('expect:')) {
			cur.expect = l.slice('expect:'.length).trim();
		} else if (cur) {
			cur.body.push(l);
		}
	});
	flush();
	return out;
}

function parseLabels(s: string, where: string): Label[] {
	if (s === '-' || s === '') {
		return [];
	}
	return s.split(/;\s*/).filter(Boolean).map((part) => {
		const m = /^([a-z-]+)(?:@(error|warning|info|hint))?(?:\s+"(.*)")?$/.exec(part.trim());
		if (!m) {
			throw new Error(`${where}: cannot read label "${part}"`);
		}
		return { rule: m[1], severity: m[2], quote: m[3] };
	});
}

export function loadCorpus(): Draft[] {
	return fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort().flatMap((f) => parseCorpusFile(path.join(CORPUS, f)));
}

export interface RuleScore {
	rule: string;
	labels: number;
	found: number;
	falsePositives: number;
	precision: number;
	recall: number;
}

export interface Miss {
	draft: Draft;
	label?: Label;
	finding?: Finding;
}

function occurrences(text: string, quote: string): { start: number; end: number }[] {
	const out: { start: number; end: number }[] = [];
	for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
		out.push({ start: i, end: i + quote.length });
	}
	return out;
}

function matches(text: string, label: Label, f: Finding): boolean {
	if (f.rule !== label.rule || (label.severity && f.severity !== label.severity)) {
		return false;
	}
	return !label.quote || occurrences(text, label.quote).some((o) => f.start < o.end && o.start < Math.max(f.end, f.start + 1));
}

export function evaluate(drafts: readonly Draft[] = loadCorpus()): { scores: RuleScore[]; missed: Miss[]; extra: Miss[] } {
	setLanguage('en');
	const config = resolveConfig([]);
	const tally = new Map<string, { labels: number; found: number; fp: number; tp: number }>();
	const t = (rule: string) => {
		let x = tally.get(rule);
		if (!x) {
			tally.set(rule, (x = { labels: 0, found: 0, fp: 0, tp: 0 }));
		}
		return x;
	};
	const missed: Miss[] = [];
	const extra: Miss[] = [];
	for (const d of drafts) {
		for (const l of d.labels) {
			if (l.quote !== undefined && !d.text.includes(l.quote)) {
				throw new Error(`${d.file}:${d.line} (${d.id}): the quote "${l.quote}" is not in the draft`);
			}
		}
		const findings = lint({ text: d.text, config, matchedDraftGlob: true }).findings.filter((f) => JUDGED(f.rule));
		for (const l of d.labels) {
			const x = t(l.rule);
			x.labels++;
			if (findings.some((f) => matches(d.text, l, f))) {
				x.found++;
			} else {
				missed.push({ draft: d, label: l });
			}
		}
		for (const f of findings) {
			const x = t(f.rule);
			if (d.labels.some((l) => matches(d.text, l, f))) {
				x.tp++;
			} else {
				x.fp++;
				extra.push({ draft: d, finding: f });
			}
		}
	}
	const scores = [...tally].sort(([a], [b]) => a.localeCompare(b)).map(([rule, x]) => ({
		rule, labels: x.labels, found: x.found, falsePositives: x.fp,
		precision: x.tp + x.fp === 0 ? 1 : x.tp / (x.tp + x.fp),
		recall: x.labels === 0 ? 1 : x.found / x.labels,
	}));
	return { scores, missed, extra };
}
