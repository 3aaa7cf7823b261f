import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fixAll, lint, resolveConfig, rules } from '../../server/src/engine';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND, PreviewRequest, ReportRequest, StatusRequest } from '../../server/src/shared/protocol';
import { LspClient } from '../helpers/lsp';
import { FIXTURES } from '../helpers/paths';
import { tempDir } from '../helpers/tmp';

const OVER = `---\nplatform: weibo\n---\n${'测'.repeat(150)}\n`;

function tmpWorkspace(files: Record<string, string>): string {
	const dir = tempDir('lsp-');
	fs.mkdirSync(path.join(dir, '.git'));
	for (const [name, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		fs.writeFileSync(path.join(dir, name), text);
	}
	return dir;
}

for (const [lang, expect] of [['zh-cn', { over: /微博：150\/140（超出 10）/, lens: /^微博 150\/140 · 汉字 100%$/, docs: /查看 platform-limit 的说明文档/, hover: /计数方式/ }], ['en', { over: /Weibo: 150\/140 \(10 over\)/, lens: /^Weibo 150\/140 · Han 100%$/, docs: /Show documentation for platform-limit/, hover: /Counting:/ }]] as const) {
	describe(`language server speaks ${lang}`, function () {
		this.timeout(20000);
		const ws = tmpWorkspace({ 'draft.md': OVER });
		const uri = pathToFileURL(path.join(ws, 'draft.md')).toString();
		let c: LspClient;
		before(async () => {
			c = new LspClient({ rootPath: ws, lang: lang === 'zh-cn' ? 'zh-CN' : 'en-US' });
			await c.initialize();
			await c.open(uri, OVER);
		});
		after(() => c.stop());

		it('diagnostics', async () => {
			const diags = await c.waitForDiagnostics(uri, (x) => x.diagnostics.length > 0);
			const d = diags.find((x) => x.code === 'platform-limit')!;
			assert.match(String(d.message), expect.over);
			assert.equal(d.source, 'copydesk');
			assert.ok(fs.existsSync(fileURLToPath(d.codeDescription!.href)), 'codeDescription points at a shipped docs page');
		});

		it('CodeLens, hover and status bar', async () => {
			const lenses = await c.request<any[]>('textDocument/codeLens', { textDocument: { uri } });
			assert.match(lenses[0].command.title, expect.lens);
			const hover = await c.request<any>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 5 } });
			assert.match(hover.contents.value, expect.hover);
			const status = await c.request<StatusRequest.Result>(StatusRequest.method, { uri, position: { line: 3, character: 0 } });
			assert.ok(status?.over);
			assert.match(status!.tooltip, lang === 'zh-cn' ? /光标所在帖子/ : /the post under the cursor/);
		});

		it('a "show documentation" action on every diagnostic, opening the shipped page', async () => {
			const diags = await c.waitForDiagnostics(uri, (x) => x.diagnostics.length > 0);
			for (const d of diags) {
				const actions = await c.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
				const docs = actions.find((a: any) => a.command?.command === 'copydesk.openRuleDocs' && a.command.arguments[0] === d.code);
				assert.ok(docs, `docs action for ${d.code}`);
				assert.match(docs.title, d.code === 'platform-limit' ? expect.docs : /./);
				assert.ok(fs.existsSync(fileURLToPath(docs.command.arguments[1])));
			}
		});
	});
}

