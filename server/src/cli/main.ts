/**
 * The `copydesk` command line: check drafts (the same engine and config as the editor),
 * count posts, list platforms. Exit codes: 0 no error-level finding, 1 at least one,
 * 2 a usage or configuration problem, an I/O error (a file or folder that cannot be read, a
 * fix that cannot be written) or an internal error (a rule that failed).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { pathToFileURL } from 'node:url';
import {
	builtinPlatforms, canonicalPlatformId, countLabel, fixText, limitLabel, limitSeverity, limitState, lint, measureRaw, msg, platformName, profileFor,
	isTeamRuleId, recommendedOf, setLanguage, toLang, type FieldCount, type Finding, type FixKind, type LimitState, type ResolvedConfig, type Severity,
} from '../engine';
import { ConfigCache, lintPaths, relintCampaigns, type LintedFile } from '../node/campaign';
import { decodeText, DEFAULT_MAX_DRAFT_BYTES, encodeText, readRegularFile, writeFileAtomic } from '../node/files';
import { imageReaderFor } from '../node/media';
import { fixKindsOption, jobsOption, rulesOption, sizeOption, UsageError } from './options';

export { UsageError } from './options';
import { STATUSES, type Status } from '../engine/draft';
import { findConfigFile, loadConfig, matchesDrafts, unreadableIgnoreFiles } from '../node/workspace';
import { cmdPack } from './pack';
import { buildReport } from '../report/model';
import { renderHtml, renderMarkdown } from '../report/render';
import {
	CHECK_FORMATS, counts, formatExceptionsGithub, formatExceptionsText, formatGithub, formatGitlab, formatJson, formatRdjson, formatSarif, formatText,
	type ExceptionRow, type Row,
} from './formats';
import { LineIndex } from '../positions';
import { toHiddenRows, toRows } from './rows';
import { unifiedDiff } from './diff';
import { formatSummary } from './summary';

import type { Io } from './io';

export type { Io } from './io';

export const VERSION = '0.1.0';

/** A file that cannot be read or written: reported without the usage hint, exit code 2. */
export class IoError extends Error { }

const COMMON: ParseArgsConfig['options'] = {
	help: { type: 'boolean', short: 'h' },
	lang: { type: 'string' },
	config: { type: 'string', short: 'c' },
	platform: { type: 'string', short: 'p' },
	format: { type: 'string', short: 'f' },
};

function parse(args: string[], extra: ParseArgsConfig['options'] = {}) {
	try {
		return parseArgs({ args, options: { ...COMMON, ...extra }, allowPositionals: true, strict: true });
	} catch (e) {
		throw new UsageError(e instanceof Error ? e.message : String(e));
	}
}

/** The --format value, checked against what the command can print; the first allowed one is the default. */
function formatOption(value: unknown, allowed: readonly string[]): string {
	const format = typeof value === 'string' ? value : allowed[0];
	if (!allowed.includes(format)) {
		throw new UsageError(msg('cli.badFormat', { format, allowed: allowed.join(', ') }));
	}
	return format;
}

function rel(io: Io, file: string): string {
	const r = path.relative(io.cwd, file);
	return (r.startsWith('..') ? file : r).split(path.sep).join('/');
}

/** Config problems as rows (they also make the exit code 2 when they are errors). */
function configRows(io: Io, configs: ConfigCache): Row[] {
	const rows: Row[] = [];
	for (const l of configs.all()) {
		for (const f of l.files) {
			rows.push(...toRows(rel(io, f.file), f.text, f.problems.map((p) => ({ rule: 'config', severity: p.severity ?? 'error', message: p.message, start: p.start, end: p.end }))));
		}
	}
	return rows;
}

function checkPlatformArg(id: string | undefined, config: ResolvedConfig = { platforms: builtinPlatforms() } as ResolvedConfig): void {
	if (id && !canonicalPlatformId(id, config.platforms)) {
		throw new UsageError(msg('platform.unknown', { id, known: Object.keys(config.platforms).join(', ') }));
	}
}

