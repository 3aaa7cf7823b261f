/**
 * The two typography rules' docs pages tell the truth: every line of a "Wrong" example is flagged
 * by the rule, and fixing the "Wrong" block gives the "Right" block; "Right" and "Not flagged"
 * lines are not flagged.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll, lint, resolveConfig, setLanguage } from '../../server/src/engine';
import { ROOT } from '../helpers/paths';

function block(doc: string, label: string): string[] {
	const at = doc.indexOf(`\n${label}`);
	assert.ok(at >= 0, `no "${label}" in the page`);
	const m = /```markdown\n([\s\S]*?)```/.exec(doc.slice(at));
	assert.ok(m, `no code block after "${label}"`);
	return m![1].split('\n').filter((l) => l.trim());
}

for (const rule of ['zh-spacing', 'zh-punctuation']) {
	describe(`docs/rules/${rule}.md examples`, () => {
		const doc = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${rule}.md`), 'utf8');
		const config = resolveConfig([]);
		const post = (line: string) => `---\nplatform: weibo\n---\n${line}\n`;
		const findings = (text: string) => lint({ text, config }).findings.filter((f) => f.rule === rule);
		before(() => setLanguage('en'));

		it('every "Wrong" line is flagged, and fixing it gives the "Right" line', () => {
			const wrong = block(doc, 'Wrong / 错误');
			const right = block(doc, 'Right / 正确');
			assert.equal(wrong.length, right.length);
			wrong.forEach((line, i) => {
				assert.ok(findings(post(line)).length > 0, `not flagged: ${line}`);
				assert.equal(fixAll(post(line), findings, new Set([rule])).text, post(right[i]), line);
			});
		});

		it('"Right" and "Not flagged" lines are not flagged', () => {
			for (const line of [...block(doc, 'Right / 正确'), ...block(doc, 'Not flagged / 不报告')]) {
				assert.deepEqual(findings(post(line)).map((f) => f.message), [], line);
			}
		});
	});
}
