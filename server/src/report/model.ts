/**
 * The campaign report's data: per file and post the platforms with their counts and limits,
 * the Han share, the findings, and the exceptions (rules switched off by a comment) with
 * their reasons, plus a summary. Pure: the CLI and the language server lint the files and
 * hand the results in; render-md.ts and render-html.ts turn the model into text.
 */
import { isValidCount, language, limitState, msg, platformName, summarize, type Fact, type Lang, type LimitState, type LintResult, type Severity, type Target, type VariantFacts } from '../engine';
import { foldMarker as foldLabel, findTokens, previewImages, segment, type PreviewImage, type PreviewSegment } from '../preview/model';
import { imagesByPost } from '../engine/media';
import { groupBy } from '../engine/text';
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
	/** 1-based number within its post (the mark in the copy). */
	n?: number;
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
	/** The body as the platform shows it: fold and overflow marked, links and tags as shown, finding marks at their place. */
	copy: ReportSegment[];
	/** The fold label the feed shows ("…全文"), when the body folds. */
	foldMarker?: string;
	/** Fields beside the body the platform has (title, digest, author): only those, never one it does not show. */
	shownFields: { field: string; text: string }[];
}

/** A piece of copy; `marks` are the 1-based numbers of the post's findings that start here. */
export interface ReportSegment extends PreviewSegment {
	marks?: number[];
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
	/** Front matter or marker `status` and `approvedBy`. */
	status?: string;
	approvedBy?: string;
	images: PreviewImage[];
}

/** The facts of one campaign (a file, or the files of a campaign folder): one row per fact, one column per variant. */
export interface FactsTable {
	/** The file, or the campaign folder. */
	name: string;
	columns: { file: string; post: number; platform: string; label: string }[];
	rows: { kind: string; label: string; cells: { text: string; odd: boolean }[] }[];
}

export interface ReportFile {
	file: string;
	/** The campaign folder the file belongs to: its posts are shown beside the other files' posts. */
	campaign?: string;
	/** The facts table of this campaign file (two or more variants that state facts). */
	facts?: FactsTable;
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
	/** Posts by review status (`status:` in front matter; none counts as draft). */
	byStatus: { draft: number; review: number; approved: number };
}

export interface Report {
	lang: Lang;
	title: string;
	files: ReportFile[];
	/** Facts tables of campaign folders (copydesk.json `campaigns`): across their files. */
	campaigns: FactsTable[];
	summary: ReportSummary;
}

