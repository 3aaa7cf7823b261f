/**
 * Issue 12 through the bundled language server: the LSP lifecycle by the book, a huge
 * document that leaves the server free to answer, and a data-only pack with names reserved by
 * JavaScript that cannot switch checking off.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspClient, serverOnTempWorkspace } from '../helpers/lsp';
import { tempDir } from '../helpers/tmp';

const OVER = `---\nplatform: weibo\n---\n${'我们很高兴地宣布新品发布。'.repeat(12)}\n`;

async function code(p: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await p;
		return 'ok';
	} catch (e) {
		return (e as { code: number }).code;
	}
}

describe('language server: lifecycle (issue 12, 7)', function () {
	this.timeout(30000);
	let client: LspClient | undefined;
	afterEach(async () => client?.stop());

	it('answers ServerNotInitialized before initialize, and InvalidRequest after shutdown', async () => {
		const dir = tempDir('life-');
		client = new LspClient({ rootPath: dir });
		const hover = () => client!.request('textDocument/hover', { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 0 } });
		const status = () => client!.request('copydesk/status', { uri: 'file:///x.md', position: { line: 0, character: 0 } });
		assert.equal(await code(hover()), -32002);
		assert.equal(await code(status()), -32002);
		// A document opened before initialize is not taken in.
		await client.open('file:///early.md', OVER);
		await client.initialize();
		assert.equal(await code(hover()), 'ok');
		assert.equal(await code(client.request('initialize', { processId: null, rootUri: null, capabilities: {} })), -32600, 'a second initialize');
		assert.equal(await code(client.request('shutdown', null)), 'ok');
		assert.equal(await code(hover()), -32600);
		assert.equal(await code(status()), -32600);
		assert.equal(await code(client.request('textDocument/codeAction', { textDocument: { uri: 'file:///x.md' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })), -32600);
	});
});

describe('language server: a huge document (issue 12, 5)', function () {
	this.timeout(60000);
	const server = serverOnTempWorkspace();

	it('a 10 MB didOpen is one "file" diagnostic, and hover on another document still answers at once', async () => {
		const huge = server.uri('huge.md');
		const small = server.uri('small.md');
		await server.client.open(small, OVER);
		await server.client.waitForDiagnostics(small, (d) => d.diagnostics.length > 0);
		await server.client.open(huge, `---\nplatform: weibo\n---\n${'很长的正文，一行到底。'.repeat(500000)}`);
		const hover = await server.client.request<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position: { line: 3, character: 5 } });
		assert.ok(hover, 'hover answered');
		const diags = await server.client.waitForDiagnostics(huge, (d) => d.diagnostics.length > 0, 20000);
		assert.equal(diags.length, 1, JSON.stringify(diags.map((d) => d.message)));
		assert.equal(diags[0].code, 'file');
		assert.match(String(diags[0].message), /over the limit of 2097152 bytes for a draft: it was not checked/);
		// Fix-all on it offers nothing (and does not check it either).
		const actions = await server.client.request<unknown[]>('textDocument/codeAction', {
			textDocument: { uri: huge }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
		});
		assert.deepEqual(actions, []);
	});
});

describe('language server: a data-only pack with reserved names (issue 12, 4)', function () {
	this.timeout(30000);
	const server = serverOnTempWorkspace();

	it('publishes the pack problems and still checks every draft; hover works', async () => {
		fs.mkdirSync(path.join(server.dir, 'p'));
		// JSON text: in a JavaScript object literal, __proto__ would set the prototype instead of naming a key.
		fs.writeFileSync(path.join(server.dir, 'p', 'copydesk-pack.json'),
			'{ "name": "evil", "version": "1.0.0", "platforms": { "evil": { "extends": "__proto__" }, "constructor": { "limit": 5 } } }');
		fs.writeFileSync(path.join(server.dir, 'copydesk.json'), '{ "packs": ["./p"] }');
		const uri = server.uri('post.md');
		await server.client.open(uri, OVER);
		const diags = await server.client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'platform-limit'));
		assert.ok(diags.some((d) => d.message === 'Weibo: 156/140 (16 over)'));
		const pack = await server.client.waitForDiagnostics(server.uri('p/copydesk-pack.json'), (d) => d.diagnostics.length > 0);
		assert.ok(pack.some((d) => /"__proto__" cannot be used as a name here/.test(String(d.message))), JSON.stringify(pack));
		assert.ok(pack.some((d) => /"constructor" cannot be used as a name here/.test(String(d.message))));
		const hover = await server.client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 5 } });
		assert.match((hover!.contents as { value: string }).value, /\*\*Weibo\*\*: 156\/140/);
		const status = await server.client.request<unknown>('copydesk/status', { uri, position: { line: 3, character: 5 } });
		assert.ok(status);
	});
});
