/** The gitlab format: GitLab's Code Quality report. */
import type { Severity } from '../../engine';
import type { Row } from '../rows';
import { fingerprints, fnv1a, postLabel } from './shared';
import type { CheckRun, OutputFormat } from './types';

const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

/**
 * GitLab's Code Quality report (a JSON array of Code Climate issues, the subset GitLab reads:
 * description, check_name, fingerprint, severity, location.path and location.lines.begin), for
 * `artifacts: reports: codequality:` in .gitlab-ci.yml. The fingerprint is unique per finding
 * and, like SARIF's, does not depend on line numbers; severities map error → major,
 * warning → minor, notes → info.
 */
function formatGitlab(rows: readonly Row[]): string {
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

export const gitlab: OutputFormat<CheckRun> = {
	name: 'gitlab',
	description: 'format.gitlab',
	render: (run) => formatGitlab(run.rows),
};
