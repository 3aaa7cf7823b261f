/**
 * The Copydesk language server: a thin adapter between LSP and the engine. It checks the
 * unsaved buffer as the user types (debounced; the engine's per-post cache re-checks only
 * the post an edit touches), publishes diagnostics, and answers hover, CodeLens, code
 * actions and the status bar request. Configuration comes from copydesk.json (watched) over
 * the editor's settings; a broken file is a diagnostic in that file, never a dead server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
	CodeActionKind, DiagnosticSeverity, MessageType, ShowMessageNotification, TextDocuments, TextDocumentSyncKind,
	type CodeAction, type Connection, type Diagnostic, type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
	applyEdits, chosenFix, clashesOnSharedBody, DEFAULT_FIX_KINDS, FIX_KINDS, fixAll, hoverAt, lint, LintCache, msg, preferredEdits, setLanguage,
	splitPostEdit, statusAt, summarize, toLang, uncheckedResult,
	type CampaignPeer, type Finding, type FixAllResult, type FixKind, type LintResult, type Severity,
} from '../engine';
import { guardLifecycle } from './lifecycle';
import { lintPaths } from '../node/campaign';
import { imageReaderFor } from '../node/media';
import { DEFAULT_MAX_DRAFT_BYTES } from '../node/files';
import { IGNORE_FILE } from '../node/ignorefile';
import { expandPaths } from '../node/expand';
import { CONFIG_FILE, campaignFolderOf, findConfigFile, isIgnored, loadConfig, matchesDrafts, type LoadedConfig } from '../node/workspace';
import { PackFeatures } from './packFeatures';
import { buildPreview } from '../preview/model';
import { CommandIds, DEFAULT_SETTINGS, FIX_ALL_KIND, PreviewRequest, ReportRequest, ResultsChangedNotification, StatusRequest, type ClientSettings } from '../protocol';
import { EditorSettings, overriddenSettings, overrideNote, settingsLayer } from './settings';
import { buildReport } from '../report/model';
import { renderHtml, renderMarkdown } from '../report/render';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	info: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
};

interface DocState {
	cache: LintCache;
	version?: number;
	result?: LintResult;
	timer?: ReturnType<typeof setTimeout>;
}

/** Where a rule's documentation page is: the copy shipped beside the server bundle. */
export function ruleDocsUri(rule: string): string {
	return pathToFileURL(path.resolve(__dirname, '..', '..', 'docs', 'rules', `${rule}.md`)).toString();
}

