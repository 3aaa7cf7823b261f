/**
 * Checking open documents: the configuration of each (copydesk.json over the editor's settings,
 * cached by file and settings; its problems published as diagnostics in that file), the lint result
 * of each document version (the engine's per-post cache re-checks only the post an edit touches),
 * campaign peers, debounced validation and publishing diagnostics.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, LintCache, msg, uncheckedResult, type CampaignPeer, type LintResult } from '../engine';
import { expandPaths } from '../node/expand';
import { DEFAULT_MAX_DRAFT_BYTES } from '../node/files';
import { imageReaderFor } from '../node/media';
import { CONFIG_FILE, campaignFolderOf, findConfigFile, isIgnored, loadConfig, matchesDrafts, type LoadedConfig } from '../node/workspace';
import { DEFAULT_SETTINGS, ResultsChangedNotification, type ClientSettings } from '../shared/protocol';
import { ruleDocsUri, SEVERITY, uriToPath } from './diagnostics';
import { publishedDiagnostics, type Published } from './published';
import { settingsLayer, type EditorSettings } from './settings';

interface DocState {
	cache: LintCache;
	version?: number;
	result?: LintResult;
	timer?: ReturnType<typeof setTimeout>;
	/** What was last published: the text, the findings and their diagnostics (reused where their line and column hold). */
	published?: Published;
}

export class Validation {
	/** The workspace folders, set at initialize. */
	folders: string[] = [];
	private readonly states = new Map<string, DocState>();
	// Loaded configs by the config file's path (or by the folder when there is none).
	private readonly configs = new Map<string, LoadedConfig>();
	// Config files we published problems for, so fixing them clears the diagnostics.
	private readonly publishedConfigFiles = new Set<string>();
	// The facts of the other files of a campaign folder, by path, reused while their text is unchanged.
	private readonly peerFacts = new Map<string, { text: string; config: LoadedConfig['config']; variants: CampaignPeer['variants'] }>();

	constructor(
		private readonly connection: Connection,
		private readonly documents: TextDocuments<TextDocument>,
		private readonly editorSettings: EditorSettings,
		/** Called with every configuration loaded (the pack features watch its packs). */
		private readonly onConfigLoaded: (loaded: LoadedConfig) => void,
	) { }

	/** The editor's settings for a document, cleaned (settings.ts). */
	settingsFor(uri: string): Promise<ClientSettings> {
		return this.editorSettings.for(uri);
	}

