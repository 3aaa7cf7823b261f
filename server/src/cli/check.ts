/** `copydesk check`: findings in every output format, `--fix` and `--dry-run`, the exit code. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isTeamRuleId, msg, type Finding } from '../engine';
import type { LintedFile } from '../node/campaign';
import { STATUSES, type Status } from '../engine/draft';
import { CHECK_FORMATS, counts, formatNames, formatsHelp, type ExceptionRow, type Row } from './formats';
import { LineIndex } from '../positions';
import { toHiddenRows, toRows } from './rows';
import { formatSummary } from './summary';
import { chooseFormat, configRows, incompleteRun, parse, rel, resolveInputs, UsageError, writeOutput } from './common';
import { applyFixes } from './fix';
import { fixKindsOption, jobsOption, rulesOption, sizeOption } from './options';
import { VERSION } from '../version';
import type { Io } from './io';

export function cmdCheck(args: string[], io: Io): number {
	const { values, positionals } = parse(args, {
		'max-warnings': { type: 'string' }, 'report-disables': { type: 'boolean' }, fix: { type: 'boolean' }, 'dry-run': { type: 'boolean' },
		output: { type: 'string', short: 'o' }, summary: { type: 'string' }, 'max-file-size': { type: 'string' },
		'fix-type': { type: 'string' }, rule: { type: 'string', multiple: true }, quiet: { type: 'boolean', short: 'q' }, 'require-status': { type: 'string' },
		jobs: { type: 'string', short: 'j' }, 'max-post-size': { type: 'string' },
	});
	if (values.help) {
		io.stdout(msg('cli.help.check', { formats: formatsHelp(CHECK_FORMATS, 40) }));
		return 0;
	}
	const format = chooseFormat(values.format, CHECK_FORMATS);
	const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
	if (maxWarnings !== undefined && !(/^\d+$/.test(String(values['max-warnings'])) && Number.isSafeInteger(maxWarnings))) {
		throw new UsageError(msg('cli.badNumber', { option: '--max-warnings', value: String(values['max-warnings']) }));
	}
	const required = values['require-status'];
	if (required !== undefined && !(STATUSES as readonly string[]).includes(String(required))) {
		throw new UsageError(msg('cli.badStatus', { value: String(required), allowed: STATUSES.join(', ') }));
	}
	const reportDisables = !!values['report-disables'];
	if (reportDisables && !format.reportsDisables) {
		throw new UsageError(msg('cli.exceptions.format', { format: format.name, allowed: formatNames(CHECK_FORMATS.filter((f) => f.reportsDisables)) }));
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
			const c = counts(campaign.files.flatMap((f) => selected(f.result.findings)));
			const incomplete = incompleteRun(io, campaign);
			return configRows(io, configs).some((r) => r.severity === 'error') || incomplete || fixFailures ? 2 : c.error > 0 ? 1 : 0;
		}
	}
	// Byte columns only for a format that prints them; each path as printed worked out once.
	const bytes = !!format.byteColumns;
	const shown = new Map<string, string>();
	const show = (p: string) => {
		let r = shown.get(p);
		if (r === undefined) {
			r = rel(io, p);
			shown.set(p, r);
		}
		return r;
	};
	const selectedRows: Row[] = campaign.files.flatMap((f) => toRows(show(f.file), f.text, selected([...f.result.findings, ...(notes.get(f) ?? [])].sort((a, b) => a.start - b.start || a.end - b.end)), show, bytes));
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
	const out = format.render({ rows: all, checked: campaign.files.length, exceptions, hidden: reportDisables ? campaign.files.flatMap((f) => toHiddenRows(show(f.file), f.text, f.result.hidden, bytes)) : [], version: VERSION, rootUri: pathToFileURL(io.cwd + path.sep).toString() });
	if (out !== undefined) {
		print(out);
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

