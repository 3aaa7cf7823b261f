import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { rules } from '../../server/src/engine';
import { runCli } from '../helpers/cli';
import { ROOT } from '../helpers/paths';
import { tempDir } from '../helpers/tmp';

const EXAMPLES = path.join(ROOT, 'examples');
// The OASIS SARIF 2.1.0 schema (final "rtm.5" revision) as shipped by @microsoft/jest-sarif.
const SARIF_SCHEMA = path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

function tmpDir(files: Record<string, string>): string {
	const dir = tempDir('cli-');
	fs.mkdirSync(path.join(dir, '.git'));
	for (const [name, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		fs.writeFileSync(path.join(dir, name), text);
	}
	return dir;
}

const OVER_WEIBO = `---\nplatform: weibo\n---\n${'测'.repeat(150)}\n`;

/** A validator for the schema. Its `language` pattern has a stray `]` that only compiles without the `u` flag. */
function sarifValidator() {
	const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
	addFormats(ajv);
	return ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')));
}

describe('copydesk check --format sarif', () => {
	const run = runCli(['check', '.', '--format', 'sarif'], EXAMPLES);
	const log = JSON.parse(run.stdout);
	const json = JSON.parse(runCli(['check', '.', '--format', 'json'], EXAMPLES).stdout);

	it('validates against the SARIF 2.1.0 schema', () => {
		const validate = sarifValidator();
		const ok = validate(log);
		assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1));
	});

	it('the schema check is not vacuous: a broken log fails it', () => {
		const validate = sarifValidator();
		const broken = structuredClone(log);
		broken.runs[0].results[0].level = 'fatal';
		assert.equal(validate(broken), false);
	});

	it('has one result per finding, at the same place as the json format', () => {
		const results = log.runs[0].results;
		assert.ok(results.length >= 3);
		assert.equal(results.length, json.diagnostics.length);
		results.forEach((r: any, i: number) => {
			const d = json.diagnostics[i];
			assert.equal(r.ruleId, d.rule);
			assert.equal(r.message.text, d.message);
			const loc = r.locations[0].physicalLocation;
			assert.equal(loc.artifactLocation.uri, d.file);
			assert.deepEqual([loc.region.startLine, loc.region.startColumn, loc.region.endLine, loc.region.endColumn], [d.line, d.column, d.endLine, d.endColumn]);
		});
	});

	it('names the post and the platform as the logical location', () => {
		const r = log.runs[0].results.find((x: any) => x.ruleId === 'platform-limit' && x.properties?.platform === 'x');
		assert.ok(r, 'the X post of campaign-launch.md is over');
		assert.deepEqual(r.locations[0].logicalLocations, [{ name: 'x', fullyQualifiedName: 'post-2/x', kind: 'object' }]);
		assert.equal(r.properties.post, 2);
	});

	it('describes every rule with help text and points each result at its rule', () => {
		const driver = log.runs[0].tool.driver;
		for (const rule of rules) {
			const d = driver.rules.find((x: any) => x.id === rule.meta.id);
			assert.ok(d, rule.meta.id);
			assert.equal(d.shortDescription.text, rule.meta.description.en);
			assert.match(d.help.text, new RegExp(`docs/rules/${rule.meta.id}\\.md`));
			assert.match(d.helpUri, /^https:\/\//);
		}
		for (const r of log.runs[0].results) {
			assert.equal(driver.rules[r.ruleIndex].id, r.ruleId);
		}
		assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri.slice(-1), '/');
	});

	it('is localized with --lang zh-CN and still valid', () => {
		const zh = JSON.parse(runCli(['check', '.', '--format', 'sarif', '--lang', 'zh-CN'], EXAMPLES).stdout);
		assert.equal(zh.runs[0].tool.driver.language, 'zh-CN');
		assert.match(zh.runs[0].results[0].message.text, /\p{Script=Han}/u);
		assert.ok(sarifValidator()(zh));
	});
});

