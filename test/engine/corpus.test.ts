/**
 * The judgment corpus (test/corpus/judgment): every tone and compliance rule keeps precision and recall
 * of at least 0.95 on it, and the corpus keeps its shape (≥ 300 drafts, at least as many silent
 * drafts as drafts with findings, labels that quote the draft). `npm run eval` prints the same table.
 */
import * as assert from 'node:assert/strict';
import { rules } from '../../server/src/engine';
import { evaluate, JUDGED, loadCorpus, parseCorpusFile } from '../helpers/judgment-eval';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../helpers/tmp';

describe('judgment corpus', function () {
	this.timeout(120000);
	const drafts = loadCorpus();

	it('has at least 300 drafts, and at least as many silent drafts as drafts with findings', () => {
		assert.ok(drafts.length >= 300, `${drafts.length} drafts`);
		const silent = drafts.filter((d) => d.labels.length === 0).length;
		assert.ok(silent >= drafts.length - silent, `${silent} silent of ${drafts.length}`);
		assert.equal(new Set(drafts.map((d) => d.id)).size, drafts.length, 'draft ids are unique');
	});

	it('labels name tone and compliance rules that exist', () => {
		const known = new Set(rules.map((r) => r.meta.id).filter(JUDGED));
		for (const d of drafts) {
			for (const l of d.labels) {
				assert.ok(known.has(l.rule), `${d.id}: ${l.rule}`);
			}
		}
	});

	it('every tone and compliance rule has precision and recall of at least 0.95', () => {
		const { scores, missed, extra } = evaluate(drafts);
		const judged = rules.map((r) => r.meta.id).filter(JUDGED);
		const low = scores.filter((s) => s.precision < 0.95 || s.recall < 0.95);
		const detail = [...missed.map((m) => `missed ${m.draft.id} ${m.label!.rule} "${m.label!.quote ?? ''}"`), ...extra.map((m) => `extra ${m.draft.id} ${m.finding!.rule}`)];
		assert.deepEqual(low.map((s) => `${s.rule} p=${s.precision.toFixed(3)} r=${s.recall.toFixed(3)}`), [], detail.join('\n'));
		// Every judged rule is measured on labelled drafts (a rule with no labels would pass vacuously).
		for (const id of judged) {
			assert.ok((scores.find((s) => s.rule === id)?.labels ?? 0) >= 4, `${id} has fewer than 4 labels in the corpus`);
		}
	});

	it('the evaluation counts a missed label and an unasked-for finding', () => {
		const dir = tempDir('corpus-');
		const file = path.join(dir, 'probe.md');
		fs.writeFileSync(file, '=== p1 weibo\nexpect: tone-aggressive "友商"\n友商今天发布了新品。\n=== p2 weibo\nexpect: -\n友商的产品都是垃圾。\n');
		const { scores } = evaluate(parseCorpusFile(file));
		const s = scores.find((x) => x.rule === 'tone-aggressive')!;
		assert.deepEqual([s.labels, s.found, s.falsePositives, s.recall, s.precision], [1, 0, 1, 0, 0]);
	});
});
