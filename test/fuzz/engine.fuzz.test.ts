/**
 * Seeded fuzzing of the engine with every rule in the registry: hostile drafts, huge lines,
 * broken configuration and pack files, random edit sequences. Nothing may throw; every
 * finding and fix stays inside the text; the cache gives what a fresh run gives. Each call
 * gets a generous bound on its CPU time (3 s per MB of input and platform checked, at least
 * 1 s; a 10 MB line takes 2–4 s on one platform here) that catches a hang or a quadratic
 * blow-up, not a slow machine; speed is `npm run bench`'s job.
 * COPYDESK_FUZZ_SEED and COPYDESK_FUZZ_RUNS replay a failure or run longer.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { campaignFile } from '../../bench/corpus';
import {
	LintCache, PSEUDO_RULES, applyEdits, builtinPlatforms, fixAll, hoverAt, lint, parseConfigLayer, parsePackManifest, parseSnippetFile,
	parseTeamRulesFile, parseTermsFile, postAt, resolveConfig, rules, setLanguage, statusAt, summarize, type LintResult, type ResolvedConfig,
} from '../../server/src/engine';
import { ROOT } from '../helpers/paths';
import { SEED, draft, edit, hugeLine, int, mutateJson, pick, random, replayable, scaled } from './gen';

const knownRules = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));
const ids = new Set<string>([...rules.map((r) => r.meta.id), ...PSEUDO_RULES]);
const defaults = resolveConfig([]);
let slowest = { ms: 0, what: '' };

/** Lints with a generous time bound, and checks what every adapter relies on. */
function checkedLint(text: string, config: ResolvedConfig, what: string, extra: { matchedDraftGlob?: boolean } = {}): LintResult {
	// CPU time, not wall time: the bound is about the work done, not about what else the machine runs.
	const t = process.cpuUsage();
	const r = lint({ text, config, ...extra });
	const used = process.cpuUsage(t);
	const ms = (used.user + used.system) / 1000;
	const bound = Math.max(1000, text.length / 1e6 * Math.max(1, r.targets.length) * 3000);
	if (ms > slowest.ms) {
		slowest = { ms, what };
	}
	assert.ok(ms < bound, `lint used ${ms.toFixed(0)} ms of CPU on ${text.length} UTF-16 units, ${r.targets.length} targets (bound ${bound.toFixed(0)} ms)`);
	for (const f of r.findings) {
		assert.ok(ids.has(f.rule), `unknown rule id ${f.rule}`);
		assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.rule} range ${f.start}-${f.end} outside 0-${text.length}`);
		assert.equal(typeof f.message, 'string');
		assert.ok(f.message.length > 0, `${f.rule}: empty message`);
		for (const fx of f.fixes ?? []) {
			for (const e of fx.edits) {
				assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${f.rule} fix edit ${e.start}-${e.end} outside 0-${text.length}`);
			}
		}
	}
	for (const t of r.targets) {
		for (const c of t.counts) {
			assert.ok(Number.isFinite(c.count), `${t.platform.id} ${c.field} count ${c.count}`);
			assert.ok(c.start >= 0 && c.end <= text.length, `${t.platform.id} ${c.field} range ${c.start}-${c.end}`);
		}
	}
	return r;
}

/** The features the server builds from a result: summaries, hover, status at random offsets. */
function useResult(r: LintResult, text: string, seed: () => number): void {
	summarize(r);
	for (let i = 0; i < 5; i++) {
		const at = int(seed, text.length + 1);
		hoverAt(r, at);
		statusAt(r, at);
		postAt(r, at);
	}
}

before(() => setLanguage('en'));
after(() => {
	// For whoever tunes the bound: the slowest call of this run.
	if (process.env.COPYDESK_FUZZ_VERBOSE) {
		console.log(`    slowest lint: ${slowest.ms.toFixed(0)} ms (${slowest.what}), seed ${SEED}`);
	}
});

