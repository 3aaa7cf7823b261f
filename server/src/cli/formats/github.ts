/** The github format: workflow commands (annotations), capped per level as GitHub shows them. */
import { language, msg, type Severity } from '../../engine';
import type { Row } from '../rows';
import { escData, escProp, postLabel, type ExceptionRow } from './shared';
import type { CheckRun, OutputFormat } from './types';

/** The exceptions as GitHub notices at their comments. */
function formatExceptionsGithub(exceptions: readonly ExceptionRow[]): string {
	return exceptions.map((x) => {
		const rulesText = x.rules.length ? x.rules.join(', ') : msg('report.allRules');
		const props = [`file=${escProp(x.file)}`, `line=${x.line}`, `col=${x.column}`, `title=${escProp(`Copydesk ${msg('report.exceptions')}: ${rulesText}`)}`];
		return `::notice ${props.join(',')}::${escData(x.reason || msg('report.noReason'))}`;
	}).join('\n');
}

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
function formatGithub(rows: readonly Row[]): string {
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

export const github: OutputFormat<CheckRun> = {
	name: 'github',
	description: 'format.github',
	reportsDisables: true,
	render: (run) => {
		const parts = [...(run.rows.length ? [formatGithub(run.rows)] : []), ...(run.exceptions?.length ? [formatExceptionsGithub(run.exceptions)] : [])];
		return parts.length ? parts.join('\n') : undefined;
	},
};
