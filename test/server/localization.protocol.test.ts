import * as assert from 'node:assert/strict';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serverOnTempWorkspace } from '../helpers/lsp';

const DRAFT = `---
platform: weibo
---
#新品发布 我們的新產品今天開售，歡迎到門店試戴。
`;

describe('language server over stdio: zh-script and hashtag-syntax fixes', function () {
	this.timeout(30000);
	const server = serverOnTempWorkspace();

	const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, text), edits);

	it('the bundled server flags Traditional on Weibo and an unclosed topic, with quick fixes (script conversion is a content fix: no fix-all for it by default)', async () => {
		const uri = server.uri('post.md');
		await server.client.open(uri, DRAFT);
		const diags = await server.client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'zh-script'));
		const script = diags.filter((d) => d.code === 'zh-script');
		assert.equal(script.length, 2);
		assert.ok(diags.some((d) => d.code === 'hashtag-syntax'));
		const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: script[0].range, context: { diagnostics: script } });
		const quick = actions.find((a) => a.isPreferred && a.diagnostics?.[0].code === 'zh-script');
		assert.ok(quick, JSON.stringify(actions.map((a) => a.title)));
		assert.equal(apply(DRAFT, quick.edit!.changes![uri]), DRAFT.replace('我們的新產品今天開售', '我们的新产品今天开售'));
		const all = actions.find((a) => a.title.includes('zh-script') && a.edit);
		assert.equal(all, undefined, 'no fix-all for a content rule unless copydesk.fix.types asks for content');
	});

	it('source.fixAll.copydesk applies the topic fix and leaves the script (content) alone', async () => {
		const uri = server.uri('post.md');
		await server.client.open(uri, DRAFT);
		await server.client.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
		const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.copydesk'] } });
		assert.equal(actions.length, 1);
		assert.equal(apply(DRAFT, actions[0].edit!.changes![uri]), '---\nplatform: weibo\n---\n#新品发布# 我們的新產品今天開售，歡迎到門店試戴。\n');
	});
});

describe('language server over stdio: copydesk.fix.types with content', function () {
	this.timeout(30000);
	const server = serverOnTempWorkspace({ settings: { debounce: 10, fix: { types: ['typography', 'syntax', 'content'] } } });
	const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, text), edits);

	it('fix-all for zh-script and source.fixAll.copydesk convert the script', async () => {
		const uri = server.uri('post.md');
		await server.client.open(uri, DRAFT);
		const diags = await server.client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'zh-script'));
		const script = diags.filter((d) => d.code === 'zh-script');
		const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: script[0].range, context: { diagnostics: script } });
		const all = actions.find((a) => a.title.includes('zh-script') && a.edit);
		assert.ok(all, 'a fix-all action for zh-script');
		assert.equal(apply(DRAFT, all.edit!.changes![uri]), DRAFT.replace('我們的新產品今天開售，歡迎到門店試戴', '我们的新产品今天开售，欢迎到门店试戴'));
		const save = await server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.copydesk'] } });
		assert.equal(apply(DRAFT, save[0].edit!.changes![uri]), '---\nplatform: weibo\n---\n#新品发布# 我们的新产品今天开售，欢迎到门店试戴。\n');
	});
});