export interface ReportInput {
	/** The path as the report shows it (relative to the workspace or the current folder). */
	file: string;
	text: string;
	result: LintResult;
	/** The campaign folder the file belongs to, as the report shows it. */
	campaign?: string;
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

/** The view offset of a source offset in a post body (the first character at or after it). */
function toView(t: Target, source: number): number {
	const b = t.post.body;
	let lo = 0;
	let hi = b.text.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (b.toSource(mid) < source) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo;
}

/** The body as the platform shows it, with the numbers of the findings that start in it at their place. */
function copyOf(t: Target, findings: readonly { n: number; start: number; platform?: string }[]): { copy: ReportSegment[]; foldMarker?: string } {
	const bc = t.counts.find((c) => c.field === 'body');
	const body = t.post.body;
	const foldAt = bc?.foldAt !== undefined ? toView(t, bc.foldAt) : undefined;
	const overflowAt = bc?.overflowAt !== undefined && bc.limit !== undefined && bc.count > bc.limit ? toView(t, bc.overflowAt) : undefined;
	const marks = new Map<number, number[]>();
	for (const f of findings) {
		if ((!f.platform || f.platform === t.platform.id) && f.start >= body.toSource(0) && f.start <= body.srcEnd) {
			const at = Math.min(toView(t, f.start), body.text.length);
			marks.set(at, [...(marks.get(at) ?? []), f.n]);
		}
	}
	const segs: ReportSegment[] = segment(body.text, findTokens(body.text, t.platform), foldAt, overflowAt);
	// Split the pieces where a marked finding starts, and hang its numbers there.
	const out: ReportSegment[] = [];
	let pos = 0;
	for (const s of segs) {
		const end = pos + s.text.length;
		const cuts = [...marks.keys()].filter((k) => k > pos && k < end && s.kind === 'text').sort((a, b) => a - b);
		let from = pos;
		for (const c of [...cuts, end]) {
			const piece: ReportSegment = { ...s, text: s.text.slice(from - pos, c - pos) };
			const m = marks.get(from);
			if (m) {
				piece.marks = m;
				marks.delete(from);
			}
			out.push(piece);
			from = c;
		}
		pos = end;
	}
	const rest = [...marks.values()].flat();
	if (rest.length) {
		out.push({ kind: 'text', zone: 'visible', text: '', marks: rest });
	}
	return { copy: out, foldMarker: foldAt !== undefined && (overflowAt === undefined || foldAt < overflowAt) ? foldMarkerOf(t) : undefined };
}

function foldMarkerOf(t: Target): string | undefined {
	return foldLabel(t.platform);
}

const KIND_ORDER = ['price', 'percent', 'quantity', 'date', 'time', 'link', 'hashtag', 'product', 'handle'];

/** One row per fact (kind, group, product), one column per variant; a cell is odd when campaign-consistency reported it. */
function factsTable(name: string, variants: readonly (VariantFacts & { label: string; odd: (f: Fact) => boolean })[]): FactsTable | undefined {
	const withFacts = variants.filter((v) => v.facts.some((f) => f.kind !== 'handle'));
	if (withFacts.length < 2) {
		return undefined;
	}
	const rows = new Map<string, { kind: string; label: string; cells: { text: string; odd: boolean }[] }>();
	// As campaign-consistency compares: the product splits a row only when the variants name two or more.
	const groupOf = (f: Fact) => `${f.kind}\u0000${f.kind === 'price' ? '' : f.group}`;
	const anchors = new Map<string, Set<string>>();
	for (const v of withFacts) {
		for (const f of v.facts) {
			if (f.anchor) {
				anchors.set(groupOf(f), (anchors.get(groupOf(f)) ?? new Set()).add(f.anchor));
			}
		}
	}
	const anchorOf = (f: Fact) => ((anchors.get(groupOf(f))?.size ?? 0) > 1 ? f.anchor : '');
	withFacts.forEach((v, col) => {
		for (const f of v.facts) {
			if (f.kind === 'handle') {
				continue;
			}
			const key = `${groupOf(f)}\u0000${anchorOf(f)}`;
			let row = rows.get(key);
			if (!row) {
				// The unit as the first variant writes it (天, days), so the label needs no translation of its own.
				const detail = f.kind === 'quantity' ? f.text.replace(/^[\d.,\s]+(?:[万萬亿億]\s?)?-?/u, '').trim() : f.kind === 'link' ? f.group : '';
				const label = [msg(`campaign-consistency.kind.${f.kind}`), detail, anchorOf(f)].filter(Boolean).join(' · ');
				row = { kind: f.kind, label, cells: withFacts.map(() => ({ text: '', odd: false })) };
				rows.set(key, row);
			}
			const cell = row.cells[col];
			if (!cell.text.split(' · ').includes(f.text)) {
				cell.text = cell.text ? `${cell.text} · ${f.text}` : f.text;
			}
			cell.odd ||= v.odd(f);
		}
	});
	return {
		name,
		columns: withFacts.map((v) => ({ file: v.file, post: v.post, platform: v.platform, label: v.label })),
		rows: [...rows.values()].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)),
	};
}

