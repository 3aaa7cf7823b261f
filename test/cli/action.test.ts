/**
 * The GitHub Action (action.yml) and the pre-commit hooks (.pre-commit-hooks.yaml), exercised as
 * their hosts run them: the action's check step is taken from action.yml with its `env:` mapping
 * resolved from the inputs, and run with bash against the examples, as a runner would (with
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and RUNNER_TEMP files); the hook's package is packed and
 * installed as pre-commit installs a Node hook, and its entry is run.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { ensureBundles, runCli } from '../helpers/cli';
import { CLI_BUNDLE, ROOT } from '../helpers/paths';
import { tempDir } from '../helpers/tmp';

const EXAMPLES = path.join(ROOT, 'examples');
const SARIF_SCHEMA = path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

interface Step { name?: string; id?: string; if?: string; run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, string>; shell?: string; 'working-directory'?: string }
const action = parseYaml(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
	inputs: Record<string, { description: string; default?: string }>;
	outputs: Record<string, { value: string }>;
	runs: { using: string; steps: Step[] };
};
const checkStep = action.runs.steps.find((s) => s.id === 'check')!;

/** Resolves `${{ inputs.NAME }}` in a step's env as GitHub does, from the inputs given or their defaults. */
function stepEnv(step: Step, given: Record<string, string>): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [k, v] of Object.entries(step.env ?? {})) {
		env[k] = v.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, name: string) => {
			assert.ok(name in action.inputs, `env ${k} names an input that action.yml does not declare: ${name}`);
			return given[name] ?? action.inputs[name].default ?? '';
		});
		assert.doesNotMatch(env[k], /\$\{\{/, `env ${k} has an expression the test cannot resolve`);
	}
	return env;
}

interface ActionRun { code: number; stdout: string; outputs: Record<string, string>; summary: string }

function runCheckStep(given: Record<string, string>, cwd = EXAMPLES): ActionRun {
	const tmp = tempDir('action-');
	const outputFile = path.join(tmp, 'output');
	const summaryFile = path.join(tmp, 'summary.md');
	fs.writeFileSync(outputFile, '');
	fs.writeFileSync(summaryFile, '');
	// As GitHub runs a `shell: bash` step: bash --noprofile --norc -eo pipefail {0}.
	const script = path.join(tmp, 'step.sh');
	fs.writeFileSync(script, checkStep.run!);
	const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
		cwd,
		encoding: 'utf8',
		env: {
			PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C',
			GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: tmp,
			...stepEnv(checkStep, given),
		},
	});
	const outputs = Object.fromEntries(fs.readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
	return { code: r.status ?? -1, stdout: r.stdout, outputs, summary: fs.readFileSync(summaryFile, 'utf8') };
}

