/** The text format (for people), and the exceptions as text. */
import { msg, type Severity } from '../../engine';
import type { Row } from '../rows';
import { counts, paint, painter, rowsByFile, SEV_COLOR, type ExceptionRow } from './shared';
import type { CheckRun, OutputFormat } from './types';

function formatText(rows: readonly Row[], checked: number): string {
	const out: string[] = [];
	const paint = painter();
	// What every row of a severity shares, worked out once: its label, and the label painted and padded per width.
	const labels = new Map<Severity, string>();
	const label = (s: Severity) => {
		let l = labels.get(s);
		if (l === undefined) {
			l = msg(`severity.${s}`);
			labels.set(s, l);
		}
		return l;
	};
	const painted = new Map<string, string>();
	for (const [file, rs] of rowsByFile(rows)) {
		out.push(paint(4, file));
		let w = 0;
		let sw = 0;
		for (const r of rs) {
			w = Math.max(w, `${r.line}:${r.column}`.length);
			sw = Math.max(sw, label(r.severity).length);
		}
		painted.clear();
		for (const r of rs) {
			const loc = `${r.line}:${r.column}`.padEnd(w);
			const plat = r.platform ? paint(90, ` [${r.platform}]`) : '';
			let sev = painted.get(r.severity);
			if (sev === undefined) {
				sev = paint(SEV_COLOR[r.severity], label(r.severity).padEnd(sw));
				painted.set(r.severity, sev);
			}
			out.push(`  ${paint(90, loc)}  ${sev}  ${r.message}  ${paint(90, r.rule)}${plat}`);
		}
		out.push('');
	}
	const c = counts(rows);
	out.push(rows.length
		? msg('cli.summary', { problems: rows.length, errors: c.error, warnings: c.warning, infos: c.info + c.hint, files: checked })
		: msg('cli.clean', { files: checked }));
	return out.join('\n');
}

/** The exceptions as text: "file:line  rules — reason  hid N" (and "· hides nothing: remove it" when stale). */
function formatExceptionsText(exceptions: readonly ExceptionRow[]): string {
	const out = [msg('cli.exceptions.heading', { count: exceptions.length, unexplained: exceptions.filter((x) => !x.reason).length, stale: exceptions.filter((x) => x.stale).length })];
	for (const x of exceptions) {
		const rulesText = x.rules.length ? x.rules.join(', ') : msg('report.allRules');
		const reason = x.reason || paint(SEV_COLOR.warning, msg('report.noReason'));
		const hid = paint(90, msg('cli.exceptions.hid', { n: x.suppressed }));
		out.push(`  ${paint(90, `${x.file}:${x.line}:${x.column}`)}  ${rulesText} — ${reason}  ${x.stale ? `${hid} · ${paint(SEV_COLOR.warning, msg('cli.exceptions.stale'))}` : hid}`);
	}
	return out.join('\n');
}

export const text: OutputFormat<CheckRun> = {
	name: 'text',
	description: 'format.text',
	reportsDisables: true,
	render: (run) => [formatText(run.rows, run.checked), ...(run.exceptions ? [`\n${formatExceptionsText(run.exceptions)}`] : [])].join('\n'),
};
