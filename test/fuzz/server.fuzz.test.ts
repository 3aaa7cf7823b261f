/**
 * Seeded fuzzing of the bundled language server over stdio: hostile documents opened, edited
 * at random (ranges past the end included), closed and reopened, with hover, CodeLens, code
 * actions, status and preview requests in between, while the workspace's copydesk.json, team
 * pack files and .copydeskignore are rewritten with broken versions. The server never dies, every request
 * answers within a bounded wait, and each open document ends with diagnostics for its last
 * version. COPYDESK_FUZZ_SEED and COPYDESK_FUZZ_RUNS replay a failure or run longer.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { campaignFile } from '../../bench/corpus';
import { PreviewRequest, StatusRequest } from '../../server/src/shared/protocol';
import { ensureBundles } from '../helpers/cli';
import { LspClient } from '../helpers/lsp';
import { SEED, draft, edit, hugeLine, int, mutateJson, pick, random, scaled } from './gen';
import { tempDir } from '../helpers/tmp';

/** A workspace with a config, a team pack and an ignore file, rewritten with broken versions as the test runs. */
const WORKSPACE: Record<string, unknown> = {
	'copydesk.json': { defaultPlatform: 'weibo', packs: ['./packs/p'], drafts: ['**/*.md'], rules: { 'platform-fold': 'info' }, platforms: { c: { unit: 'char', limit: 30, hashtag: 'none' } } },
	'packs/p/copydesk-pack.json': { name: 'p', version: '1.0.0', description: 'fuzz', snippets: ['snippets.json'], terms: 'terms.json', rules: { 'platform-limit': 'error' } },
	'packs/p/snippets.json': { A: { prefix: 'fz-a', platforms: ['weibo'], description: 'd', body: ['#话题# ${1:正文} $0'] } },
	'packs/p/terms.json': [{ forbidden: ['坏词'], preferred: '好词' }],
	'.copydeskignore': 'ignored/\n*.tmp.md\n!keep.md\n',
};

/** How long any one request may take to answer: far above any real answer, so only a hang or a dead server fails. */
const ANSWER_WITHIN_MS = 10_000;

