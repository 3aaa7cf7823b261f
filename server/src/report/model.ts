/**
 * The campaign report's data: per file and post the platforms with their counts and limits,
 * the Han share, the findings, and the exceptions (rules switched off by a comment) with
 * their reasons, plus a summary. Pure: the CLI and the language server lint the files and
 * hand the results in; render-md.ts and render-html.ts turn the model into text.
 */
import { isValidCount, language, limitState, platformName, summarize, type Lang, type LimitState, type LintResult, type Severity } from '../engine';
import { LineIndex } from '../positions';

/** A rule switched off for part of a draft, and why (from a disable comment). */
export interface ReportException {
	rules: string[];
	/** The reason written after `--`; empty when none was given. */
	reason: string;
	/** 1-based line of the comment. */
	line: number;
	/** 0-based post index, when the comment is inside a post. */
	post?: number;
	/** How many findings the exception hid, when the engine counted them. */
	suppressed?: number;
	/** It hid nothing although every rule it names ran: `disable-reason` reports it as one to remove. */
	stale?: boolean;
}

export interface ReportFinding {
	rule: string;
	severity: Severity;
	message: string;
	line: number;
	column: number;
	platform?: string;
}

export interface ReportField {
	field: string;
	count: number;
	/** The limit shown: the hard limit, else the recommended length. */
	limit?: number;
	/** The recommended length, when the platform has one below the hard limit. */
	recommended?: number;
	/** Over the hard limit or the recommended length. */
	over: boolean;
	/** Which of the two (engine/limits.ts): shown as over (✖) or over the recommended length (⚠). */
	state: LimitState;
}

export interface ReportTarget {
	platform: string;
	name: string;
	fields: ReportField[];
	/** Every field fits the platform's hard limits. */
	fits: boolean;
}

export interface ReportPost {
	/** 0-based index in the file. */
	index: number;
	line: number;
	title?: string;
	locale?: string;
	targets: ReportTarget[];
	hanPercent?: number;
	findings: ReportFinding[];
	exceptions: ReportException[];
}

export interface ReportFile {
	file: string;
	posts: ReportPost[];
	/** Findings outside any post (front matter problems). */
	findings: ReportFinding[];
	/** Exceptions outside any post. */
	exceptions: ReportException[];
}

export interface ReportSummary {
	files: number;
	posts: number;
	/** Post × platform pairs. */
	targets: number;
	/** Pairs over a hard limit. */
	over: number;
	bySeverity: Record<Severity, number>;
	exceptions: number;
	/** Exceptions without a reason: a reviewer should ask why. */
	unexplained: number;
	byRule: { rule: string; count: number }[];
	byPlatform: { platform: string; name: string; posts: number; over: number }[];
}

export interface Report {
	lang: Lang;
	title: string;
	files: ReportFile[];
	summary: ReportSummary;
}

export interface ReportInput {
	/** The path as the report shows it (relative to the workspace or the current folder). */
	file: string;
	text: string;
	result: LintResult;
}

/**
 * The exceptions on a lint result: the engine's `LintException`s (directives.ts), read
 * defensively so that a partial result (a test's, an older cache's) never breaks the report:
 * `{ rules | rule, reason, line | start, post?, suppressed?, stale? }`.
 */
export function exceptionsOf(result: LintResult, idx: LineIndex): ReportException[] {
	const raw = (result as unknown as { exceptions?: unknown }).exceptions;
	if (!Array.isArray(raw)) {
		return [];
	}
	const out: ReportException[] = [];
	for (const e of raw as Record<string, unknown>[]) {
		if (!e || typeof e !== 'object') {
			continue;
		}
		const rules = Array.isArray(e.rules) ? e.rules.filter((r): r is string => typeof r === 'string') : typeof e.rule === 'string' ? [e.rule] : [];
		const line = typeof e.line === 'number' ? e.line : typeof e.start === 'number' ? idx.position(e.start).line + 1 : 0;
		const post = typeof e.post === 'number' ? e.post : typeof e.start === 'number' ? postOf(result, e.start) : undefined;
		out.push({
			rules, reason: typeof e.reason === 'string' ? e.reason.trim() : '', line, post,
			...(typeof e.suppressed === 'number' ? { suppressed: e.suppressed } : {}),
			...(e.stale === true ? { stale: true } : {}),
		});
	}
	return out;
}

