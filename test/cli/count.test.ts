/**
 * `copydesk count` through the bundled CLI, with real standard input: `--raw` counts the input as
 * given (one final line break dropped at most), so twitter-text's weighted cases come out as they do
 * in-process.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { builtinPlatforms, countText } from '../../server/src/engine';
import { ensureBundles } from '../helpers/cli';
import { CLI_BUNDLE, ROOT } from '../helpers/paths';
import { describeWithReference, readReferenceYaml } from '../helpers/reference';

interface CountRow { count: number; limit: number | null; valid: boolean; overflowOffset: number | null }

function countRaw(platform: string, input: string): CountRow {
	const r = spawnSync(process.execPath, [CLI_BUNDLE, 'count', '--raw', '--platform', platform, '--format', 'json', '-'], {
		cwd: ROOT, input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C' },
	});
	assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
	return JSON.parse(r.stdout).counts[0] as CountRow;
}

const P = builtinPlatforms();

describe('count --raw: standard input as given', function () {
	this.timeout(60000);
	before(ensureBundles);

	it('keeps trailing and leading spaces; drops one final line break, no more', () => {
		assert.equal(countRaw('x', 'hello ').count, 6);
		assert.equal(countRaw('x', '  hello').count, 7);
		assert.equal(countRaw('x', 'hello\n').count, 5, 'the line break echo adds');
		assert.equal(countRaw('x', 'hello\r\n').count, 5);
		assert.equal(countRaw('x', 'hello\n\n').count, 6, 'a second line break is the writer\'s');
		assert.equal(countRaw('x', 'hello \n').count, 6);
	});

	it('counts what a draft would parse or cut: HTML comments and front matter are text here', () => {
		assert.equal(countRaw('weibo', '好<!-- 注释 -->').count, countText('好<!-- 注释 -->', P.weibo).count);
		assert.equal(countRaw('x', '---\nplatform: x\n---\nhi').count, '---\nplatform: x\n---\nhi'.length);
	});

	it('places the overflow offset in the input as given', () => {
		// Two half-width spaces count 1 on Weibo: with 139 好 that is 140; the 140th 好 (offset 2 + 139) is over.
		const text = '  ' + '好'.repeat(141);
		const row = countRaw('weibo', `${text}\n`);
		assert.equal(row.count, 142);
		assert.equal(row.overflowOffset, 2 + 139);
	});
});

describeWithReference('count --raw: twitter-text conformance (WeightedTweetsWithDiscountedEmojiCounterTest) through the CLI', 'twitter-text/conformance/validate.yml', function () {
	this.timeout(120000);
	before(ensureBundles);
	const cases = readReferenceYaml<{ tests: Record<string, { description: string; text: string; expected: { weightedLength: number } }[]> }>(
		'twitter-text/conformance/validate.yml').tests.WeightedTweetsWithDiscountedEmojiCounterTest;

	it('has cases to run', () => assert.ok(cases.length > 10));
	for (const c of cases) {
		it(c.description, () => {
			const cli = countRaw('x', c.text);
			assert.equal(cli.count, c.expected.weightedLength);
			assert.equal(cli.count, countText(c.text, P.x).count, 'the CLI and the engine agree');
		});
	}
});
