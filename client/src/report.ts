/**
 * "Copydesk: Show campaign report": the report of the active draft, or of the files and
 * folders chosen in the explorer, as a webview (HTML, no scripts) or as Markdown in the
 * Markdown preview.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportRequest } from '../../server/src/shared/protocol';
import { nonce } from './preview';

export async function showReport(client: LanguageClient, target?: vscode.Uri, selected?: vscode.Uri[]): Promise<void> {
	const uris = (selected?.length ? selected : target ? [target] : vscode.window.activeTextEditor ? [vscode.window.activeTextEditor.document.uri] : [])
		.filter((u) => u.scheme === 'file');
	if (!uris.length) {
		void vscode.window.showWarningMessage(vscode.l10n.t('Open a draft or choose files or folders in the Explorer to make a campaign report.'));
		return;
	}
	const format = await vscode.window.showQuickPick([
		{ label: vscode.l10n.t('Report as a page'), description: 'HTML', format: 'html' as const },
		{ label: vscode.l10n.t('Report as Markdown'), description: 'Markdown', format: 'md' as const },
	], { placeHolder: vscode.l10n.t('How should the campaign report open?') });
	if (!format) {
		return;
	}
	const styleNonce = nonce();
	// No scripts at all; the one stylesheet is allowed by its nonce.
	const csp = `default-src 'none'; style-src 'nonce-${styleNonce}'; img-src data:`;
	const r = await client.sendRequest<ReportRequest.Result>(ReportRequest.method, { uris: uris.map((u) => u.toString()), format: format.format, csp, styleNonce } satisfies ReportRequest.Params);
	if (!r.posts) {
		void vscode.window.showInformationMessage(vscode.l10n.t('No drafts found: the report is empty.'));
	}
	if (format.format === 'md') {
		const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: r.content });
		await vscode.window.showTextDocument(doc, { preview: true });
		await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
		return;
	}
	const panel = vscode.window.createWebviewPanel('copydesk.report', vscode.l10n.t('Copydesk campaign report'), vscode.ViewColumn.Active, { enableScripts: false, localResourceRoots: [] });
	panel.webview.html = r.content;
}
