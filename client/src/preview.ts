/**
 * The preview beside a draft: a webview that shows each post as its platform would show it.
 * The server builds the model (copydesk/preview); the page is rendered by the pure module
 * server/src/shared/previewHtml.ts. It follows the active draft, updates as the user types, and
 * clicking a card reveals the post in the editor.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { previewPage, renderPreviewBody } from '../../server/src/shared/previewHtml';
import { PreviewRequest } from '../../server/src/shared/protocol';

/** A fresh random nonce for a webview's Content-Security-Policy. */
export function nonce(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	return Buffer.from(bytes).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export class PreviewPanel implements vscode.Disposable {
	private static current: PreviewPanel | undefined;
	private readonly disposables: vscode.Disposable[] = [];
	private pending?: ReturnType<typeof setTimeout>;
	private loaded = false;

	/** Opens the preview for the document (or brings the open one to it). */
	static show(client: LanguageClient, doc: vscode.TextDocument): void {
		if (PreviewPanel.current) {
			PreviewPanel.current.follow(doc);
			PreviewPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
			return;
		}
		const panel = vscode.window.createWebviewPanel('copydesk.preview', vscode.l10n.t('Copydesk preview'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
			enableScripts: true,
			// The page loads nothing: no local or remote resources.
			localResourceRoots: [],
		});
		PreviewPanel.current = new PreviewPanel(client, panel, doc);
	}

	/** Called when the server reports new results for a document. */
	static refresh(uri: string): void {
		if (PreviewPanel.current?.doc.uri.toString() === uri) {
			PreviewPanel.current.schedule(0);
		}
	}

	private constructor(private readonly client: LanguageClient, private readonly panel: vscode.WebviewPanel, private doc: vscode.TextDocument) {
		this.disposables.push(
			panel.onDidDispose(() => this.dispose()),
			vscode.workspace.onDidChangeTextDocument((e) => {
				if (e.document === this.doc) {
					this.schedule(300);
				}
			}),
			vscode.window.onDidChangeActiveTextEditor((ed) => {
				if (ed && ed.document !== this.doc && ['markdown', 'plaintext'].includes(ed.document.languageId)) {
					this.follow(ed.document);
				}
			}),
			panel.webview.onDidReceiveMessage((m: { type?: string; offset?: unknown }) => {
				if (m?.type === 'reveal' && typeof m.offset === 'number' && Number.isFinite(m.offset)) {
					void this.reveal(m.offset);
				}
			}),
		);
		this.follow(doc);
	}

	private follow(doc: vscode.TextDocument): void {
		this.doc = doc;
		this.panel.title = vscode.l10n.t('Preview: {0}', doc.uri.path.split('/').pop() ?? '');
		this.schedule(0);
	}

	private schedule(delay: number): void {
		if (this.pending) {
			clearTimeout(this.pending);
		}
		this.pending = setTimeout(() => void this.update(), delay);
	}

	private async update(): Promise<void> {
		let model: PreviewRequest.Result = null;
		try {
			model = await this.client.sendRequest<PreviewRequest.Result>(PreviewRequest.method, { uri: this.doc.uri.toString() } satisfies PreviewRequest.Params);
		} catch {
			model = null;
		}
		const m = model ?? {
			lang: vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en', cards: [],
			labels: {
				title: vscode.l10n.t('Copydesk preview'), empty: vscode.l10n.t('This file is not a Copydesk draft: add "platform: weibo" (or another platform) to its front matter.'),
				overflow: '', folded: '', findings: '', noFindings: '', countOf: '',
			},
		} as const;
		if (!this.loaded) {
			this.panel.webview.html = previewPage(m, { cspSource: this.panel.webview.cspSource, nonce: nonce() });
			this.loaded = true;
		} else {
			// Swapping the cards in keeps the scroll position and the opened folds.
			void this.panel.webview.postMessage({ type: 'update', html: renderPreviewBody(m) });
		}
	}

	private async reveal(offset: number): Promise<void> {
		const shown = vscode.window.visibleTextEditors.find((ed) => ed.document === this.doc);
		const editor = await vscode.window.showTextDocument(this.doc, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
		const pos = this.doc.positionAt(offset);
		editor.selection = new vscode.Selection(pos, pos);
		editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
	}

	dispose(): void {
		if (this.pending) {
			clearTimeout(this.pending);
		}
		PreviewPanel.current = undefined;
		this.disposables.forEach((d) => d.dispose());
		this.panel.dispose();
	}
}