function uriToPath(uri: string): string | undefined {
	return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

export function startServer(connection: Connection): void {
	// First, before any handler registers: requests before initialize and after shutdown get the LSP errors.
	guardLifecycle(connection);
	const documents = new TextDocuments(TextDocument);
	const states = new Map<string, DocState>();
	const editorSettings = new EditorSettings(connection, () => revalidateAll());
	// Loaded configs by the config file's path (or by the folder when there is none).
	const configs = new Map<string, LoadedConfig>();
	// Config files we published problems for, so fixing them clears the diagnostics.
	const publishedConfigFiles = new Set<string>();
	let folders: string[] = [];
	const packs = new PackFeatures({ connection, documents, loadedFor, resultFor, reload: revalidateAll });

	connection.onInitialize((params) => {
		const init = (params.initializationOptions ?? {}) as { lang?: string };
		setLanguage(toLang(init.lang ?? params.locale));
		folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
		if (!folders.length && params.rootUri) {
			const p = uriToPath(params.rootUri);
			if (p) {
				folders = [p];
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
			serverInfo: { name: 'copydesk', version: '0.1.0' },
		};
	});

	connection.onInitialized(() => editorSettings.registerForChanges());

	/** The editor's settings for a document, cleaned (settings.ts). */
	function settingsFor(uri: string): Promise<ClientSettings> {
		return editorSettings.for(uri);
	}

	function folderOf(file: string | undefined): string | undefined {
		if (!file) {
			return folders[0];
		}
		return folders.filter((f) => file === f || file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
	}

	function configFor(file: string | undefined, s: ClientSettings): LoadedConfig {
		const folder = folderOf(file);
		const cfgFile = file ? findConfigFile(path.dirname(file), folder) : folder ? findConfigFile(folder, folder) : undefined;
		const key = `${cfgFile ?? folder ?? '(none)'}\u0000${JSON.stringify(settingsLayer(s))}`;
		let loaded = configs.get(key);
		if (!loaded) {
			loaded = loadConfig(cfgFile, folder ?? (file ? path.dirname(file) : process.cwd()), { before: [settingsLayer(s)], checkSnippets: true });
			configs.set(key, loaded);
			publishConfigProblems(loaded);
			packs.noteLoaded(loaded);
		}
		return loaded;
	}

	/** The configuration for a document or folder URI; without one, the first workspace folder's. */
	async function loadedFor(uri: string | undefined): Promise<LoadedConfig> {
		const target = uri ?? (folders[0] ? pathToFileURL(folders[0]).toString() : undefined);
		const settings = target ? await settingsFor(target) : DEFAULT_SETTINGS;
		const p = target ? uriToPath(target) : undefined;
		// configFor looks beside a file: for a folder, look inside it.
		const file = p && fs.existsSync(p) && fs.statSync(p).isDirectory() ? path.join(p, CONFIG_FILE) : p;
		return configFor(file, settings);
	}

	function publishConfigProblems(loaded: LoadedConfig): void {
		for (const f of loaded.files) {
			const doc = TextDocument.create(pathToFileURL(f.file).toString(), 'json', 0, f.text);
			const diagnostics: Diagnostic[] = f.problems.map((p) => ({
				range: { start: doc.positionAt(p.start), end: doc.positionAt(p.end) },
				severity: SEVERITY[p.severity ?? 'error'],
				source: 'copydesk',
				code: 'config',
				codeDescription: { href: ruleDocsUri('config') },
				message: p.message,
			}));
			if (diagnostics.length || publishedConfigFiles.has(f.file)) {
				void connection.sendDiagnostics({ uri: doc.uri, diagnostics });
				if (diagnostics.length) {
					publishedConfigFiles.add(f.file);
				} else {
					publishedConfigFiles.delete(f.file);
				}
			}
		}
	}

	function stateOf(uri: string): DocState {
		let s = states.get(uri);
		if (!s) {
			s = { cache: new LintCache() };
			states.set(uri, s);
		}
		return s;
	}

	/** Lints the document's current text (reusing the last result when nothing changed). */
	async function resultFor(doc: TextDocument): Promise<LintResult | undefined> {
		const settings = await settingsFor(doc.uri);
		if (!settings.enable) {
			return undefined;
		}
		const st = stateOf(doc.uri);
		if (st.result && st.version === doc.version) {
			return st.result;
		}
		const file = uriToPath(doc.uri);
		const loaded = configFor(file, settings);
		if (file && isIgnored(loaded, file, folderOf(file))) {
			return undefined;
		}
		const text = doc.getText();
		// A document over the draft size cap is not checked (one finding says so): the server stays free to answer.
		const size = text.length > DEFAULT_MAX_DRAFT_BYTES / 3 ? Buffer.byteLength(text, 'utf8') : 0;
		const peers = file && !size ? campaignPeers(file, loaded) : undefined;
		const folder = file ? campaignFolderOf(loaded, file) : undefined;
		const result = size > DEFAULT_MAX_DRAFT_BYTES
			? uncheckedResult({ rule: 'file', severity: 'error', start: 0, end: 0, message: msg('file.draftTooLarge', { size, max: DEFAULT_MAX_DRAFT_BYTES }) })
			: lint({
				text, config: loaded.config, matchedDraftGlob: !!file && matchesDrafts(loaded, file),
				...(peers?.length && file && folder ? { peers, file: path.relative(folder, file).split(path.sep).join('/') } : {}), ...(file ? { readImage: imageReaderFor(file) } : {}),
			}, st.cache);
		st.result = result;
		st.version = doc.version;
		return result;
	}

	// The facts of the other files of a campaign folder, by path, reused while their text is unchanged.
	const peerFacts = new Map<string, { text: string; config: LoadedConfig['config']; variants: CampaignPeer['variants'] }>();

	/** The other drafts of the campaign folder `file` is in (copydesk.json `campaigns`): open buffers over the disk. */
	function campaignPeers(file: string, loaded: LoadedConfig): CampaignPeer[] | undefined {
		const folder = campaignFolderOf(loaded, file);
		if (!folder) {
			return undefined;
		}
		const open = new Map(documents.all().map((d) => [uriToPath(d.uri), d] as const));
		const out: CampaignPeer[] = [];
		for (const other of expandPaths([folder], folder).files.slice(0, 50)) {
			if (path.resolve(other) === path.resolve(file) || isIgnored(loaded, other, folderOf(other))) {
				continue;
			}
			let text = open.get(other)?.getText();
			if (text === undefined) {
				try {
					text = fs.readFileSync(other, 'utf8');
				} catch {
					continue;
				}
			}
			let known = peerFacts.get(other);
			if (!known || known.text !== text || known.config !== loaded.config) {
				known = { text, config: loaded.config, variants: lint({ text, config: loaded.config, matchedDraftGlob: matchesDrafts(loaded, other), only: ['campaign-consistency'] }).variants };
				peerFacts.set(other, known);
			}
			if (known.variants.length) {
				out.push({ file: path.relative(folder, other).split(path.sep).join('/'), path: other, text, variants: known.variants });
			}
		}
		return out;
	}

	function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
		return {
			range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
			severity: SEVERITY[f.severity],
			source: 'copydesk',
			code: f.rule,
			codeDescription: { href: ruleDocsUri(f.rule) },
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

	async function validate(doc: TextDocument): Promise<void> {
		let result: LintResult | undefined;
		try {
			result = await resultFor(doc);
		} catch (e) {
			// The engine contains rule failures itself; this is the last line of defence.
			connection.console.error(`Copydesk could not check ${doc.uri}: ${e instanceof Error ? e.stack : String(e)}`);
			return;
		}
		if (documents.get(doc.uri)?.version !== doc.version) {
			return;
		}
		void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: (result?.findings ?? []).map((f) => toDiagnostic(doc, f)) });
		void connection.sendNotification(ResultsChangedNotification.method, { uri: doc.uri } satisfies ResultsChangedNotification.Params);
	}

	function schedule(doc: TextDocument, delay: number): void {
		const st = stateOf(doc.uri);
		if (st.timer) {
			clearTimeout(st.timer);
		}
		st.timer = setTimeout(() => {
			st.timer = undefined;
			const current = documents.get(doc.uri);
			if (current) {
				void validate(current);
			}
		}, delay);
	}

	function revalidateAll(): void {
		configs.clear();
		for (const st of states.values()) {
			st.result = undefined;
		}
		documents.all().forEach((d) => void validate(d));
	}

	documents.onDidOpen((e) => void validate(e.document));
	documents.onDidChangeContent(async (e) => {
		const s = await settingsFor(e.document.uri);
		if (s.run === 'onType') {
			schedule(e.document, s.debounce);
		}
	});
	documents.onDidSave(async (e) => {
		const s = await settingsFor(e.document.uri);
		if (s.run === 'onSave') {
			void validate(e.document);
		}
	});
	documents.onDidClose((e) => {
		const st = states.get(e.document.uri);
		if (st?.timer) {
			clearTimeout(st.timer);
		}
		states.delete(e.document.uri);
		shownNotes.delete(e.document.uri);
		editorSettings.forget(e.document.uri);
		void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
	});

	// Settings changed: editorSettings drops what it kept and calls revalidateAll.
	editorSettings.listen();

	connection.onDidChangeWatchedFiles((e) => {
		if (e.changes.some((c) => c.uri.endsWith('/' + CONFIG_FILE) || c.uri.endsWith('/' + IGNORE_FILE) || c.uri.endsWith('copydesk-pack.json') || c.uri.includes('/packs/') || packs.isPackFile(c.uri))) {
			revalidateAll();
		}
	});

	connection.onHover(async (params) => {
		const doc = documents.get(params.textDocument.uri);
		const result = doc && (await resultFor(doc));
		if (!doc || !result) {
			return null;
		}
		// Where a pack or copydesk.json overrides one of the editor's settings, the hover says which.
		const overridden = overriddenSettings(configFor(uriToPath(doc.uri), await settingsFor(doc.uri)).layers);
		const h = hoverAt(result, doc.offsetAt(params.position), {
			rule: (id) => overridden.filter((o) => o.rule === id).map(overrideNote)[0],
			defaultPlatform: overridden.filter((o) => o.setting === 'defaultPlatform').map(overrideNote)[0],
		});
		return h ? { contents: { kind: 'markdown', value: h.markdown }, range: { start: doc.positionAt(h.start), end: doc.positionAt(h.end) } } : null;
	});

	connection.onCodeLens(async (params) => {
		const doc = documents.get(params.textDocument.uri);
		const result = doc && (await resultFor(doc));
		if (!doc || !result) {
			return [];
		}
		return summarize(result).map((s) => {
			const pos = doc.positionAt(s.anchor);
			return { range: { start: { line: pos.line, character: 0 }, end: { line: pos.line, character: 0 } }, command: { title: s.title, command: '' } };
		});
	});

	connection.onRequest(StatusRequest.method, async (params: StatusRequest.Params): Promise<StatusRequest.Result> => {
		const doc = documents.get(params.uri);
		const result = doc && (await resultFor(doc));
		if (!doc || !result) {
			return null;
		}
		return statusAt(result, doc.offsetAt(params.position)) ?? null;
	});

	connection.onRequest(PreviewRequest.method, async (params: PreviewRequest.Params): Promise<PreviewRequest.Result> => {
		const doc = documents.get(params.uri);
		const result = doc && (await resultFor(doc));
		return result?.isDraft ? buildPreview(result) : null;
	});

	connection.onRequest(ReportRequest.method, async (params: ReportRequest.Params): Promise<ReportRequest.Result> => {
		const paths = params.uris.map(uriToPath).filter((p): p is string => !!p);
		const settings = await settingsFor(params.uris[0] ?? '');
		const base = folderOf(paths[0]) ?? (paths[0] ? path.dirname(paths[0]) : process.cwd());
		const campaign = paths.length ? lintPaths(paths, {
			cwd: base,
			configs: { for: (file: string) => configFor(file, settings) },
			stopAt: folderOf(paths[0]),
			// Unsaved edits count: the report shows what the writer sees.
			readText: (file) => documents.get(pathToFileURL(file).toString())?.getText(),
		}) : undefined;
		const show = (p: string) => path.relative(base, p).split(path.sep).join('/') || path.basename(p);
		const inputs = (campaign?.files ?? []).map((f) => ({ file: show(f.file), text: f.text, result: f.result, ...(f.campaign ? { campaign: show(f.campaign) } : {}) }));
		const report = buildReport(inputs, msg('report.title'));
		return {
			content: params.format === 'md' ? renderMarkdown(report) : renderHtml(report, { csp: params.csp, styleNonce: params.styleNonce }),
			posts: report.summary.posts,
		};
	});

	function lspEdits(doc: TextDocument, edits: readonly { start: number; end: number; newText: string }[]): LspTextEdit[] {
		return edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }));
	}

	/** One edit that turns the document into `fixed`: the changed middle, common ends kept. */
	function minimalEdit(doc: TextDocument, text: string, fixed: string): LspTextEdit[] {
		if (fixed === text) {
			return [];
		}
		let s = 0;
		while (s < text.length && s < fixed.length && text[s] === fixed[s]) {
			s++;
		}
		let e = 0;
		while (e < text.length - s && e < fixed.length - s && text[text.length - 1 - e] === fixed[fixed.length - 1 - e]) {
			e++;
		}
		return [{ range: { start: doc.positionAt(s), end: doc.positionAt(text.length - e) }, newText: fixed.slice(s, fixed.length - e) }];
	}

	/** `copydesk.fix.types`, the known kinds only; the default when the setting names none. */
	function fixKinds(s: ClientSettings): FixKind[] {
		const kinds = (Array.isArray(s.fix?.types) ? s.fix!.types : []).filter((k): k is FixKind => (FIX_KINDS as readonly string[]).includes(k));
		return kinds.length ? kinds : [...DEFAULT_FIX_KINDS];
	}

	/** The document with fix-all applied (the kinds of the settings; only `rules` when given), never making a post worse. */
	async function fixedText(doc: TextDocument, rules?: ReadonlySet<string>): Promise<string | undefined> {
		return (await fixedResult(doc, rules)).text;
	}

	async function fixedResult(doc: TextDocument, rules?: ReadonlySet<string>): Promise<FixAllResult> {
		const settings = await settingsFor(doc.uri);
		const file = uriToPath(doc.uri);
		const loaded = configFor(file, settings);
		const glob = !!file && matchesDrafts(loaded, file);
		const text = doc.getText();
		if (text.length > DEFAULT_MAX_DRAFT_BYTES / 3 && Buffer.byteLength(text, 'utf8') > DEFAULT_MAX_DRAFT_BYTES) {
			// Over the draft size cap: not checked, so not fixed either (the text as it is).
			return { text, passes: 0, applied: [], held: [], split: [], notes: [] };
		}
		const cache = new LintCache();
		return fixAll(text, (t) => lint({ text: t, config: loaded.config, matchedDraftGlob: glob }, cache), { rules, kinds: fixKinds(settings) });
	}

	// Notes fix-all left (a post kept within its limit), shown once per document, post and message, not at every save.
	const shownNotes = new Map<string, Set<string>>();
	function showFixNotes(uri: string, notes: readonly Finding[]): void {
		let shown = shownNotes.get(uri);
		if (!shown) {
			shownNotes.set(uri, (shown = new Set()));
		}
		for (const n of notes) {
			const text = msg('fix.noteOfPost', { post: (n.post ?? 0) + 1, platform: n.platform ?? '', note: n.message });
			if (!shown.has(text)) {
				shown.add(text);
				// A notification (window/showMessage), not a request: nothing waits for the user to close it.
				void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: text });
			}
		}
	}

	/**
	 * "Split into one post per platform" for a finding whose fix suits its target and makes another target
	 * of the same body worse (the fixes fix-all leaves out on a shared body).
	 */
	async function splitAction(doc: TextDocument, result: LintResult, f: Finding, cache: LintCache): Promise<LspTextEdit[] | undefined> {
		const fix = f.post !== undefined && f.platform !== undefined ? chosenFix(f) ?? f.fixes?.[0] : undefined;
		const platforms = [...new Set(result.targets.filter((t) => t.post.index === f.post).map((t) => t.platform.id))];
		if (!fix || platforms.length < 2) {
			return undefined;
		}
		const settings = await settingsFor(doc.uri);
		const file = uriToPath(doc.uri);
		const loaded = configFor(file, settings);
		const glob = !!file && matchesDrafts(loaded, file);
		const text = doc.getText();
		const relint = (t: string) => lint({ text: t, config: loaded.config, matchedDraftGlob: glob }, cache);
		// The document's own result is the "before"; only the text with the fix applied is checked again.
		if (!clashesOnSharedBody(text, result, f, fix, relint)) {
			return undefined;
		}
		const e = splitPostEdit(result.draft, f.post!, platforms);
		return e ? lspEdits(doc, [e]) : undefined;
	}

	connection.onCodeAction(async (params) => {
		const doc = documents.get(params.textDocument.uri);
		const result = doc && (await resultFor(doc));
		if (!doc || !result) {
			return [];
		}
		const only = params.context.only;
		const actions: CodeAction[] = [];
		if (only?.some((k) => k === FIX_ALL_KIND || k === CodeActionKind.SourceFixAll || k === CodeActionKind.Source)) {
			const r = await fixedResult(doc);
			showFixNotes(doc.uri, r.notes);
			const edits = minimalEdit(doc, doc.getText(), r.text);
			if (edits.length) {
				actions.push({ title: msg('action.fixAll'), kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits } } });
			}
			return actions;
		}
		const start = doc.offsetAt(params.range.start);
		const end = doc.offsetAt(params.range.end);
		const here = result.findings.filter((f) => f.start <= end && f.end >= start);
		// Two targets' findings of one rule may share a range (a label per platform): the message tells them apart.
		const diagnosticFor = (f: Finding) => params.context.diagnostics.find((d) => d.code === f.rule && d.message === f.message && doc.offsetAt(d.range.start) === f.start && doc.offsetAt(d.range.end) === f.end) ?? toDiagnostic(doc, f);
		const rulesHere = new Set<string>();
		const splitPosts = new Set<number>();
		// One cache for the request's "would this fix break another platform" checks: each re-lints only the post it changes.
		const simulations = new LintCache();
		for (const f of here) {
			rulesHere.add(f.rule);
			// Every fix stays a quick fix, whatever its kind: content fixes are offered here, never applied unasked.
			for (const fx of f.fixes ?? []) {
				actions.push({
					title: fx.title, kind: CodeActionKind.QuickFix, isPreferred: fx.preferred, diagnostics: [diagnosticFor(f)],
					edit: { changes: { [doc.uri]: lspEdits(doc, fx.edits) } },
				});
			}
			if (f.fixes?.length && f.post !== undefined && !splitPosts.has(f.post)) {
				const split = await splitAction(doc, result, f, simulations);
				if (split) {
					splitPosts.add(f.post);
					actions.push({ title: msg('action.split'), kind: CodeActionKind.QuickFix, diagnostics: [diagnosticFor(f)], edit: { changes: { [doc.uri]: split } } });
				}
			}
		}
		const kinds = fixKinds(await settingsFor(doc.uri));
		for (const rule of rulesHere) {
			const fixable = result.findings.filter((f) => f.rule === rule && f.fixes?.length);
			if (fixable.length > 1) {
				// To a fixed point, like fix-all (and with its kinds): one rule's fixes may take more than one pass (overlapping edits).
				const fixed = (await fixedText(doc, new Set([rule]))) ?? applyEdits(doc.getText(), preferredEdits(fixable, { rules: new Set([rule]), kinds }));
				const edits = minimalEdit(doc, doc.getText(), fixed);
				if (edits.length) {
					actions.push({ title: msg('action.fixAllRule', { rule }), kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: edits } } });
				}
			}
		}
		if (only === undefined || only.includes(CodeActionKind.QuickFix)) {
			for (const rule of rulesHere) {
				actions.push({ title: msg('action.docs', { rule }), kind: CodeActionKind.QuickFix, command: { title: msg('action.docs', { rule }), command: CommandIds.openRuleDocs, arguments: [rule, ruleDocsUri(rule)] } });
			}
		}
		return actions;
	});

	packs.listen();
	documents.listen(connection);
	connection.listen();
}
