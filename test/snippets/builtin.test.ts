/**
 * Every shipped snippet, expanded with its placeholder defaults, passes its own platform's
 * checks with the full rule set: no warning and no error. Snippets must pass the rules, not
 * the reverse.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	builtinPlatforms, expandSnippet, lint, parseSnippetFile, resolveConfig, setLanguage, snippetPlatforms, standardVariables,
} from '../../server/src/engine';
import { LineIndex } from '../../server/src/positions';
import { ROOT } from '../helpers/paths';

const DIR = path.join(ROOT, 'snippets');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json'));
const PLATFORM_OF_PREFIX: Record<string, string> = {
	weibo: 'weibo', wechat: 'wechat', xhs: 'xiaohongshu', douyin: 'douyin', x: 'x', linkedin: 'linkedin',
	threads: 'threads', bluesky: 'bluesky', mastodon: 'mastodon',
};
const CHINESE = new Set(['weibo', 'wechat', 'xiaohongshu', 'douyin']);
// Two moments: single-digit and double-digit dates must both pass.
const MOMENTS = [new Date(2026, 0, 5, 8, 0, 0), new Date(2026, 11, 31, 23, 59, 0)];

describe('built-in snippets', () => {
	before(() => setLanguage('en'));

	it('are contributed for Markdown and plain text, every file', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
		const contributed: { language: string; path: string }[] = pkg.contributes.snippets;
		for (const f of files) {
			for (const language of ['markdown', 'plaintext']) {
				assert.ok(contributed.some((c) => c.language === language && path.normalize(c.path) === path.normalize(`./snippets/${f}`)), `${f} for ${language}`);
			}
		}
		assert.equal(contributed.length, files.length * 2);
	});

	const all = files.flatMap((f) => {
		const parsed = parseSnippetFile(fs.readFileSync(path.join(DIR, f), 'utf8'), f);
		it(`${f} is a valid snippet file`, () => assert.deepEqual(parsed.problems, []));
		return (parsed.value ?? []).map((s) => ({ ...s, file: f }));
	});

	it('cover every platform prefix and the corporate shapes', () => {
		const prefixes = new Set(all.flatMap((s) => s.prefixes));
		for (const p of ['cd-weibo', 'cd-wechat', 'cd-xhs', 'cd-douyin', 'cd-x', 'cd-linkedin', 'cd-threads', 'cd-bluesky', 'cd-mastodon', 'cd-campaign',
			'cd-weibo-launch', 'cd-weibo-csr', 'cd-weibo-event', 'cd-weibo-coupon', 'cd-weibo-crisis', 'cd-weibo-care',
			'cd-x-launch', 'cd-x-coupon', 'cd-x-crisis', 'cd-x-care', 'cd-linkedin-launch', 'cd-linkedin-csr', 'cd-linkedin-event']) {
			assert.ok(prefixes.has(p), p);
		}
		assert.equal(prefixes.size, all.length, 'prefixes are unique');
	});

	for (const s of all) {
		describe(`${s.prefixes[0]} (${s.name})`, () => {
			it('has a description in English and Chinese', () => {
				assert.match(s.description ?? '', /[A-Za-z].* · .*[\u4e00-\u9fff]/);
			});
			it('declares the platform its prefix names', () => {
				const platforms = snippetPlatforms(s, builtinPlatforms());
				const key = s.prefixes[0].split('-')[1];
				if (key === 'campaign') {
					assert.ok(platforms.length >= 3, `campaign covers several platforms: ${platforms}`);
				} else {
					assert.deepEqual(platforms, [PLATFORM_OF_PREFIX[key]]);
				}
			});
			for (const now of MOMENTS) {
				it(`expanded with its defaults (${now.toISOString().slice(0, 10)}) passes its platform's checks`, () => {
					const { text, errors } = expandSnippet(s.body, standardVariables(now));
					assert.deepEqual(errors, []);
					assert.doesNotMatch(text, /\$\{|\$[A-Z_]/, 'no snippet syntax left (a price such as $30 is text)');
					const result = lint({ text, config: resolveConfig([]) });
					assert.ok(result.isDraft && result.targets.length > 0, 'the snippet names its platform');
					const idx = new LineIndex(text);
					const bad = result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
						.map((f) => `${idx.position(f.start).line + 1}: ${f.rule} (${f.platform}) ${f.message}`);
					assert.deepEqual(bad, [], `\n${text}`);
				});
			}
			it('is written in the language of its platform', () => {
				const text = expandSnippet(s.body, standardVariables(MOMENTS[0])).text;
				const platforms = snippetPlatforms(s, builtinPlatforms());
				const han = (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
				if (platforms.every((p) => CHINESE.has(p))) {
					assert.ok(han > 10, 'Chinese copy');
				} else if (platforms.every((p) => !CHINESE.has(p))) {
					assert.equal(han, 0, 'English copy');
				}
			});
		});
	}
});
