/**
 * `check --summary FILE`: a Markdown summary of a run, appended to FILE — on GitHub Actions,
 * `$GITHUB_STEP_SUMMARY`, which the run's page shows. One table row per post and platform: the
 * count against the platform's limit and how many errors, warnings and notes the post has, so
 * that a reviewer sees every post even when GitHub shows only some of the annotations.
 */
import { countLabel, language, msg, platformName, type Severity } from '../engine';
import type { LintedFile } from '../node/campaign';
import { counts, githubOverflow, GITHUB_ANNOTATIONS_PER_LEVEL, rowsByFile, type Row } from './formats';

export interface SummaryFile {
	/** The path as the other outputs print it (relative to the working folder). */
	name: string;
	file: LintedFile;
}

/** Markdown table cells: no line breaks, and `|` escaped. */
const cell = (s: string) => s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');

/**
 * The summary: totals, a note when GitHub will not show every annotation, then one row per
 * post × platform in file order. `rows` are the findings as the other formats print them
 * (config problems included), so the totals are the same as the text format's.
 */
export function formatSummary(files: readonly SummaryFile[], rows: readonly Row[]): string {
	const lang = language();
	const c = counts(rows);
	const out: string[] = [`## ${msg('cli.jobSummary.title')}`, ''];
	out.push(rows.length
		? msg('cli.summary', { problems: rows.length, errors: c.error, warnings: c.warning, infos: c.info + c.hint, files: files.length })
		: msg('cli.clean', { files: files.length }));
	const over = githubOverflow(rows);
	if (over.error + over.warning + over.notice > 0) {
		out.push('', `> ${msg('cli.github.capped', { errors: over.error, warnings: over.warning, notices: over.notice, cap: GITHUB_ANNOTATIONS_PER_LEVEL })}`);
	}
	out.push('', `| ${['file', 'post', 'platform', 'count', 'errors', 'warnings', 'notes'].map((k) => msg(`cli.jobSummary.${k}`)).join(' | ')} |`, '|---|--:|---|--:|--:|--:|--:|');
	// Each file's rows, looked up once (not a pass over every row for every file).
	const ofFile = rowsByFile(rows);
	for (const { name, file } of files) {
		const byPost = new Map<string, Record<Severity, number>>();
		for (const r of ofFile.get(name) ?? []) {
			if (r.post === undefined) {
				continue;
			}
			const key = `${r.post}\u0000${r.platform ?? ''}`;
			const tally = byPost.get(key) ?? { error: 0, warning: 0, info: 0, hint: 0 };
			tally[r.severity]++;
			byPost.set(key, tally);
		}
		for (const t of file.result.targets) {
			const body = t.counts.find((x) => x.field === 'body');
			// The limit model every surface shows (engine/limits.ts): "37/32 (max 64)".
			const count = body ? (body.limit ?? body.warn) !== undefined ? countLabel(body) : String(body.count) : '';
			// Findings about the post as a whole (no platform) count on each of its rows.
			const mine = byPost.get(`${t.post.index}\u0000${t.platform.id}`);
			const shared = byPost.get(`${t.post.index}\u0000`);
			const n = (s: Severity) => (mine?.[s] ?? 0) + (shared?.[s] ?? 0);
			out.push(`| ${cell(name)} | ${t.post.index + 1} | ${cell(platformName(t.platform, lang))} | ${count} | ${n('error')} | ${n('warning')} | ${n('info') + n('hint')} |`);
		}
	}
	return out.join('\n') + '\n';
}
