/**
 * Properties of the typography fixes on a few hundred generated drafts (seeded, so a failure
 * names a reproducible draft):
 *  (a) fixing twice gives the same text as fixing once (for each rule alone and for all rules);
 *  (b) every fix edit lies within its finding's range, changes something, never touches a
 *      protected span, and changes only what the rule is about (spaces; punctuation, spaces and
 *      full-width letters) — so the text outside all edits is unchanged;
 *  (c) fixing never introduces a new finding of the same rule: one pass of a rule's fixes, when
 *      none had to wait for the next pass (overlap), leaves no finding of that rule, and fixing to
 *      the fixed point leaves none;
 *  (d) fixing every rule (check --fix) never changes protected copy: links, repost and reply marks,
 *      abbreviations, names, e-mail addresses, code and topics come out as written.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, findProtected, fixAll, fixText, lint, parseConfigLayer, preferredEdits, resolveConfig, rules, setLanguage, touchesProtected, type Finding } from '../../server/src/engine';
import { generateDrafts } from '../helpers/drafts';

const RULES = ['zh-spacing', 'zh-punctuation'] as const;
const SCOPE: Record<(typeof RULES)[number], RegExp> = {
	'zh-spacing': /^[ \t]*$/,
	'zh-punctuation': /^[ \t,.!?:;()，。！？：；、（）．…"'“”‘’「」\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]*$/u,
};
const SEED = 20260503;
const COUNT = 300;

describe('typography fixes: properties on generated drafts', function () {
	this.timeout(60000);
	const config = resolveConfig([]);
	const findings = (t: string, rule?: string): Finding[] => lint({ text: t, config }).findings.filter((f) => (rule ? f.rule === rule : RULES.includes(f.rule as never)));
	const drafts = generateDrafts(SEED, COUNT);
	before(() => setLanguage('en'));

	it('the generator makes drafts with findings of both rules', () => {
		const counts = Object.fromEntries(RULES.map((r) => [r, drafts.filter((d) => findings(d, r).length > 0).length]));
		for (const r of RULES) {
			assert.ok(counts[r] > COUNT / 3, `${r} fires on only ${counts[r]} of ${COUNT} drafts`);
		}
	});

	it('(a) fixing twice gives the same text as once', () => {
		for (const [i, d] of drafts.entries()) {
			for (const only of [...RULES.map((r) => new Set([r])), undefined]) {
				const relint = (t: string) => findings(t);
				const once = fixAll(d, relint, only);
				assert.ok(once.passes < 10, `draft ${i}: no fixed point in 10 passes\n${d}`);
				assert.equal(fixAll(once.text, relint, only).text, once.text, `draft ${i} (${only ? [...only] : 'all'}):\n${d}`);
			}
		}
	});

	// With exceptions configured, their text is protected too (and edits must respect it).
	const EXCEPTIONS = ['LeanCloud', 'iPhone', '新品发布', '1,000'];
	const withExceptions = resolveConfig([parseConfigLayer(JSON.stringify({ rules: { 'zh-spacing': { exceptions: EXCEPTIONS }, 'zh-punctuation': { exceptions: EXCEPTIONS } } }), 'test', Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]))).layer!]);

	for (const [label, cfg, exceptions] of [['', config, []], [' (with exceptions)', withExceptions, EXCEPTIONS]] as const) {
		it(`(b) every edit lies within its finding, changes something, touches no protected span, and stays in scope${label}`, () => {
			let edits = 0;
			for (const [i, d] of drafts.entries()) {
				const spans = findProtected(d, { exceptions });
				for (const f of lint({ text: d, config: cfg }).findings.filter((x) => RULES.includes(x.rule as never))) {
					for (const fx of f.fixes ?? []) {
						for (const e of fx.edits) {
							edits++;
							const where = `draft ${i}, ${f.rule} "${d.slice(f.start, f.end)}" edit ${JSON.stringify(e)}:\n${d}`;
							assert.ok(f.start <= e.start && e.end <= f.end, `outside its finding: ${where}`);
							assert.notEqual(d.slice(e.start, e.end), e.newText, `no-op: ${where}`);
							assert.ok(!touchesProtected(spans, e.start, e.end), `touches a protected span: ${where}`);
							const scope = SCOPE[f.rule as (typeof RULES)[number]];
							assert.match(d.slice(e.start, e.end), scope, `removes out-of-scope text: ${where}`);
							// Full-width letters and digits come back half-width.
							assert.match(e.newText.replace(/[A-Za-z0-9]/g, ''), scope, `inserts out-of-scope text: ${where}`);
							// Outside the edit, the text is unchanged.
							const out = applyEdits(d, [e]);
							assert.equal(out.slice(0, e.start), d.slice(0, e.start));
							assert.equal(out.slice(e.start + e.newText.length), d.slice(e.end));
						}
					}
				}
			}
			assert.ok(edits > COUNT, `only ${edits} edits checked`);
		});
	}

	// Protected copy through the whole of `check --fix` (every rule, to a fixed point): links,
	// repost and reply marks, abbreviations, names, e-mail addresses and code come out as written,
	// in order; a topic keeps its text (only a full-width ＃ may become #).
	it('(d) fixing every rule never changes protected copy', () => {
		const KEPT = new Set(['url', 'reply', 'abbreviation', 'name', 'word', 'email', 'code']);
		let checked = 0;
		for (const [i, d] of drafts.entries()) {
			const fixed = fixText(d, config).text;
			let from = 0;
			for (const s of findProtected(d)) {
				// A topic with spaces inside may be two hashtags paired by mistake: hashtag-syntax rewrites those.
				const expected = KEPT.has(s.kind) ? s.text : s.kind === 'topic' && !/\s/.test(s.text) ? s.text.replace(/＃/g, '#') : undefined;
				if (expected === undefined) {
					continue;
				}
				// A topic's ＃ may stay where hashtag-syntax only reports (a pairing it cannot be sure of).
				const at = [expected, s.text].map((x) => fixed.indexOf(x, from)).filter((x) => x >= 0).sort((a, b) => a - b)[0] ?? -1;
				assert.ok(at >= 0, `draft ${i}: ${s.kind} "${s.text}" changed:\n${d}\n→\n${fixed}`);
				from = at + expected.length;
				checked++;
			}
		}
		assert.ok(checked > COUNT, `only ${checked} spans checked`);
	});

	it('(c) fixing never introduces a new finding of the same rule', () => {
		let clean = 0;
		for (const [i, d] of drafts.entries()) {
			for (const rule of RULES) {
				const before = findings(d, rule);
				// preferredEdits leaves out a fix that overlaps one already taken (for the next pass).
				const offered = before.flatMap((f) => (f.fixes?.find((x) => x.preferred) ?? f.fixes?.[0])?.edits ?? []);
				const edits = preferredEdits(before);
				if (edits.length && edits.length === offered.length) {
					clean++;
					// A finding reported without a fix (when in doubt, Copydesk reports and does not change) may stay.
					const after = findings(applyEdits(d, edits), rule).filter((f) => f.fixes?.length);
					assert.deepEqual(after.map((f) => f.message), [], `draft ${i}: one pass of ${rule} left or made findings:\n${d}\n→\n${applyEdits(d, edits)}`);
				}
				const fixed = fixAll(d, (t) => findings(t, rule), new Set([rule])).text;
				assert.deepEqual(findings(fixed, rule).filter((f) => f.fixes?.length).map((f) => `${f.message} "${fixed.slice(f.start, f.end)}"`), [], `draft ${i}: ${rule} after fixing:\n${fixed}`);
			}
		}
		assert.ok(clean > COUNT / 2, `only ${clean} single-pass cases`);
	});
});