/** Options and paths shared by `check` and `report`: the config, the platform, the files. */
function resolveInputs(io: Io, values: Record<string, unknown>, positionals: string[], variants: 'all' | 'compared' = 'all', jobs = { jobs: 1, explicit: false }) {
	const configFile = values.config ? path.resolve(io.cwd, values.config as string) : undefined;
	if (configFile && !fs.existsSync(configFile)) {
		throw new UsageError(msg('cli.noConfig', { file: values.config as string }));
	}
	checkPlatformArg(values.platform as string | undefined);
	const configs = new ConfigCache(io.cwd, configFile, values.platform as string | undefined);
	const pool = jobs.jobs > 1 ? { jobs: jobs.jobs, config: { cwd: io.cwd, explicit: configFile, platform: values.platform as string | undefined }, ...(jobs.explicit ? { minChars: 0 } : {}) } : undefined;
	const maxPostBytes = sizeOption(values['max-post-size'], '--max-post-size');
	const campaign = lintPaths(positionals, { cwd: io.cwd, configs, forcePlatform: !!values.platform, maxBytes: sizeOption(values['max-file-size']), variants, pool, maxPostBytes });
	if (campaign.unmatched.length) {
		throw new UsageError(msg('cli.noMatch', { paths: campaign.unmatched.join(', ') }));
	}
	// Nothing passes silently: every file or folder that could not be read is an I/O error, and the run fails (exit 2).
	for (const f of campaign.unreadable) {
		io.stderr(`copydesk: ${msg(f.folder ? 'cli.unreadableFolder' : 'cli.unreadableFile', { file: rel(io, f.file), detail: f.detail })}`);
	}
	// A .copydeskignore that cannot be read (a link to a device, too large) ignores nothing: said, not hidden.
	for (const u of unreadableIgnoreFiles()) {
		io.stderr(`copydesk: ${u}`);
	}
	return { configs, campaign };
}

/** Exit code 2 for what made the run incomplete: unreadable files or folders, rules that failed. Says why on stderr. */
function incompleteRun(io: Io, campaign: ReturnType<typeof lintPaths>): boolean {
	let bad = false;
	if (campaign.unreadable.length) {
		io.stderr(msg('cli.readFailures', { count: campaign.unreadable.length }));
		bad = true;
	}
	if (campaign.files.some((f) => f.result.findings.some((x) => x.internal))) {
		io.stderr(msg('cli.internalErrors'));
		bad = true;
	}
	return bad;
}

