/**
 * The language server's pack features: pack snippets as completion items filtered by the
 * platform of the post under the cursor, reloading when a pack's files change (watchers
 * registered for each pack folder), and the requests behind the commands "Insert snippet for
 * platform…", "Create pack from snippets" and "Validate packs". Logic lives in the engine
 * (engine/pack.ts) and the Node layer (node/packs.ts); this file adapts them to LSP.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { applyEdits as applyJsonEdits, modify } from 'jsonc-parser';
import {
	CompletionItemKind, DidChangeWatchedFilesNotification, InsertTextFormat, MarkupKind,
	type CompletionItem, type Connection, type Disposable, type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
	buildPackFiles, expandDefaults, isPackName, msg, parseSnippetFile, platformName, language, postAt, snippetPlatforms,
	type LintResult, type ResolvedConfig, type SnippetDef,
} from '../engine';
import type { LoadedPack } from '../node/packs';
import { CONFIG_FILE, type LoadedConfig } from '../node/workspace';
import { CreatePackRequest, SnippetsRequest, ValidatePacksRequest, type SnippetInfo } from '../shared/protocol';
import { readDataFile } from '../node/files';

export interface PackHost {
	connection: Connection;
	documents: TextDocuments<TextDocument>;
	/** The loaded configuration for a document or folder URI (undefined: the first folder). */
	loadedFor(uri: string | undefined): Promise<LoadedConfig>;
	resultFor(doc: TextDocument): Promise<LintResult | undefined>;
	/** Drops every loaded config and re-checks the open documents. */
	reload(): void;
}

/** Where the built-in snippets are: beside the server bundle (server/out → ../../snippets). */
const BUILTIN_SNIPPETS_DIR = path.resolve(__dirname, '..', '..', 'snippets');

function readBuiltins(): SnippetDef[] {
	try {
		return fs.readdirSync(BUILTIN_SNIPPETS_DIR).filter((f) => f.endsWith('.json')).sort()
			.flatMap((f) => parseSnippetFile(fs.readFileSync(path.join(BUILTIN_SNIPPETS_DIR, f), 'utf8'), f).value ?? []);
	} catch {
		return [];
	}
}

function info(def: SnippetDef, source: string, config: ResolvedConfig): SnippetInfo {
	return {
		id: `${source}\u0000${def.name}`, name: def.name, prefix: def.prefixes[0], description: def.description ?? '',
		body: def.body, platforms: snippetPlatforms(def, config.platforms), source,
	};
}

export class PackFeatures {
	private builtins?: SnippetDef[];
	/** Pack folders we watch, and the registration that watches them. */
	private watched = new Set<string>();
	private registration?: Promise<Disposable>;
	private canWatch = false;

	constructor(private host: PackHost) { }

	/** Called from onInitialize: whether the client lets us register file watchers. */
	init(capabilities: { workspace?: { didChangeWatchedFiles?: { dynamicRegistration?: boolean; relativePatternSupport?: boolean } } }): void {
		const w = capabilities.workspace?.didChangeWatchedFiles;
		this.canWatch = !!w?.dynamicRegistration && !!w.relativePatternSupport;
	}

	/** Called whenever a configuration was loaded: watch the folders of its packs. */
	noteLoaded(loaded: LoadedConfig): void {
		const dirs = loaded.packs.map((p) => p.dir).filter((d): d is string => !!d);
		if (!dirs.some((d) => !this.watched.has(d))) {
			return;
		}
		dirs.forEach((d) => this.watched.add(d));
		if (!this.canWatch) {
			return;
		}
		const previous = this.registration;
		this.registration = this.host.connection.client.register(DidChangeWatchedFilesNotification.type, {
			watchers: [...this.watched].map((d) => ({ globPattern: { baseUri: pathToFileURL(d).toString(), pattern: '**/*.{json,jsonc}' } })),
		});
		void previous?.then((d) => d.dispose()).catch(() => undefined);
	}

