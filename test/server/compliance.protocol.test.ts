import * as assert from 'node:assert/strict';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { serverOnTempWorkspace } from '../helpers/lsp';

const AD = `---
platform: weibo
---
本季最佳降噪，第一步先配对。
`;

describe('language server: compliance rules over stdio', function () {
	this.timeout(30000);
	const server = serverOnTempWorkspace({ once: true });

	it('flags 最佳 (not 第一步), explains the article and penalty on hover, offers the rewordings as quick fixes', async () => {
		const uri = server.uri('ad.md');
		await server.client.open(uri, AD);
		const diags = await server.client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'ad-absolute-terms'));
		const mine = diags.filter((x) => x.code === 'ad-absolute-terms');
		assert.equal(mine.length, 1);
		const d = mine[0];
		assert.deepEqual(d.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 4 } });
		assert.equal(d.severity, 1);
		const hover = await server.client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 3 } });
		const md = (hover!.contents as { value: string }).value;
		assert.match(md, /Advertising Law, Art\. 9\(3\)/);
		assert.match(md, /RMB 200,000–1,000,000/);
		const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
		const fixes = actions.filter((a) => a.edit);
		assert.deepEqual(fixes.map((a) => a.title), ['Replace "最佳" with "出色"', 'Replace "最佳" with "优质"']);
		const edits = Object.values(fixes[0].edit!.changes!)[0];
		assert.deepEqual(edits, [{ range: d.range, newText: '出色' }]);
	});
});