function cmdCheck(args: string[], io: Io): number {
	const { values, positionals } = parse(args, {
		'max-warnings': { type: 'string' }, 'report-disables': { type: 'boolean' }, fix: { type: 'boolean' }, 'dry-run': { type: 'boolean' },
		output: { type: 'string', short: 'o' }, summary: { type: 'string' }, 'max-file-size': { type: 'string' },
		'fix-type': { type: 'string' }, rule: { type: 'string', multiple: true }, quiet: { type: 'boolean', short: 'q' }, 'require-status': { type: 'string' },
		jobs: { type: 'string', short: 'j' }, 'max-post-size': { type: 'string' },
	});
	if (values.help) {
		io.stdout(msg('cli.help.check'));
		return 0;
	}
	const format = formatOption(values.format, CHECK_FORMATS);
	const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
	if (maxWarnings !== undefined && !(/^\d+$/.test(String(values['max-warnings'])) && Number.isSafeInteger(maxWarnings))) {
		throw new UsageError(msg('cli.badNumber', { option: '--max-warnings', value: String(values['max-warnings']) }));
	}
	const required = values['require-status'];
	if (required !== undefined && !(STATUSES as readonly string[]).includes(String(required))) {
		throw new UsageError(msg('cli.badStatus', { value: String(required), allowed: STATUSES.join(', ') }));
	}
	const reportDisables = !!values['report-disables'];
	if (reportDisables && !['text', 'json', 'github', 'sarif'].includes(format)) {
		throw new UsageError(msg('cli.exceptions.format', { format }));
	}
	const kinds = fixKindsOption(values['fix-type']);
	const onlyRules = rulesOption(values.rule);
	const dryRun = !!values['dry-run'];
	if (kinds && !values.fix && !dryRun) {
		throw new UsageError(msg('cli.fixOptionNeedsFix', { option: '--fix-type' }));
	}
	const jobs = jobsOption(values.jobs);
	// check prints findings only: a file outside a campaign folder reads its facts only when it compares them.
	const { configs, campaign } = resolveInputs(io, values, positionals, 'compared', jobs);
	// --rule narrows what is reported (and fixed); --quiet shows errors only (warnings still count toward --max-warnings).
	const selected = (fs: readonly Finding[]) => (onlyRules ? fs.filter((f) => onlyRules.has(f.rule) || (onlyRules.has('team') && isTeamRuleId(f.rule))) : fs);
	const notes = new Map<LintedFile, Finding[]>();
	let fixFailures = 0;
	if (values.fix || dryRun) {
		fixFailures = applyFixes(io, campaign.files, dryRun, { kinds, rules: onlyRules, maxPostBytes: sizeOption(values['max-post-size'], '--max-post-size') }, notes);
		if (dryRun) {
			// The diff is the output; the exit code is that of the fixed drafts.
			const c = counts(campaign.files.flatMap((f) => toRows(rel(io, f.file), f.text, selected(f.result.findings))));
			const incomplete = incompleteRun(io, campaign);
			return configRows(io, configs).some((r) => r.severity === 'error') || incomplete || fixFailures ? 2 : c.error > 0 ? 1 : 0;
		}
	}
	const selectedRows: Row[] = campaign.files.flatMap((f) => toRows(rel(io, f.file), f.text, selected([...f.result.findings, ...(notes.get(f) ?? [])].sort((a, b) => a.start - b.start || a.end - b.end)), (p) => rel(io, p)));
	const rows = values.quiet ? selectedRows.filter((r) => r.severity === 'error') : selectedRows;
	const exceptions: ExceptionRow[] | undefined = reportDisables ? campaign.files.flatMap((f) => {
		const idx = new LineIndex(f.text);
		return f.result.exceptions.map((x) => {
			const p = idx.position(x.start);
			return { file: rel(io, f.file), line: p.line + 1, column: p.character + 1, kind: x.kind, rules: x.rules, reason: x.reason, post: x.post, suppressed: x.suppressed, stale: !!x.stale };
		});
	}) : undefined;
	const allCfgRows = configRows(io, configs);
	const cfgRows = values.quiet ? allCfgRows.filter((r) => r.severity === 'error') : allCfgRows;
	const cfgErrors = allCfgRows.filter((r) => r.severity === 'error');
	const all = [...cfgRows, ...rows];
	// With --output the findings go to a file (a SARIF or Code Quality artifact) and stdout stays free.
	const printed: string[] = [];
	const print = values.output ? (s: string) => printed.push(s) : io.stdout;
	switch (format) {
		case 'json':
			print(formatJson(all, exceptions));
			break;
		case 'sarif': {
			// With --report-disables the hidden findings follow as suppressed results (they never count toward the exit code).
			const hidden = reportDisables ? campaign.files.flatMap((f) => toHiddenRows(rel(io, f.file), f.text, f.result.hidden)) : [];
			print(formatSarif([...all, ...hidden], { version: VERSION, rootUri: pathToFileURL(io.cwd + path.sep).toString() }));
			break;
		}
		case 'rdjson':
			print(formatRdjson(all));
			break;
		case 'gitlab':
			print(formatGitlab(all));
			break;
		case 'github':
			if (all.length) {
				print(formatGithub(all));
			}
			if (exceptions?.length) {
				print(formatExceptionsGithub(exceptions));
			}
			break;
		default:
			print(formatText(all, campaign.files.length));
			if (exceptions) {
				print(`\n${formatExceptionsText(exceptions)}`);
			}
	}
	if (values.output) {
		writeOutput(io, values.output as string, printed.length ? `${printed.join('\n')}\n` : '', 'write');
	}
	if (values.summary) {
		const summary = formatSummary(campaign.files.map((f) => ({ name: rel(io, f.file), file: f })), all);
		writeOutput(io, values.summary as string, summary, 'append');
	}
	if (fixFailures) {
		io.stderr(msg('cli.fixFailures', { count: fixFailures }));
	}
	const incomplete = incompleteRun(io, campaign);
	if (cfgErrors.length) {
		io.stderr(msg('cli.configBroken'));
		return 2;
	}
	if (incomplete || fixFailures) {
		return 2;
	}
	const c = counts(selectedRows);
	if (c.error > 0) {
		return 1;
	}
	if (maxWarnings !== undefined && c.warning > maxWarnings) {
		io.stderr(msg('cli.tooManyWarnings', { count: c.warning, max: maxWarnings }));
		return 1;
	}
	if (required !== undefined && notSignedOff(io, campaign.files, required as Status)) {
		return 1;
	}
	return 0;
}

