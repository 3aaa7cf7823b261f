/**
 * From the engine's findings to LSP diagnostics: severities, ranges, related locations and the
 * link to each rule's documentation page.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../engine';

export const SEVERITY: Record<Severity, DiagnosticSeverity> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	info: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
};

// The folder that holds docs/: two levels above the bundle (server/out), three above this source file (server/src/lsp).
const DOCS_ROOT = [path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..', '..', '..')]
	.find((d) => fs.existsSync(path.join(d, 'docs', 'rules'))) ?? path.resolve(__dirname, '..', '..');

const docsUris = new Map<string, string>();

/** Where a rule's documentation page is: the copy shipped beside the server bundle (made once per rule: every diagnostic of every publish asks). */
export function ruleDocsUri(rule: string): string {
	let uri = docsUris.get(rule);
	if (uri === undefined) {
		uri = pathToFileURL(path.join(DOCS_ROOT, 'docs', 'rules', `${rule}.md`)).toString();
		docsUris.set(rule, uri);
	}
	return uri;
}

export function uriToPath(uri: string): string | undefined {
	return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

/** A diagnostic and everything in it frozen: one made here is never changed, so what encoded it once (encoder.ts) may reuse the text. */
function frozen<T extends object>(x: T): T {
	return Object.freeze(x);
}

const position = (line: number, character: number) => frozen({ line, character });

/** The finding as a diagnostic, frozen all the way down. */
export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
	return frozen({
		range: frozen({ start: frozen(doc.positionAt(f.start)), end: frozen(doc.positionAt(f.end)) }),
		severity: SEVERITY[f.severity],
		source: 'copydesk',
		code: f.rule,
		// A team rule links the team's guide (or the team rule's page when it names none).
		codeDescription: frozen({ href: f.link ?? ruleDocsUri(f.rule.includes('/') ? 'team' : f.rule) }),
		message: f.message,
		...(f.related?.length ? {
			relatedInformation: frozen(f.related.map((r) => frozen({
				location: frozen({
					uri: r.path ? pathToFileURL(r.path).toString() : doc.uri,
					range: frozen({ start: position(r.line, r.character), end: position(r.endLine, r.endCharacter) }),
				}),
				message: r.message,
			}))),
		} : {}),
	});
}

/** A diagnostic `lines` lines lower (a copy, frozen like it; the rest shared). */
export function linesMoved(d: Diagnostic, lines: number): Diagnostic {
	const { start, end } = d.range;
	return frozen({ ...d, range: frozen({ start: position(start.line + lines, start.character), end: position(end.line + lines, end.character) }) });
}
