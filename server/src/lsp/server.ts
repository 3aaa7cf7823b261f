/**
 * The Copydesk language server: a thin adapter between LSP and the engine. It checks the
 * unsaved buffer as the user types (debounced; the engine's per-post cache re-checks only
 * the post an edit touches), publishes diagnostics, and answers hover, CodeLens, code
 * actions and the status bar request. Configuration comes from copydesk.json (watched) over
 * the editor's settings; a broken file is a diagnostic in that file, never a dead server.
 *
 * This file wires the parts: settings.ts (the editor's settings), validation.ts (configs, lint
 * results, diagnostics), requests.ts (hover, CodeLens, status, preview, report), codeActions.ts,
 * packFeatures.ts (pack authoring) and lifecycle.ts.
 */
import { CodeActionKind, TextDocuments, TextDocumentSyncKind, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { setLanguage, toLang } from '../engine';
import { IGNORE_FILE } from '../node/ignorefile';
import { CONFIG_FILE } from '../node/workspace';
import { FIX_ALL_KIND } from '../shared/protocol';
import { registerCodeActions } from './codeActions';
import { uriToPath } from './diagnostics';
import { guardLifecycle } from './lifecycle';
import { PackFeatures } from './packFeatures';
import { registerRequests } from './requests';
import { EditorSettings } from './settings';
import { Validation } from './validation';
import { VERSION } from '../version';

export function startServer(connection: Connection): void {
	// First, before any handler registers: requests before initialize and after shutdown get the LSP errors.
	guardLifecycle(connection);
	const documents = new TextDocuments(TextDocument);
	const editorSettings = new EditorSettings(connection, () => v.revalidateAll());
	const v: Validation = new Validation(connection, documents, editorSettings, (loaded) => packs.noteLoaded(loaded));
	const packs = new PackFeatures({
		connection, documents,
		loadedFor: (uri) => v.loadedFor(uri),
		resultFor: (doc) => v.resultFor(doc),
		reload: () => v.revalidateAll(),
	});

	connection.onInitialize((params) => {
		const init = (params.initializationOptions ?? {}) as { lang?: string };
		setLanguage(toLang(init.lang ?? params.locale));
		v.folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
		if (!v.folders.length && params.rootUri) {
			const p = uriToPath(params.rootUri);
			if (p) {
				v.folders = [p];
			}
		}
		editorSettings.init(params.capabilities);
		packs.init(params.capabilities);
		return {
			capabilities: {
				textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
				hoverProvider: true,
				completionProvider: { resolveProvider: false },
				codeLensProvider: { resolveProvider: false },
				codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
				executeCommandProvider: { commands: [] },
			},
			serverInfo: { name: 'copydesk', version: VERSION },
		};
	});

	connection.onInitialized(() => editorSettings.registerForChanges());

	documents.onDidOpen((e) => void v.validate(e.document));
	documents.onDidChangeContent(async (e) => {
		const s = await v.settingsFor(e.document.uri);
		if (s.run === 'onType') {
			v.schedule(e.document, s.debounce);
		}
	});
	documents.onDidSave(async (e) => {
		const s = await v.settingsFor(e.document.uri);
		if (s.run === 'onSave') {
			void v.validate(e.document);
		}
	});
	documents.onDidClose((e) => {
		v.forget(e.document.uri);
		codeActions.forget(e.document.uri);
		editorSettings.forget(e.document.uri);
	});

	// Settings changed: editorSettings drops what it kept and calls revalidateAll.
	editorSettings.listen();

	connection.onDidChangeWatchedFiles((e) => {
		if (e.changes.some((c) => c.uri.endsWith('/' + CONFIG_FILE) || c.uri.endsWith('/' + IGNORE_FILE) || c.uri.endsWith('copydesk-pack.json') || c.uri.includes('/packs/') || packs.isPackFile(c.uri))) {
			v.revalidateAll();
		}
	});

	registerRequests(connection, documents, v);
	const codeActions = registerCodeActions(connection, documents, v);

	packs.listen();
	documents.listen(connection);
	connection.listen();
}
