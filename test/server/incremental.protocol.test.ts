/**
 * The editor's re-check over the protocol (issue 15): after each of many seeded random incremental
 * edits, the diagnostics the server publishes for the edited buffer (through its per-document cache
 * and its reuse of unchanged diagnostics) equal those of the same text opened fresh.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { campaignFile, rng } from '../../bench/corpus';
import { serverOnTempWorkspace } from '../helpers/lsp';

const TYPED = ['新', '，', 'App', ' ', '\n', '最好', '#话题#', '<!--', '-->', '<!-- post platform=x -->\n', '---\n'];

describe('incremental re-check over the protocol', function () {
	this.timeout(120_000);
	const server = serverOnTempWorkspace({ settings: { debounce: 0 } });

	it('publishes after each seeded random edit what a fresh open of the same text publishes', async () => {
		const next = rng(20261203);
		const uri = server.uri('campaign.md');
		let text = `---\ntitle: 新品发布\n---\n${campaignFile(20261203, 24)}`;
		await server.client.open(uri, text);
		await server.client.waitForDiagnostics(uri, (d) => d.version === 1);
		for (let version = 2; version < 62; version++) {
			const doc = TextDocument.create(uri, 'markdown', version, text);
			const at = Math.floor(next() * text.length);
			const r = next();
			// Mostly typing and deleting a few characters; a character replaced by a line break (nothing after it
			// moves, but its lines do); now and then something that changes the file's structure.
			const len = r < 0.45 ? 0 : r < 0.85 ? 1 + Math.floor(next() * 4) : Math.floor(next() * 5);
			const insert = r < 0.45 ? TYPED[Math.floor(next() * 5)] : r < 0.7 ? '' : r < 0.85 ? '\n'.repeat(len) : TYPED[Math.floor(next() * TYPED.length)];
			await server.client.change(uri, version, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + len) }, text: insert }]);
			text = text.slice(0, at) + insert + text.slice(at + len);
			const edited = await server.client.waitForDiagnostics(uri, (d) => d.version === version);
			const fresh = server.uri(`fresh-${version}.md`);
			await server.client.open(fresh, text);
			const expected = await server.client.waitForDiagnostics(fresh, (d) => d.version === 1);
			// Related locations in the same file name that file.
			assert.deepEqual(edited, JSON.parse(JSON.stringify(expected).split(JSON.stringify(fresh).slice(1, -1)).join(JSON.stringify(uri).slice(1, -1))), `after edit ${version}`);
			await server.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
		}
	});
});
