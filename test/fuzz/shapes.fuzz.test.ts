/**
 * The pathological shapes of issue 12, seeded, each with a CPU budget per MB: floods of `<!--`,
 * thousands of comments on one line, one-line posts full of findings with their byte columns
 * (what `check -f rdjson` prints), tens of thousands of front-matter keys, disable comments by
 * the ten thousand, CR-only files, big copydesk.json files and packs with many snippets and
 * terms (`pack validate`). Each used to take from seconds to minutes per MB (quadratic); the
 * budget (20 s of CPU per MB, at least 1.5 s; a shape of 512 KB that is quadratic again takes
 * half a minute or more) catches a return to that, not a slow or busy machine (a post-dense
 * 512 KB file is about 10,000 posts, each checked by every rule on every platform it names):
 * speed itself is `npm run bench`'s job. COPYDESK_FUZZ_SEED replays a failure.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatRdjson } from '../../server/src/cli/formats';
import { toRows } from '../../server/src/cli/rows';
import { fixText, lint, parseConfigLayer, resolveConfig, rules, setLanguage } from '../../server/src/engine';
import { validatePackDir } from '../../server/src/node/packs';
import { tempDir } from '../helpers/tmp';
import { SEED, hugeLine, int, pick, random, replayable, type Rand } from './gen';

const knownRules = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));
const config = resolveConfig([]);
const MB = 1024 * 1024;
const PER_MB = 20000;

/** Runs `body` and fails when it used more CPU than the budget for `units` UTF-16 units (or bytes) of input. */
function withinBudget<T>(what: string, units: number, body: () => T): T {
	const t = process.cpuUsage();
	const out = body();
	const used = process.cpuUsage(t);
	const ms = (used.user + used.system) / 1000;
	const bound = Math.max(1500, (units / MB) * PER_MB);
	if (process.env.COPYDESK_FUZZ_VERBOSE) {
		console.log(`    ${what}: ${ms.toFixed(0)} ms of CPU for ${(units / MB).toFixed(2)} MB (bound ${bound.toFixed(0)} ms)`);
	}
	assert.ok(ms < bound, `${what}: ${ms.toFixed(0)} ms of CPU for ${units} units (bound ${bound.toFixed(0)} ms), seed ${SEED}`);
	return out;
}

/** What `copydesk check -f rdjson` does with a text: lint, rows with byte columns, the document. */
function checkLikeCli(text: string): number {
	const r = lint({ text, config, matchedDraftGlob: true });
	const rows = toRows('a.md', text, r.findings);
	for (const row of rows) {
		assert.ok(row.line >= 1 && row.column >= 1 && row.byteColumn! >= 1);
	}
	formatRdjson(rows);
	return r.findings.length;
}

const FM = '---\nplatform: weibo\n---\n';

/** Shapes of about `size` UTF-16 units each, built from seeded pieces. */
const shapes: Record<string, (r: Rand, size: number) => string> = {
	'a flood of unclosed <!--': (r, size) => FM + pick(r, ['<!--', '<!-- ', '<!--\n', '<!-- post ']).repeat(Math.ceil(size / 5)),
	'thousands of comments on one line': (r, size) => FM + `<!-- post platform=weibo --> ${hugeLine(r, 64)} `.repeat(Math.ceil(size / 100)),
	'a one-line post full of findings': (r, size) => FM + '在LeanCloud上,数据存储花了5000元!!'.repeat(Math.ceil(size / 24)) + hugeLine(r, 4096),
	'tens of thousands of front-matter keys': (r, size) => {
		const keys: string[] = [];
		for (let i = 0, len = 0; len < size; i++) {
			// Some keys repeat: each repeat is a finding, found with a Set.
			const k = `k${int(r, 4) === 0 ? int(r, i + 1) : i}: ${pick(r, ['v', '"值"', '[a, b]', '&a x', '*a'])}\n`;
			keys.push(k);
			len += k.length;
		}
		return `---\nplatform: weibo\n${keys.join('')}---\n正文。\n`;
	},
	'disable comments by the ten thousand': (r, size) => {
		const out: string[] = [FM];
		for (let len = 0; len < size;) {
			const line = pick(r, [
				'<!-- copydesk-disable-next-line zh-spacing -- 品牌名 -->\n在LeanCloud上\n',
				'<!-- copydesk-disable-next-line -->\n好!!\n',
				'<!-- copydesk-disable zh-punctuation -- 引用 -->\n',
				'<!-- copydesk-enable zh-punctuation -->\n',
				'<!-- copydesk-enable -->\n',
				'<!-- copydesk-disable nope, zh-spacing -->\n',
				'数据存储花了5000元!!\n',
			]);
			out.push(line);
			len += line.length;
		}
		return out.join('');
	},
	'a CR-only file': (_r, size) => `---\rplatform: weibo\r---\r${'在LeanCloud上,数据存储!!\r<!-- post platform=weibo -->\r'.repeat(Math.ceil(size / 50))}`,
	'posts by the thousand': (r, size) => FM + `<!-- post platform=${pick(r, ['weibo', 'x', 'wechat'])} -->\n在LeanCloud上,数据存储!!\n`.repeat(Math.ceil(size / 60)),
};

