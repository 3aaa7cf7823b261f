/**
 * The typography rules' fixes over the protocol: source.fixAll.copydesk, "fix all of this rule"
 * and single quick fixes are generic in the server; these tests prove they cover zh-spacing and
 * zh-punctuation, and that a workspace copydesk.json (exceptions) reaches the fixes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from '../../server/src/shared/protocol';
import { LspClient } from '../helpers/lsp';
import { tempDir } from '../helpers/tmp';

const HEAD = '---\nplatform: weibo\n---\n';
const TEXT = `${HEAD}在LeanCloud上,数据存储花了5000元!!用豆瓣FM听歌\n`;

describe('language server: zh-spacing and zh-punctuation fixes', function () {
	this.timeout(20000);
	const ws = tempDir('zh-');
	fs.mkdirSync(path.join(ws, '.git'));
	fs.writeFileSync(path.join(ws, 'copydesk.json'), JSON.stringify({ rules: { 'zh-spacing': { exceptions: ['豆瓣FM'] } } }));
	const uri = pathToFileURL(path.join(ws, 'post.md')).toString();
	let c: LspClient;
	const apply = (edits: any[]) => TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, TEXT), edits);
	before(async () => {
		c = new LspClient({ rootPath: ws });
		await c.initialize();
		await c.open(uri, TEXT);
	});
	after(async () => {
		await c.stop();
		fs.rmSync(ws, { recursive: true, force: true });
	});

	it('publishes findings of both rules', async () => {
		const diags = await c.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
		const codes = new Set(diags.map((d) => d.code));
		assert.ok(codes.has('zh-spacing') && codes.has('zh-punctuation'), JSON.stringify([...codes]));
	});

	it('source.fixAll.copydesk applies both rules to a fixed point, with the workspace exceptions', async () => {
		const actions = await c.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [FIX_ALL_KIND] } });
		assert.equal(actions.length, 1);
		assert.equal(apply(actions[0].edit.changes[uri]), `${HEAD}在 LeanCloud 上，数据存储花了 5000 元！用豆瓣FM 听歌\n`);
	});

	for (const [rule, expected] of [
		['zh-spacing', `${HEAD}在 LeanCloud 上,数据存储花了 5000 元!!用豆瓣FM 听歌\n`],
		['zh-punctuation', `${HEAD}在LeanCloud上，数据存储花了5000元！用豆瓣FM听歌\n`],
	] as const) {
		it(`"fix all ${rule} problems" changes only that rule's findings`, async () => {
			const diags = await c.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
			const d = diags.find((x) => x.code === rule)!;
			const actions = await c.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
			const all = actions.find((a) => a.title === `Fix all ${rule} problems in this file`);
			assert.ok(all, actions.map((a) => a.title).join(' | '));
			assert.equal(apply(all.edit.changes[uri]), expected);
		});
	}

	it('the hover over a finding cites the guidelines', async () => {
		await c.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
		// Line 4 of the draft: 在LeanCloud上,… — the half-width comma is at character 12.
		const hover = await c.request<any>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 12 } });
		assert.match(JSON.stringify(hover?.contents ?? ''), /Chinese copywriting guidelines/);
	});

	it('a single quick fix changes only its own range', async () => {
		const diags = await c.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
		const d = diags.find((x) => x.code === 'zh-punctuation' && String(x.message).includes('repeat'))!;
		const actions = await c.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
		const fix = actions.find((a) => a.isPreferred && a.diagnostics?.[0]?.code === 'zh-punctuation');
		assert.ok(fix);
		assert.equal(apply(fix.edit.changes[uri]), `${HEAD}在LeanCloud上,数据存储花了5000元！用豆瓣FM听歌\n`);
	});
});