/**
 * `--require-status S`: every post of every draft must be at S or past it (draft < review <
 * approved; a post without `status:` is a draft). Prints each post that is not, and says so.
 */
function notSignedOff(io: Io, files: readonly LintedFile[], required: Status): boolean {
	const rank = (s: Status | undefined) => STATUSES.indexOf(s ?? 'draft');
	let missing = 0;
	for (const f of files) {
		const idx = new LineIndex(f.text);
		for (const post of f.result.draft.posts) {
			if (!f.result.targets.some((t) => t.post.index === post.index)) {
				continue;
			}
			const status = post.settings.status?.value;
			if (rank(status) < rank(required)) {
				missing++;
				const line = idx.position(post.marker?.start ?? post.body.toSource(0)).line + 1;
				io.stderr(msg('cli.statusBelow', { file: rel(io, f.file), line, n: post.index + 1, status: status ?? 'draft', required }));
			}
		}
	}
	if (missing) {
		io.stderr(msg('cli.statusFailed', { count: missing, required }));
	}
	return missing > 0;
}

/**
 * `check --fix`: the chosen fixes of the selected kinds and rules, to a fixed point, file by file, never
 * one that makes a post worse (see engine/fixes/). A file is rewritten only when its text changes, in
 * the encoding it was read in (UTF-8 with or without BOM, UTF-16), byte for byte the same outside the
 * edits, through a temporary file renamed over it; with `dryRun` each change is listed with its kind,
 * then the unified diff is printed instead. A file in another encoding, one too large to check, and one
 * that cannot be written are reported and left as they were; the other files are still fixed. Fixes
 * left out are listed (on stderr when writing); the notes fix-all leaves (a post kept within its limit)
 * go to `notes`. The linted files are updated to the fixed text, so what is reported afterwards is what
 * remains. Returns how many files could not be fixed.
 */