	folderOf(file: string | undefined): string | undefined {
		if (!file) {
			return this.folders[0];
		}
		return this.folders.filter((f) => file === f || file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
	}

	configFor(file: string | undefined, s: ClientSettings): LoadedConfig {
		const folder = this.folderOf(file);
		const cfgFile = file ? findConfigFile(path.dirname(file), folder) : folder ? findConfigFile(folder, folder) : undefined;
		const key = `${cfgFile ?? folder ?? '(none)'}\u0000${JSON.stringify(settingsLayer(s))}`;
		let loaded = this.configs.get(key);
		if (!loaded) {
			loaded = loadConfig(cfgFile, folder ?? (file ? path.dirname(file) : process.cwd()), { before: [settingsLayer(s)], checkSnippets: true });
			this.configs.set(key, loaded);
			this.publishConfigProblems(loaded);
			this.onConfigLoaded(loaded);
		}
		return loaded;
	}

	/** The configuration for a document or folder URI; without one, the first workspace folder's. */
	async loadedFor(uri: string | undefined): Promise<LoadedConfig> {
		const target = uri ?? (this.folders[0] ? pathToFileURL(this.folders[0]).toString() : undefined);
		const settings = target ? await this.settingsFor(target) : DEFAULT_SETTINGS;
		const p = target ? uriToPath(target) : undefined;
		// configFor looks beside a file: for a folder, look inside it.
		const file = p && fs.existsSync(p) && fs.statSync(p).isDirectory() ? path.join(p, CONFIG_FILE) : p;
		return this.configFor(file, settings);
	}

	private publishConfigProblems(loaded: LoadedConfig): void {
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
			if (diagnostics.length || this.publishedConfigFiles.has(f.file)) {
				void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics });
				if (diagnostics.length) {
					this.publishedConfigFiles.add(f.file);
				} else {
					this.publishedConfigFiles.delete(f.file);
				}
			}
		}
	}

	private stateOf(uri: string): DocState {
		let s = this.states.get(uri);
		if (!s) {
			s = { cache: new LintCache() };
			this.states.set(uri, s);
		}
		return s;
	}

	/** Lints the document's current text (reusing the last result when nothing changed). */
	async resultFor(doc: TextDocument): Promise<LintResult | undefined> {
		const settings = await this.settingsFor(doc.uri);
		if (!settings.enable) {
			return undefined;
		}
		const st = this.stateOf(doc.uri);
		if (st.result && st.version === doc.version) {
			return st.result;
		}
		const file = uriToPath(doc.uri);
		const loaded = this.configFor(file, settings);
		if (file && isIgnored(loaded, file, this.folderOf(file))) {
			return undefined;
		}
		const text = doc.getText();
		// A document over the draft size cap is not checked (one finding says so): the server stays free to answer.
		const size = text.length > DEFAULT_MAX_DRAFT_BYTES / 3 ? Buffer.byteLength(text, 'utf8') : 0;
		const peers = file && !size ? this.campaignPeers(file, loaded) : undefined;
		const folder = file ? campaignFolderOf(loaded, file) : undefined;
		const result = size > DEFAULT_MAX_DRAFT_BYTES
			? uncheckedResult({ rule: 'file', severity: 'error', start: 0, end: 0, message: msg('file.draftTooLarge', { size, max: DEFAULT_MAX_DRAFT_BYTES }) })
			: lint({
				text, config: loaded.config, matchedDraftGlob: !!file && matchesDrafts(loaded, file), variants: 'compared',
				...(peers?.length && file && folder ? { peers, file: path.relative(folder, file).split(path.sep).join('/') } : {}), ...(file ? { readImage: imageReaderFor(file) } : {}),
			}, st.cache);
		st.result = result;
		st.version = doc.version;
		return result;
	}

	/** The other drafts of the campaign folder `file` is in (copydesk.json `campaigns`): open buffers over the disk. */
	private campaignPeers(file: string, loaded: LoadedConfig): CampaignPeer[] | undefined {
		const folder = campaignFolderOf(loaded, file);
		if (!folder) {
			return undefined;
		}
		const open = new Map(this.documents.all().map((d) => [uriToPath(d.uri), d] as const));
		const out: CampaignPeer[] = [];
		for (const other of expandPaths([folder], folder).files.slice(0, 50)) {
			if (path.resolve(other) === path.resolve(file) || isIgnored(loaded, other, this.folderOf(other))) {
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
			let known = this.peerFacts.get(other);
			if (!known || known.text !== text || known.config !== loaded.config) {
				known = { text, config: loaded.config, variants: lint({ text, config: loaded.config, matchedDraftGlob: matchesDrafts(loaded, other), only: ['campaign-consistency'] }).variants };
				this.peerFacts.set(other, known);
			}
			if (known.variants.length) {
				out.push({ file: path.relative(folder, other).split(path.sep).join('/'), path: other, text, variants: known.variants });
			}
		}
		return out;
	}

	async validate(doc: TextDocument): Promise<void> {
		let result: LintResult | undefined;
		try {
			result = await this.resultFor(doc);
		} catch (e) {
			// The engine contains rule failures itself; this is the last line of defence.
			this.connection.console.error(`Copydesk could not check ${doc.uri}: ${e instanceof Error ? e.stack : String(e)}`);
			return;
		}
		if (this.documents.get(doc.uri)?.version !== doc.version) {
			return;
		}
		void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: this.diagnosticsOf(doc, result) });
		void this.connection.sendNotification(ResultsChangedNotification.method, { uri: doc.uri } satisfies ResultsChangedNotification.Params);
	}

	/** The diagnostics of a result, reusing those of the last publish where they hold (published.ts). */
	private diagnosticsOf(doc: TextDocument, result: LintResult | undefined): Diagnostic[] {
		const st = this.stateOf(doc.uri);
		st.published = publishedDiagnostics(doc, result?.findings ?? [], st.published);
		return st.published.diagnostics as Diagnostic[];
	}

	schedule(doc: TextDocument, delay: number): void {
		const st = this.stateOf(doc.uri);
		if (st.timer) {
			clearTimeout(st.timer);
		}
		st.timer = setTimeout(() => {
			st.timer = undefined;
			const current = this.documents.get(doc.uri);
			if (current) {
				void this.validate(current);
			}
		}, delay);
	}

	revalidateAll(): void {
		this.configs.clear();
		for (const st of this.states.values()) {
			st.result = undefined;
		}
		this.documents.all().forEach((d) => void this.validate(d));
	}

	/** A document closed: its pending check and state go, its diagnostics are cleared. */
	forget(uri: string): void {
		const st = this.states.get(uri);
		if (st?.timer) {
			clearTimeout(st.timer);
		}
		this.states.delete(uri);
		void this.connection.sendDiagnostics({ uri, diagnostics: [] });
	}
}
