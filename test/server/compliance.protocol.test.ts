import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp';
import { tempDir } from '../helpers/tmp';

const AD = `---
platform: weibo
---
本季最佳降噪，第一步先配对。
`;

describe('language server: compliance rules over stdio', function () {
	this.timeout(30000);
	let dir: string;
	let client: LspClient;

	before(async () => {
		dir = tempDir('lsp-');
		client = new LspClient({ rootPath: dir, settings: { debounce: 10 } });
		await client.initialize();
	});

	after(async () => {
		await client.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('flags 最佳 (not 第一步), explains the article and penalty on hover, offers the rewordings as quick fixes', async () => {
		const uri = pathToFileURL(path.join(dir, 'ad.md')).toString();
		await client.open(uri, AD);
		const diags = await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'ad-absolute-terms'));
		const mine = diags.filter((x) => x.code === 'ad-absolute-terms');
		assert.equal(mine.length, 1);
		const d = mine[0];
		assert.deepEqual(d.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 4 } });
		assert.equal(d.severity, 1);
		const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 3 } });
		const md = (hover!.contents as { value: string }).value;
		assert.match(md, /Advertising Law, Art\. 9\(3\)/);
		assert.match(md, /RMB 200,000–1,000,000/);
		const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
		const fixes = actions.filter((a) => a.edit);
		assert.deepEqual(fixes.map((a) => a.title), ['Replace "最佳" with "出色"', 'Replace "最佳" with "优质"']);
		const edits = Object.values(fixes[0].edit!.changes!)[0];
		assert.deepEqual(edits, [{ range: d.range, newText: '出色' }]);
	});
});
