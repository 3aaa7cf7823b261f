import * as assert from 'node:assert/strict';
import { applyEdits, fixText, preferredEdits, resolveConfig, type Finding } from '../../server/src/engine';

const finding = (edits: { start: number; end: number; newText: string }[]): Finding => ({
	rule: 'r', severity: 'warning', message: 'm', start: edits[0].start, end: edits[edits.length - 1].end,
	fixes: [{ title: 't', edits, preferred: true, kind: 'typography' }],
});

describe('fixes', () => {
	it('preferredEdits takes a fix whole or not at all (a bracket pair is never applied by half)', () => {
		const text = 'a) (b)';
		// Two fixes overlapping on the space: the second, a pair, waits for the next pass.
		const first = finding([{ start: 1, end: 3, newText: '）' }]);
		const pair = finding([{ start: 2, end: 4, newText: '（' }, { start: 5, end: 6, newText: '）' }]);
		const edits = preferredEdits([first, pair]);
		assert.deepEqual(edits, first.fixes![0].edits);
		assert.equal(applyEdits(text, edits), 'a）(b)');
	});

	it('fixText applies every rule to a fixed point, and again changes nothing', () => {
		const config = resolveConfig([]);
		const text = '---\nplatform: weibo\n---\n核磁共振成像 (NMRI) (一种技术) 在LeanCloud上,好!!\n';
		const once = fixText(text, config);
		assert.equal(once.text, '---\nplatform: weibo\n---\n核磁共振成像（NMRI）（一种技术）在 LeanCloud 上，好！\n');
		assert.ok(once.passes >= 2, 'the second bracket pair needs a second pass');
		assert.equal(fixText(once.text, config).text, once.text);
		assert.equal(fixText(once.text, config).passes, 0);
	});
});