describe('language server: fix all, preview and report', function () {
	this.timeout(20000);
	let c: LspClient;
	const ws = tmpWorkspace({ 'campaign.md': OVER, 'notes/plain.md': '# not a draft\n' });
	const uri = pathToFileURL(path.join(ws, 'campaign.md')).toString();
	before(async () => {
		c = new LspClient({ rootPath: ws });
		await c.initialize();
	});
	after(() => c.stop());

	it('advertises source.fixAll.copydesk', async () => {
		const c2 = new LspClient({ rootPath: ws });
		try {
			const init = (await c2.initialize()) as { capabilities: { codeActionProvider: { codeActionKinds: string[] } } };
			assert.ok(init.capabilities.codeActionProvider.codeActionKinds.includes(FIX_ALL_KIND));
		} finally {
			await c2.stop();
		}
	});

	it('offers no fix-all edit when nothing can be fixed', async () => {
		await c.open(uri, OVER);
		await c.waitForDiagnostics(uri);
		const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [FIX_ALL_KIND] } });
		assert.deepEqual(actions, []);
	});

	// Every fixture with a .fixed file is a fixable case: the server's source.fixAll.copydesk must give
	// the same text as the engine's fixAll over all rules, and be idempotent.
	const fixable = rules.filter((r) => r.meta.fixable).flatMap((r) => {
		const dir = path.join(FIXTURES, r.meta.id);
		return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.fixed\.(md|txt)$/.test(f)).map((f) => path.join(dir, f.replace('.fixed.', '.'))) : [];
	});
	it(`source.fixAll.copydesk equals the engine's fix-all (${fixable.length} fixtures)`, async function () {
		if (!fixable.length) {
			// No registered rule offers fixes yet (they arrive with the typography rules).
			this.skip();
		}
		for (const file of fixable) {
			const text = fs.readFileSync(file, 'utf8');
			const u = pathToFileURL(path.join(ws, `fix-${path.basename(file)}`)).toString();
			await c.open(u, text);
			await c.waitForDiagnostics(u);
			const actions = await c.request<any[]>('textDocument/codeAction', { textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [FIX_ALL_KIND] } });
			const config = resolveConfig([]);
			const expected = fixAll(text, (t) => lint({ text: t, config, matchedDraftGlob: false }).findings).text;
			const edits = actions[0]?.edit?.changes?.[u] ?? [];
			const doc = TextDocument.create(u, 'markdown', 1, text);
			assert.equal(TextDocument.applyEdits(doc, edits), expected, path.basename(file));
		}
	});

	it('copydesk/preview returns the cards of the unsaved text', async () => {
		const u = pathToFileURL(path.join(ws, 'preview.md')).toString();
		await c.open(u, '---\nplatform: weibo\nmode: long\n---\n#话题# 内容\n');
		const m = await c.request<PreviewRequest.Result>(PreviewRequest.method, { uri: u });
		assert.equal(m?.cards.length, 1);
		assert.deepEqual(m!.cards[0].segments.map((s) => s.kind), ['hashtag', 'text']);
		const none = await c.request<PreviewRequest.Result>(PreviewRequest.method, { uri: pathToFileURL(path.join(ws, 'missing.md')).toString() });
		assert.equal(none, null);
	});

	it('copydesk/report reports a folder, with open editors\' unsaved text', async () => {
		await c.open(uri, `---\nplatform: weibo\n---\n短文，已改好。\n`, 'markdown', 2);
		const r = await c.request<ReportRequest.Result>(ReportRequest.method, { uris: [pathToFileURL(ws).toString()], format: 'md' });
		assert.equal(r.posts, 1);
		assert.match(r.content, /## campaign\.md/);
		assert.match(r.content, /\| Weibo \| body \| 7\/140 \| ✔ fits \|/);
		const html = await c.request<ReportRequest.Result>(ReportRequest.method, { uris: [uri], format: 'html', csp: "default-src 'none'; style-src 'nonce-abc'", styleNonce: 'abc' });
		assert.match(html.content, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-abc&#39;">/);
		assert.match(html.content, /<style nonce="abc">/);
		assert.ok(!/<script/i.test(html.content));
	});
});

describe('language server: disable comments', function () {
	this.timeout(20000);
	const ws = tmpWorkspace({ 'sale.md': OVER });
	const uri = pathToFileURL(path.join(ws, 'sale.md')).toString();
	let c: LspClient;
	before(async () => {
		c = new LspClient({ rootPath: ws, lang: 'en-US' });
		await c.initialize();
		await c.open(uri, OVER);
	});
	after(() => c.stop());

	it('a directive hides the diagnostic as the CLI does; without a reason it is flagged instead', async () => {
		const before = await c.waitForDiagnostics(uri, (x) => x.diagnostics.length > 0);
		assert.deepEqual(before.map((d) => d.code), ['platform-limit']);
		const withReason = OVER.replace('---\n测', '---\n<!-- copydesk-disable-next-line platform-limit -- approved long copy -->\n测');
		await c.change(uri, 2, [{ text: withReason }]);
		assert.deepEqual(await c.waitForDiagnostics(uri, (x) => x.version === 2), []);
		await c.change(uri, 3, [{ text: withReason.replace(' -- approved long copy', '') }]);
		const flagged = await c.waitForDiagnostics(uri, (x) => x.version === 3);
		assert.deepEqual(flagged.map((d) => [d.code, d.range.start.line]), [['disable-reason', 3]]);
	});
});
