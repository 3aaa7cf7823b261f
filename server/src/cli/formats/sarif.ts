/** The sarif format: SARIF 2.1.0 for code scanning. */
import { docsUrl, isTeamRuleId, language, msg, PSEUDO_RULES, rules, type Severity } from '../../engine';
import type { Row, RowPosition } from '../rows';
import { fingerprints } from './shared';
import type { CheckRun, OutputFormat } from './types';

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

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
function formatSarif(rows: readonly Row[], opts: SarifOptions): string {
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

export const sarif: OutputFormat<CheckRun> = {
	name: 'sarif',
	description: 'format.sarif',
	// The hidden findings follow as suppressed results (they never count toward the exit code).
	reportsDisables: true,
	render: (run) => formatSarif([...run.rows, ...run.hidden], { version: run.version, rootUri: run.rootUri }),
};
