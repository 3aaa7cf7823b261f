/**
 * `copydesk check --jobs N`: files spread over worker threads give output byte for byte the same
 * as one thread, on the examples and on a generated campaign (with a campaign folder, so that
 * campaign-consistency compares across files that different threads linted).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { campaignFileOfSize, generateCorpus } from '../../bench/corpus';
import { defaultJobs, poolStats } from '../../server/src/node/pool';
import { ensureBundles, runCli } from '../helpers/cli';
import { ROOT } from '../helpers/paths';
import { makeTree } from '../helpers/tmp';

const EXAMPLES = path.join(ROOT, 'examples');

/** The same check on 1, 2 and 3 threads: every output identical; returns the single-threaded run. */
function sameOnEveryThreadCount(args: string[], cwd: string): { code: number; stdout: string } {
	const one = runCli([...args, '--jobs', '1'], cwd);
	for (const n of ['2', '3']) {
		const before = poolStats.fromWorkers;
		const failed = poolStats.failedChunks;
		const many = runCli([...args, '--jobs', n], cwd);
		assert.ok(poolStats.fromWorkers > before, `--jobs ${n}: no file was linted on a worker thread`);
		assert.equal(poolStats.failedChunks, failed, `--jobs ${n}: a worker failed and its files were linted again here`);
		assert.equal(many.code, one.code, `--jobs ${n}: exit code`);
		assert.equal(many.stderr, one.stderr, `--jobs ${n}: stderr`);
		assert.ok(many.stdout === one.stdout, `--jobs ${n}: output differs from --jobs 1`);
	}
	return one;
}

describe('CLI check --jobs', function () {
	this.timeout(120_000);
	before(() => ensureBundles());

	it('gives the examples the same output on worker threads (JSON, SARIF and text)', () => {
		for (const format of ['json', 'sarif', 'text']) {
			const r = sameOnEveryThreadCount(['check', '.', '--format', format], EXAMPLES);
			assert.ok(r.stdout.length > 100);
		}
	});

	it('gives a generated campaign the same output, campaign-consistency across files included', () => {
		const corpus = generateCorpus(7, 300);
		const files: Record<string, string> = Object.fromEntries(corpus.files);
		// A campaign folder whose variants disagree on the date, spread over more files than one chunk holds.
		files['copydesk.json'] = '{ "campaigns": ["launch"] }';
		for (let i = 0; i < 12; i++) {
			files[`launch/v${String(i).padStart(2, '0')}.md`] = `---\nplatform: ${i % 2 ? 'weibo' : 'wechat'}\n---\n新品${i === 5 ? '3月16日' : '3月15日'}发布，售价 ¥${i === 7 ? 4999 : 3999}。\n`;
		}
		const dir = makeTree(files);
		const r = sameOnEveryThreadCount(['check', '.', '--format', 'json'], dir);
		const diagnostics = JSON.parse(r.stdout).diagnostics as { rule: string; file: string }[];
		const across = diagnostics.filter((d) => d.rule === 'campaign-consistency' && d.file.startsWith('launch/'));
		assert.deepEqual(across.map((d) => d.file).sort(), ['launch/v05.md', 'launch/v07.md']);
		assert.ok(diagnostics.length > 300, `${diagnostics.length} findings`);
	});

	it('spreads the posts of one large file over the threads with the same output (JSON, SARIF, text)', () => {
		const big = campaignFileOfSize(11, 300 * 1024);
		assert.ok(big.posts > 1000);
		// A title in the front matter: findings there belong to every post, and sort before the posts' own.
		const text = big.text.replace(/^title: .*$/m, 'title: 全网最低价，错过再等一年!!');
		const dir = makeTree({ 'campaign.md': text, 'with-disable.md': `${text}\n<!-- copydesk-disable-next-line zh-spacing -- a quoted title -->\n新版App\n` });
		for (const format of ['json', 'sarif', 'text']) {
			const split = poolStats.splitFiles;
			const unmerged = poolStats.unmerged;
			sameOnEveryThreadCount(['check', 'campaign.md', '--format', format], dir);
			assert.equal(poolStats.splitFiles, split + 2, 'split on --jobs 2 and --jobs 3');
			assert.equal(poolStats.unmerged, unmerged, 'every part merged');
		}
		// Disable comments may span posts: such a file stays whole (and still comes out the same).
		const split = poolStats.splitFiles;
		const r = runCli(['check', 'with-disable.md', '--format', 'json', '--jobs', '2'], dir);
		assert.equal(poolStats.splitFiles, split);
		assert.equal(r.stdout, runCli(['check', 'with-disable.md', '--format', 'json', '--jobs', '1'], dir).stdout);
	});

	it('without --jobs, uses one thread on two cores or fewer and one per core above that', () => {
		// Workers cost more CPU than they save on two cores (bench/README.md); with more, one per core.
		assert.deepEqual([1, 2, 3, 4, 16].map((cores) => defaultJobs(cores)), [1, 1, 3, 4, 16]);
	});

	it('refuses a --jobs that is not a positive whole number', () => {
		for (const bad of ['0', '-1', 'two', '1.5']) {
			const r = runCli(['check', '.', '--jobs', bad], EXAMPLES);
			assert.equal(r.code, 2, bad);
			assert.match(r.stderr, /--jobs/);
		}
	});
});
