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

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
	return {
		range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
		severity: SEVERITY[f.severity],
		source: 'copydesk',
		code: f.rule,
		// A team rule links the team's guide (or the team rule's page when it names none).
		codeDescription: { href: f.link ?? ruleDocsUri(f.rule.includes('/') ? 'team' : f.rule) },
		message: f.message,
		...(f.related?.length ? {
			relatedInformation: f.related.map((r) => ({
				location: {
					uri: r.path ? pathToFileURL(r.path).toString() : doc.uri,
					range: { start: { line: r.line, character: r.character }, end: { line: r.endLine, character: r.endCharacter } },
				},
				message: r.message,
			})),
		} : {}),
	};
}
