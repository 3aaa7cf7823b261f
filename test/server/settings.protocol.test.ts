/**
 * Editor settings over the protocol: a draft kept open follows a changed setting (the server
 * registers for workspace/didChangeConfiguration, drops the settings it kept and re-checks), a
 * client that cannot be asked pushes its settings, a setting of the wrong type is cleaned and
 * reported (checking goes on), and the hover says when a pack or copydesk.json overrides a setting.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspClient, serverOnTempWorkspace } from '../helpers/lsp';
import { makeTree, removeTree } from '../helpers/tmp';
import { pathToFileURL } from 'node:url';

const WEIBO_OVER = `---
platform: weibo
---
${'我们很高兴地宣布新品发布。'.repeat(12)}
`;

const hasLimit = (sev?: number) => (d: { diagnostics: { code?: string | number; severity?: number }[] }) =>
	d.diagnostics.some((x) => x.code === 'platform-limit' && (sev === undefined || x.severity === sev));
const noLimit = (d: { diagnostics: { code?: string | number }[] }) => !d.diagnostics.some((x) => x.code === 'platform-limit');

function hoverText(h: Hover | null): string {
	return h ? (h.contents as { value: string }).value : '';
}

describe('editor settings: live changes', function () {
	this.timeout(30000);
	const server = serverOnTempWorkspace();

	it('registers for copydesk settings changes when the client supports dynamic registration', async () => {
		await server.client.waitFor('a registration for workspace/didChangeConfiguration', () =>
			server.client.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'));
		const r = server.client.registrations.find((x) => x.method === 'workspace/didChangeConfiguration')!;
		assert.deepEqual(r.registerOptions, { section: 'copydesk' });
	});

	it('a draft kept open follows copydesk.rules and copydesk.enable as they change', async () => {
		const uri = server.uri('post.md');
		await server.client.open(uri, WEIBO_OVER);
		await server.client.waitForDiagnostics(uri, hasLimit(1));
		// The rule off: the same open draft loses the finding, without being edited or reopened.
		server.client.settings = { debounce: 10, rules: { 'platform-limit': 'off' } };
		await server.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
		await server.client.waitForDiagnostics(uri, noLimit);
		// Back as a warning.
		server.client.settings = { debounce: 10, rules: { 'platform-limit': 'warning' } };
		await server.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
		await server.client.waitForDiagnostics(uri, hasLimit(2));
		// Copydesk off for the workspace: the draft's diagnostics are cleared.
		server.client.settings = { debounce: 10, enable: false };
		await server.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
		await server.client.waitForDiagnostics(uri, (d) => d.diagnostics.length === 0);
	});

	it('a non-string defaultPlatform is replaced by the default and reported once; checking goes on', async () => {
		fs.writeFileSync(path.join(server.dir, 'copydesk.json'), JSON.stringify({ drafts: ['*.md'] }));
		server.client.settings = { debounce: 10, defaultPlatform: 5, rules: { 'no-such-rule': 'off', 'platform-limit': 'loud' } };
		await server.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
		const uri = server.uri('plain.md');
		await server.client.open(uri, '我们很高兴地宣布新品发布。\n');
		// Checked (it used to throw on every check and publish nothing): no platform, so it says so.
		const diags = await server.client.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
		assert.ok(diags.some((d) => d.code === 'front-matter'), JSON.stringify(diags));
		const shown = () => server.client.notifications.filter((n) => n.method === 'window/showMessage').map((n) => (n.params as { message: string }).message);
		await server.client.waitFor('warnings about the bad settings', () => shown().length >= 3);
		assert.ok(shown().some((m) => /copydesk\.defaultPlatform is 5; it should be a platform id/.test(m)), JSON.stringify(shown()));
		assert.ok(shown().some((m) => /copydesk\.rules names a rule that does not exist: 'no-such-rule'/.test(m)), JSON.stringify(shown()));
		assert.ok(shown().some((m) => /copydesk\.rules\.platform-limit is "loud"/.test(m)), JSON.stringify(shown()));
		// A draft with its own platform is checked as usual, and the warnings are not repeated.
		const other = server.uri('post.md');
		await server.client.open(other, WEIBO_OVER);
		await server.client.waitForDiagnostics(other, hasLimit(1));
		assert.equal(shown().length, 3, JSON.stringify(shown()));
	});
});

describe('editor settings: a client without dynamic registration or workspace/configuration', function () {
	this.timeout(30000);
	const server = serverOnTempWorkspace({ workspace: { configuration: false, didChangeConfiguration: { dynamicRegistration: false } } });

	it('does not register, and applies the settings the client pushes', async () => {
		const uri = server.uri('post.md');
		await server.client.open(uri, WEIBO_OVER);
		await server.client.waitForDiagnostics(uri, hasLimit(1));
		await server.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { copydesk: { debounce: 10, rules: { 'platform-limit': 'off' } } } });
		await server.client.waitForDiagnostics(uri, noLimit);
		assert.deepEqual(server.client.registrations.filter((r) => r.method === 'workspace/didChangeConfiguration'), []);
	});
});

describe('editor settings overridden by a pack or copydesk.json', function () {
	this.timeout(30000);
	let dir: string;
	let client: LspClient | undefined;
	afterEach(async () => {
		await client?.stop();
		removeTree(dir);
	});

	async function start(files: Record<string, string | object>, settings: Record<string, unknown>, lang = 'en'): Promise<LspClient> {
		dir = makeTree(files);
		client = new LspClient({ rootPath: dir, settings: { debounce: 10, ...settings }, lang });
		await client.initialize();
		return client;
	}

	it('the hover of a finding names the pack whose rule setting applies instead of the editor\'s', async () => {
		const c = await start({
			'copydesk.json': { packs: ['./brand'] },
			'brand/copydesk-pack.json': { name: 'brand', version: '1.0.0', rules: { 'platform-limit': 'warning' } },
		}, { rules: { 'platform-limit': 'off' } });
		const uri = pathToFileURL(path.join(dir, 'post.md')).toString();
		await c.open(uri, WEIBO_OVER);
		await c.waitForDiagnostics(uri, hasLimit(2));
		const md = hoverText(await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 150 } }));
		assert.match(md, /\*\*Weibo\*\*: 156\/140/);
		assert.match(md, /Your VS Code setting `copydesk\.rules` sets `platform-limit` to `off`, but the pack `brand` sets it to `warning`/);
	});

	it('…and copydesk.json, in Chinese too; the count hover names the defaultPlatform that applies', async () => {
		const c = await start({
			'copydesk.json': { drafts: ['*.md'], defaultPlatform: 'weibo', rules: { 'platform-limit': 'error' } },
		}, { rules: { 'platform-limit': 'info' }, defaultPlatform: 'x' }, 'zh-cn');
		const uri = pathToFileURL(path.join(dir, 'plain.md')).toString();
		await c.open(uri, `${'我们很高兴地宣布新品发布。'.repeat(12)}\n`);
		await c.waitForDiagnostics(uri, hasLimit(1));
		const onFinding = hoverText(await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 150 } }));
		assert.match(onFinding, /你的 VS Code 设置 `copydesk\.rules` 将 `platform-limit` 设为 `info`，但`copydesk\.json`将其设为 `error`/);
		const onBody = hoverText(await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } }));
		assert.match(onBody, /你的 VS Code 设置 `copydesk\.defaultPlatform` 是 `x`，但`copydesk\.json`设为 `weibo`/);
	});

	it('says nothing when the setting and the file agree', async () => {
		const c = await start({ 'copydesk.json': { rules: { 'platform-limit': 'warning' } } }, { rules: { 'platform-limit': 'warning' } });
		const uri = pathToFileURL(path.join(dir, 'post.md')).toString();
		await c.open(uri, WEIBO_OVER);
		await c.waitForDiagnostics(uri, hasLimit(2));
		const md = hoverText(await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 150 } }));
		assert.match(md, /\*\*Weibo\*\*: 156\/140/);
		assert.doesNotMatch(md, /VS Code setting/);
	});
});
