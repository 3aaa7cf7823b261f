/**
 * Output formats of `copydesk check`: text (for people), json, sarif (SARIF 2.1.0 for code
 * scanning), github (workflow annotations), rdjson (reviewdog's Diagnostic Format) and gitlab
 * (GitLab's Code Quality report).
 * Lines and columns are 1-based; columns count UTF-16 code units, as LSP and SARIF do,
 * except rdjson's, which count UTF-8 bytes as reviewdog expects.
 */
export type { Row } from '../rows';
export { counts, rowsByFile, type ExceptionRow } from './shared';
export { formatExceptionsText, formatText } from './text';
export { formatJson } from './json';
export { formatExceptionsGithub, formatGithub, githubOverflow, GITHUB_ANNOTATIONS_PER_LEVEL } from './github';
export { formatSarif, type SarifOptions } from './sarif';
export { formatRdjson } from './rdjson';
export { formatGitlab } from './gitlab';

/** The formats `check` accepts. */
export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github', 'rdjson', 'gitlab'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