describe('copydesk check --report-disables --format sarif', () => {
	const DRAFT = [
		'---', 'platform: weibo', '---',
		'<!-- copydesk-disable-next-line tone-shouting -- 引用用户原话，已获授权 -->',
		'用户说：“太好用了！！！”',
		'',
		'<!-- copydesk-disable-next-line platform-limit -->',
		'测'.repeat(150),
		'',
		'我们也觉得太棒了！！！',
		'',
	].join('\n');
	const dir = tmpDir({ 'a.md': DRAFT });
	after(() => fs.rmSync(dir, { recursive: true, force: true }));
	const withFlag = runCli(['check', 'a.md', '--format', 'sarif', '--report-disables'], dir);
	const plain = runCli(['check', 'a.md', '--format', 'sarif'], dir);
	const log = JSON.parse(withFlag.stdout);
	const results = log.runs[0].results;
	const suppressed = results.filter((r: any) => r.suppressions);

	it('validates against the SARIF 2.1.0 schema, and a broken suppression fails it', () => {
		const validate = sarifValidator();
		assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
		const broken: any = structuredClone(log);
		broken.runs[0].results.find((r: any) => r.suppressions).suppressions[0].kind = 'inComment';
		assert.equal(validate(broken), false);
	});

	it('emits each hidden finding as a result suppressed in source, with the reason and the comment', () => {
		assert.deepEqual(suppressed.map((r: any) => [r.ruleId, r.locations[0].physicalLocation.region.startLine]), [['tone-shouting', 5], ['platform-limit', 8]]);
		const [shout, limit] = suppressed.map((r: any) => r.suppressions);
		assert.deepEqual(shout, [{
			kind: 'inSource', justification: '引用用户原话，已获授权',
			location: { physicalLocation: { artifactLocation: { uri: 'a.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: DRAFT.split('\n')[3].length + 1 } } },
		}]);
		assert.equal(limit.length, 1);
		assert.equal(limit[0].kind, 'inSource');
		assert.equal('justification' in limit[0], false, 'no reason, no justification');
		assert.equal(limit[0].location.physicalLocation.region.startLine, 7);
		for (const r of results) {
			assert.equal(log.runs[0].tool.driver.rules[r.ruleIndex].id, r.ruleId);
		}
	});

	it('keeps the findings shown as they are without the flag (same results, fingerprints and exit code)', () => {
		const shown = results.filter((r: any) => !r.suppressions);
		const before = JSON.parse(plain.stdout).runs[0].results;
		assert.deepEqual(shown, before);
		assert.ok(before.some((r: any) => r.ruleId === 'tone-shouting' && r.locations[0].physicalLocation.region.startLine === 10), 'the run no comment covers is shown');
		assert.equal(before.some((r: any) => r.suppressions), false, 'without the flag nothing is suppressed');
		assert.equal(withFlag.code, plain.code);
		assert.equal(withFlag.code, 0, 'hidden errors (platform-limit) do not fail the check');
		const fps = results.map((r: any) => r.partialFingerprints['copydeskFinding/v1']);
		assert.equal(new Set(fps).size, fps.length, 'fingerprints stay unique');
	});

	it('rdjson has no suppressions: still a usage error, naming the formats that support the flag', () => {
		const rd = runCli(['check', 'a.md', '--format', 'rdjson', '--report-disables'], dir);
		assert.equal(rd.code, 2);
		assert.match(rd.stderr, /--report-disables works with --format text, json, sarif, github .*not rdjson/);
		const zh = runCli(['check', 'a.md', '--format', 'rdjson', '--report-disables', '--lang', 'zh-CN'], dir);
		assert.match(zh.stderr, /--format text, json, sarif, github 一起使用/);
	});
});

describe('copydesk check --format rdjson', () => {
	it('gives reviewdog 1-based UTF-8 byte columns', () => {
		const dir = tmpDir({ 'a.md': OVER_WEIBO });
		const rd = JSON.parse(runCli(['check', 'a.md', '--format', 'rdjson'], dir).stdout);
		assert.equal(rd.source.name, 'copydesk');
		const d = rd.diagnostics.find((x: any) => x.code.value === 'platform-limit');
		// 140 Han characters fit; the 141st starts at UTF-16 column 141 and byte 140 × 3 + 1.
		assert.deepEqual(d.location.range.start, { line: 4, column: 421 });
		assert.deepEqual(d.location.range.end, { line: 4, column: 451 });
		assert.equal(d.severity, 'ERROR');
		assert.equal(d.location.path, 'a.md');
		assert.match(d.code.url, /platform-limit\.md$/);
	});
});

describe('copydesk check --format github', () => {
	it('writes one escaped workflow command per finding, naming the post', () => {
		const dir = tmpDir({ 'a,b.md': OVER_WEIBO });
		const out = runCli(['check', '.', '--format', 'github'], dir).stdout.split('\n');
		assert.equal(out.length, 1);
		assert.match(out[0], /^::error file=a%2Cb\.md,line=4,col=141,endLine=4,endColumn=151,title=Copydesk platform-limit \(post 1 · weibo\)::Weibo: 150\/140/);
	});
});

describe('copydesk check --max-warnings', () => {
	// A WeChat title over the recommended 32 but under the hard 64 is a warning.
	const warnDraft = (n: number) => `---\nplatform: wechat\ntitle: ${'标'.repeat(n)}\n---\n正文。\n`;
	const dir = tmpDir({ 'one.md': warnDraft(40), 'two.md': warnDraft(40) });

	it('exits 0 with warnings when no limit is set, and when they are within it', () => {
		assert.equal(runCli(['check', '.'], dir).code, 0);
		assert.equal(runCli(['check', '.', '--max-warnings', '2'], dir).code, 0);
	});

	it('exits 1 with more warnings than allowed, and says why', () => {
		const r = runCli(['check', '.', '--max-warnings', '1'], dir);
		assert.equal(r.code, 1);
		assert.match(r.stderr, /2 warnings, more than --max-warnings 1/);
		assert.equal(runCli(['check', '.', '--max-warnings', '0'], dir).code, 1);
	});

	it('rejects a value that is not a whole number with exit 2', () => {
		for (const bad of ['-1', '1.5', 'x', '']) {
			const r = runCli(['check', '.', `--max-warnings=${bad}`], dir);
			assert.equal(r.code, 2, bad);
			assert.match(r.stderr, /--max-warnings takes a whole number/);
		}
	});

	it('errors exit 1 whatever the warning limit', () => {
		const d2 = tmpDir({ 'a.md': OVER_WEIBO });
		assert.equal(runCli(['check', '.', '--max-warnings', '100'], d2).code, 1);
	});
});

describe('copydesk check with ignore files and globs', () => {
	const dir = tmpDir({
		'.copydeskignore': '# archived campaigns\narchive/\n*.draft.md\n!keep.draft.md\n',
		'live/a.md': OVER_WEIBO,
		'live/b.draft.md': OVER_WEIBO,
		'live/keep.draft.md': OVER_WEIBO,
		'archive/old.md': OVER_WEIBO,
		'nested/.copydeskignore': '/local.md\n',
		'nested/local.md': OVER_WEIBO,
		'nested/deeper/local.md': OVER_WEIBO,
		'copydesk.json': '{ "ignore": ["live/a.md"] }',
	});
	const files = (args: string[]) => [...new Set(JSON.parse(runCli(['check', ...args, '--format', 'json'], dir).stdout).diagnostics.map((d: any) => d.file))].sort();

	it('skips what .copydeskignore and copydesk.json ignore name', () => {
		assert.deepEqual(files(['.']), ['live/keep.draft.md', 'nested/deeper/local.md']);
	});

	it('applies them to globs too', () => {
		assert.deepEqual(files(['**/*.md']), ['live/keep.draft.md', 'nested/deeper/local.md']);
		assert.deepEqual(files(['nested/**/*.md']), ['nested/deeper/local.md']);
	});

	it('a glob that matches nothing is a usage error', () => {
		const r = runCli(['check', 'nothing/**/*.md'], dir);
		assert.equal(r.code, 2);
		assert.match(r.stderr, /no file matches: nothing/);
	});
});
