/**
 * Fix-on-save (source.fixAll.copydesk) over the protocol gives the same text as `check --fix` on issue
 * 11's examples (test/fixtures/fix-all/), with `copydesk.fix.types` as the fixture asks; content fixes
 * stay quick fixes; a shared body whose fixes clash offers "Split into one post per platform".
 */
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from '../../server/src/shared/protocol';
import { fixAllFixtures } from '../helpers/fixAllFixtures';
import { serverOnTempWorkspace } from '../helpers/lsp';

const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, text), edits);
const CONTENT = ['typography', 'syntax', 'content'];

for (const [label, settings, withContent] of [
	['default fix types', { debounce: 10 }, false],
	['copydesk.fix.types with content', { debounce: 10, fix: { types: CONTENT } }, true],
] as const) {
	describe(`language server: fix-on-save on the fix-all fixtures (${label})`, function () {
		this.timeout(30000);
		const server = serverOnTempWorkspace({ once: true, settings });
		const fixtures = fixAllFixtures().filter((f) => (f.kinds?.includes('content') ?? false) === withContent);

		it('has fixtures', () => assert.ok(fixtures.length > 0));

		for (const fx of fixtures) {
			(fx.pending ? it.skip : it)(`${fx.name}${fx.pending ? ` (pending: ${fx.pending})` : ''}`, async () => {
				const uri = server.uri(`${fx.name}.md`);
				await server.client.open(uri, fx.text);
				await server.client.waitForDiagnostics(uri, () => true);
				const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [FIX_ALL_KIND] } });
				const fixed = actions.length ? apply(fx.text, actions[0].edit!.changes![uri]) : fx.text;
				assert.equal(fixed, fx.fixed);
			});
		}
	});
}

describe('language server: content fixes are offered; a clashing shared body offers a split', function () {
	this.timeout(30000);
	const server = serverOnTempWorkspace({ once: true });
	const TEXT = '---\nplatforms: [weibo, x]\n---\n新款 XPS 13 限时优惠，到手价 7988 元，点击链接立即购买 https://dell.com/xps\n';

	const actionsFor = async (uri: string, d: Diagnostic) => server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });

	it('the #ad fix X asks for breaks Weibo: its finding offers "Split into one post per platform", which writes one post per platform', async () => {
		const uri = server.uri('shared.md');
		await server.client.open(uri, TEXT);
		const diags = await server.client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'ad-disclosure'));
		const ad = diags.filter((d) => d.code === 'ad-disclosure');
		const x = ad.find((d) => String(d.message).includes('#ad'))!;
		const weibo = ad.find((d) => String(d.message).includes('广告'))!;
		const xActions = await actionsFor(uri, x);
		// The label itself stays a quick fix (a content fix, never applied on save).
		assert.ok(xActions.some((a) => a.title.includes('#ad') && a.edit), JSON.stringify(xActions.map((a) => a.title)));
		const split = xActions.find((a) => a.title === 'Split into one post per platform');
		assert.ok(split, JSON.stringify(xActions.map((a) => a.title)));
		assert.equal(apply(TEXT, split.edit!.changes![uri]), '---\nplatforms: [weibo, x]\n---\n<!-- post platform=weibo -->\n新款 XPS 13 限时优惠，到手价 7988 元，点击链接立即购买 https://dell.com/xps\n<!-- post platform=x -->\n新款 XPS 13 限时优惠，到手价 7988 元，点击链接立即购买 https://dell.com/xps\n');
		// The split is offered for X's label (the one that breaks Weibo), not for Weibo's 【广告】, which breaks nothing on X.
		assert.equal(String(split.diagnostics?.[0].message), String(x.message));
		const wActions = await actionsFor(uri, weibo);
		assert.ok(wActions.some((a) => a.title.includes('【广告】')));
		assert.ok(!wActions.some((a) => a.title === 'Split into one post per platform' && String(a.diagnostics?.[0].message) === String(weibo.message)));
		// Fix-on-save leaves both labels out.
		const save = await server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: x.range, context: { diagnostics: [], only: [FIX_ALL_KIND] } });
		assert.deepEqual(save, []);
	});
});

describe('language server: a post kept within its limit says so once', function () {
	this.timeout(30000);
	const server = serverOnTempWorkspace({ once: true });

	it('fix-on-save leaves the lengthening fixes out and shows one note, not at every save', async () => {
		const fx = fixAllFixtures().find((f) => f.name === 'weibo-at-limit')!;
		const uri = server.uri('limit.md');
		await server.client.open(uri, fx.text);
		await server.client.waitForDiagnostics(uri, () => true);
		const ask = () => server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [FIX_ALL_KIND] } });
		assert.deepEqual(await ask(), []);
		assert.deepEqual(await ask(), []);
		// The request that follows is answered after the notifications sent before it.
		await ask();
		const notes = server.client.notifications.filter((n) => n.method === 'window/showMessage').map((n) => (n.params as { message: string }).message);
		assert.equal(notes.length, 1, JSON.stringify(notes));
		assert.match(notes[0], /^Copydesk, post 1 \(weibo\): Fixes that lengthen this post were left out of fix-all: with them its body would be \d+\/140/);
	});
});