before(() => {
	setLanguage('en');
	// Warm-up: the first check of a run loads dictionaries and compiles matchers (a few hundred ms on a
	// busy machine); the budget is for the shapes, so each is checked once small before any is timed.
	const r = random(1);
	for (const make of Object.values(shapes)) {
		checkLikeCli(make(r, 2048));
	}
});

describe(`fuzz: pathological shapes within a CPU budget per MB (seed ${SEED})`, function () {
	this.timeout(300_000);

	for (const [name, make] of Object.entries(shapes)) {
		it(`${name}: checked like the CLI (findings, byte columns, rdjson) within the budget`, () => {
			const r = random(1201 + name.length);
			for (const size of [64 * 1024, 512 * 1024]) {
				const text = make(r, size);
				replayable(name, size, size < 512 * 1024 ? text : undefined, () => withinBudget(`${name}, ${size} units`, text.length, () => checkLikeCli(text)));
			}
		});
	}

	it('the engine reports a flood of <!-- once, and a mistyped fence, without scanning the file again per comment', () => {
		const r = random(1301);
		const text = shapes['a flood of unclosed <!--'](r, MB);
		const res = withinBudget('<!-- flood, findings', text.length, () => lint({ text, config }));
		assert.equal(res.findings.filter((f) => /not closed with -->/.test(f.message)).length, 1);
	});

	it('fixing a draft of disable comments stays within the budget (what --fix and fix-on-save do)', () => {
		const r = random(1302);
		const text = shapes['disable comments by the ten thousand'](r, 256 * 1024);
		withinBudget('fixText, disable comments', text.length * 4, () => fixText(text, config, { matchedDraftGlob: true }));
	});

	it('a copydesk.json of thousands of platforms, rules and terms parses and resolves within the budget', () => {
		const r = random(1303);
		const platforms: Record<string, unknown> = {};
		for (let i = 0; i < 20000; i++) {
			platforms[`p${i}`] = { extends: pick(r, ['weibo', 'x', `p${Math.max(0, i - 1)}`]), limit: 1 + int(r, 500), modes: { long: { body: { limit: 2000 } } } };
		}
		const terms = Array.from({ length: 20000 }, (_, i) => ({ forbidden: `旧词${i}号`, preferred: `新词${i}号` }));
		const text = JSON.stringify({ platforms, terms, rules: Object.fromEntries(rules.map((x) => [x.meta.id, 'warning'])) });
		withinBudget('copydesk.json, 20k platforms and terms', text.length, () => {
			const parsed = parseConfigLayer(text, 'copydesk.json', knownRules);
			assert.deepEqual(parsed.problems, []);
			const c = resolveConfig([parsed.layer!]);
			assert.equal(Object.keys(c.platforms).length >= 20000, true);
		});
	});

	it('pack validate: many snippets × many terms stays linear', () => {
		const r = random(1304);
		const dir = tempDir('shapes-pack-');
		const snippets: Record<string, unknown> = {};
		for (let i = 0; i < 1500; i++) {
			snippets[`s${i}`] = { prefix: `p${i}`, body: `${FM}新品${i}发布，${pick(r, ['欢迎关注', '旧词1号', '在LeanCloud上'])}`, platforms: [pick(r, ['weibo', 'x', 'wechat'])] };
		}
		const terms = Array.from({ length: 3000 }, (_, i) => ({ forbidden: `旧词${i}号`, preferred: `新词${i}号` }));
		const files = {
			'copydesk-pack.json': JSON.stringify({ name: 'big', version: '1.0.0', snippets: ['snippets.json'], terms: 'terms.json' }),
			'snippets.json': JSON.stringify(snippets),
			'terms.json': JSON.stringify(terms),
		};
		let bytes = 0;
		for (const [name, text] of Object.entries(files)) {
			fs.writeFileSync(path.join(dir, name), text);
			bytes += Buffer.byteLength(text);
		}
		// Each snippet is linted on its platform: the budget is per MB of pack files, times the snippets' lint work.
		const v = withinBudget('pack validate, 1,500 snippets × 3,000 terms', bytes * 8, () => validatePackDir(dir));
		assert.equal(v.pack.snippets.length, 1500);
		assert.ok(v.files.flatMap((f) => f.problems).some((p) => /旧词1号/.test(p.message)), 'the snippets were checked against the terms');
	});
});
