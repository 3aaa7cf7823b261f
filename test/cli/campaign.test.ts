/**
 * The bundled CLI on campaigns: a campaign folder's files compared with each other (related
 * locations in JSON and SARIF), the sign-off gate `--require-status`, and the report a reviewer
 * signs off on (copy, marks, facts table, status, images) for the example campaign.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { FIXTURES, ROOT } from '../helpers/paths';
import { makeTree } from '../helpers/tmp';

const FOLDER = path.join(FIXTURES, 'campaign-folder');

describe('CLI on campaigns', function () {
	this.timeout(30_000);

	it('compares the files of a campaign folder and points at the other file (JSON)', () => {
		const r = runCli(['check', '.', '--format', 'json'], FOLDER);
		assert.equal(r.code, 0, r.stderr);
		const cc = JSON.parse(r.stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'campaign-consistency');
		assert.deepEqual(cc.map((d: { file: string; line: number; message: string }) => [d.file, d.line, d.message]), [
			['launch/x.md', 5, 'Date differs from the other variants: March 16 at 8 pm here, 3 月 15 日 in wechat.md (WeChat Official Account).'],
			['launch/x.md', 5, '@Acme官方微博 is Acme\'s handle on Weibo; on X it is @acme.'],
		]);
		assert.deepEqual(cc[0].related, [{ file: 'launch/wechat.md', line: 5, column: 1, endLine: 5, endColumn: 9, message: 'wechat.md (WeChat Official Account) says 3 月 15 日' }]);
	});

	it('the same files outside a campaign folder are not compared', () => {
		const dir = makeTree({
			'a.md': '---\nplatform: weibo\n---\n3月15日发布。\n',
			'b.md': '---\nplatform: x\nlocale: en\n---\nOut March 16.\n',
		});
		const r = runCli(['check', '.', '--format', 'json'], dir);
		assert.deepEqual(JSON.parse(r.stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'campaign-consistency'), []);
	});

	it('SARIF carries the other variant as a related location', () => {
		const r = runCli(['check', '.', '--format', 'sarif'], FOLDER);
		const results = JSON.parse(r.stdout).runs[0].results.filter((x: { ruleId: string }) => x.ruleId === 'campaign-consistency');
		assert.equal(results.length, 2);
		assert.deepEqual(results[0].relatedLocations, [{
			id: 1,
			physicalLocation: { artifactLocation: { uri: 'launch/wechat.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 5, startColumn: 1, endLine: 5, endColumn: 9 } },
			message: { text: 'wechat.md (WeChat Official Account) says 3 月 15 日' },
		}]);
	});

	it('--require-status fails while a post is below it, and names each one', () => {
		const dir = makeTree({
			'a.md': '---\nplatform: weibo\nstatus: approved\napprovedBy: 王编辑\n---\n新品发布。\n',
			'b.md': '<!-- post platform=weibo status=review -->\n新品发布。\n\n<!-- post platform=weibo -->\n新品发布。\n',
		});
		const approved = runCli(['check', '.', '--require-status', 'approved'], dir);
		assert.equal(approved.code, 1);
		assert.match(approved.stderr, /b\.md:1: post 1 is review, not approved/);
		assert.match(approved.stderr, /b\.md:4: post 2 is draft, not approved/);
		assert.doesNotMatch(approved.stderr, /a\.md/);
		assert.match(approved.stderr, /2 post\(s\) not approved/);
		assert.equal(runCli(['check', 'a.md', '--require-status', 'approved'], dir).code, 0);
		assert.equal(runCli(['check', 'a.md', '--require-status', 'nope'], dir).code, 2);
		// Without the option, status does not change the exit code.
		assert.equal(runCli(['check', '.'], dir).code, 0);
	});

	it('the report of the example campaign shows the copy, the facts table, status and images', () => {
		const r = runCli(['report', 'launch'], path.join(ROOT, 'examples'));
		assert.equal(r.code, 0, r.stderr);
		const md = r.stdout;
		assert.match(md, /\*\*Facts\*\* — launch/);
		assert.match(md, /\| Date \| 3 月 15 日 \| 3 月 15 日 \| ⚠ \*\*March 16 at 8 pm\*\* \|/);
		assert.match(md, /Review status: Approved by 王编辑/);
		assert.match(md, /Review status: In review/);
		// The WeChat post shows its title; the Weibo post has none to show.
		assert.match(md, /> title: 全新一代智能手表 3 月 15 日发布/);
		assert.equal((md.match(/> title:/g) ?? []).length, 1);
		// The X post's copy with the finding numbers at their place, and its image without alt text.
		assert.match(md, /> Our new smartwatch launches <sup>\[1\]<\/sup>March 16 at 8 pm/);
		assert.match(md, /- `watch\.png` — 64 × 64 px · PNG · \d+ B — \*\*No alt text\*\*/);
	});
});
