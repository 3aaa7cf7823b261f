/**
 * Team rules through the language server (the bundle, over stdio): a diagnostic carries the team
 * rule's id and links the team's guide (codeDescription), its substitution is a quick fix, fix-all
 * (source.fixAll) applies only the kinds it applies by default, a disable comment with a reason
 * hides it, and a pack with a catastrophic pattern is reported in its own file while drafts are
 * still checked.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { FIX_ALL_KIND } from '../../server/src/shared/protocol';
import { LspClient } from '../helpers/lsp';
import { makeTree, removeTree } from '../helpers/tmp';

const msgs = (en: string, zh: string) => ({ en, 'zh-cn': zh });

const DRAFT = `---
platform: weibo
---
戴尔电脑公司的新品支持 wechat 支付。
<!-- copydesk-disable-next-line team/dell -- the partner's legal name in the contract notice -->
戴尔电脑公司与我们签约。
`;

describe('team rules through the language server', function () {
	this.timeout(30000);
	let dir: string;
	let client: LspClient;
	const uriOf = (rel: string) => pathToFileURL(path.join(dir, rel)).toString();

	before(async () => {
		dir = makeTree({
			'copydesk.json': {
				packs: ['./evil'],
				teamRules: [
					{ id: 'dell', kind: 'substitution', swap: { 戴尔电脑公司: '戴尔' }, message: msgs('Write "{replacement}", not "{match}".', '请写“{replacement}”。'), link: 'https://example.com/guide#dell' },
					{ id: 'case', kind: 'capitalization', words: ['WeChat'], message: msgs('Write "{replacement}".', '请写作“{replacement}”。') },
				],
			},
			'evil/copydesk-pack.json': { name: 'evil', version: '1.0.0', teamRules: 'copydesk-rules.json' },
			'evil/copydesk-rules.json': [{ id: 'hang', kind: 'existence', patterns: ['(a|aa)*b', '(x+)+y'], message: msgs('x', 'x') }],
		});
		client = new LspClient({ rootPath: dir, settings: { debounce: 10 } });
		await client.initialize();
	});

	after(async () => {
		await client.stop();
		removeTree(dir);
	});

	it('publishes the team rule\'s id and guide, offers its quick fix, and fix-all leaves the content fix alone', async () => {
		const uri = uriOf('post.md');
		await client.open(uri, DRAFT);
		const diags = await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'team/dell'));
		const dell = diags.filter((d) => d.code === 'team/dell');
		assert.equal(dell.length, 1, 'the second one is hidden by the disable comment');
		assert.deepEqual(dell[0].range, { start: { line: 3, character: 0 }, end: { line: 3, character: 6 } });
		assert.equal(dell[0].codeDescription?.href, 'https://example.com/guide#dell');
		assert.equal(dell[0].message, 'Write "戴尔", not "戴尔电脑公司".');
		const wechat = diags.find((d) => d.code === 'team/case')!;
		assert.match(wechat.codeDescription!.href, /docs\/rules\/team\.md$/);

		const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: dell[0].range, context: { diagnostics: [dell[0]], only: ['quickfix'] } });
		const fix = actions.find((a) => a.title === 'Replace with "戴尔"')!;
		assert.deepEqual(Object.values(fix.edit!.changes!)[0], [{ range: dell[0].range, newText: '戴尔' }]);

		const all = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [FIX_ALL_KIND] } });
		const edits = all.flatMap((a) => Object.values(a.edit?.changes ?? {}).flat());
		// Typography (the capitalization) only, as a minimal edit inside "wechat"; the substitution is a content fix.
		assert.ok(edits.length > 0);
		for (const e of edits) {
			assert.equal(e.range.start.line, 3);
			assert.ok(e.range.start.character >= wechat.range.start.character && e.range.end.character <= wechat.range.end.character, JSON.stringify(e));
		}
		const line = DRAFT.split('\n')[3];
		const fixed = [...edits].sort((a, b) => b.range.start.character - a.range.start.character).reduce((t, e) => t.slice(0, e.range.start.character) + e.newText + t.slice(e.range.end.character), line);
		assert.equal(fixed, '戴尔电脑公司的新品支持 WeChat 支付。');
	});

	it('reports the pack\'s catastrophic patterns in its own file and keeps checking', async () => {
		const rulesUri = uriOf('evil/copydesk-rules.json');
		const problems = await client.waitForDiagnostics(rulesUri, (d) => d.diagnostics.length >= 2);
		assert.deepEqual(problems.map((p) => p.severity), [1, 1]);
		assert.match(String(problems[0].message), /pattern "\(a\|aa\)\*b" refused at character 7: unbounded repetition/);
		assert.match(String(problems[1].message), /pattern "\(x\+\)\+y" refused at character 3/);
		const uri = uriOf('other.md');
		await client.open(uri, '---\nplatform: weibo\n---\n支持 wechat。\n');
		const diags = await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'team/case'));
		assert.ok(diags.length > 0);
		assert.ok(!client.exited);
	});
});