	/** True when a changed file belongs to a pack we loaded (its folder). */
	isPackFile(uri: string): boolean {
		if (!uri.startsWith('file:')) {
			return false;
		}
		const file = fileURLToPath(uri);
		return [...this.watched].some((d) => file === d || file.startsWith(d + path.sep));
	}

	private builtinSnippets(): SnippetDef[] {
		this.builtins ??= readBuiltins();
		return this.builtins;
	}

	/** Platforms of the post at `offset` (empty when the document names none). */
	private async platformsAt(doc: TextDocument, offset: number): Promise<string[]> {
		const result = await this.host.resultFor(doc);
		if (!result) {
			return [];
		}
		const post = postAt(result, offset);
		return [...new Set(result.targets.filter((t) => t.post.index === post).map((t) => t.platform.id))];
	}

	async completion(uri: string, position: { line: number; character: number }): Promise<CompletionItem[]> {
		const doc = this.host.documents.get(uri);
		if (!doc) {
			return [];
		}
		const loaded = await this.host.loadedFor(uri);
		const snippets = loaded.packs.flatMap((p) => p.snippets.map((s) => ({ s, pack: p })));
		if (!snippets.length) {
			return [];
		}
		const here = await this.platformsAt(doc, doc.offsetAt(position));
		const items: CompletionItem[] = [];
		for (const { s, pack } of snippets) {
			const platforms = snippetPlatforms(s, loaded.config.platforms);
			// A snippet for any platform, or for one of the post's, or anything when the post names none.
			if (here.length && platforms.length && !platforms.some((p) => here.includes(p))) {
				continue;
			}
			items.push(this.item(s, pack, platforms, loaded.config));
		}
		return items;
	}

