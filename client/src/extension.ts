/**
 * The Copydesk extension client: starts the language server, shows the count of the post
 * under the cursor in the status bar, and registers the commands. Everything else (checks,
 * counts, hovers, CodeLens, fixes) is the server's.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerPackCommands } from './packCommands';
import { CommandIds, FIX_ALL_KIND, ResultsChangedNotification, StatusRequest } from '../../server/src/shared/protocol';
import { SERVER_NODE_FLAGS } from '../../server/src/shared/runtime';
import { PreviewPanel } from './preview';
import { showReport } from './report';
import { newDraft, openConfig } from './starters';

let client: LanguageClient | undefined;

const SELECTOR = [
	{ scheme: 'file', language: 'markdown' },
	{ scheme: 'file', language: 'plaintext' },
	{ scheme: 'untitled', language: 'markdown' },
	{ scheme: 'untitled', language: 'plaintext' },
];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
	const serverModule = context.asAbsolutePath('server/out/server.js');
	const serverOptions: ServerOptions = {
		// The server's V8 heap sizes (shared/runtime.ts): a fixed list, never read from settings. Over stdio,
		// not Node IPC: the server writes a publish from each diagnostic's cached JSON (lsp/encoder.ts), which
		// IPC's own serialization of every message would bypass.
		run: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: [...SERVER_NODE_FLAGS] } },
		debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
	};
	const output = vscode.window.createOutputChannel('Copydesk', { log: true });
	const clientOptions: LanguageClientOptions = {
		documentSelector: SELECTOR,
		outputChannel: output,
		initializationOptions: { lang: vscode.env.language },
		synchronize: {
			fileEvents: [
				vscode.workspace.createFileSystemWatcher('**/copydesk.json'),
				vscode.workspace.createFileSystemWatcher('**/copydesk-pack.json'),
				vscode.workspace.createFileSystemWatcher('**/packs/**'),
				vscode.workspace.createFileSystemWatcher('**/.copydeskignore'),
			],
		},
	};
	client = new LanguageClient('copydesk', 'Copydesk', serverOptions, clientOptions);

	const status = vscode.window.createStatusBarItem('copydesk.count', vscode.StatusBarAlignment.Right, 100);
	status.name = vscode.l10n.t('Copydesk post count');
	context.subscriptions.push(status, output);

	let pending: ReturnType<typeof setTimeout> | undefined;
	const refreshStatus = () => {
		if (pending) {
			clearTimeout(pending);
		}
		pending = setTimeout(() => void updateStatus(status), 50);
	};
	context.subscriptions.push(
		vscode.window.onDidChangeActiveTextEditor(refreshStatus),
		vscode.window.onDidChangeTextEditorSelection(refreshStatus),
		vscode.commands.registerCommand(CommandIds.fixAll, () =>
			vscode.commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND, apply: 'first' })),
		vscode.commands.registerCommand(CommandIds.openRuleDocs, async (rule: string, uri: string) => {
			const target = vscode.Uri.parse(uri ?? vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule}.md`).toString());
			await vscode.commands.executeCommand('markdown.showPreview', target);
		}),
		vscode.commands.registerCommand(CommandIds.showOutput, () => output.show()),
		vscode.commands.registerCommand(CommandIds.openPreview, (uri?: vscode.Uri) => {
			const doc = (uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())) ?? vscode.window.activeTextEditor?.document;
			if (client && doc) {
				PreviewPanel.show(client, doc);
			} else {
				void vscode.window.showWarningMessage(vscode.l10n.t('Open a draft to preview it.'));
			}
		}),
		vscode.commands.registerCommand(CommandIds.showReport, (uri?: vscode.Uri, selected?: vscode.Uri[]) => client && showReport(client, uri, selected)),
		vscode.commands.registerCommand(CommandIds.newDraft, newDraft),
		vscode.commands.registerCommand(CommandIds.openConfig, openConfig),
		vscode.commands.registerCommand(CommandIds.restartServer, async () => {
			await client?.restart();
			refreshStatus();
		}),
	);

	registerPackCommands(context, () => client);

	await client.start();
	context.subscriptions.push(client.onNotification(ResultsChangedNotification.method, (p: ResultsChangedNotification.Params) => {
		if (vscode.window.activeTextEditor?.document.uri.toString() === p.uri) {
			refreshStatus();
		}
		PreviewPanel.refresh(p.uri);
	}));
	refreshStatus();
}

async function updateStatus(status: vscode.StatusBarItem): Promise<void> {
	const editor = vscode.window.activeTextEditor;
	if (!client || !editor || !vscode.languages.match(SELECTOR, editor.document)) {
		status.hide();
		return;
	}
	try {
		const r = await client.sendRequest<StatusRequest.Result>(StatusRequest.method, {
			uri: editor.document.uri.toString(),
			position: editor.selection.active,
		} satisfies StatusRequest.Params);
		if (!r) {
			status.hide();
			return;
		}
		status.text = `$(pencil) ${r.text}`;
		status.tooltip = r.tooltip;
		status.backgroundColor = r.over ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
		status.show();
	} catch {
		status.hide();
	}
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}
