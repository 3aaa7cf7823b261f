/**
 * Output formats of `copydesk check`: text (for people), json, sarif (SARIF 2.1.0 for code
 * scanning), github (workflow annotations), rdjson (reviewdog's Diagnostic Format) and gitlab
 * (GitLab's Code Quality report).
 * Lines and columns are 1-based; columns count UTF-16 code units, as LSP and SARIF do,
 * except rdjson's, which count UTF-8 bytes as reviewdog expects.
 */
import { docsUrl, isTeamRuleId, language, msg, PSEUDO_RULES, rules, type Severity } from '../engine';
import type { Row, RowPosition } from './rows';

export type { Row } from './rows';

/** The formats `check` accepts. */
export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github', 'rdjson', 'gitlab'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

const useColor = () => process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, s: string) => (useColor() ? `\u001b[${code}m${s}\u001b[0m` : s);
const SEV_COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 36, hint: 90 };

export function counts(rows: readonly Row[]): Record<Severity, number> {
	const c: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
	rows.forEach((r) => c[r.severity]++);
	return c;
}

/** Rows grouped by file, files in the order they first appear. */
export function rowsByFile(rows: readonly Row[]): Map<string, Row[]> {
	const byFile = new Map<string, Row[]>();
	for (const r of rows) {
		const list = byFile.get(r.file);
		if (list) {
			list.push(r);
		} else {
			byFile.set(r.file, [r]);
		}
	}
	return byFile;
}

export function formatText(rows: readonly Row[], checked: number): string {
	const out: string[] = [];
	for (const [file, rs] of rowsByFile(rows)) {
		out.push(paint(4, file));
		const w = rs.reduce((m, r) => Math.max(m, `${r.line}:${r.column}`.length), 0);
		const sw = rs.reduce((m, r) => Math.max(m, msg(`severity.${r.severity}`).length), 0);
		for (const r of rs) {
			const loc = `${r.line}:${r.column}`.padEnd(w);
			const plat = r.platform ? paint(90, ` [${r.platform}]`) : '';
			out.push(`  ${paint(90, loc)}  ${paint(SEV_COLOR[r.severity], msg(`severity.${r.severity}`).padEnd(sw))}  ${r.message}  ${paint(90, r.rule)}${plat}`);
		}
		out.push('');
	}
	const c = counts(rows);
	out.push(rows.length
		? msg('cli.summary', { problems: rows.length, errors: c.error, warnings: c.warning, infos: c.info + c.hint, files: checked })
		: msg('cli.clean', { files: checked }));
	return out.join('\n');
}

export function formatJson(rows: readonly Row[], exceptions?: readonly ExceptionRow[]): string {
	return JSON.stringify({
		diagnostics: rows.map((r) => ({
			file: r.file, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn,
			severity: r.severity, rule: r.rule, message: r.message, platform: r.platform ?? null,
			post: r.post === undefined ? null : r.post + 1,
			...(r.related?.length ? { related: r.related } : {}),
			...(r.link ? { link: r.link } : {}),
		})),
		...(exceptions ? {
			exceptions: exceptions.map((x) => ({
				file: x.file, line: x.line, column: x.column, kind: x.kind, rules: x.rules, reason: x.reason || null,
				post: x.post === undefined ? null : x.post + 1, suppressed: x.suppressed, stale: x.stale,
			})),
		} : {}),
	}, null, 2);
}

/** One disable comment, for `check --report-disables`. */
export interface ExceptionRow {
	file: string;
	/** 1-based line and UTF-16 column of the comment. */
	line: number;
	column: number;
	kind: string;
	/** Empty: every rule. */
	rules: string[];
	reason: string;
	post?: number;
	suppressed: number;
	/** Hid nothing although every rule it names ran (`disable-reason` reports it). */
	stale: boolean;
}

/** The exceptions as text: "file:line  rules — reason  hid N" (and "· hides nothing: remove it" when stale). */
export function formatExceptionsText(exceptions: readonly ExceptionRow[]): string {
	const out = [msg('cli.exceptions.heading', { count: exceptions.length, unexplained: exceptions.filter((x) => !x.reason).length, stale: exceptions.filter((x) => x.stale).length })];
	for (const x of exceptions) {
		const rulesText = x.rules.length ? x.rules.join(', ') : msg('report.allRules');
		const reason = x.reason || paint(SEV_COLOR.warning, msg('report.noReason'));
		const hid = paint(90, msg('cli.exceptions.hid', { n: x.suppressed }));
		out.push(`  ${paint(90, `${x.file}:${x.line}:${x.column}`)}  ${rulesText} — ${reason}  ${x.stale ? `${hid} · ${paint(SEV_COLOR.warning, msg('cli.exceptions.stale'))}` : hid}`);
	}
	return out.join('\n');
}

