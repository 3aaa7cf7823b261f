import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from '../helpers/lsp';
import { tempDir } from '../helpers/tmp';

const DRAFT = `---
platform: weibo
---
#新品发布 我們的新產品今天開售，歡迎到門店試戴。
`;

describe('language server over stdio: zh-script and hashtag-syntax fixes', function () {
	this.timeout(30000);
	let dir: string;
	let client: LspClient;

	beforeEach(async () => {
		dir = tempDir('lsp-');
		client = new LspClient({ rootPath: dir, settings: { debounce: 10 } });
		await client.initialize();
	});

	afterEach(async () => {
		await client.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, text), edits);

	it('the bundled server flags Traditional on Weibo and an unclosed topic, with quick fixes and a fix-all for the rule', async () => {
		const uri = pathToFileURL(path.join(dir, 'post.md')).toString();
		await client.open(uri, DRAFT);
		const diags = await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'zh-script'));
		const script = diags.filter((d) => d.code === 'zh-script');
		assert.equal(script.length, 2);
		assert.ok(diags.some((d) => d.code === 'hashtag-syntax'));
		const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: script[0].range, context: { diagnostics: script } });
		const quick = actions.find((a) => a.isPreferred && a.diagnostics?.[0].code === 'zh-script');
		assert.ok(quick, JSON.stringify(actions.map((a) => a.title)));
		assert.equal(apply(DRAFT, quick.edit!.changes![uri]), DRAFT.replace('我們的新產品今天開售', '我们的新产品今天开售'));
		const all = actions.find((a) => a.title.includes('zh-script') && a.edit);
		assert.ok(all, 'a fix-all action for zh-script');
		assert.equal(apply(DRAFT, all.edit!.changes![uri]), DRAFT.replace('我們的新產品今天開售，歡迎到門店試戴', '我们的新产品今天开售，欢迎到门店试戴'));
	});

	it('source.fixAll.copydesk applies both rules', async () => {
		const uri = pathToFileURL(path.join(dir, 'post.md')).toString();
		await client.open(uri, DRAFT);
		await client.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
		const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.copydesk'] } });
		assert.equal(actions.length, 1);
		assert.equal(apply(DRAFT, actions[0].edit!.changes![uri]), '---\nplatform: weibo\n---\n#新品发布# 我们的新产品今天开售，欢迎到门店试戴。\n');
	});
});
