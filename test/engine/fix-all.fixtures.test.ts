/**
 * The fix-all fixtures (test/fixtures/fix-all/): drafts from issue 11's examples, each with the exact
 * text `copydesk check --fix` (and fix-on-save, see test/server/fix-all.protocol.test.ts) must give:
 *   name.md            the draft
 *   name.fixed.md      the text after fix-all
 *   name.options.json  optional: { "kinds": [...] } as `--fix-type` / `copydesk.fix.types`
 *   name.pending.txt   optional: the fixture waits for another scope's work (the file says which);
 *                      it is registered as a pending test, never silently passed.
 * Every fixture is also checked for the properties fix-all promises: fixing again changes nothing, no
 * post and platform has a warning or error it did not have, and no field within its limit goes over it.
 */
import * as assert from 'node:assert/strict';
import { fixText, isValidCount, lint, resolveConfig, setLanguage } from '../../server/src/engine';
import { fixAllFixtures } from '../helpers/fixAllFixtures';

/** Warnings and errors per post, platform and rule. */
function badCounts(text: string): Map<string, number> {
	const m = new Map<string, number>();
	for (const f of lint({ text, config: resolveConfig([]) }).findings) {
		if (f.severity === 'warning' || f.severity === 'error') {
			const k = `post ${f.post} ${f.platform} ${f.rule} ${f.severity}`;
			m.set(k, (m.get(k) ?? 0) + 1);
		}
	}
	return m;
}

describe('fixtures: fix-all (issue 11 examples)', () => {
	before(() => setLanguage('en'));
	const config = resolveConfig([]);
	const fixtures = fixAllFixtures();

	it('has fixtures', () => assert.ok(fixtures.length >= 6));

	for (const fx of fixtures) {
		const test = fx.pending ? it.skip : it;
		test(`${fx.name}${fx.pending ? ` (pending: ${fx.pending})` : ''}`, () => {
			const r = fixText(fx.text, config, { kinds: fx.kinds });
			assert.equal(r.text, fx.fixed);
			assert.equal(fixText(r.text, config, { kinds: fx.kinds }).text, r.text, 'fixing again changes nothing');
			// Never worse: the split fixture is the one whose posts are numbered anew (checked in fixes.test.ts).
			if (!r.split.length) {
				const before = badCounts(fx.text);
				for (const [k, n] of badCounts(r.text)) {
					assert.ok(n <= (before.get(k) ?? 0), `new ${k}`);
				}
				const within = new Set(lint({ text: fx.text, config }).targets.filter((t) => t.counts.every(isValidCount)).map((t) => `${t.post.index} ${t.platform.id}`));
				for (const t of lint({ text: r.text, config }).targets) {
					assert.ok(!within.has(`${t.post.index} ${t.platform.id}`) || t.counts.every(isValidCount), `post ${t.post.index} went over its limit on ${t.platform.id}`);
				}
			}
		});
	}

	it('weibo-at-limit: the post is at 136/140 with spacing fixes that would take it over; they are left out with one note', () => {
		const text = fixtures.find((f) => f.name === 'weibo-at-limit')!.text;
		const before = lint({ text, config });
		assert.equal(before.targets[0].counts[0].count, 136);
		assert.ok(before.findings.filter((f) => f.rule === 'zh-spacing').length >= 10);
		const r = fixText(text, config);
		assert.equal(r.notes.length, 1);
		assert.match(r.notes[0].message, /left out.*\/140/);
		assert.ok(r.held.every((h) => h.reason === 'limit' && h.rule === 'zh-spacing'));
	});

	it('price-width-no-label: the price is made half-width, and no ad label is added unasked (it is a content fix)', () => {
		const text = fixtures.find((f) => f.name === 'price-width-no-label')!.text;
		assert.ok(lint({ text, config }).findings.some((f) => f.rule === 'ad-disclosure' && f.fixes?.some((x) => x.kind === 'content')), 'the label is offered as a content fix');
		assert.ok(!fixText(text, config).text.includes('广告'));
		assert.ok(fixText(text, config, { kinds: ['typography', 'syntax', 'content'] }).text.includes('【广告】'), 'and applied when content fixes are asked for');
	});
});
