import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CodeLens, Hover } from 'vscode-languageserver-protocol';
import { LspClient, serverOnTempWorkspace } from '../helpers/lsp';

const WEIBO_OVER = `---
platform: weibo
---
${'我们很高兴地宣布新品发布。'.repeat(12)}
`;

describe('language server over stdio', function () {
	this.timeout(30000);
	const server = serverOnTempWorkspace();

	it('publishes a platform-limit diagnostic covering exactly the overflow', async () => {
		const uri = server.uri('post.md');
		await server.client.open(uri, WEIBO_OVER);
		const diags = await server.client.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
		const d = diags.find((x) => x.code === 'platform-limit')!;
		assert.ok(d, JSON.stringify(diags));
		assert.equal(d.message, 'Weibo: 156/140 (16 over)');
		assert.equal(d.source, 'copydesk');
		assert.deepEqual(d.range, { start: { line: 3, character: 140 }, end: { line: 3, character: 156 } });
		assert.match(d.codeDescription!.href, /docs\/rules\/platform-limit\.md$/);
		assert.ok(fs.existsSync(new URL(d.codeDescription!.href)), 'the docs link points at a real file');
	});

	it('re-checks the unsaved buffer after an incremental edit', async () => {
		const uri = server.uri('post.md');
		await server.client.open(uri, WEIBO_OVER);
		await server.client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'platform-limit'));
		// Delete the last 20 characters of the body: now it fits.
		await server.client.change(uri, 2, [{ range: { start: { line: 3, character: 136 }, end: { line: 3, character: 156 } }, text: '' }]);
		const diags = await server.client.waitForDiagnostics(uri, (d) => d.version === 2);
		assert.deepEqual(diags.filter((x) => x.code === 'platform-limit'), []);
	});

	it('explains the count on hover', async () => {
		const uri = server.uri('post.md');
		await server.client.open(uri, WEIBO_OVER);
		await server.client.waitForDiagnostics(uri);
		const hover = await server.client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 5 } });
		assert.ok(hover);
		const md = (hover.contents as { value: string }).value;
		assert.match(md, /\*\*Weibo\*\*: 156\/140/);
		assert.match(md, /Chinese characters \(Han\) \| 144 \| 144/);
		assert.match(md, /Source: /);
	});

	it('puts a CodeLens above each post of a campaign file', async () => {
		const uri = server.uri('campaign.md');
		const text = `---
title: 发布
---
<!-- post platform=weibo -->
新品今天发布。
<!-- post platform=x locale=en -->
Our new product is out today.
`;
		await server.client.open(uri, text);
		await server.client.waitForDiagnostics(uri);
		const lenses = await server.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
		assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [
			[3, 'Weibo 7/140 · Han 100%'],
			[5, 'X 29/280'],
		]);
	});

	it('answers the status bar request for the post under the cursor', async () => {
		const uri = server.uri('campaign.md');
		await server.client.open(uri, '<!-- post platform=weibo -->\n新品今天发布。\n<!-- post platform=x -->\nhello\n');
		await server.client.waitForDiagnostics(uri);
		const s1 = await server.client.request<{ text: string; over: boolean }>('copydesk/status', { uri, position: { line: 1, character: 2 } });
		assert.deepEqual([s1.text, s1.over], ['Weibo 7/140', false]);
		const s2 = await server.client.request<{ text: string }>('copydesk/status', { uri, position: { line: 3, character: 1 } });
		assert.equal(s2.text, 'X 5/280');
	});

	it('speaks Chinese when the server.client display language is zh-cn', async () => {
		const zh = new LspClient({ rootPath: server.dir, settings: { debounce: 10 }, lang: 'zh-cn' });
		try {
			await zh.initialize();
			const uri = server.uri('zh.md');
			await zh.open(uri, WEIBO_OVER);
			const diags = await zh.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
			assert.equal(diags.find((d) => d.code === 'platform-limit')!.message, '微博：156/140（超出 16）');
		} finally {
			await zh.stop();
		}
	});

	it('turns a broken copydesk.json into one diagnostic in that file and keeps checking with defaults', async () => {
		const cfg = path.join(server.dir, 'copydesk.json');
		fs.writeFileSync(cfg, '{ "rules": { "platform-limit": "warning", } oops }');
		const uri = server.uri('post.md');
		await server.client.open(uri, WEIBO_OVER);
		const cfgDiags = await server.client.waitForDiagnostics(pathToFileURL(cfg).toString());
		assert.equal(cfgDiags.length, 1);
		assert.equal(cfgDiags[0].code, 'config');
		assert.match(String(cfgDiags[0].message), /not valid JSON/);
		// The draft is still checked, with the built-in severity (error), not the broken file's.
		const diags = await server.client.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
		assert.equal(diags.find((d) => d.code === 'platform-limit')!.severity, 1);
		// Fixing the file clears its diagnostic and applies it.
		fs.writeFileSync(cfg, '{ "rules": { "platform-limit": "warning" } }');
		await server.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(cfg).toString(), type: 2 }] });
		await server.client.waitForDiagnostics(pathToFileURL(cfg).toString(), (d) => d.diagnostics.length === 0);
		const after = await server.client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'platform-limit' && x.severity === 2));
		assert.ok(after.length);
		assert.ok(!server.client.exited);
	});

	it('reports malformed front matter on its line and survives', async () => {
		const uri = server.uri('bad.md');
		await server.client.open(uri, '---\nplatform: [weibo\n---\n正文\n');
		const diags = await server.client.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
		assert.equal(diags[0].code, 'front-matter');
		assert.equal(diags[0].range.start.line, 1);
		assert.ok(!server.client.exited);
	});

	it('applies editor settings to a draft opened after they were set: a rule turned off in settings', async () => {
		// Settings changed while a draft is open: test/server/settings.protocol.test.ts.
		server.client.settings = { debounce: 10, rules: { 'platform-limit': 'off' } };
		const uri = server.uri('post.md');
		await server.client.open(uri, WEIBO_OVER);
		const diags = await server.client.waitForDiagnostics(uri);
		assert.deepEqual(diags.filter((d) => d.code === 'platform-limit'), []);
	});

	it('offers a documentation action for a finding', async () => {
		const uri = server.uri('post.md');
		await server.client.open(uri, WEIBO_OVER);
		const diags = await server.client.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
		const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diags[0].range, context: { diagnostics: diags } });
		const docs = actions.find((a) => a.command?.command === 'copydesk.openRuleDocs');
		assert.ok(docs);
		assert.equal(docs.command!.arguments![0], 'platform-limit');
	});

	it('ignores Markdown files that are not drafts', async () => {
		const uri = server.uri('README.md');
		await server.client.open(uri, `# Notes\n\n${'We wrote a long English note here. '.repeat(20)}`);
		const diags = await server.client.waitForDiagnostics(uri);
		assert.deepEqual(diags, []);
	});
});
