/**
 * Typography accuracy against the peers' own test suites: peer-typography/cases.json in the reference data
 * holds (input, expected) pairs from AutoCorrect, zhlint, pangu.js and the Chinese copywriting
 * guidelines, with the outputs that count as right (`accept`, see its README). The cases are read
 * there and never copied into the project; without ../shared this suite is pending and says so
 * (test/helpers/reference.ts).
 *
 * Copydesk's output for a case is what `check --fix` makes of it as a Weibo (zh-CN) post with the
 * typography fixes only: zh-spacing, zh-punctuation and tone-shouting's mark changes.
 * In scope: cases not skipped (`skip_reason`) and not judged out of scope for social posts.
 * It fails below an agreement of 0.97, or when any already-correct text (an input that is itself
 * accepted) is changed.
 */
import * as assert from 'node:assert/strict';
import { fixAll, lint, resolveConfig, setLanguage } from '../../server/src/engine';
import { describeWithReference, readReference } from '../helpers/reference';

interface PeerCase {
	id: string;
	peer: string;
	input: string;
	scope: 'in' | 'skip';
	accept?: string[];
	judgment?: { category: string; note?: string };
}

const CASES = 'peer-typography/cases.json';
const NAME = `peer typography (reference data: ${CASES})`;
const MIN_AGREEMENT = 0.97;
const HEADER = '---\nplatform: weibo\n---\n';
const TYPOGRAPHY = new Set(['zh-spacing', 'zh-punctuation', 'tone-shouting']);

describeWithReference(NAME, CASES, function () {
	this.timeout(120000);
	let cases: PeerCase[] = [];
	const config = resolveConfig([]);
	const fix = (body: string): string => {
		const text = `${HEADER}${body}\n`;
		return fixAll(text, (t) => lint({ text: t, config }).findings, TYPOGRAPHY).text.slice(HEADER.length, -1);
	};

	before(() => {
		setLanguage('en');
		const all = (JSON.parse(readReference(CASES)) as { cases: PeerCase[] }).cases;
		cases = all.filter((c) => c.scope === 'in' && c.judgment?.category !== 'out-of-scope' && Array.isArray(c.accept) && c.accept.length > 0);
	});

	it(`agrees with the accepted output on at least ${MIN_AGREEMENT} of the in-scope cases`, () => {
		assert.ok(cases.length > 500, `only ${cases.length} in-scope cases: is cases.json complete?`);
		const misses: string[] = [];
		for (const c of cases) {
			const out = fix(c.input);
			if (!c.accept!.includes(out)) {
				misses.push(`${c.id} (${c.peer}${c.judgment ? `, ${c.judgment.category}` : ''}): ${JSON.stringify(c.input)} → ${JSON.stringify(out)}; accepted: ${JSON.stringify(c.accept)}`);
			}
		}
		const agreement = (cases.length - misses.length) / cases.length;
		console.log(`      agreement ${agreement.toFixed(4)} on ${cases.length} in-scope cases (${misses.length} misses)`);
		assert.ok(agreement >= MIN_AGREEMENT, `agreement ${agreement.toFixed(4)} < ${MIN_AGREEMENT}:\n${misses.join('\n')}`);
	});

	it('never changes an already-correct text', () => {
		const correct = cases.filter((c) => c.accept!.includes(c.input));
		assert.ok(correct.length > 200, `only ${correct.length} already-correct cases`);
		const changed = correct.map((c) => ({ c, out: fix(c.input) })).filter(({ c, out }) => out !== c.input);
		assert.deepEqual(changed.map(({ c, out }) => `${c.id}: ${JSON.stringify(c.input)} → ${JSON.stringify(out)}`), []);
	});
});
