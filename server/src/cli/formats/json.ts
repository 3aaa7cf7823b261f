/** The json format: findings (and with --report-disables the exceptions) as one JSON document. */
import type { Row } from '../rows';
import type { ExceptionRow } from './shared';
import type { CheckRun, OutputFormat } from './types';

function formatJson(rows: readonly Row[], exceptions?: readonly ExceptionRow[]): string {
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

export const json: OutputFormat<CheckRun> = {
	name: 'json',
	description: 'format.json',
	reportsDisables: true,
	render: (run) => formatJson(run.rows, run.exceptions),
};
