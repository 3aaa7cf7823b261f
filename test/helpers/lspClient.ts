/**
 * A small JSON-RPC client for protocol tests: spawns the bundled language server
 * (server/out/server.js --stdio), frames messages with Content-Length headers, answers the
 * server's own requests (workspace/configuration) and collects its notifications.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import { ROOT, SERVER_BUNDLE } from './paths';

type Json = any;

/** Builds the bundles when they are missing (mocha run without `npm test`). */
export function ensureBundles(): void {
	if (!fs.existsSync(SERVER_BUNDLE)) {
		const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
		if (r.status !== 0) {
			throw new Error(`build failed: ${r.stderr}`);
		}
	}
}

export class LspClient {
	private proc: ChildProcessWithoutNullStreams;
	private buf = Buffer.alloc(0);
	private nextId = 1;
	private pending = new Map<number, { resolve: (v: Json) => void; reject: (e: Error) => void }>();
	readonly notifications: { method: string; params: Json }[] = [];
	private waiters: { test: (n: { method: string; params: Json }) => boolean; resolve: (v: Json) => void }[] = [];
	/** What the server gets for workspace/configuration. */
	settings: Json = null;

	constructor(cwd = ROOT) {
		ensureBundles();
		this.proc = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { cwd, stdio: 'pipe' });
		this.proc.stdout.on('data', (d: Buffer) => this.onData(d));
	}

	private onData(d: Buffer): void {
		this.buf = Buffer.concat([this.buf, d]);
		for (;;) {
			const headerEnd = this.buf.indexOf('\r\n\r\n');
			if (headerEnd < 0) {
				return;
			}
			const m = /Content-Length: (\d+)/i.exec(this.buf.subarray(0, headerEnd).toString('ascii'));
			const len = Number(m?.[1] ?? 0);
			if (this.buf.length < headerEnd + 4 + len) {
				return;
			}
			const msg = JSON.parse(this.buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8'));
			this.buf = this.buf.subarray(headerEnd + 4 + len);
			this.dispatch(msg);
		}
	}

	private dispatch(msg: Json): void {
		if (msg.id !== undefined && msg.method === undefined) {
			const p = this.pending.get(msg.id);
			this.pending.delete(msg.id);
			if (msg.error) {
				p?.reject(new Error(msg.error.message));
			} else {
				p?.resolve(msg.result);
			}
		} else if (msg.id !== undefined) {
			// A request from the server: configuration gets the test's settings, the rest null.
			const result = msg.method === 'workspace/configuration' ? (msg.params.items ?? []).map(() => this.settings) : null;
			this.write({ jsonrpc: '2.0', id: msg.id, result });
		} else {
			const n = { method: msg.method, params: msg.params };
			this.notifications.push(n);
			this.waiters = this.waiters.filter((w) => (w.test(n) ? (w.resolve(n.params), false) : true));
		}
	}

	private write(msg: Json): void {
		const body = Buffer.from(JSON.stringify(msg), 'utf8');
		this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
		this.proc.stdin.write(body);
	}

	request<T = Json>(method: string, params: Json): Promise<T> {
		const id = this.nextId++;
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			this.write({ jsonrpc: '2.0', id, method, params });
		});
	}

	notify(method: string, params: Json): void {
		this.write({ jsonrpc: '2.0', method, params });
	}

	/** The next notification (already received or coming) that passes `test`. */
	waitFor(method: string, test: (params: Json) => boolean = () => true, timeoutMs = 10000): Promise<Json> {
		const hit = this.notifications.find((n) => n.method === method && test(n.params));
		if (hit) {
			return Promise.resolve(hit.params);
		}
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms`)), timeoutMs);
			this.waiters.push({ test: (n) => n.method === method && test(n.params), resolve: (v) => (clearTimeout(timer), resolve(v)) });
		});
	}

	async initialize(opts: { lang?: string; rootUri?: string; configuration?: boolean } = {}): Promise<Json> {
		const result = await this.request('initialize', {
			processId: process.pid,
			rootUri: opts.rootUri ?? null,
			workspaceFolders: opts.rootUri ? [{ uri: opts.rootUri, name: 'ws' }] : null,
			capabilities: { workspace: { configuration: opts.configuration ?? false } },
			initializationOptions: opts.lang ? { lang: opts.lang } : undefined,
		});
		this.notify('initialized', {});
		return result;
	}

	open(uri: string, text: string, languageId = 'markdown', version = 1): void {
		this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
	}

	async close(): Promise<void> {
		try {
			await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
			this.notify('exit', null);
		} finally {
			setTimeout(() => this.proc.kill(), 200).unref();
		}
	}
}
