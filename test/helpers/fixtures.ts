/**
 * The fixture runner. Each rule has a folder test/fixtures/<rule-id>/ of drafts; beside each
 * draft `name.md` (or .txt) stands `name.expect.json`: the findings of that rule only, as
 *   [{ "line": 5, "column": 3, "endLine": 5, "endColumn": 9, "severity": "error", "message": "…" }]
 * (1-based, UTF-16 columns; "message" may be left out, or given as a substring). When
 * `name.fixed.md` exists, applying the rule's fixes must give exactly that text, and
 * applying them again must change nothing. A sidecar file keeps expectations out of the
 * counted text. An optional `name.config.json` is a copydesk.json for that draft.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIX_KINDS, fixAll, isTeamRuleId, lint, parseConfigLayer, resolveConfig, rules, setLanguage, type ResolvedConfig } from '../../server/src/engine';
import { imageReaderFor } from '../../server/src/node/media';
import { LineIndex } from '../../server/src/positions';
import { FIXTURES } from './paths';

export interface Expected {
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
	severity: string;
	message?: string;
	platform?: string;
}

const knownRules = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));

export function configFor(file: string): ResolvedConfig {
	const cfg = file.replace(/\.(md|txt)$/, '.config.json');
	if (!fs.existsSync(cfg)) {
		return resolveConfig([]);
	}
	const parsed = parseConfigLayer(fs.readFileSync(cfg, 'utf8'), 'fixture', knownRules);
	assert.deepEqual(parsed.problems, [], `fixture config ${cfg} has problems`);
	return resolveConfig([parsed.layer!]);
}

export function findingsAsExpected(text: string, ruleId: string, config: ResolvedConfig, file?: string): Expected[] {
	const idx = new LineIndex(text);
	// Images are read from beside the fixture, as the CLI and the server read them beside a draft.
	return lint({ text, config, matchedDraftGlob: true, ...(file ? { readImage: imageReaderFor(file) } : {}) }).findings.filter((f) => ofRule(f.rule, ruleId)).map((f) => {
		const s = idx.position(f.start);
		const e = idx.position(f.end);
		return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: f.severity, message: f.message, platform: f.platform };
	});
}

/** A finding's id belongs to the rule: its own, or for `team` a team rule's (`team/…`, `<pack>/…`). */
function ofRule(id: string, ruleId: string): boolean {
	return id === ruleId || (ruleId === 'team' && isTeamRuleId(id));
}

/** Registers one mocha test per fixture of the rule. */
export function describeFixtures(ruleId: string): void {
	const dir = path.join(FIXTURES, ruleId);
	describe(`fixtures: ${ruleId}`, () => {
		before(() => setLanguage('en'));
		const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f) && !/\.fixed\.(md|txt)$/.test(f)) : [];
		it('has fixtures', () => assert.ok(files.length > 0, `no fixtures in ${dir}`));
		for (const f of files) {
			const file = path.join(dir, f);
			it(f, () => {
				const text = fs.readFileSync(file, 'utf8');
				const config = configFor(file);
				const expectFile = file.replace(/\.(md|txt)$/, '.expect.json');
				const expected = JSON.parse(fs.readFileSync(expectFile, 'utf8')) as Expected[];
				const actual = findingsAsExpected(text, ruleId, config, file);
				assert.equal(actual.length, expected.length, `${f}: got ${JSON.stringify(actual, null, 1)}`);
				expected.forEach((e, i) => {
					const a = actual[i];
					assert.deepEqual([a.line, a.column, a.endLine, a.endColumn, a.severity], [e.line, e.column, e.endLine, e.endColumn, e.severity], `${f} finding ${i}: ${a.message}`);
					if (e.message !== undefined) {
						assert.ok(a.message!.includes(e.message), `${f} finding ${i}: "${a.message}" should include "${e.message}"`);
					}
					if (e.platform !== undefined) {
						assert.equal(a.platform, e.platform);
					}
				});
				const fixedFile = file.replace(/\.(md|txt)$/, '.fixed.$1');
				if (fs.existsSync(fixedFile)) {
					const relint = (t: string) => lint({ text: t, config, matchedDraftGlob: true }).findings;
					// The rule's fixes of every kind (content too, as `--fix-type typography,syntax,content` applies them).
					const ids = lint({ text, config, matchedDraftGlob: true }).findings.map((x) => x.rule).filter((id) => ofRule(id, ruleId));
					const selection = { rules: new Set([ruleId, ...ids]), kinds: FIX_KINDS };
					const once = fixAll(text, relint, selection).text;
					assert.equal(once, fs.readFileSync(fixedFile, 'utf8'), `${f}: fixed text`);
					assert.equal(fixAll(once, relint, selection).text, once, `${f}: fixing twice changes nothing`);
				}
			});
		}
	});
}
