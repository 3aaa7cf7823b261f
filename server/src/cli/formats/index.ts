/**
 * The registry of output formats: one module per format in this folder (its name, the l10n key of its
 * description, its render function), listed here for `check` and for `report`. Nothing else lists them.
 * Lines and columns are 1-based; columns count UTF-16 code units, as LSP and SARIF do,
 * except rdjson's, which count UTF-8 bytes as reviewdog expects.
 */
import { msg } from '../../engine';
import type { Report } from '../../report/model';
import { github } from './github';
import { gitlab } from './gitlab';
import { html } from './html';
import { json } from './json';
import { md } from './md';
import { rdjson } from './rdjson';
import { sarif } from './sarif';
import { text } from './text';
import type { CheckRun, OutputFormat } from './types';

export type { Row } from '../rows';
export { counts, rowsByFile, type ExceptionRow } from './shared';
export { githubOverflow, GITHUB_ANNOTATIONS_PER_LEVEL } from './github';
export { formatRdjson } from './rdjson';

export type { CheckRun, OutputFormat } from './types';

/** The formats `check` accepts, the default first: the one list (help, validation, README, docs). */
export const CHECK_FORMATS: readonly OutputFormat<CheckRun>[] = [text, json, sarif, github, rdjson, gitlab];

/** The formats of `report`, the default first. */
export const REPORT_FORMATS: readonly OutputFormat<Report>[] = [md, html];

/** The format of that name in a list, if any. */
export function formatNamed<In>(list: readonly OutputFormat<In>[], name: string): OutputFormat<In> | undefined {
	return list.find((f) => f.name === name);
}

/** The names of a list, "a, b, c", for messages. */
export function formatNames(list: readonly { name: string }[]): string {
	return list.map((f) => f.name).join(', ');
}

/** The `--help` lines of a list: each name and its description in the interface language, indented by `indent`. */
export function formatsHelp(list: readonly OutputFormat<unknown>[], indent: number): string {
	const w = Math.max(...list.map((f) => f.name.length));
	return list.map((f, i) => `${' '.repeat(indent)}${f.name.padEnd(w)}  ${msg(f.description)}${i === 0 ? msg('cli.defaultFormat') : ''}`).join('\n');
}