describe(`fuzz: engine (seed ${SEED})`, function () {
	this.timeout(120_000);

	it('lints hostile drafts without throwing, with every finding and fix inside the text', () => {
		const r = random(1);
		for (let i = 0; i < scaled(200); i++) {
			const text = draft(r, 50 + int(r, i % 25 === 0 ? 60_000 : 3000));
			replayable('hostile draft', i, text, () => {
				const res = checkedLint(text, defaults, 'hostile draft', { matchedDraftGlob: r() < 0.5 });
				useResult(res, text, r);
				if (i % 10 === 0) {
					// Fixes reach a fixed point on any input (every fixable rule in the registry takes part).
					const relint = (t: string) => lint({ text: t, config: defaults }).findings;
					const fixed = fixAll(text, relint);
					assert.ok(fixed.passes < 10, 'fix all did not settle in 10 passes');
					assert.equal(fixAll(fixed.text, relint).passes, 0, 'fix all changed its own result');
				}
			});
		}
	});

	it('lints a 10 MB line, and a 512 KB line on every platform, within the bound', function () {
		// One 10 MB line on a platform chosen by the seed (X's counter, twitter-text, takes several seconds
		// per 10 MB, so X gets the shorter line only), and a 512 KB line on every platform.
		const r = random(2);
		const platforms = Object.keys(builtinPlatforms());
		const big = hugeLine(r, 10 * 1024 * 1024);
		const p = pick(r, platforms.filter((x) => x !== 'x'));
		replayable(`10 MB line on ${p}`, 0, undefined, () => checkedLint(`---\nplatform: ${p}\n---\n${big}\n`, defaults, `10 MB line on ${p}`));
		const half = big.slice(0, 512 * 1024);
		replayable('512 KB line, every platform', 0, undefined, () => checkedLint(`---\nplatform: [${platforms.join(', ')}]\n---\n${half}\n`, defaults, '512 KB line, all platforms'));
		// Lone surrogates and binary all through a large file.
		const junk = draft(r, 1024 * 1024);
		replayable('1 MB hostile draft', 0, junk, () => checkedLint(junk, defaults, '1 MB hostile draft', { matchedDraftGlob: true }));
	});

	it('never throws on broken copydesk.json, and lints with whatever config survives', () => {
		const r = random(3);
		const baseText = fs.readFileSync(path.join(ROOT, 'examples', 'copydesk.json'), 'utf8');
		const base = {
			defaultPlatform: 'weibo', drafts: ['drafts/**/*.txt'], ignore: ['x/**'], packs: ['./packs/a'],
			rules: Object.fromEntries(rules.map((x) => [x.meta.id, { severity: 'warning', ...Object.fromEntries(Object.entries(x.meta.options ?? {}).map(([k, o]) => [k, o.default])) }])),
			platforms: {
				custom: { name: { en: 'C', 'zh-cn': 'C' }, unit: 'char', limit: 10, fold: 5, locale: 'zh-CN', hashtag: 'none' },
				loop: { extends: 'loop2' }, loop2: { extends: 'loop' }, weibo: { mode: 'long', limit: 50 },
			},
			terms: [{ forbidden: ['a'], preferred: 'b' }],
		};
		const sample = campaignFile(SEED, 6);
		for (let i = 0; i < scaled(250); i++) {
			const text = mutateJson(r, base, i % 2 ? baseText : JSON.stringify(base));
			replayable('copydesk.json', i, text, () => {
				const parsed = parseConfigLayer(text, 'copydesk.json', knownRules);
				for (const p of parsed.problems) {
					assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, `config problem range ${p.start}-${p.end}`);
				}
				const config = resolveConfig(parsed.layer ? [parsed.layer] : []);
				useResult(checkedLint(sample, config, 'broken config'), sample, r);
				checkedLint(draft(r, 500), config, 'broken config + hostile draft', { matchedDraftGlob: true });
			});
		}
	});

	it('never throws on broken pack manifests, snippet files, term lists and team rules; surviving team rules lint without crashing', () => {
		const r = random(4);
		const dir = path.join(ROOT, 'examples', 'packs', 'acme-brand');
		const files = {
			manifest: fs.readFileSync(path.join(dir, 'copydesk-pack.json'), 'utf8'),
			snippets: fs.readFileSync(path.join(dir, 'snippets', 'chinese.json'), 'utf8'),
			terms: fs.readFileSync(path.join(dir, 'terms.json'), 'utf8'),
			teamRules: fs.readFileSync(path.join(ROOT, 'examples', 'packs', 'china-comms', 'copydesk-rules.json'), 'utf8'),
		};
		const bases = {
			manifest: { name: 'p', version: '1.0.0', description: 'd', snippets: ['s.json'], terms: 't.json', rules: { 'platform-limit': 'error' }, platforms: { c: { unit: 'char', limit: 5 } } },
			snippets: { A: { prefix: 'a', platforms: ['weibo'], description: 'd', body: ['#话题# ${1:x} ${2|a,b|} $0 ${CURRENT_YEAR} ${1'] } },
			terms: [{ forbidden: ['a', 'b'], preferred: 'c', note: { en: 'n', 'zh-cn': 'n' } }, { forbidden: '中' }],
			teamRules: [
				{ id: 'x', kind: 'substitution', swap: [{ pattern: '[a-c]{1,3}(中|文)?', to: '甲' }], message: { en: '{match}', 'zh-cn': '{match}' }, scope: ['body', 'topics'] },
				{ id: 'y', kind: 'conditional', if: { patterns: ['\\d{1,3}元'] }, then: { tokens: ['广告'] }, message: { en: 'a', 'zh-cn': 'a' } },
			],
		};
		for (let i = 0; i < scaled(300); i++) {
			const kind = pick(r, ['manifest', 'snippets', 'terms', 'teamRules'] as const);
			const text = mutateJson(r, bases[kind], r() < 0.5 ? files[kind] : JSON.stringify(bases[kind]));
			replayable(`pack ${kind}`, i, text, () => {
				const parsed = kind === 'manifest' ? parsePackManifest(text, 'pack', knownRules)
					: kind === 'snippets' ? parseSnippetFile(text, 'snippets.json') : kind === 'terms' ? parseTermsFile(text, 'terms.json') : parseTeamRulesFile(text, 'copydesk-rules.json', 'p');
				for (const p of parsed.problems) {
					assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, `${kind} problem range ${p.start}-${p.end}`);
				}
				if (kind === 'teamRules' && Array.isArray(parsed.value) && parsed.value.length) {
					const config = resolveConfig([{ origin: 'pack p', extra: { teamRules: parsed.value } }]);
					const found = lint({ text: '---\nplatform: weibo\ntitle: abc\n---\n#abc中# 99元 abc 中文 wechat！！ https://example.com/x @abc\n', config }).findings;
					assert.ok(!found.some((f) => f.internal), found.filter((f) => f.internal).map((f) => f.message).join('\n'));
				}
			});
		}
	});

	it('gives the same findings through the cache as a fresh run, over random edit sequences', () => {
		const r = random(5);
		for (let s = 0; s < scaled(6); s++) {
			let text = s % 2 ? campaignFile(SEED + s, 12) : draft(r, 3000);
			const cache = new LintCache();
			for (let i = 0; i < 40; i++) {
				const e = edit(r, text);
				text = applyEdits(text, [e]);
				replayable(`edit sequence ${s}`, i, text, () => {
					const cached = checkedLint(text, defaults, 'edit sequence');
					const viaCache = lint({ text, config: defaults }, cache);
					assert.deepEqual(viaCache.findings, cached.findings);
					assert.deepEqual(viaCache.targets.map((t) => [t.platform.id, t.post.index, t.counts]), cached.targets.map((t) => [t.platform.id, t.post.index, t.counts]));
				});
			}
		}
	});
});
