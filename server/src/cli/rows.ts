/**
 * Findings as rows for the CLI's output formats: 1-based lines and columns in UTF-16 code
 * units (LSP, SARIF, GitHub) and in UTF-8 bytes (reviewdog), with each finding's preferred
 * fix as a suggestion.
 */
import type { Finding, HiddenFinding, Severity } from '../engine';
import { LineIndex } from '../positions';

/** A 1-based position; `byteColumn` counts UTF-8 bytes from the line start (only when the output asks for it). */
export interface RowPosition {
	line: number;
	column: number;
	byteColumn?: number;
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
	/** Columns in UTF-8 bytes (reviewdog); absent for rows not made from a file's text, or made without `bytes`. */
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
	/** A team rule's guide. */
	link?: string;
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

/** UTF-8 bytes of the code unit at `i`: a surrogate pair counts 4 on its first half and 0 on its second. */
function unitBytes(text: string, i: number): number {
	const c = text.charCodeAt(i);
	if (c < 0x80) {
		return 1;
	}
	if (c < 0x800) {
		return 2;
	}
	if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
		return 4;
	}
	if (c >= 0xdc00 && c <= 0xdfff && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) {
		return 0;
	}
	return 3;
}

/** Every this many code units, the UTF-8 length of the text before them is kept. */
const CHECKPOINT = 128;

/**
 * Converts offsets of one file's text to row positions. Lines come from one line index; byte
 * columns (with `bytes`, for reviewdog) from UTF-8 lengths kept every 128 code units, made on the
 * first byte column asked, so a position costs at most that many steps however long its line is (a
 * finding on a 10 MB one-line draft used to rescan the line), and output without byte columns never
 * walks the text for them.
 */
export class RowPositions {
	private readonly idx: LineIndex;
	private checkpoints: Float64Array | undefined;

	constructor(private readonly text: string, private readonly bytes = true) {
		this.idx = new LineIndex(text);
	}

	private byteCheckpoints(): Float64Array {
		if (this.checkpoints) {
			return this.checkpoints;
		}
		const text = this.text;
		const checkpoints = new Float64Array(Math.floor(text.length / CHECKPOINT) + 1);
		let bytes = 0;
		for (let i = 0; i < text.length; i++) {
			if (i % CHECKPOINT === 0) {
				checkpoints[i / CHECKPOINT] = bytes;
			}
			bytes += unitBytes(text, i);
		}
		if (text.length % CHECKPOINT === 0) {
			checkpoints[text.length / CHECKPOINT] = bytes;
		}
		this.checkpoints = checkpoints;
		return checkpoints;
	}

	/** UTF-8 length of the text before `offset`. */
	private bytesBefore(offset: number): number {
		const k = Math.floor(offset / CHECKPOINT);
		let bytes = this.byteCheckpoints()[k];
		for (let i = k * CHECKPOINT; i < offset; i++) {
			bytes += unitBytes(this.text, i);
		}
		return bytes;
	}

	at(offset: number): RowPosition {
		const o = Math.max(0, Math.min(offset, this.text.length));
		const p = this.idx.position(o);
		if (!this.bytes) {
			return { line: p.line + 1, column: p.character + 1 };
		}
		const lineStart = o - p.character;
		return { line: p.line + 1, column: p.character + 1, byteColumn: this.bytesBefore(o) - this.bytesBefore(lineStart) + 1 };
	}
}

/**
 * One row per finding; `file` is the path as the output shows it, `show` turns another file's
 * absolute path into the same form. `bytes`: give the rows UTF-8 byte columns too (rdjson).
 */
export function toRows(file: string, text: string, findings: readonly Finding[], show: (absolute: string) => string = (p) => p, bytes = true): Row[] {
	if (!findings.length) {
		return [];
	}
	const pos = new RowPositions(text, bytes);
	return findings.map((f) => {
		const s = pos.at(f.start);
		const e = pos.at(f.end);
		const fix = f.fixes?.find((x) => x.preferred) ?? (f.fixes?.length === 1 ? f.fixes[0] : undefined);
		return {
			file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, ...(bytes ? { byteColumn: s.byteColumn, endByteColumn: e.byteColumn } : {}),
			severity: f.severity, rule: f.rule, message: f.message, platform: f.platform, post: f.post, ...(f.link ? { link: f.link } : {}),
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
export function toHiddenRows(file: string, text: string, hidden: readonly HiddenFinding[], bytes = true): Row[] {
	if (!hidden.length) {
		return [];
	}
	const pos = new RowPositions(text, bytes);
	const rows = toRows(file, text, hidden.map((h) => h.finding), undefined, bytes);
	return rows.map((r, i) => {
		const x = hidden[i].exception;
		return { ...r, suppression: { reason: x.reason, start: pos.at(x.start), end: pos.at(x.end) } };
	});
}
