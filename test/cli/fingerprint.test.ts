/**
 * Same findings on every path: a fingerprint (SHA-256 of every finding, in order) of the whole bench
 * corpus (bench/corpus.ts, its default seed and size: 10,000 posts) and of the labelled judgment
 * corpus (test/corpus/judgment/) is the same for the single-threaded reference — `lint()` on each file
 * in turn, reading every post's facts — and for the paths made for speed: facts read only when
 * compared (`variants: 'compared'`, what `check` and the editor use), a re-check through a
 * LintCache, and `copydesk check` on worker threads (`--jobs 2`) against `--jobs 1`.
 */
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { generateCorpus } from '../../bench/corpus';
import { lint, LintCache, resolveConfig, type Finding, type LintInput } from '../../server/src/engine';
import { poolStats } from '../../server/src/node/pool';
import { ensureBundles, runCli } from '../helpers/cli';
import { loadCorpus } from '../helpers/judgment-eval';
import { makeTree } from '../helpers/tmp';

const SEED = 20260501;
const POSTS = 10_000;

function fingerprint(files: readonly [string, string][], lintOne: (text: string) => readonly Finding[]): { findings: number; hash: string } {
	const h = crypto.createHash('sha256');
	let findings = 0;
	for (const [name, text] of files) {
		for (const f of lintOne(text)) {
			findings++;
			h.update(`${JSON.stringify([name, f.rule, f.severity, f.start, f.end, f.message, f.post ?? null, f.platform ?? null, f.fixes ?? null, f.related ?? null, f.explain ?? null])}\n`);
		}
	}
	return { findings, hash: h.digest('hex') };
}

describe('same findings on every path (bench corpus and judgment corpus)', function () {
	this.timeout(300_000);
	const config = resolveConfig([]);
	const bench = [...generateCorpus(SEED, POSTS).files];
	const judged: [string, string][] = loadCorpus().map((d) => [`judgment/${d.id}.md`, d.text]);
	const files = [...bench, ...judged];
	const reference = (extra: Partial<LintInput> = {}) => fingerprint(files, (text) => lint({ text, config, ...extra }).findings);
	let single: { findings: number; hash: string };

	before(() => {
		single = reference();
	});

	it('finds something to fingerprint in both corpora', () => {
		assert.ok(single.findings > 10_000, `${single.findings} findings`);
		assert.ok(fingerprint(judged, (text) => lint({ text, config }).findings).findings > 100);
	});

	it('reading facts only when they are compared changes no finding', () => {
		assert.deepEqual(reference({ variants: 'compared' }), single);
	});

	it('a re-check through a LintCache gives the findings of a fresh check', () => {
		const caches = new Map<string, LintCache>();
		const cached = (text: string) => {
			let c = caches.get(text);
			if (!c) {
				c = new LintCache();
				caches.set(text, c);
				lint({ text, config, variants: 'compared' }, c);
			}
			return lint({ text, config }, c).findings;
		};
		assert.deepEqual(fingerprint(files, cached), single);
	});

	it('copydesk check --jobs 2 prints what --jobs 1 prints', () => {
		ensureBundles();
		const dir = makeTree(Object.fromEntries(files));
		const one = runCli(['check', '.', '--format', 'json', '--jobs', '1'], dir);
		const before = poolStats.fromWorkers;
		const two = runCli(['check', '.', '--format', 'json', '--jobs', '2'], dir);
		assert.ok(poolStats.fromWorkers > before, 'no file was linted on a worker thread');
		assert.equal(two.code, one.code);
		const hash = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
		assert.equal(hash(two.stdout), hash(one.stdout));
		assert.ok(JSON.parse(one.stdout).diagnostics.length > 10_000);
	});
});