export function buildReport(inputs: readonly ReportInput[], title: string): Report {
	const byStatus = { draft: 0, review: 0, approved: 0 };
	const campaignVariants = new Map<string, (VariantFacts & { label: string; odd: (f: Fact) => boolean })[]>();
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
		const rf: ReportFile = { file: input.file, ...(input.campaign ? { campaign: input.campaign } : {}), posts: [], findings: [], exceptions: allExceptions.filter((e) => e.post === undefined) };
		const toFinding = (f: LintResult['findings'][number], n?: number): ReportFinding => {
			const p = idx.position(f.start);
			bySeverity[f.severity]++;
			byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
			return { ...(n !== undefined ? { n } : {}), rule: f.rule, severity: f.severity, message: f.message, line: p.line + 1, column: p.character + 1, platform: f.platform };
		};
		const oddAt = (post: number) => (fact: Fact) => result.findings.some((f) => f.rule === 'campaign-consistency' && f.post === post && f.start === fact.start && f.end === fact.end);
		// Each post's targets, findings and images gathered once (a search per post is quadratic in a large file).
		const targetsOf = groupBy(result.targets, (t) => t.post.index);
		const findingsOf = groupBy(result.findings, (f) => f.post);
		const images = imagesByPost(result.media);
		for (const post of result.draft.posts) {
			const ts = targetsOf.get(post.index) ?? [];
			const s = summaries.get(post.index);
			const own = findingsOf.get(post.index) ?? [];
			const numbered = own.map((f, i) => ({ n: i + 1, start: f.start, platform: f.platform }));
			const status = post.settings.status?.value;
			byStatus[status ?? 'draft']++;
			const rp: ReportPost = {
				index: post.index,
				line: lineOf(post.marker?.start ?? post.body.toSource(0)),
				// The title only where a platform of the post has one: an inherited title: is not shown on Weibo.
				title: ts.some((t) => t.counts.some((c) => c.field === 'title')) ? post.settings.title?.value : undefined,
				...(status ? { status } : {}),
				...(post.settings.approvedBy ? { approvedBy: post.settings.approvedBy.value } : {}),
				images: previewImages(images.get(post.index) ?? [], lang),
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
					const { copy, foldMarker } = copyOf(t, numbered);
					return {
						platform: t.platform.id, name, fits, copy, ...(foldMarker ? { foldMarker } : {}),
						shownFields: t.counts.filter((c) => c.field !== 'body').map((c) => ({ field: c.field, text: c.text })),
						fields: t.counts.map((c) => ({ field: c.field, count: c.count, limit: c.limit ?? c.warn, ...(c.limit !== undefined && c.warn !== undefined ? { recommended: c.warn } : {}), over: !isValidCount(c) || (c.warn !== undefined && c.count > c.warn), state: limitState(c) })),
					};
				}),
				findings: own.map((f, i) => toFinding(f, i + 1)),
				exceptions: allExceptions.filter((e) => e.post === post.index),
			};
			posts++;
			rf.posts.push(rp);
		}
		rf.findings = result.findings.filter((f) => f.post === undefined || !result.draft.posts.some((p) => p.index === f.post)).map((f) => toFinding(f));
		// The facts of the file's variants; a campaign folder's files are also gathered into one table.
		const variants = (result.variants ?? []).map((v) => {
			const t = result.targets.find((x) => x.post.index === v.post && x.platform.id === v.platform);
			const label = msg('campaign-consistency.post', { n: v.post + 1, platform: t ? platformName(t.platform, lang) : v.platform });
			return { ...v, file: input.file, label, odd: oddAt(v.post) };
		});
		const table = factsTable(input.file, variants);
		if (table) {
			rf.facts = table;
		}
		if (input.campaign) {
			campaignVariants.set(input.campaign, [...(campaignVariants.get(input.campaign) ?? []), ...variants.map((v) => ({ ...v, label: `${input.file} · ${v.label}` }))]);
		}
		exceptions += allExceptions.length;
		unexplained += allExceptions.filter((e) => !e.reason).length;
		files.push(rf);
	}
	const campaigns = [...campaignVariants].map(([name, vs]) => factsTable(name, vs)).filter((t): t is FactsTable => !!t);
	return {
		lang, title, files, campaigns,
		summary: {
			byStatus,
			files: files.length, posts, targets, over, bySeverity, exceptions, unexplained,
			byRule: [...byRule].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
			byPlatform: [...byPlatform.values()].sort((a, b) => a.platform.localeCompare(b.platform)),
		},
	};
}
