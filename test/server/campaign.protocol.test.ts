import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Hover } from 'vscode-languageserver-protocol';
import { serverOnTempWorkspace } from '../helpers/lsp';
import { FIXTURES } from '../helpers/paths';

describe('language server: campaigns and media over stdio', function () {
	this.timeout(30000);
	const server = serverOnTempWorkspace({ once: true });

	it('compares a draft with the other drafts of its campaign folder and sends the other one as related information', async () => {
		fs.writeFileSync(path.join(server.dir, 'copydesk.json'), '{ "campaigns": ["launch"] }');
		fs.mkdirSync(path.join(server.dir, 'launch'));
		const weibo = path.join(server.dir, 'launch', 'weibo.md');
		fs.writeFileSync(weibo, '---\nplatform: weibo\n---\n新品 3月15日发布。\n');
		const uri = server.uri('launch/x.md');
		await server.client.open(uri, '---\nplatform: x\nlocale: en\n---\nOut March 16.\n');
		const diags = await server.client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'campaign-consistency'));
		const d = diags.find((x) => x.code === 'campaign-consistency')!;
		assert.equal(d.message, 'Date differs from the other variants: March 16 here, 3月15日 in weibo.md (Weibo).');
		assert.deepEqual(d.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 12 } });
		assert.deepEqual(d.relatedInformation, [{
			location: { uri: pathToFileURL(weibo).toString(), range: { start: { line: 3, character: 3 }, end: { line: 3, character: 8 } } },
			message: 'weibo.md (Weibo) says 3月15日',
		}]);
	});

	it('counts a post\'s images in the CodeLens and explains an image on hover', async () => {
		fs.copyFileSync(path.join(FIXTURES, 'media', 'square.png'), path.join(server.dir, 'watch.png'));
		const uri = server.uri('media.md');
		await server.client.open(uri, '---\nplatform: x\nlocale: en\n---\nNew watch ![](watch.png) ![The box](box.png)\n');
		const diags = await server.client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'media'));
		assert.deepEqual(diags.filter((x) => x.code === 'media' || x.code === 'media-alt').map((x) => [x.code, x.message]), [
			['media-alt', 'watch.png has no alt text: people who use screen readers on X rely on it. Write what the image shows in ![…].'],
			['media', 'Image not found: box.png.'],
		]);
		const lenses = await server.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
		assert.ok(lenses.some((l) => /2 image\(s\)/.test(l.command?.title ?? '')), JSON.stringify(lenses.map((l) => l.command?.title)));
		const hover = await server.client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 12 } });
		const md = (hover!.contents as { value: string }).value;
		assert.match(md, /8 × 8 px · PNG/);
		assert.match(md, /2 image\(s\) in this post/);
	});
});