describe(`fuzz: language server over stdio (seed ${SEED})`, function () {
	this.timeout(120_000);
	let dir: string;
	let client: LspClient;
	let slowest = 0;

	before(async () => {
		ensureBundles();
		dir = tempDir('fuzz-');
		for (const [file, value] of Object.entries(WORKSPACE)) {
			fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
			fs.writeFileSync(path.join(dir, file), typeof value === 'string' ? value : JSON.stringify(value, null, '\t'));
		}
		client = new LspClient({ rootPath: dir, settings: { debounce: 0 } });
		await client.initialize();
	});

	after(async () => {
		await client.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	async function answered<T>(what: string, p: Promise<T>): Promise<T> {
		const t = performance.now();
		let timer: ReturnType<typeof setTimeout> | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ANSWER_WITHIN_MS} ms (seed ${SEED}); exited: ${client.exited}; stderr: ${client.stderr}`)), ANSWER_WITHIN_MS);
		});
		try {
			return await Promise.race([p, timeout]);
		} finally {
			clearTimeout(timer);
			slowest = Math.max(slowest, performance.now() - t);
		}
	}

	it('survives random documents, edits and requests, and answers every request', async () => {
		const r = random(21);
		const docs = new Map<string, TextDocument>();
		const diagnostics = new Map<string, Diagnostic[]>();
		const uriOf = (i: number) => pathToFileURL(path.join(dir, `draft-${i}.md`)).toString();
		const open = async (uri: string, text: string) => {
			docs.set(uri, TextDocument.create(uri, 'markdown', 1, text));
			await client.open(uri, text, 'markdown', 1);
		};
		// A few documents to start with: hostile drafts, a campaign, a 1 MB line.
		for (let i = 0; i < 6; i++) {
			await open(uriOf(i), i === 0 ? campaignFile(SEED, 20) : i === 1 ? `---\nplatform: ${pick(r, ['weibo', 'wechat', 'bluesky', 'linkedin'])}\n---\n${hugeLine(r, 1024 * 1024)}\n` : draft(r, 200 + int(r, 4000)));
		}
		const steps = scaled(150);
		for (let step = 0; step < steps; step++) {
			const uri = pick(r, [...docs.keys()]);
			const doc = docs.get(uri)!;
			const text = doc.getText();
			const at = () => (r() < 0.1 ? { line: int(r, doc.lineCount + 3), character: int(r, 500) } : doc.positionAt(int(r, text.length + 1)));
			const x = r();
			const where = `step ${step} (seed ${SEED}) on ${path.basename(uri)}`;
			if (x < 0.45) {
				// Edit: ranges may run past the end of a line or of the document, as a buggy client's might.
				const e = edit(r, text);
				type Position = { line: number; character: number };
				const ordered = (a: Position, b: Position) => (b.line < a.line || (b.line === a.line && b.character < a.character) ? { start: b, end: a } : { start: a, end: b });
				const change = r() < 0.1
					? { range: ordered(at(), at()), text: e.newText }
					: r() < 0.05 ? { text: draft(r, 300) } : { range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, text: e.newText };
				docs.set(uri, TextDocument.update(doc, [change], doc.version + 1));
				await client.change(uri, doc.version + 1, [change]);
			} else if (x < 0.58) {
				await answered(`hover at ${where}`, client.request('textDocument/hover', { textDocument: { uri }, position: at() }));
			} else if (x < 0.68) {
				await answered(`codeLens at ${where}`, client.request('textDocument/codeLens', { textDocument: { uri } }));
			} else if (x < 0.8) {
				const start = at();
				await answered(`codeAction at ${where}`, client.request('textDocument/codeAction', {
					textDocument: { uri }, range: { start, end: r() < 0.5 ? start : at() },
					context: { diagnostics: (diagnostics.get(uri) ?? []).slice(0, 5), only: r() < 0.2 ? ['source.fixAll.copydesk'] : undefined },
				}));
			} else if (x < 0.88) {
				await answered(`status at ${where}`, client.request<StatusRequest.Result>(StatusRequest.method, { uri, position: at() }));
			} else if (x < 0.93) {
				await answered(`preview at ${where}`, client.request<PreviewRequest.Result>(PreviewRequest.method, { uri }));
			} else if (x < 0.96) {
				await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
				docs.delete(uri);
				const next = uriOf(100 + step);
				await open(next, r() < 0.5 ? doc.getText() : draft(r, 2000));
			} else if (x < 0.985) {
				// A broken workspace file: the server reloads and keeps answering.
				const file = pick(r, Object.keys(WORKSPACE));
				const base = WORKSPACE[file];
				const text = typeof base === 'string' ? pick(r, ['', '!', '**', '[', '\\', '/', '\ud800', base + draft(r, 80)]) : mutateJson(r, base, JSON.stringify(base));
				fs.writeFileSync(path.join(dir, file), text);
				await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, file)).toString(), type: 2 }] });
			} else {
				// A document that is not open: requests still answer.
				await answered(`hover on a closed document at ${where}`, client.request('textDocument/hover', { textDocument: { uri: uriOf(9999) }, position: { line: 0, character: 0 } }));
			}
			assert.ok(!client.exited, `the server died at ${where}: ${client.stderr}`);
		}
		// Every open document ends with diagnostics for its last version.
		for (const [uri, doc] of docs) {
			const d = await answered(`diagnostics of ${path.basename(uri)} v${doc.version}`, client.waitForDiagnostics(uri, (p) => p.version === undefined || p.version >= doc.version, ANSWER_WITHIN_MS));
			diagnostics.set(uri, d);
			for (const x of d) {
				assert.ok(x.range.start.line <= x.range.end.line && x.range.end.line < doc.lineCount + 1, `diagnostic range inside ${path.basename(uri)}`);
			}
		}
		assert.ok(!client.exited, `the server died: ${client.stderr}`);
		if (process.env.COPYDESK_FUZZ_VERBOSE) {
			console.log(`    slowest answer: ${slowest.toFixed(0)} ms over ${steps} steps`);
		}
	});
});
