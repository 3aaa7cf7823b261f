/**
 * The diagnostics of a document's findings, reusing those of the last publish where a finding's line
 * and column cannot have changed. A finding that ends before the first changed character keeps its
 * diagnostic; one that starts on a line after the edit's last line has the same character and a line
 * moved by the lines the edit added or removed: the previous finding it corresponds to (its offset
 * minus the edit's length change, and the same rule, severity, message, end and link) gives its
 * diagnostic (the same object, or a copy with the lines moved). Findings on the edited lines, with
 * related locations, or without a match are converted (positionAt). Diagnostics are frozen
 * (diagnostics.ts), so a reused one is never changed under a publish that already sent it.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine';
import { textEdit } from '../engine/lint/incremental';
import { lowerBound } from '../engine/text';
import { linesMoved, toDiagnostic } from './diagnostics';

/** What was published for a document: its text then, its line count, and the findings with their diagnostics (parallel arrays). */
export interface Published {
	text: string;
	lineCount: number;
	findings: readonly Finding[];
	diagnostics: readonly Diagnostic[];
}

/** True when the diagnostic of `old` serves `f`, `d` code units later: the same range length and everything toDiagnostic reads but the offsets (related locations are always converted). */
function sameFinding(old: Finding, f: Finding, d: number): boolean {
	return !old.related?.length && !f.related?.length && (old === f || (old.end + d === f.end && old.rule === f.rule
		&& old.severity === f.severity && old.message === f.message && old.link === f.link));
}

/** The first offset of the line after the one `from` is on (text.length + 1 when there is none). */
function nextLineStart(text: string, from: number): number {
	for (let i = from; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) {
			return i + 1;
		}
		if (c === 13) {
			return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
		}
	}
	return text.length + 1;
}

/** The diagnostics of `findings` in `doc`, reusing those of `before` (the last publish for this document) where they hold. */
export function publishedDiagnostics(doc: TextDocument, findings: readonly Finding[], before: Published | undefined): Published {
	const text = doc.getText();
	const lineCount = doc.lineCount;
	if (!before?.findings.length) {
		return { text, lineCount, findings, diagnostics: findings.map((f) => toDiagnostic(doc, f)) };
	}
	const e = textEdit(before.text, text);
	const d = e.newEnd - e.oldEnd;
	const lines = lineCount - before.lineCount;
	// Past this offset of the new text, every line start is an old one moved by `d`, and its line by `lines`.
	const after = nextLineStart(text, e.newEnd);
	const old = before.findings;
	const n = old.length;
	let j = 0;
	/** The diagnostic of the old finding at `start` (old offsets) that `f` corresponds to, `shift` code units later. */
	const match = (f: Finding, start: number, shift: number): Diagnostic | undefined => {
		// The findings come sorted by start: walk forward, and search again should they not be.
		if (j > 0 && old[j - 1].start >= start) {
			j = lowerBound(n, (i) => old[i].start < start);
		}
		while (j < n && old[j].start < start) {
			j++;
		}
		for (let k = j; k < n && old[k].start === start; k++) {
			if (sameFinding(old[k], f, shift)) {
				return before.diagnostics[k];
			}
		}
		return undefined;
	};
	const diagnostics = findings.map((f) => {
		let reused: Diagnostic | undefined;
		if (f.end < e.start) {
			reused = match(f, f.start, 0);
		} else if (f.start >= after) {
			reused = match(f, f.start - d, d);
			if (reused && lines) {
				reused = linesMoved(reused, lines);
			}
		}
		return reused ?? toDiagnostic(doc, f);
	});
	return { text, lineCount, findings, diagnostics };
}
