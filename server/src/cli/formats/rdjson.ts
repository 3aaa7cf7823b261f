/** The rdjson format: reviewdog's Diagnostic Format. */
import { docsUrl, isTeamRuleId, type Severity } from '../../engine';
import type { Row } from '../rows';
import { postLabel } from './shared';
import type { CheckRun, OutputFormat } from './types';

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

/** reviewdog's format has no way to mark a finding as suppressed: no --report-disables. */
export const rdjson: OutputFormat<CheckRun> = {
	name: 'rdjson',
	description: 'format.rdjson',
	byteColumns: true,
	render: (run) => formatRdjson(run.rows),
};