function applyFixes(io: Io, files: LintedFile[], dryRun: boolean, selection: { kinds?: FixKind[]; rules?: ReadonlySet<string>; maxPostBytes?: number }, notes: Map<LintedFile, Finding[]>): number {
	const write = io.writeFile ?? ((file: string, data: Uint8Array) => writeFileAtomic(file, data));
	let failures = 0;
	for (const f of files) {
		if (f.tooLarge) {
			continue;
		}
		const name = rel(io, f.file);
		if (f.encoding === 'unknown') {
			// Its invalid bytes were decoded as U+FFFD: writing it back would destroy the writer's text. Refused
			// whether or not a fix applies, so that a run over such a file never looks like a clean --fix.
			io.stderr(`copydesk: ${msg('cli.fixRefused', { file: name })}`);
			failures++;
			continue;
		}
		const r = fixText(f.text, f.config, { matchedDraftGlob: f.matchedDraftGlob, kinds: selection.kinds, rules: selection.rules, ...(selection.maxPostBytes ? { maxPostBytes: selection.maxPostBytes } : {}) });
		const fixed = r.text;
		// Fixes left out, one line per line, reason, rule and title (with how many when more than one).
		const heldCounts = new Map<string, number>();
		for (const h of r.held) {
			const l = msg('cli.fix.held', { file: name, line: h.line, reason: msg(`cli.fix.held.${h.reason}`), rule: h.rule, title: h.title });
			heldCounts.set(l, (heldCounts.get(l) ?? 0) + 1);
		}
		const held = [...heldCounts].map(([l, n]) => (n > 1 ? `${l} ×${n}` : l));
		if (r.notes.length) {
			notes.set(f, r.notes);
		}
		if (!dryRun) {
			held.forEach((l) => io.stderr(l));
			r.split.forEach((p) => io.stderr(msg('cli.fix.split', { file: name, post: p + 1 })));
		}
		if (fixed === f.text) {
			if (dryRun) {
				held.forEach((l) => io.stdout(l));
			}
			continue;
		}
		if (dryRun) {
			// What each change is, before the diff (patch tools skip lines before the first ---).
			for (const a of r.applied) {
				io.stdout(msg('cli.fix.change', { file: name, line: a.line, kind: msg(`fixKind.${a.kind}`), rule: a.rule, title: a.title }));
			}
			for (const p of r.split) {
				io.stdout(msg('cli.fix.split', { file: name, post: p + 1 }));
			}
			held.forEach((l) => io.stdout(l));
			io.stdout(unifiedDiff(f.text, fixed, `a/${name}`, `b/${name}`));
		} else {
			try {
				write(f.file, encodeText(fixed, f.encoding));
			} catch (e) {
				io.stderr(`copydesk: ${msg('cli.writeFailed', { file: name, detail: (e as NodeJS.ErrnoException).code ?? String(e) })}`);
				failures++;
				continue;
			}
			io.stderr(msg('cli.fixed', { file: name }));
		}
		f.text = fixed;
		f.result = lint({ text: fixed, config: f.config, matchedDraftGlob: f.matchedDraftGlob, readImage: imageReaderFor(f.file), ...(selection.maxPostBytes ? { maxPostBytes: selection.maxPostBytes } : {}) });
	}
	// The fixed variants of a campaign folder are compared again.
	relintCampaigns(files, undefined, selection.maxPostBytes);
	return failures;
}

/**
 * Writes (or appends to) a file the user named with --output or --summary. A written file is
 * replaced atomically (a temporary file renamed over it); a file that cannot be written is an
 * I/O error of this run (exit 2), named in the message, and is left as it was.
 */
