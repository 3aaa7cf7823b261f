/**
 * Team rules through the CLI: a workspace with the example pack china-comms and copydesk.json's
 * own team rules — findings with the team rule's id and link in JSON, SARIF rules metadata with
 * the guide as helpUri, --rule by team id, --fix by kind, and pack validate refusing a
 * catastrophic pattern with its file and position.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main, type Io } from '../../server/src/cli/main';
import { ROOT } from '../helpers/paths';
import { makeTree, removeTree } from '../helpers/tmp';

function run(args: string[], cwd: string) {
	const out: string[] = [];
	const err: string[] = [];
	const io: Io = { cwd, stdout: (s) => out.push(s), stderr: (s) => err.push(s), readStdin: () => '', env: { LANG: 'C' } };
	const code = main([...args, '--lang', 'en'], io);
	return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const PACK = path.join(ROOT, 'examples', 'packs', 'china-comms');
const DRAFT = `---
platform: weibo
locale: zh-CN
---
这份内部资料请勿外传。戴尔电脑公司的新品只要 1299 元，用 wechat 下单。
`;

describe('CLI: team rules', () => {
	let dir: string;
	beforeEach(() => {
		dir = makeTree({
			'copydesk.json': {
				packs: ['./packs/china-comms'],
				teamRules: [{ id: 'no-wow', kind: 'existence', tokens: ['震惊'], message: { en: 'No "{match}".', 'zh-cn': '不要用“{match}”。' } }],
				rules: { 'china-comms/price-needs-ad-label': 'warning' },
			},
			'post.md': DRAFT + '震惊！\n',
		});
		for (const f of ['copydesk-pack.json', 'copydesk-rules.json']) {
			fs.mkdirSync(path.join(dir, 'packs', 'china-comms'), { recursive: true });
			fs.copyFileSync(path.join(PACK, f), path.join(dir, 'packs', 'china-comms', f));
		}
	});
	afterEach(() => removeTree(dir));

	it('reports each team rule by its full id, with its severity from rules and its link, in JSON', () => {
		const r = run(['check', 'post.md', '--format', 'json'], dir);
		assert.equal(r.code, 1, r.stdout + r.stderr);
		const rows = (JSON.parse(r.stdout).diagnostics as { rule: string; severity: string; link?: string; line: number; column: number }[]).filter((x) => x.rule.includes('/'));
		assert.deepEqual(rows.map((x) => [x.rule, x.severity, x.line, x.column]), [
			['china-comms/sensitive-words', 'error', 5, 3],
			['china-comms/company-names', 'warning', 5, 12],
			['china-comms/price-needs-ad-label', 'warning', 5, 24],
			['china-comms/brand-case', 'warning', 5, 33],
			['team/no-wow', 'warning', 6, 1],
		]);
		assert.equal(rows[0].link, 'https://example.com/comms-guide#sensitive-words');
		assert.equal(rows[4].link, undefined);
	});

	it('SARIF lists each team rule found, with the team\'s guide as helpUri', () => {
		const r = run(['check', 'post.md', '--format', 'sarif'], dir);
		const sarif = JSON.parse(r.stdout);
		const driverRules = sarif.runs[0].tool.driver.rules as { id: string; helpUri: string }[];
		const byId = new Map(driverRules.map((x) => [x.id, x]));
		assert.equal(byId.get('china-comms/sensitive-words')?.helpUri, 'https://example.com/comms-guide#sensitive-words');
		assert.match(byId.get('team/no-wow')!.helpUri, /docs\/rules\/team\.md$/);
		for (const result of sarif.runs[0].results as { ruleId: string; ruleIndex: number }[]) {
			assert.equal(driverRules[result.ruleIndex].id, result.ruleId, 'every result points at its rule');
		}
	});

	it('--rule takes a team rule\'s id; --fix applies its fixes of the kinds asked for', () => {
		const only = run(['check', 'post.md', '--format', 'json', '--rule', 'china-comms/brand-case'], dir);
		assert.deepEqual((JSON.parse(only.stdout).diagnostics as { rule: string }[]).map((x) => x.rule), ['china-comms/brand-case']);
		// Typography by default: the brand's case, not the content substitution.
		run(['check', 'post.md', '--fix'], dir);
		const once = fs.readFileSync(path.join(dir, 'post.md'), 'utf8');
		assert.match(once, /用 WeChat 下单/);
		assert.match(once, /戴尔电脑公司/);
		run(['check', 'post.md', '--fix', '--fix-type', 'typography,syntax,content', '--rule', 'china-comms/company-names'], dir);
		assert.match(fs.readFileSync(path.join(dir, 'post.md'), 'utf8'), /戴尔的新品/);
	});

	it('pack validate refuses a catastrophic pattern at once, naming the file, the rule and the character', () => {
		fs.writeFileSync(path.join(dir, 'packs', 'china-comms', 'copydesk-rules.json'), JSON.stringify([
			{ id: 'evil', kind: 'existence', patterns: ['(a+)+b'], message: { en: 'x', 'zh-cn': 'x' } },
		], null, '\t'));
		const before = process.cpuUsage();
		const r = run(['pack', 'validate', 'packs/china-comms'], dir);
		const cpu = process.cpuUsage(before);
		assert.equal(r.code, 1);
		assert.match(r.stdout, /copydesk-rules\.json\n\s+6:7\s+error\s+\[0\] \(china-comms\/evil\)\.patterns\[0\]: pattern "\(a\+\)\+b" refused at character 3: unbounded repetition/);
		// The pack's own `rules` named the rule that is gone: said too.
		assert.match(r.stdout, /rules\.china-comms\/legal-review: there is no team rule china-comms\/legal-review/);
		// Generous: the refusal itself is far below 100 ms; this includes reading and loading the pack.
		assert.ok(cpu.user + cpu.system < 1_000_000, `${(cpu.user + cpu.system) / 1000} ms`);
		// The workspace still checks: the bad rule is dropped, the others apply.
		const check = run(['check', 'post.md', '--format', 'json'], dir);
		assert.ok((JSON.parse(check.stdout).diagnostics as { rule: string }[]).some((x) => x.rule === 'team/no-wow'));
	});

	it('pack validate sums up the example pack\'s team rules', () => {
		const r = run(['pack', 'validate', PACK], ROOT);
		assert.equal(r.code, 0, r.stdout);
		assert.match(r.stdout, /china-comms 1\.0\.0: 0 snippets, 0 terms, 8 team rules/);
	});
});
