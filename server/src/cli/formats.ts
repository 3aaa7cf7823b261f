/**
 * Output formats of `copydesk check`: text (for people), json, sarif (code scanning) and
 * github (workflow annotations). Lines and columns are 1-based; columns count UTF-16 code
 * units, as LSP and SARIF do.
 */
import { docsUrl, msg, rules, type Severity } from '../engine';

export interface Row {
	file: string;
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
	severity: Severity;
	rule: string;
	message: string;
	platform?: string;
	post?: number;
}

const useColor = () => process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, s: string) => (useColor() ? `\u001b[${code}m${s}\u001b[0m` : s);
const SEV_COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 36, hint: 90 };

export function counts(rows: readonly Row[]): Record<Severity, number> {
	const c: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
	rows.forEach((r) => c[r.severity]++);
	return c;
}

export function formatText(rows: readonly Row[], checked: number): string {
	const out: string[] = [];
	const byFile = new Map<string, Row[]>();
	rows.forEach((r) => byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]));
	for (const [file, rs] of byFile) {
		out.push(paint(4, file));
		const w = Math.max(...rs.map((r) => `${r.line}:${r.column}`.length));
		for (const r of rs) {
			const loc = `${r.line}:${r.column}`.padEnd(w);
			const plat = r.platform ? paint(90, ` [${r.platform}]`) : '';
			out.push(`  ${paint(90, loc)}  ${paint(SEV_COLOR[r.severity], r.severity.padEnd(7))}  ${r.message}  ${paint(90, r.rule)}${plat}`);
		}
		out.push('');
	}
	const c = counts(rows);
	out.push(rows.length
		? msg('cli.summary', { problems: rows.length, errors: c.error, warnings: c.warning, infos: c.info + c.hint, files: checked })
		: msg('cli.clean', { files: checked }));
	return out.join('\n');
}

export function formatJson(rows: readonly Row[]): string {
	return JSON.stringify({
		diagnostics: rows.map((r) => ({
			file: r.file, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn,
			severity: r.severity, rule: r.rule, message: r.message, platform: r.platform ?? null,
		})),
	}, null, 2);
}

// GitHub workflow commands: data and properties need their own escaping.
const escData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escProp = (s: string) => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(rows: readonly Row[]): string {
	return rows.map((r) => {
		const level = r.severity === 'error' ? 'error' : r.severity === 'warning' ? 'warning' : 'notice';
		const props = [`file=${escProp(r.file)}`, `line=${r.line}`, `col=${r.column}`, `endLine=${r.endLine}`, `endColumn=${r.endColumn}`, `title=${escProp(`Copydesk ${r.rule}`)}`];
		return `::${level} ${props.join(',')}::${escData(r.message)}`;
	}).join('\n');
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(rows: readonly Row[], version: string): string {
	const ids = [...rules.map((r) => r.meta.id), 'front-matter', 'config'];
	const ruleIndex = new Map(ids.map((id, i) => [id, i]));
	const lang = msg('field.body') === 'body' ? 'en' : 'zh-cn';
	const sarif = {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [{
			tool: {
				driver: {
					name: 'Copydesk',
					version,
					informationUri: 'https://github.com/copydesk/copydesk',
					rules: ids.map((id) => {
						const r = rules.find((x) => x.meta.id === id);
						return {
							id,
							shortDescription: { text: r ? r.meta.description[lang] : msg(`pseudo.${id}`) },
							helpUri: docsUrl(id),
							defaultConfiguration: { level: SARIF_LEVEL[r?.meta.defaultSeverity ?? 'error'] },
						};
					}),
				},
			},
			columnKind: 'utf16CodeUnits',
			results: rows.map((r) => ({
				ruleId: r.rule,
				ruleIndex: ruleIndex.get(r.rule),
				level: SARIF_LEVEL[r.severity],
				message: { text: r.message },
				locations: [{
					physicalLocation: {
						artifactLocation: { uri: r.file.split('\\').join('/'), uriBaseId: '%SRCROOT%' },
						region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
					},
					...(r.post !== undefined ? {
						logicalLocations: [{ name: `post ${r.post + 1}${r.platform ? ` (${r.platform})` : ''}`, kind: 'module' }],
					} : {}),
				}],
				...(r.platform ? { properties: { platform: r.platform } } : {}),
			})),
		}],
	};
	return JSON.stringify(sarif, null, 2);
}