describe('the GitHub Action (action.yml)', () => {
	before(() => ensureBundles());
	const json = JSON.parse(runCli(['check', '.', '--format', 'json'], EXAMPLES).stdout) as { diagnostics: { severity: string; file: string; post: number | null; platform: string | null }[] };
	const expected = {
		errors: json.diagnostics.filter((d) => d.severity === 'error').length,
		warnings: json.diagnostics.filter((d) => d.severity === 'warning').length,
	};

	it('is a composite action whose scripts read inputs only from the environment', () => {
		assert.equal(action.runs.using, 'composite');
		for (const s of action.runs.steps) {
			if (s.run) {
				assert.doesNotMatch(s.run, /\$\{\{/, `step "${s.name}" pastes an expression into its script`);
				assert.equal(s.shell, 'bash');
			}
		}
		for (const [name, o] of Object.entries(action.outputs)) {
			const m = /steps\.check\.outputs\.([\w-]+)/.exec(o.value);
			assert.ok(m, name);
			assert.match(checkStep.run!, new RegExp(`${m[1]}=`), `the check step never writes output ${m[1]}`);
		}
	});

	it('annotates by default: the findings as workflow commands, the counts as outputs, a row per post in the job summary', () => {
		const run = runCheckStep({});
		assert.equal(run.code, 0, 'the step itself succeeds; the Result step fails the job');
		assert.equal(run.outputs['exit-code'], '1', 'the examples have errors');
		assert.equal(Number(run.outputs.errors), expected.errors);
		assert.equal(Number(run.outputs.warnings), expected.warnings);
		assert.ok(expected.errors > 0 && expected.warnings > 0);
		assert.ok(run.stdout.split('\n').some((l) => l.startsWith('::error file=')));
		// One summary row per post and platform the examples are checked for.
		const targets = new Set(json.diagnostics.filter((d) => d.post !== null && d.platform).map((d) => `${d.file}#${d.post}#${d.platform}`));
		const rows = run.summary.split('\n').filter((l) => /^\| [^-]/.test(l)).slice(1);
		assert.ok(rows.length >= targets.size, `${rows.length} rows for ${targets.size} posts with findings`);
		assert.match(run.summary, /^## Copydesk/m);
		assert.match(run.summary, /\| campaign-launch\.md \| 1 \| /);
	});

	it('passes its inputs on: max-warnings, platform, language', () => {
		const zh = runCheckStep({ lang: 'zh-CN' });
		assert.match(zh.summary, /\| 文件 \| 帖子 \| 平台 \|/);
		const strict = runCheckStep({ paths: 'typography.md', 'max-warnings': '0' });
		assert.equal(strict.outputs['exit-code'], '1');
		const lenient = runCheckStep({ paths: 'typography.md' });
		assert.equal(lenient.outputs['exit-code'], '0', 'typography.md has no errors');
		const bad = runCheckStep({ platform: 'myspace' });
		assert.equal(bad.outputs['exit-code'], '2', 'an unknown platform is a usage problem');
	});

	it('with sarif: writes a SARIF log that validates, names it as an output, and still counts', () => {
		const run = runCheckStep({ sarif: 'true' });
		const file = run.outputs['sarif-file'];
		assert.ok(file && fs.existsSync(file), 'sarif-file output');
		const log = JSON.parse(fs.readFileSync(file, 'utf8')) as { runs: { results: unknown[] }[] };
		const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
		addFormats(ajv);
		const validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')));
		assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
		assert.equal(log.runs[0].results.length, json.diagnostics.length);
		assert.equal(Number(run.outputs.errors), expected.errors);
		assert.equal(run.outputs['exit-code'], '1');
		assert.doesNotMatch(run.stdout, /^::/m, 'no annotations in SARIF mode');
		const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
		assert.ok(upload?.if?.includes("inputs.sarif == 'true'"));
	});

	it('fails the job through its Result step with the exit code of the check', () => {
		const result = action.runs.steps.find((s) => s.name === 'Result')!;
		const r = spawnSync('bash', ['-c', result.run!], { env: { PATH: process.env.PATH, CODE: '1' }, encoding: 'utf8' });
		assert.equal(r.status, 1);
		assert.match(result.if!, /inputs\.fail == 'true'/);
	});
});

describe('copydesk check --summary and --output', () => {
	it('appends to the summary file instead of replacing it', () => {
		const dir = tempDir('summary-');
		const file = path.join(dir, 'summary.md');
		fs.writeFileSync(file, '# earlier step\n');
		runCli(['check', 'typography.md', '--summary', file], EXAMPLES);
		const text = fs.readFileSync(file, 'utf8');
		assert.match(text, /^# earlier step\n## Copydesk/);
	});

	it('--output writes the findings to a file and leaves standard output empty', () => {
		const dir = tempDir('output-');
		const file = path.join(dir, 'out.json');
		const r = runCli(['check', '.', '--format', 'json', '--output', file], EXAMPLES);
		assert.equal(r.stdout, '');
		assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), JSON.parse(runCli(['check', '.', '--format', 'json'], EXAMPLES).stdout));
		assert.equal(r.code, 1, 'the exit code is the same as without --output');
	});

	it('a summary or output file that cannot be written is exit 2 with its name', () => {
		const r = runCli(['check', 'typography.md', '--output', '/nonexistent-dir/x.json'], EXAMPLES);
		assert.equal(r.code, 2);
		assert.match(r.stderr, /x\.json/);
	});
});

describe('copydesk check --format github past GitHub\'s annotation cap', () => {
	// 12 errors and 12 warnings: more than GitHub shows per step.
	const dir = tempDir('cap-');
	fs.mkdirSync(path.join(dir, '.git'));
	for (let i = 0; i < 12; i++) {
		fs.writeFileSync(path.join(dir, `over-${String(i).padStart(2, '0')}.md`), `---\nplatform: weibo\n---\n${'测'.repeat(150)}\n`);
		fs.writeFileSync(path.join(dir, `title-${String(i).padStart(2, '0')}.md`), `---\nplatform: wechat\ntitle: ${'标'.repeat(40)}\n---\n正文。\n`);
	}
	const lines = runCli(['check', '.', '--format', 'github'], dir).stdout.split('\n');

	it('says first how many will not be shown, then writes errors before warnings', () => {
		// Only the levels over the cap are named: no "0 notes".
		assert.match(lines[0], /^::notice title=Copydesk::GitHub shows at most 10 annotations of each level per step: 2 errors and 2 warnings are not shown/);
		assert.doesNotMatch(lines[0], /\b0 /);
		const levels = lines.slice(1).map((l) => /^::(\w+)/.exec(l)![1]);
		const firstWarning = levels.indexOf('warning');
		assert.ok(firstWarning > 0 && levels.slice(0, firstWarning).every((l) => l === 'error') && levels.slice(firstWarning).every((l) => l !== 'error'), levels.join(','));
	});

	it('says it in Chinese with the levels listed as Chinese lists them', () => {
		const first = runCli(['check', '.', '--format', 'github', '--lang', 'zh-cn'], dir).stdout.split('\n')[0];
		assert.match(first, /另有 2 个错误、2 个警告没有显示为注释/);
	});

	it('adds no notice when everything fits', () => {
		const out = runCli(['check', 'typography.md', '--format', 'github'], EXAMPLES).stdout;
		assert.doesNotMatch(out, /GitHub shows at most/);
	});
});

describe('copydesk check --format gitlab (Code Quality)', () => {
	const issues = JSON.parse(runCli(['check', '.', '--format', 'gitlab'], EXAMPLES).stdout) as any[];
	const json = JSON.parse(runCli(['check', '.', '--format', 'json'], EXAMPLES).stdout).diagnostics as any[];

	it('has one issue per finding with the fields GitLab reads', () => {
		assert.equal(issues.length, json.length);
		issues.forEach((x, i) => {
			assert.equal(x.check_name, json[i].rule);
			assert.equal(x.location.path, json[i].file);
			assert.equal(x.location.lines.begin, json[i].line);
			assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(x.severity));
			assert.equal(x.severity, { error: 'major', warning: 'minor', info: 'info', hint: 'info' }[json[i].severity as string]);
			assert.match(x.fingerprint, /^[0-9a-f]{32}$/);
			assert.ok(x.description.startsWith(json[i].message));
		});
	});

	it('fingerprints are unique, and do not move with line numbers', () => {
		assert.equal(new Set(issues.map((x) => x.fingerprint)).size, issues.length);
		const dir = tempDir('gitlab-');
		fs.mkdirSync(path.join(dir, '.git'));
		const draft = `---\nplatform: weibo\n---\n${'测'.repeat(150)}\n`;
		fs.writeFileSync(path.join(dir, 'a.md'), draft);
		const before = JSON.parse(runCli(['check', '.', '--format', 'gitlab'], dir).stdout);
		fs.writeFileSync(path.join(dir, 'a.md'), draft.replace('---\n\n', '---\n\n\n').replace(/^---\nplatform: weibo\n---\n/, '---\nplatform: weibo\n---\n\n\n'));
		const after = JSON.parse(runCli(['check', '.', '--format', 'gitlab'], dir).stdout);
		assert.notEqual(before[0].location.lines.begin, after[0].location.lines.begin);
		assert.equal(before[0].fingerprint, after[0].fingerprint);
	});
});

describe('the pre-commit hooks (.pre-commit-hooks.yaml)', function () {
	this.timeout(120_000);
	const hooks = parseYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string }[];
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

	it('are Node hooks whose entry is the package\'s own command', () => {
		assert.ok(hooks.length >= 1);
		for (const h of hooks) {
			assert.equal(h.language, 'node');
			const bin = h.entry.split(' ')[0];
			assert.ok(pkg.bin[bin], `${h.id}: no bin named ${bin}`);
		}
	});

	it('work as pre-commit installs them: the packed package, installed globally, checks a draft', () => {
		ensureBundles();
		assert.ok(fs.existsSync(CLI_BUNDLE));
		const dir = tempDir('precommit-');
		// pre-commit runs `npm pack` in the hook repository and `npm install -g` on the tarball.
		const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir, '--json'], { cwd: ROOT, encoding: 'utf8' });
		assert.equal(pack.status, 0, pack.stderr);
		const tgz = path.join(dir, JSON.parse(pack.stdout)[0].filename);
		const prefix = path.join(dir, 'prefix');
		const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tgz], { encoding: 'utf8' });
		assert.equal(install.status, 0, install.stderr);
		const hook = hooks.find((h) => h.id === 'copydesk')!;
		const [bin, ...args] = hook.entry.split(' ');
		const r = spawnSync(path.join(prefix, 'bin', bin), [...args, 'campaign-launch.md', 'typography.md'], { cwd: EXAMPLES, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
		assert.equal(r.status, 1, r.stderr);
		assert.match(r.stdout, /campaign-launch\.md/);
		assert.match(r.stdout, /platform-limit/);
	});
});
