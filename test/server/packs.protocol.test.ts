/**
 * Packs through the language server (the bundle, over stdio): completion of pack snippets
 * filtered by the post's platform, reload when a pack file changes, a broken pack reported
 * in its own file while the server keeps checking, and the requests behind the commands.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import type { CreatePackRequest, SnippetsRequest, ValidatePacksRequest } from '../../server/src/shared/protocol';
import { LspClient } from '../helpers/lsp';
import { makeTree, removeTree } from '../helpers/tmp';

const SNIPPETS = {
	'Weibo teaser': { prefix: 'brand-weibo', platforms: ['weibo'], body: '#新品# ${1:下周二见}' },
	'X thanks': { prefix: 'brand-x', platforms: ['x'], body: 'Thank you, ${1:everyone}.' },
	'Any platform': { prefix: 'brand-any', body: '${1:谢谢大家}' },
	'LinkedIn skeleton': { prefix: 'brand-linkedin', body: ['---', 'platform: linkedin', '---', '${1:Hello}'] },
};

const CAMPAIGN = `<!-- post platform=weibo -->
${'我们很高兴地宣布新品发布。'.repeat(12)}

<!-- post platform=x -->
Our new watch is here.
`;

function labels(r: CompletionItem[] | CompletionList | null): string[] {
	const items = Array.isArray(r) ? r : r?.items ?? [];
	return items.map((i) => i.label).sort();
}

describe('packs through the language server', function () {
	this.timeout(30000);
	let dir: string;
	let client: LspClient;
	const uriOf = (rel: string) => pathToFileURL(path.join(dir, rel)).toString();

	beforeEach(async () => {
		dir = makeTree({
			'copydesk.json': { packs: ['./brand', './broken'] },
			'brand/copydesk-pack.json': { name: 'brand', version: '1.0.0', snippets: ['snippets/s.json'], rules: { 'platform-limit': 'off' } },
			'brand/snippets/s.json': SNIPPETS,
			'broken/copydesk-pack.json': '{ "name": "broken", "version": "1.0.0", "snippets": ["missing.json"] ',
		});
		client = new LspClient({ rootPath: dir, settings: { debounce: 10 } });
		await client.initialize();
	});

	afterEach(async () => {
		await client.stop();
		removeTree(dir);
	});

	it('offers pack snippets for the platform of the post under the cursor', async () => {
		const uri = uriOf('campaign.md');
		await client.open(uri, CAMPAIGN);
		await client.waitForDiagnostics(uri);
		const onWeibo = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 3 } });
		assert.deepEqual(labels(onWeibo), ['brand-any', 'brand-weibo']);
		const onX = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 3 } });
		assert.deepEqual(labels(onX), ['brand-any', 'brand-x']);
		const item = (onX as CompletionItem[]).find((i) => i.label === 'brand-x')!;
		assert.equal(item.insertText, 'Thank you, ${1:everyone}.');
		assert.equal(item.insertTextFormat, 2, 'inserted as a snippet');
		assert.match(String((item.documentation as { value: string }).value), /Thank you, everyone\./);
	});

	it('offers every pack snippet in a file that names no platform', async () => {
		const uri = uriOf('notes.md');
		await client.open(uri, 'Just notes.\n');
		const r = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
		assert.deepEqual(labels(r), ['brand-any', 'brand-linkedin', 'brand-weibo', 'brand-x']);
	});

	it('reports the broken pack in its own file and keeps applying the good one', async () => {
		const uri = uriOf('campaign.md');
		await client.open(uri, CAMPAIGN);
		const brokenUri = uriOf('broken/copydesk-pack.json');
		const problems = await client.waitForDiagnostics(brokenUri, (d) => d.diagnostics.length > 0);
		assert.match(String(problems[0].message), /copydesk-pack\.json is not valid JSON/);
		assert.equal(problems[0].code, 'config');
		// The good pack turned platform-limit off: the over-long Weibo post has no limit diagnostic.
		const diags = await client.waitForDiagnostics(uri);
		assert.deepEqual(diags.filter((d) => d.code === 'platform-limit'), []);
		assert.ok(!client.exited);
	});

	it('re-checks open drafts when a pack manifest changes', async () => {
		const uri = uriOf('campaign.md');
		await client.open(uri, CAMPAIGN);
		await client.waitForDiagnostics(uri);
		const manifest = path.join(dir, 'brand', 'copydesk-pack.json');
		fs.writeFileSync(manifest, JSON.stringify({ name: 'brand', version: '1.0.1', snippets: ['snippets/s.json'], rules: { 'platform-limit': 'error' } }));
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(manifest).toString(), type: 2 }] });
		const diags = await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'platform-limit'));
		assert.equal(diags.find((d) => d.code === 'platform-limit')!.severity, 1);
	});

	it('reloads a pack when one of its snippet files changes (outside any packs/ folder)', async () => {
		const uri = uriOf('campaign.md');
		await client.open(uri, CAMPAIGN);
		await client.waitForDiagnostics(uri);
		const file = path.join(dir, 'brand', 'snippets', 's.json');
		fs.writeFileSync(file, JSON.stringify({ ...SNIPPETS, 'Weibo event': { prefix: 'brand-weibo-event', platforms: ['weibo'], body: '活动' } }));
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 2 }] });
		// The server re-checks the open draft after a reload: wait for that, then ask.
		const before = client.notifications.length;
		await new Promise<void>((resolve, reject) => {
			const t = Date.now();
			const poll = () => (client.notifications.slice(before).some((n) => n.method === 'copydesk/resultsChanged') ? resolve() : Date.now() - t > 5000 ? reject(new Error('no re-check')) : setTimeout(poll, 20));
			poll();
		});
		const r = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 3 } });
		assert.deepEqual(labels(r), ['brand-any', 'brand-weibo', 'brand-weibo-event']);
	});

	it('lists built-in and pack snippets with their platforms, and the platforms of the post at a position', async () => {
		const uri = uriOf('campaign.md');
		await client.open(uri, CAMPAIGN);
		const r = await client.request<SnippetsRequest.Result>('copydesk/snippets', { uri, position: { line: 4, character: 0 } });
		assert.deepEqual(r.current, ['x']);
		const weibo = r.snippets.find((s) => s.prefix === 'cd-weibo-coupon')!;
		assert.deepEqual([weibo.source, weibo.platforms], ['built-in', ['weibo']]);
		const skeleton = r.snippets.find((s) => s.prefix === 'brand-linkedin')!;
		assert.deepEqual([skeleton.source, skeleton.platforms], ['brand', ['linkedin']]);
		assert.ok(r.platforms.some((p) => p.id === 'xiaohongshu' && p.name.length > 0));
	});

	it('validates packs on request and sums up their problems', async () => {
		const r = await client.request<ValidatePacksRequest.Result>('copydesk/validatePacks', {});
		assert.deepEqual(r.packs.map((p) => [p.spec, p.errors]), [['./brand', 0], ['./broken', 1]]);
		assert.match(r.summary, /2 packs checked: 1 error,/);
	});

	it('creates a pack from chosen snippets and the current rule settings, and lists it in copydesk.json', async () => {
		const list = await client.request<SnippetsRequest.Result>('copydesk/snippets', {});
		const ids = list.snippets.filter((s) => ['cd-weibo-coupon', 'brand-x'].includes(s.prefix)).map((s) => s.id);
		const r = await client.request<CreatePackRequest.Result>('copydesk/createPack', { name: 'team-style', snippetIds: ids });
		assert.ok('manifestUri' in r, JSON.stringify(r));
		assert.equal(r.entry, './packs/team-style');
		const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'packs', 'team-style', 'copydesk-pack.json'), 'utf8'));
		assert.equal(manifest.name, 'team-style');
		assert.deepEqual(manifest.rules, { 'platform-limit': 'off' }, 'the current rule settings');
		const snippets = JSON.parse(fs.readFileSync(path.join(dir, 'packs', 'team-style', 'snippets', 'snippets.json'), 'utf8'));
		assert.deepEqual(Object.keys(snippets).sort(), ['Weibo coupon', 'X thanks']);
		assert.deepEqual(snippets['X thanks'].platforms, ['x']);
		const config = JSON.parse(fs.readFileSync(path.join(dir, 'copydesk.json'), 'utf8'));
		assert.deepEqual(config.packs, ['./brand', './broken', './packs/team-style']);
		// The new pack is valid and loads.
		const v = await client.request<ValidatePacksRequest.Result>('copydesk/validatePacks', {});
		assert.deepEqual(v.packs.find((p) => p.spec === './packs/team-style'), { spec: './packs/team-style', name: 'team-style', version: '0.1.0', errors: 0, warnings: 0 });
		// A second pack of the same name is refused with a message.
		const again = await client.request<CreatePackRequest.Result>('copydesk/createPack', { name: 'team-style', snippetIds: ids });
		assert.ok('error' in again && /already exists/.test(again.error));
		const bad = await client.request<CreatePackRequest.Result>('copydesk/createPack', { name: 'Team Style', snippetIds: ids });
		assert.ok('error' in bad && /not a valid pack name/.test(bad.error));
	});
});
