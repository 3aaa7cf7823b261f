/**
 * A small LSP client for protocol tests: spawns the bundled server over stdio, answers the
 * server's requests (configuration, capability registration), records published
 * diagnostics and lets a test wait for them without fixed sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	createProtocolConnection, StreamMessageReader, StreamMessageWriter,
	type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { SERVER_BUNDLE } from './paths';
import { tempDir } from './tmp';

export interface LspClientOptions {
	rootPath: string;
	/** What the client answers to workspace/configuration for section "copydesk". */
	settings?: Record<string, unknown>;
	lang?: string;
	/**
	 * Workspace capabilities (default: `workspace/configuration`, and dynamic registration for
	 * settings changes, as VS Code has them).
	 */
	workspace?: { configuration?: boolean; didChangeConfiguration?: { dynamicRegistration?: boolean } };
}

export class LspClient {
	readonly connection: ProtocolConnection;
	private readonly proc: ChildProcess;
	private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
	private waiters: (() => void)[] = [];
	readonly notifications: { method: string; params: unknown }[] = [];
	/** What the server registered for with client/registerCapability. */
	readonly registrations: { method: string; registerOptions?: unknown }[] = [];
	stderr = '';
	settings: Record<string, unknown>;

	constructor(private readonly opts: LspClientOptions) {
		this.settings = opts.settings ?? {};
		this.proc = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
		this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
		this.connection = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
		this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
			this.diagnostics.set(p.uri, p);
			this.wake();
		});
		// A catch-all handler records the server's other notifications (copydesk/resultsChanged, window/logMessage…).
		(this.connection as unknown as { onNotification(h: (method: string, params: unknown) => void): void }).onNotification((method, params) => {
			this.notifications.push({ method, params });
			this.wake();
		});
		this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
		this.connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
			this.registrations.push(...p.registrations.map((r) => ({ method: r.method, registerOptions: r.registerOptions })));
			this.wake();
			return null;
		});
		this.connection.onRequest('window/workDoneProgress/create', () => null);
		this.connection.listen();
	}

	private wake(): void {
		const w = this.waiters;
		this.waiters = [];
		w.forEach((f) => f());
	}

	async initialize(): Promise<unknown> {
		const rootUri = pathToFileURL(this.opts.rootPath).toString();
		const result = await this.connection.sendRequest('initialize', {
			processId: process.pid,
			rootUri,
			workspaceFolders: [{ uri: rootUri, name: 'test' }],
			initializationOptions: { lang: this.opts.lang ?? 'en' },
			capabilities: {
				workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, ...this.opts.workspace, didChangeWatchedFiles: { dynamicRegistration: false } },
				textDocument: { publishDiagnostics: { versionSupport: true } },
			},
		});
		await this.connection.sendNotification('initialized', {});
		return result;
	}

	open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
		this.diagnostics.delete(uri);
		return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
	}

	change(uri: string, version: number, changes: ({ range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } | { text: string })[]): Promise<void> {
		return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
	}

	/** Waits until diagnostics for `uri` satisfy `pred` (default: any published), or fails after `ms`. */
	async waitForDiagnostics(uri: string, pred: (d: PublishDiagnosticsParams) => boolean = () => true, ms = 10000): Promise<Diagnostic[]> {
		const deadline = Date.now() + ms;
		for (;;) {
			const d = this.diagnostics.get(uri);
			if (d && pred(d)) {
				return d.diagnostics;
			}
			const left = deadline - Date.now();
			if (left <= 0) {
				throw new Error(`no matching diagnostics for ${uri} within ${ms} ms; last: ${JSON.stringify(d?.diagnostics.map((x) => x.message))}; stderr: ${this.stderr}`);
			}
			await new Promise<void>((resolve) => {
				const t = setTimeout(resolve, left);
				this.waiters.push(() => {
					clearTimeout(t);
					resolve();
				});
			});
		}
	}

	/** Waits until `pred` holds (checked whenever the server sends something), or fails after `ms`. */
	async waitFor(what: string, pred: () => boolean, ms = 10000): Promise<void> {
		const deadline = Date.now() + ms;
		while (!pred()) {
			const left = deadline - Date.now();
			if (left <= 0) {
				throw new Error(`timed out after ${ms} ms waiting for ${what}; stderr: ${this.stderr}`);
			}
			await new Promise<void>((resolve) => {
				const t = setTimeout(resolve, left);
				this.waiters.push(() => {
					clearTimeout(t);
					resolve();
				});
			});
		}
	}

	request<R>(method: string, params: unknown): Promise<R> {
		return this.connection.sendRequest(method, params) as Promise<R>;
	}

	async stop(): Promise<void> {
		try {
			await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
			await this.connection.sendNotification('exit');
		} catch {
			// The server may already be gone.
		}
		this.connection.dispose();
		this.proc.kill();
	}

	get exited(): boolean {
		return this.proc.exitCode !== null || this.proc.signalCode !== null;
	}
}

/**
 * The bundled server on a fresh temporary workspace for each test (or, with `once`, for the
 * whole suite), started before and stopped after by mocha hooks; `uri(name)` is a file in it.
 */
export function serverOnTempWorkspace(opts: { once?: boolean; settings?: Record<string, unknown>; workspace?: LspClientOptions['workspace'] } = {}): { readonly dir: string; readonly client: LspClient; uri(name: string): string } {
	let dir = '';
	let client: LspClient | undefined;
	(opts.once ? before : beforeEach)(async () => {
		dir = tempDir('lsp-');
		client = new LspClient({ rootPath: dir, settings: opts.settings ?? { debounce: 10 }, workspace: opts.workspace });
		await client.initialize();
	});
	(opts.once ? after : afterEach)(async () => {
		await client?.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	});
	return {
		get dir() {
			return dir;
		},
		get client() {
			return client!;
		},
		uri: (name) => pathToFileURL(path.join(dir, name)).toString(),
	};
}