function writeOutput(io: Io, name: string, text: string, how: 'write' | 'append'): void {
	const target = path.resolve(io.cwd, name);
	try {
		if (how === 'append') {
			// A job summary file collects every step's output: appended to, never replaced.
			fs.appendFileSync(target, text);
		} else {
			(io.writeFile ?? ((file: string, data: Uint8Array) => writeFileAtomic(file, data)))(target, Buffer.from(text, 'utf8'));
		}
	} catch (e) {
		throw new IoError(msg('cli.writeFailed', { file: name, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
	}
}

const REPORT_FORMATS = ['md', 'html'] as const;

/** `copydesk report`: the campaign report of the drafts under the paths, to stdout or a file. */
function cmdReport(args: string[], io: Io): number {
	const { values, positionals } = parse(args, { output: { type: 'string', short: 'o' }, title: { type: 'string' } });
	if (values.help) {
		io.stdout(msg('cli.help.report'));
		return 0;
	}
	const format = formatOption(values.format, REPORT_FORMATS);
	const { configs, campaign } = resolveInputs(io, values, positionals);
	const title = (values.title as string | undefined) ?? msg('report.title');
	const report = buildReport(campaign.files.map((f) => ({ file: rel(io, f.file), text: f.text, result: f.result, ...(f.campaign ? { campaign: rel(io, f.campaign) } : {}) })), title);
	const out = format === 'html' ? renderHtml(report) : renderMarkdown(report);
	if (values.output) {
		const target = path.resolve(io.cwd, values.output as string);
		try {
			(io.writeFile ?? ((file: string, data: Uint8Array) => writeFileAtomic(file, data)))(target, Buffer.from(out, 'utf8'));
		} catch (e) {
			throw new IoError(msg('cli.writeFailed', { file: values.output as string, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
		}
		io.stderr(msg('cli.reportWritten', { file: rel(io, target), posts: report.summary.posts }));
	} else {
		io.stdout(out.trimEnd());
	}
	const incomplete = incompleteRun(io, campaign);
	if (configRows(io, configs).some((r) => r.severity === 'error')) {
		io.stderr(msg('cli.configBroken'));
		return 2;
	}
	return incomplete ? 2 : 0;
}

interface CountRow {
	file: string;
	post: number;
	platform: string;
	field: string;
	count: number;
	/** The hard limit, and the recommended length below it where the platform has one (engine/limits.ts). */
	limit: number | null;
	recommended: number | null;
	state: LimitState;
	/** Within the hard limits. */
	valid: boolean;
	/** platform-limit's severity for this count, as `check` would report it (null: fits). */
	severity: Severity | null;
	overflowOffset: number | null;
}

function cmdCount(args: string[], io: Io): number {
	const { values, positionals } = parse(args, { raw: { type: 'boolean' } });
	if (values.help) {
		io.stdout(msg('cli.help.count'));
		return 0;
	}
	const format = formatOption(values.format, ['text', 'json']);
	if (positionals.length > 1) {
		throw new UsageError(msg('cli.oneInput'));
	}
	const input = positionals[0] ?? '-';
	const file = input === '-' ? path.join(io.cwd, '(stdin)') : path.resolve(io.cwd, input);
	let text: string;
	if (input === '-') {
		text = io.readStdin();
	} else {
		const r = readRegularFile(file, DEFAULT_MAX_DRAFT_BYTES);
		if (!r.ok) {
			throw new IoError(msg(r.reason === 'notFile' ? 'cli.notRegular' : 'cli.unreadableFile', { file: input, detail: r.reason === 'tooLarge' ? `> ${r.max} B` : r.detail }));
		}
		text = decodeText(r.bytes).text;
	}
	const configFile = values.config ? path.resolve(io.cwd, values.config as string) : findConfigFile(path.dirname(file));
	const loaded = loadConfig(configFile, path.dirname(file), { after: values.platform ? [{ origin: '--platform', defaultPlatform: values.platform as string }] : [] });
	checkPlatformArg(values.platform as string | undefined, loaded.config);
	const platform = values.platform as string | undefined;
	const rows: CountRow[] = [];
	const labels: string[] = [];
	// The one limit model (engine/limits.ts): the same judgment, display and severity as `check`.
	const configured = loaded.config.rules['platform-limit']?.severity;
	const row = (post: number, platform: string, c: FieldCount): CountRow => {
		const state = limitState(c);
		labels.push(countLabel(c));
		return {
			file: input === '-' ? '-' : rel(io, file), post, platform, field: c.field,
			count: c.count, limit: c.limit ?? null, recommended: recommendedOf(c) ?? null, state, valid: state !== 'over',
			severity: limitSeverity(state, configured) ?? null, overflowOffset: c.overflowAt ?? null,
		};
	};
	if (values.raw) {
		const id = platform ?? loaded.config.defaultPlatform;
		if (!id) {
			throw new UsageError(msg('cli.rawNeedsPlatform'));
		}
		const canon = canonicalPlatformId(id, loaded.config.platforms)!;
		// As given, but for the one line break a shell or an editor ends the input with.
		rows.push(row(1, canon, measureRaw(text.replace(/\r?\n$/, ''), profileFor(loaded.config, canon))));
	} else {
		const config = platform ? { ...loaded.config, defaultPlatform: canonicalPlatformId(platform, loaded.config.platforms) } : loaded.config;
		const result = lint({ text, config, matchedDraftGlob: !!platform || matchesDrafts(loaded, file), only: [] });
		if (!result.isDraft || !result.targets.length) {
			throw new UsageError(msg('cli.notDraft', { file: input }));
		}
		for (const t of result.targets) {
			for (const c of t.counts) {
				rows.push(row(t.post.index + 1, t.platform.id, c));
			}
		}
	}
	if (format === 'json') {
		io.stdout(JSON.stringify({ counts: rows }, null, 2));
	} else {
		const lang = msg('field.body') === 'body' ? 'en' : 'zh-cn';
		rows.forEach((r, i) => {
			const name = platformName(loaded.config.platforms[r.platform], lang);
			const status = r.state === 'over' ? msg('cli.count.over') : r.state === 'over-recommended' ? msg('cli.count.overRecommended') : msg('cli.count.ok');
			io.stdout(`${rows.some((x) => x.post > 1) ? `#${r.post} ` : ''}${name} ${msg(`field.${r.field}`)}: ${labels[i]} ${status}`);
		});
	}
	// As `check` exits: 1 when a count is an error (past a hard limit, with platform-limit at its default severity).
	return rows.some((r) => r.severity === 'error') ? 1 : 0;
}

function cmdPlatforms(args: string[], io: Io): number {
	const { values } = parse(args);
	if (values.help) {
		io.stdout(msg('cli.help.platforms'));
		return 0;
	}
	const format = formatOption(values.format, ['text', 'json']);
	const configFile = values.config ? path.resolve(io.cwd, values.config as string) : findConfigFile(io.cwd);
	const loaded = loadConfig(configFile, io.cwd);
	const ps = Object.values(loaded.config.platforms);
	if (format === 'json') {
		io.stdout(JSON.stringify({ platforms: ps }, null, 2));
		return 0;
	}
	const lang = msg('field.body') === 'body' ? 'en' : 'zh-cn';
	for (const p of ps) {
		const fields = (['body', 'title', 'digest', 'author'] as const).filter((f) => p[f]).map((f) => {
			const s = p[f]!;
			const lim = limitLabel(s);
			return `${msg(`field.${f}`)} ${lim}${s.fold ? ` (${msg('cli.fold', { fold: s.fold })})` : ''}${s.byteLimit ? ` + ${s.byteLimit} B` : ''}`;
		});
		io.stdout(`${p.id.padEnd(12)} ${platformName(p, lang)}${p.custom ? ` (${msg('cli.custom')})` : ''}`);
		io.stdout(`  ${fields.join(' · ')} · ${msg(`unit.${p.unit}`)}${p.url !== undefined ? ` · URL ${p.url}` : ''}`);
		for (const [k, s] of Object.entries(p.sources)) {
			io.stdout(`  ${k}: ${s.source} [${msg(`confidence.${s.confidence}`)}]`);
		}
		io.stdout('');
	}
	return 0;
}

export function main(argv: string[], io: Io): number {
	// --lang wins over the environment's locale.
	const langArg = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
	const lang = langArg >= 0 ? (argv[langArg].includes('=') ? argv[langArg].split('=')[1] : argv[langArg + 1]) : undefined;
	// An empty variable counts as unset, as POSIX says for LC_ALL and friends.
	const env = [io.env.COPYDESK_LANG, io.env.LC_ALL, io.env.LC_MESSAGES, io.env.LANG].find((v) => !!v);
	setLanguage(toLang(lang ?? env));
	const [cmd, ...rest] = argv;
	try {
		switch (cmd) {
			case 'check':
				return cmdCheck(rest, io);
			case 'count':
				return cmdCount(rest, io);
			case 'report':
				return cmdReport(rest, io);
			case 'platforms':
				return cmdPlatforms(rest, io);
			case 'pack':
				return cmdPack(rest, io, { parse, rel, formatOption, UsageError });
			case '--version':
			case '-v':
				io.stdout(VERSION);
				return 0;
			case undefined:
			case 'help':
			case '--help':
			case '-h':
				io.stdout(msg('cli.help'));
				return cmd === undefined ? 2 : 0;
			default:
				throw new UsageError(msg('cli.unknownCommand', { cmd }));
		}
	} catch (e) {
		if (e instanceof UsageError) {
			io.stderr(`copydesk: ${e.message}`);
			io.stderr(msg('cli.seeHelp'));
			return 2;
		}
		if (e instanceof IoError) {
			io.stderr(`copydesk: ${e.message}`);
			return 2;
		}
		throw e;
	}
}

export function nodeIo(): Io {
	return {
		cwd: process.cwd(),
		stdout: (s) => process.stdout.write(s + '\n'),
		stderr: (s) => process.stderr.write(s + '\n'),
		readStdin: () => fs.readFileSync(0, 'utf8'),
		env: process.env,
	};
}
