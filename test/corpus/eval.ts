/**
 * `npm run eval`: precision and recall of the tone and compliance rules on the judgment corpus
 * (test/corpus/judgment/*.md). `--markdown` prints the table for the README; `--misses` lists every
 * missed label and unasked-for finding.
 */
import { evaluate, loadCorpus } from '../helpers/judgment-eval';

const drafts = loadCorpus();
const { scores, missed, extra } = evaluate(drafts);
const silent = drafts.filter((d) => d.labels.length === 0).length;
const pct = (x: number) => x.toFixed(3);
const markdown = process.argv.includes('--markdown');
if (markdown) {
	console.log('| Rule | Labels | Found | False positives | Precision | Recall |');
	console.log('|---|---:|---:|---:|---:|---:|');
	for (const s of scores) {
		console.log(`| \`${s.rule}\` | ${s.labels} | ${s.found} | ${s.falsePositives} | ${pct(s.precision)} | ${pct(s.recall)} |`);
	}
} else {
	console.log(`${drafts.length} drafts: ${drafts.length - silent} with labelled findings, ${silent} where every tone and compliance rule must stay quiet.\n`);
	const w = Math.max(...scores.map((s) => s.rule.length));
	console.log(`${'rule'.padEnd(w)}  labels  found  false+  precision  recall`);
	for (const s of scores) {
		console.log(`${s.rule.padEnd(w)}  ${String(s.labels).padStart(6)}  ${String(s.found).padStart(5)}  ${String(s.falsePositives).padStart(6)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}`);
	}
}
if (process.argv.includes('--misses') || (!markdown && (missed.length || extra.length))) {
	console.log('');
	for (const m of missed) {
		console.log(`missed  ${m.draft.file}:${m.draft.line} ${m.draft.id}: ${m.label!.rule}${m.label!.severity ? '@' + m.label!.severity : ''} "${m.label!.quote ?? ''}"`);
	}
	for (const m of extra) {
		const f = m.finding!;
		console.log(`extra   ${m.draft.file}:${m.draft.line} ${m.draft.id}: ${f.rule}@${f.severity} "${m.draft.text.slice(f.start, f.end)}" ${f.message.slice(0, 90)}`);
	}
}
