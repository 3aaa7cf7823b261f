/**
 * Protected copy through fix-on-save: source.fixAll.copydesk on each draft of
 * test/fixtures/protected-copy/ gives exactly its `.fixed.md` (what `check --fix` writes too).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from '../../server/src/shared/protocol';
import { FIXTURES } from '../helpers/paths';
import { LspClient } from '../helpers/lsp';
import { tempDir } from '../helpers/tmp';

const DIR = path.join(FIXTURES, 'protected-copy');

describe('language server: fix-on-save keeps protected copy', function () {
	this.timeout(30000);
	const ws = tempDir('protected-');
	fs.mkdirSync(path.join(ws, '.git'));
	let c: LspClient;
	before(async () => {
		c = new LspClient({ rootPath: ws });
		await c.initialize();
	});
	after(async () => {
		await c.stop();
		fs.rmSync(ws, { recursive: true, force: true });
	});

	const drafts = fs.readdirSync(DIR).filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md') && f !== 'README.md');
	for (const f of drafts) {
		it(f, async () => {
			const text = fs.readFileSync(path.join(DIR, f), 'utf8');
			const uri = pathToFileURL(path.join(ws, f)).toString();
			await c.open(uri, text);
			await c.waitForDiagnostics(uri);
			const actions = await c.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [FIX_ALL_KIND] } });
			const edits = actions[0]?.edit?.changes?.[uri] ?? [];
			assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits), fs.readFileSync(path.join(DIR, f.replace(/\.md$/, '.fixed.md')), 'utf8'));
		});
	}
});