/** The exceptions as GitHub notices at their comments. */
export function formatExceptionsGithub(exceptions: readonly ExceptionRow[]): string {
	return exceptions.map((x) => {
		const rulesText = x.rules.length ? x.rules.join(', ') : msg('report.allRules');
		const props = [`file=${escProp(x.file)}`, `line=${x.line}`, `col=${x.column}`, `title=${escProp(`Copydesk ${msg('report.exceptions')}: ${rulesText}`)}`];
		return `::notice ${props.join(',')}::${escData(x.reason || msg('report.noReason'))}`;
	}).join('\n');
}

// GitHub workflow commands: data and properties need their own escaping.
const escData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escProp = (s: string) => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub shows at most this many annotations of each level (error, warning, notice) per step,
 * and 50 per job; the rest stay in the log only. Source: actions/toolkit,
 * docs/problem-matchers.md ("Limitations"), which workflow commands share.
 */
export const GITHUB_ANNOTATIONS_PER_LEVEL = 10;

const GITHUB_LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };
const LEVEL_RANK = { error: 0, warning: 1, notice: 2 } as const;

/** How many findings of each annotation level GitHub will not show (0 when none is over the cap). */
export function githubOverflow(rows: readonly Row[]): { error: number; warning: number; notice: number } {
	const n = { error: 0, warning: 0, notice: 0 };
	rows.forEach((r) => n[GITHUB_LEVEL[r.severity]]++);
	const over = (k: keyof typeof n) => Math.max(0, n[k] - GITHUB_ANNOTATIONS_PER_LEVEL);
	return { error: over('error'), warning: over('warning'), notice: over('notice') };
}

/**
 * Workflow commands, errors first, then warnings, then notices: GitHub keeps the first ten of each
 * level, so the order decides which ones a pull request shows. When some will not be shown, a
 * first notice says how many and where to find them all.
 */
export function formatGithub(rows: readonly Row[]): string {
	const sorted = rows.map((r, i) => ({ r, i })).sort((a, b) => (LEVEL_RANK[GITHUB_LEVEL[a.r.severity]] - LEVEL_RANK[GITHUB_LEVEL[b.r.severity]]) || a.i - b.i);
	const lines = sorted.map(({ r }) => {
		const where = r.post !== undefined ? ` (${postLabel(r)})` : '';
		const props = [`file=${escProp(r.file)}`, `line=${r.line}`, `col=${r.column}`, `endLine=${r.endLine}`, `endColumn=${r.endColumn}`, `title=${escProp(`Copydesk ${r.rule}${where}`)}`];
		return `::${GITHUB_LEVEL[r.severity]} ${props.join(',')}::${escData(r.message)}`;
	});
	const over = githubOverflow(rows);
	if (over.error + over.warning + over.notice > 0) {
		// Only the levels over the cap are named ("3 warnings", not "0 errors, 3 warnings and 0 notes").
		const hidden = ([['cli.github.hiddenErrors', over.error], ['cli.github.hiddenWarnings', over.warning], ['cli.github.hiddenNotices', over.notice]] as const)
			.filter(([, n]) => n > 0).map(([key, n]) => msg(key, { n }));
		const list = language() === 'zh-cn' ? hidden.join('、').replace(/、 /g, '、') : new Intl.ListFormat('en', { type: 'conjunction' }).format(hidden);
		lines.unshift(`::notice title=${escProp('Copydesk')}::${escData(msg('cli.github.capped', { hidden: list, cap: GITHUB_ANNOTATIONS_PER_LEVEL }))}`);
	}
	return lines.join('\n');
}

