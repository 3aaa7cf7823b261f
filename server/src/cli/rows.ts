/**
 * Findings as rows for the CLI's output formats: 1-based lines and columns in UTF-16 code
 * units (LSP, SARIF, GitHub) and in UTF-8 bytes (reviewdog), with each finding's preferred
 * fix as a suggestion.
 */
import type { Finding, HiddenFinding, Severity } from '../engine';
import { LineIndex } from '../positions';

/** A 1-based position; `byteColumn` counts UTF-8 bytes from the line start. */
export interface RowPosition {
	line: number;
	column: number;
	byteColumn: number;
}

/** A replacement the finding's preferred fix makes. */
export interface Suggestion {
	start: RowPosition;
	end: RowPosition;
	text: string;
}

export interface Row {
	file: string;
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
	/** Columns in UTF-8 bytes (reviewdog); absent for rows not made from a file's text. */
	byteColumn?: number;
	endByteColumn?: number;
	severity: Severity;
	rule: string;
	message: string;
	platform?: string;
	/** 0-based index of the post in the draft. */
	post?: number;
	suggestions?: Suggestion[];
	/** Set on a finding a disable comment hid (SARIF with `--report-disables`). */
	suppression?: RowSuppression;
	/** Other places the finding is about (campaign-consistency: the variant it disagrees with), 1-based. */
	related?: RowRelated[];
}

export interface RowRelated {
	/** The file as the output shows it. */
	file: string;
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
	message: string;
}

/** The disable comment that hid a finding: its reason (empty when none) and where it stands. */
export interface RowSuppression {
	reason: string;
	start: RowPosition;
	end: RowPosition;
}

function utf8Bytes(s: string): number {
	let n = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x80) {
			n += 1;
		} else if (c < 0x800) {
			n += 2;
		} else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
			// A surrogate pair is one 4-byte code point.
			n += 4;
			i++;
		} else {
			n += 3;
		}
	}
	return n;
}

/** Converts offsets of one file's text to row positions. */
export class RowPositions {
	private readonly idx: LineIndex;

	constructor(private readonly text: string) {
		this.idx = new LineIndex(text);
	}

	at(offset: number): RowPosition {
		const p = this.idx.position(offset);
		const lineStart = this.idx.offset(p.line, 0);
		return { line: p.line + 1, column: p.character + 1, byteColumn: utf8Bytes(this.text.slice(lineStart, lineStart + p.character)) + 1 };
	}
}

/** One row per finding; `file` is the path as the output shows it, `show` turns another file's absolute path into the same form. */
export function toRows(file: string, text: string, findings: readonly Finding[], show: (absolute: string) => string = (p) => p): Row[] {
	const pos = new RowPositions(text);
	return findings.map((f) => {
		const s = pos.at(f.start);
		const e = pos.at(f.end);
		const fix = f.fixes?.find((x) => x.preferred) ?? (f.fixes?.length === 1 ? f.fixes[0] : undefined);
		return {
			file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, byteColumn: s.byteColumn, endByteColumn: e.byteColumn,
			severity: f.severity, rule: f.rule, message: f.message, platform: f.platform, post: f.post,
			...(fix ? { suggestions: fix.edits.map((ed) => ({ start: pos.at(ed.start), end: pos.at(ed.end), text: ed.newText })) } : {}),
			...(f.related?.length ? {
				related: f.related.map((r) => ({
					file: r.path ? show(r.path) : r.file ?? file, line: r.line + 1, column: r.character + 1, endLine: r.endLine + 1, endColumn: r.endCharacter + 1, message: r.message,
				})),
			} : {}),
		};
	});
}

/** One row per hidden finding, each with the comment that hid it. */
export function toHiddenRows(file: string, text: string, hidden: readonly HiddenFinding[]): Row[] {
	const pos = new RowPositions(text);
	const rows = toRows(file, text, hidden.map((h) => h.finding));
	return rows.map((r, i) => {
		const x = hidden[i].exception;
		return { ...r, suppression: { reason: x.reason, start: pos.at(x.start), end: pos.at(x.end) } };
	});
}
