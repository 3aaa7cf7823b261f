/**
 * Core types of the Copydesk engine. The engine is pure: it imports nothing from
 * `vscode`, `vscode-languageserver*` or `node:*`, so the language server, the CLI and
 * the tests all call it directly. Every position it returns is a UTF-16 offset into the
 * text it was given; adapters turn offsets into lines and columns.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A replacement of the source text between two offsets. */
export interface TextEdit {
	start: number;
	end: number;
	newText: string;
}

/**
 * What a fix changes. `typography`: spacing, mark width, repeated marks. `syntax`: a platform's
 * topic, hashtag or mention form. `content`: anything that changes what the post says (rewording a
 * claim, an ad label, a word's script or region variant, a term substitution). Fix-all, fix-on-save
 * and `check --fix` apply typography and syntax fixes unless asked for more; content fixes are offered.
 */
export type FixKind = 'typography' | 'syntax' | 'content';

export const FIX_KINDS: readonly FixKind[] = ['typography', 'syntax', 'content'];

/** The kinds fix-all applies when nobody asked for others. */
export const DEFAULT_FIX_KINDS: readonly FixKind[] = ['typography', 'syntax'];

/** One way to fix a finding. `title` is already localized. */
export interface Fix {
	title: string;
	edits: TextEdit[];
	/** Preferred fixes are the ones "fix all" and `--fix` apply (when their kind is asked for). */
	preferred?: boolean;
	/** What the fix changes; a fix without one is treated as `content` (never applied unasked). */
	kind?: FixKind;
}

/** A row of a hover explanation: a label and its value, both localized. */
export interface ExplainRow {
	label: string;
	value: string;
}

/** What a rule or the parser reports: offsets into the whole file. */
export interface Finding {
	rule: string;
	severity: Severity;
	message: string;
	start: number;
	end: number;
	/** The platform the finding is about, when it depends on one. */
	platform?: string;
	/** Index of the post in the draft (0-based), when the finding belongs to a post. */
	post?: number;
	fixes?: Fix[];
	/** Markdown shown on hover, already localized. */
	explain?: string;
	/** Set when the rule itself failed (threw): an internal error, never hidden by a disable comment; the CLI exits 2. */
	internal?: true;
	/** Other places the finding is about (the variant a campaign-consistency mismatch disagrees with). */
	related?: RelatedLocation[];
	/** Where the rule is explained when it is not a built-in rule's page: a team rule's guide. */
	link?: string;
}

/** A place in this file (`file` undefined) or another one (its path), with lines for adapters that lack its text. */
export interface RelatedLocation {
	/** The other file as messages show it; `path` is where it is (absolute), when known. */
	file?: string;
	path?: string;
	start: number;
	end: number;
	/** 0-based line and UTF-16 column of `start` and `end`. */
	line: number;
	character: number;
	endLine: number;
	endCharacter: number;
	message: string;
}

/** A problem with input (front matter, config, pack): reported as a diagnostic, never thrown. */
export interface InputProblem {
	start: number;
	end: number;
	message: string;
	severity?: Severity;
}