/** "post 2 · weibo": where in a campaign file a finding is. */
function postLabel(r: Row): string {
	return [msg('report.postN', { n: (r.post ?? 0) + 1 }), r.platform].filter(Boolean).join(' · ');
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** FNV-1a, 32 bits, as hex: a stable fingerprint without a crypto import. */
function fnv1a(s: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(16).padStart(8, '0');
}

/**
 * One fingerprint per row that does not change when unrelated text moves: the file, rule, post
 * and platform (no lines or columns), and the row's rank among the rows that share them.
 */
function fingerprints(rows: readonly Row[]): string[] {
	const seen = new Map<string, number>();
	return rows.map((r) => {
		const base = `${r.file}\u0000${r.rule}\u0000${r.post ?? ''}\u0000${r.platform ?? ''}`;
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		return `${fnv1a(base)}:${n}`;
	});
}

export interface SarifOptions {
	version: string;
	/** The folder paths are relative to, as a file: URI ending in '/' (for %SRCROOT%). */
	rootUri?: string;
}

function sarifRegion(s: RowPosition, e: RowPosition) {
	return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
}

/**
 * SARIF 2.1.0 (OASIS standard, schema sarif-schema-2.1.0.json): one run, every rule with
 * its help, one result per finding with the post and platform as its logical location and
 * the preferred fix as a SARIF fix. Rows with a `suppression` (the findings disable comments hid,
 * with `--report-disables`) become suppressed results (`suppressions[]`, kind `inSource`, the
 * reason as `justification`, the comment as `location`); put them after the others, so the
 * fingerprints of the findings shown do not depend on the flag.
 */
export function formatSarif(rows: readonly Row[], opts: SarifOptions): string {
	const ids = [...rules.map((r) => r.meta.id), ...PSEUDO_RULES];
	// Team rules (`team/…`, `<pack>/…`) found in this run, each with its guide as help.
	const teamLinks = new Map<string, string | undefined>();
	for (const r of rows) {
		if (isTeamRuleId(r.rule) && (!teamLinks.has(r.rule) || r.link)) {
			teamLinks.set(r.rule, r.link);
		}
	}
	ids.push(...[...teamLinks.keys()].sort());
	const ruleIndex = new Map(ids.map((id, i) => [id, i]));
	const lang = language();
	const prints = fingerprints(rows);
	const uri = (file: string) => file.split('\\').join('/');
	const sarif = {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [{
			tool: {
				driver: {
					name: 'Copydesk',
					version: opts.version,
					semanticVersion: opts.version,
					informationUri: 'https://github.com/copydesk/copydesk',
					language: lang === 'zh-cn' ? 'zh-CN' : 'en-US',
					rules: ids.map((id) => {
						if (teamLinks.has(id)) {
							const url = teamLinks.get(id) ?? docsUrl('team');
							const description = msg('sarif.teamRule', { id });
							return {
								id, name: id, shortDescription: { text: description }, fullDescription: { text: description },
								help: { text: msg('sarif.help', { description, url }), markdown: msg('sarif.helpMarkdown', { description, url }) },
								helpUri: url, properties: { category: 'team', tags: ['copydesk', 'team'] },
							};
						}
						const r = rules.find((x) => x.meta.id === id);
						const description = r ? r.meta.description[lang] : msg(`pseudo.${id}`);
						const help = msg('sarif.help', { description, url: docsUrl(id) });
						return {
							id,
							name: id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
							shortDescription: { text: description },
							fullDescription: { text: description },
							help: { text: help, markdown: msg('sarif.helpMarkdown', { description, url: docsUrl(id) }) },
							helpUri: docsUrl(id),
							defaultConfiguration: { level: SARIF_LEVEL[r?.meta.defaultSeverity ?? 'error'] },
							properties: { category: r?.meta.category ?? 'meta', fixable: r?.meta.fixable ?? false, tags: ['copydesk', r?.meta.category ?? 'meta'] },
						};
					}),
				},
			},
			...(opts.rootUri ? { originalUriBaseIds: { '%SRCROOT%': { uri: opts.rootUri } } } : {}),
			invocations: [{ executionSuccessful: true }],
			columnKind: 'utf16CodeUnits',
			results: rows.map((r, i) => {
				const artifactLocation = { uri: uri(r.file), uriBaseId: '%SRCROOT%' };
				return {
					ruleId: r.rule,
					ruleIndex: ruleIndex.get(r.rule) ?? -1,
					level: SARIF_LEVEL[r.severity],
					message: { text: r.message },
					locations: [{
						physicalLocation: {
							artifactLocation,
							region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
						},
						...(r.post !== undefined ? {
							logicalLocations: [{
								name: r.platform ?? `post-${r.post + 1}`,
								fullyQualifiedName: [`post-${r.post + 1}`, r.platform].filter(Boolean).join('/'),
								kind: 'object',
							}],
						} : {}),
					}],
					...(r.related?.length ? {
						relatedLocations: r.related.map((x, k) => ({
							id: k + 1,
							physicalLocation: {
								artifactLocation: { uri: uri(x.file), uriBaseId: '%SRCROOT%' },
								region: { startLine: x.line, startColumn: x.column, endLine: x.endLine, endColumn: x.endColumn },
							},
							message: { text: x.message },
						})),
					} : {}),
					partialFingerprints: { 'copydeskFinding/v1': prints[i] },
					// A finding a disable comment hid (`--report-disables`): suppressed in source, with its reason.
					...(r.suppression ? {
						suppressions: [{
							kind: 'inSource',
							...(r.suppression.reason ? { justification: r.suppression.reason } : {}),
							location: { physicalLocation: { artifactLocation, region: sarifRegion(r.suppression.start, r.suppression.end) } },
						}],
					} : {}),
					...(r.suggestions?.length ? {
						fixes: [{
							description: { text: msg('sarif.fix', { rule: r.rule }) },
							artifactChanges: [{
								artifactLocation,
								replacements: r.suggestions.map((s) => ({ deletedRegion: sarifRegion(s.start, s.end), insertedContent: { text: s.text } })),
							}],
						}],
					} : {}),
					...(r.post !== undefined || r.platform ? { properties: { ...(r.post !== undefined ? { post: r.post + 1 } : {}), ...(r.platform ? { platform: r.platform } : {}) } } : {}),
				};
			}),
		}],
	};
	return JSON.stringify(sarif, null, 2);
}

const RD_SEVERITY: Record<Severity, string> = { error: 'ERROR', warning: 'WARNING', info: 'INFO', hint: 'INFO' };

/**
 * reviewdog's Diagnostic Format as one JSON document (`reviewdog -f=rdjson`): columns are
 * UTF-8 byte offsets (1-based) and the preferred fix becomes `suggestions`, which
 * reviewdog posts as suggested changes.
 */
export function formatRdjson(rows: readonly Row[]): string {
	const pos = (line: number, byteColumn: number | undefined, column: number) => ({ line, column: byteColumn ?? column });
	return JSON.stringify({
		source: { name: 'copydesk', url: 'https://github.com/copydesk/copydesk' },
		diagnostics: rows.map((r) => ({
			message: r.message,
			location: {
				path: r.file,
				range: { start: pos(r.line, r.byteColumn, r.column), end: pos(r.endLine, r.endByteColumn, r.endColumn) },
			},
			severity: RD_SEVERITY[r.severity],
			code: { value: r.rule, url: r.link ?? docsUrl(isTeamRuleId(r.rule) ? 'team' : r.rule) },
			...(r.suggestions?.length ? {
				suggestions: r.suggestions.map((s) => ({ range: { start: pos(s.start.line, s.start.byteColumn, s.start.column), end: pos(s.end.line, s.end.byteColumn, s.end.column) }, text: s.text })),
			} : {}),
			...(r.post !== undefined ? { original_output: `${r.file}:${r.line}:${r.column}: ${postLabel(r)}: ${r.message}` } : {}),
		})),
	}, null, 2);
}

const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

/**
 * GitLab's Code Quality report (a JSON array of Code Climate issues, the subset GitLab reads:
 * description, check_name, fingerprint, severity, location.path and location.lines.begin), for
 * `artifacts: reports: codequality:` in .gitlab-ci.yml. The fingerprint is unique per finding
 * and, like SARIF's, does not depend on line numbers; severities map error → major,
 * warning → minor, notes → info.
 */
export function formatGitlab(rows: readonly Row[]): string {
	const prints = fingerprints(rows);
	return JSON.stringify(rows.map((r, i) => ({
		type: 'issue',
		check_name: r.rule,
		description: r.post !== undefined ? `${r.message} (${postLabel(r)})` : r.message,
		categories: ['Style'],
		// 32 hex digits from four FNV-1a hashes of the fingerprint with different salts.
		fingerprint: [0, 1, 2, 3].map((k) => fnv1a(`${k}\u0000${prints[i]}`)).join(''),
		severity: GITLAB_SEVERITY[r.severity],
		location: { path: r.file, lines: { begin: r.line, end: r.endLine } },
	})), null, 2);
}
