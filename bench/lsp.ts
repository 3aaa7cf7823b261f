/**
 * A minimal LSP client for the benchmarks, mirroring test/helpers/lsp.ts: spawns the bundled
 * server over stdio, answers its configuration requests and resolves a promise when the
 * diagnostics for a given document version arrive.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	createProtocolConnection, StreamMessageReader, StreamMessageWriter,
	type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { SERVER_NODE_FLAGS } from '../server/src/shared/runtime';

export class BenchClient {
	readonly connection: ProtocolConnection;
	readonly proc: ChildProcess;
	private readonly waiting = new Map<string, { version: number; resolve: (d: PublishDiagnosticsParams) => void }>();
	stderr = '';

	constructor(serverBundle: string, private readonly rootPath: string, private readonly settings: Record<string, unknown>) {
		// Started as the VS Code client starts it (shared/runtime.ts), plus BENCH_SERVER_ARGS (e.g. a --cpu-prof).
		this.proc = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...(process.env.BENCH_SERVER_ARGS ? process.env.BENCH_SERVER_ARGS.split(' ') : []), serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
		this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
		this.connection = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
		this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
			const w = this.waiting.get(p.uri);
			if (w && p.version !== undefined && p.version >= w.version) {
				this.waiting.delete(p.uri);
				w.resolve(p);
			}
		});
		this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
		this.connection.onRequest('client/registerCapability', () => null);
		this.connection.onRequest('window/workDoneProgress/create', () => null);
		this.connection.listen();
	}

	async initialize(): Promise<void> {
		const rootUri = pathToFileURL(this.rootPath).toString();
		await this.connection.sendRequest('initialize', {
			processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }],
			initializationOptions: { lang: 'en' },
			capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
		});
		await this.connection.sendNotification('initialized', {});
	}

	/** Resolves when diagnostics for `uri` at `version` (or later) are published; rejects after `ms`. */
	diagnosticsFor(uri: string, version: number, ms = 30000): Promise<PublishDiagnosticsParams> {
		return new Promise((resolve, reject) => {
			const t = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${ms} ms; stderr: ${this.stderr}`)), ms);
			this.waiting.set(uri, { version, resolve: (d) => {
				clearTimeout(t);
				resolve(d);
			} });
		});
	}

	open(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
		const p = this.diagnosticsFor(uri, version);
		void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
		return p;
	}

	change(uri: string, version: number, changes: unknown[]): Promise<PublishDiagnosticsParams> {
		const p = this.diagnosticsFor(uri, version);
		void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
		return p;
	}

	/** Resident set size of the server process in bytes (Linux /proc), or undefined. */
	rss(): number | undefined {
		try {
			const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'));
			return m ? Number(m[1]) * 1024 : undefined;
		} catch {
			return undefined;
		}
	}

	async stop(): Promise<void> {
		try {
			await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
			const exited = new Promise((r) => this.proc.once('exit', r));
			await this.connection.sendNotification('exit');
			// Let it exit on its own (a profile asked for with BENCH_SERVER_ARGS is written at exit).
			await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
		} catch {
			// Already gone.
		}
		this.connection.dispose();
		this.proc.kill();
	}
}

/** The line and character of a UTF-16 offset. */
function position(text: string, offset: number): { line: number; character: number } {
	let line = 0;
	let last = 0;
	for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
		line++;
		last = i + 1;
	}
	return { line, character: offset - last };
}

/**
 * Per-edit latency of the server bundle (bench/run.ts and bench/latency.ts): didChange → publishDiagnostics
 * for that version, `n` edits at the start of post bodies spread over the file (a character inserted, then
 * deleted), measured after `warm` edits (typing is many edits in a row; the first ones after opening run
 * cold code). With the server's resident memory at the end.
 */
export async function editLatency(serverBundle: string, text: string, n: number, warm: number): Promise<{ times: number[]; rss?: number }> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-lsp-'));
	const client = new BenchClient(serverBundle, dir, { debounce: 0 });
	try {
		await client.initialize();
		const uri = pathToFileURL(path.join(dir, 'campaign.md')).toString();
		await client.open(uri, text);
		const bodies: number[] = [];
		for (let i = text.indexOf('-->\n'); i >= 0; i = text.indexOf('-->\n', i + 1)) {
			bodies.push(i + 4);
		}
		const times: number[] = [];
		let version = 1;
		for (let k = 0; k < warm + n; k++) {
			const at = position(text, bodies[Math.floor(k / 2) * 7919 % bodies.length]);
			const change = k % 2 === 0
				? { range: { start: at, end: at }, text: '新' }
				: { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
			const t = performance.now();
			await client.change(uri, ++version, [change]);
			if (k >= warm) {
				times.push(performance.now() - t);
			}
		}
		return { times, rss: client.rss() };
	} finally {
		await client.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}
