import * as assert from 'node:assert/strict';
import { lint, parseConfigLayer, parseTermsFile, resolveConfig, rules, setLanguage } from '../../server/src/engine';

const known = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));

describe('terms: configuration', () => {
	before(() => setLanguage('en'));

	it('a malformed entry is a problem at its offset, is dropped, and the others still apply', () => {
		const text = `{
	"terms": [
		{ "forbidden": "AcmeCloud", "preferred": "Acme Cloud" },
		{ "forbidden": 42 },
		{ "note": "nothing to match" },
		"",
		7,
		{ "forbidden": "x", "severity": "loud", "colour": "red" }
	]
}`;
		const parsed = parseConfigLayer(text, 'copydesk.json', known);
		const at = (p: { start: number; end: number }) => text.slice(p.start, p.end);
		assert.deepEqual(parsed.problems.map((p) => [at(p), p.severity]), [
			['42', 'error'],
			['{ "note": "nothing to match" }', 'error'],
			['""', 'error'],
			['7', 'error'],
			['"loud"', 'error'],
			['"colour"', 'warning'],
		]);
		assert.match(parsed.problems[0].message, /terms\[1\]\.forbidden: Expected string \| string\[\]/);
		assert.match(parsed.problems[1].message, /needs "forbidden", "preferred" or both/);
		assert.deepEqual(parsed.layer!.extra!.terms, [{ forbidden: 'AcmeCloud', preferred: 'Acme Cloud' }]);
		const r = lint({ text: '---\nplatform: x\n---\nTry AcmeCloud today.\n', config: resolveConfig([parsed.layer!]) });
		assert.deepEqual(r.findings.map((f) => f.rule), ['terms']);
	});

	it('terms that are not a list are a problem, not a crash', () => {
		const parsed = parseConfigLayer('{ "terms": { "forbidden": "x" } }', 'copydesk.json', known);
		assert.equal(parsed.problems.length, 1);
		assert.match(parsed.problems[0].message, /terms: Expected array/);
		assert.equal(parsed.layer!.extra!.terms, undefined);
	});

	it('a pack terms file reports bad entries at their offsets in that file', () => {
		const text = '[\n\t{ "forbidden": ["智慧手表"], "preferred": "智能手表" },\n\t{ "preferred": ["x"] }\n]';
		const t = parseTermsFile(text, 'terms.json');
		assert.deepEqual(t.problems.map((p) => text.slice(p.start, p.end)), ['["x"]']);
		assert.equal(t.value!.length, 1);
	});

	it('the rule never throws on whatever reaches the resolved config', () => {
		const config = resolveConfig([{ origin: 't', extra: { terms: [null, 3, [], { forbidden: [1, ''] }, { preferred: '' }, { forbidden: 'ok', note: 5, except: 'x' }] } }]);
		const r = lint({ text: '---\nplatform: x\n---\nok then.\n', config });
		assert.deepEqual(r.findings.map((f) => [f.rule, f.message]), [['terms', '"ok" is not in the team\'s terms.']]);
	});
});
