/**
 * An output format: one module each under cli/formats/, listed in index.ts (the registry). The
 * `--format` values a command accepts, the "unknown format" message, the `--help` text, the
 * README's list and docs/architecture.md all come from these lists.
 */
import type { Row } from '../rows';
import type { ExceptionRow } from './shared';

export interface OutputFormat<In> {
	/** The `--format` value. */
	name: string;
	/** The l10n key of its one-line description (engine/l10n/en.json and zh-cn.json). */
	description: string;
	/** Can show `check --report-disables` (the disable comments, and in SARIF what they hid). */
	reportsDisables?: boolean;
	/** Reads the rows' UTF-8 byte columns (`byteColumn`, suggestions' too): rows are made without them otherwise. */
	byteColumns?: boolean;
	/** The output; undefined when there is nothing to print (an empty GitHub annotation list). */
	render(input: In): string | undefined;
}

/** What `check` hands its format: the findings shown and what goes with them. */
export interface CheckRun {
	/** The findings shown (config problems first), as rows. */
	rows: readonly Row[];
	/** How many files were checked. */
	checked: number;
	/** With --report-disables: every disable comment. */
	exceptions?: readonly ExceptionRow[];
	/** With --report-disables: the findings the comments hid (SARIF shows them as suppressed results). */
	hidden: readonly Row[];
	/** The tool's version, and the folder paths are relative to as a file: URI ending in '/'. */
	version: string;
	rootUri: string;
}