function postOf(result: LintResult, offset: number): number | undefined {
	return result.draft.posts.find((p) => offset >= p.start && offset < p.end)?.index;
}

const ZERO = (): Record<Severity, number> => ({ error: 0, warning: 0, info: 0, hint: 0 });

export function buildReport(inputs: readonly ReportInput[], title: string): Report {
	const lang = language();
	const files: ReportFile[] = [];
	const bySeverity = ZERO();
	const byRule = new Map<string, number>();
	const byPlatform = new Map<string, { platform: string; name: string; posts: number; over: number }>();
	let posts = 0;
	let targets = 0;
	let over = 0;
	let exceptions = 0;
	let unexplained = 0;
	for (const input of inputs) {
		const { result } = input;
		const idx = new LineIndex(input.text);
		const lineOf = (o: number) => idx.position(o).line + 1;
		const summaries = new Map(summarize(result).map((s) => [s.post, s]));
		const allExceptions = exceptionsOf(result, idx);
		const rf: ReportFile = { file: input.file, posts: [], findings: [], exceptions: allExceptions.filter((e) => e.post === undefined) };
		const toFinding = (f: LintResult['findings'][number]): ReportFinding => {
			const p = idx.position(f.start);
			bySeverity[f.severity]++;
			byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
			return { rule: f.rule, severity: f.severity, message: f.message, line: p.line + 1, column: p.character + 1, platform: f.platform };
		};
		for (const post of result.draft.posts) {
			const ts = result.targets.filter((t) => t.post.index === post.index);
			const s = summaries.get(post.index);
			const rp: ReportPost = {
				index: post.index,
				line: lineOf(post.marker?.start ?? post.body.toSource(0)),
				title: post.settings.title?.value,
				locale: ts[0]?.locale ?? post.settings.locale?.value,
				hanPercent: s?.hanPercent,
				targets: ts.map((t) => {
					const fits = t.counts.every(isValidCount);
					const name = platformName(t.platform, lang);
					const agg = byPlatform.get(t.platform.id) ?? { platform: t.platform.id, name, posts: 0, over: 0 };
					agg.posts++;
					agg.over += fits ? 0 : 1;
					byPlatform.set(t.platform.id, agg);
					targets++;
					over += fits ? 0 : 1;
					return {
						platform: t.platform.id, name, fits,
						fields: t.counts.map((c) => ({ field: c.field, count: c.count, limit: c.limit ?? c.warn, ...(c.limit !== undefined && c.warn !== undefined ? { recommended: c.warn } : {}), over: !isValidCount(c) || (c.warn !== undefined && c.count > c.warn), state: limitState(c) })),
					};
				}),
				findings: result.findings.filter((f) => f.post === post.index).map(toFinding),
				exceptions: allExceptions.filter((e) => e.post === post.index),
			};
			posts++;
			rf.posts.push(rp);
		}
		rf.findings = result.findings.filter((f) => f.post === undefined || !result.draft.posts.some((p) => p.index === f.post)).map(toFinding);
		exceptions += allExceptions.length;
		unexplained += allExceptions.filter((e) => !e.reason).length;
		files.push(rf);
	}
	return {
		lang, title, files,
		summary: {
			files: files.length, posts, targets, over, bySeverity, exceptions, unexplained,
			byRule: [...byRule].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
			byPlatform: [...byPlatform.values()].sort((a, b) => a.platform.localeCompare(b.platform)),
		},
	};
}