	private item(s: SnippetDef, pack: LoadedPack, platforms: string[], config: ResolvedConfig): CompletionItem {
		const source = pack.manifest?.name ?? pack.spec;
		const names = platforms.map((p) => (config.platforms[p] ? platformName(config.platforms[p], language()) : p)).join(', ');
		return {
			label: s.prefixes[0],
			kind: CompletionItemKind.Snippet,
			insertTextFormat: InsertTextFormat.Snippet,
			insertText: s.body,
			filterText: s.prefixes.join(' '),
			detail: msg('packs.snippetFrom', { name: s.name, source }) + (names ? ` (${names})` : ''),
			documentation: {
				kind: MarkupKind.Markdown,
				value: `${s.description ?? ''}\n\n\`\`\`text\n${expandDefaults(s).replace(/```/g, '`\u200b``')}\n\`\`\``,
			},
			sortText: `0${s.prefixes[0]}`,
		};
	}

	async snippets(params: SnippetsRequest.Params): Promise<SnippetsRequest.Result> {
		const loaded = await this.host.loadedFor(params.uri);
		const config = loaded.config;
		const lang = language();
		const all = [
			...this.builtinSnippets().map((d) => info(d, msg('packs.builtin'), config)),
			...loaded.packs.flatMap((p) => p.snippets.map((s) => info(s, p.manifest?.name ?? p.spec, config))),
		];
		const doc = params.uri ? this.host.documents.get(params.uri) : undefined;
		const current = doc && params.position ? await this.platformsAt(doc, doc.offsetAt(params.position)) : [];
		return {
			platforms: Object.values(config.platforms).map((p) => ({ id: p.id, name: platformName(p, lang) })),
			snippets: all,
			current,
		};
	}

	async createPack(params: CreatePackRequest.Params): Promise<CreatePackRequest.Result> {
		if (!isPackName(params.name) || params.name.includes('/')) {
			return { error: msg('packs.create.badName', { name: params.name }) };
		}
		const loaded = await this.host.loadedFor(params.uri);
		const { snippets } = await this.snippets({ uri: params.uri });
		const chosen = snippets.filter((s) => params.snippetIds.includes(s.id));
		if (!chosen.length) {
			return { error: msg('packs.create.noSnippets') };
		}
		const root = loaded.configFile ? path.dirname(loaded.configFile) : loaded.root;
		const dir = path.join(root, 'packs', params.name);
		if (fs.existsSync(dir)) {
			return { error: msg('packs.create.exists', { dir }) };
		}
		const files = buildPackFiles({
			name: params.name,
			snippets: chosen.map((s) => ({ name: s.name, prefixes: [s.prefix], body: s.body, description: s.description, platforms: s.platforms })),
			rules: loaded.config.rules,
		});
		const entry = `./packs/${params.name}`;
		try {
			for (const [rel, text] of Object.entries(files)) {
				fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
				fs.writeFileSync(path.join(dir, rel), text, { flag: 'wx' });
			}
		} catch (e) {
			return { error: msg('packs.create.failed', { detail: e instanceof Error ? e.message : String(e) }) };
		}
		const added = await this.addToConfig(loaded.configFile ?? path.join(root, CONFIG_FILE), entry);
		this.host.reload();
		return { manifestUri: pathToFileURL(path.join(dir, 'copydesk-pack.json')).toString(), entry, added };
	}

	/** Lists the pack in copydesk.json (through the editor, so an open, unsaved file is respected). */
	private async addToConfig(configFile: string, entry: string): Promise<boolean> {
		const uri = pathToFileURL(configFile).toString();
		const open = this.host.documents.get(uri);
		const read = open ? undefined : readDataFile(configFile);
		if (read && 'error' in read && !read.missing) {
			// Not a regular file, or too large: never read whole, never replaced.
			return false;
		}
		const text = open?.getText() ?? (read && 'text' in read ? read.text : undefined);
		if (text === undefined) {
			fs.writeFileSync(configFile, JSON.stringify({ packs: [entry] }, null, '\t') + '\n', { flag: 'wx' });
			return true;
		}
		const edits = modify(text, ['packs', -1], entry, { isArrayInsertion: true, formattingOptions: { insertSpaces: false, tabSize: 1 } });
		if (!open) {
			fs.writeFileSync(configFile, applyJsonEdits(text, edits));
			return true;
		}
		const r = await this.host.connection.workspace.applyEdit({
			changes: { [uri]: edits.map((e) => ({ range: { start: open.positionAt(e.offset), end: open.positionAt(e.offset + e.length) }, newText: e.content })) },
		});
		return r.applied;
	}

	async validate(params: ValidatePacksRequest.Params): Promise<ValidatePacksRequest.Result> {
		this.host.reload();
		const loaded = await this.host.loadedFor(params.uri);
		if (!loaded.packs.length) {
			return { packs: [], summary: msg('packs.none') };
		}
		const packs = loaded.packs.map((p) => {
			const probs = loaded.files.filter((f) => p.files.includes(f.file)).flatMap((f) => f.problems);
			// A pack that could not be found or was refused has one error, at its entry in copydesk.json.
			const all = p.dir ? probs : [{ severity: 'error' as const }];
			return {
				spec: p.spec, name: p.manifest?.name, version: p.manifest?.version,
				errors: all.filter((x) => (x.severity ?? 'error') === 'error').length,
				warnings: all.filter((x) => x.severity === 'warning').length,
			};
		});
		const errors = packs.reduce((n, p) => n + p.errors, 0);
		const warnings = packs.reduce((n, p) => n + p.warnings, 0);
		return { packs, summary: msg('packs.validated', { packs: packs.length, errors, warnings }) };
	}

	listen(): void {
		const c = this.host.connection;
		c.onCompletion((p) => this.completion(p.textDocument.uri, p.position));
		c.onRequest(SnippetsRequest.method, (p: SnippetsRequest.Params) => this.snippets(p));
		c.onRequest(CreatePackRequest.method, (p: CreatePackRequest.Params) => this.createPack(p));
		c.onRequest(ValidatePacksRequest.method, (p: ValidatePacksRequest.Params) => this.validate(p));
	}
}
