/**
 * positions.ts LineIndex (CLI, report, tests) wraps the engine's line model (engine/text.ts
 * lineStarts/lineOf): one model, so a finding's line is the same wherever it is shown.
 */
import * as assert from 'node:assert/strict';
import { lineOf, lineStarts } from '../../server/src/engine/text';
import { RowPositions } from '../../server/src/cli/rows';
import { LineIndex } from '../../server/src/positions';

/** Line and column of each offset, walking the text one character at a time (\r\n is one break). */
function walk(text: string): { line: number; character: number }[] {
	const out: { line: number; character: number }[] = [];
	let line = 0;
	let character = 0;
	for (let i = 0; i <= text.length; i++) {
		out.push({ line, character });
		const c = text[i];
		if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
			line++;
			character = 0;
		} else {
			character++;
		}
	}
	return out;
}

describe('positions: one line model', () => {
	const texts = ['', 'one line', 'a\nbc\n\nd', 'a\r\nb\r\n', 'x\ry\rz', '转发 //@甲:好\r\n\r第二行\n', '\r\r\n\n'];

	it('LineIndex.position is the line and column of every offset (LF, CRLF, lone CR)', () => {
		for (const text of texts) {
			const idx = new LineIndex(text);
			const expected = walk(text);
			for (let off = 0; off <= text.length; off++) {
				assert.deepEqual(idx.position(off), expected[off], `${JSON.stringify(text)} @${off}`);
			}
		}
	});

	it('LineIndex agrees with the engine (lineOf over lineStarts) and offset() inverts position()', () => {
		for (const text of texts) {
			const idx = new LineIndex(text);
			const starts = lineStarts(text);
			for (let off = 0; off <= text.length; off++) {
				const p = idx.position(off);
				assert.equal(p.line, lineOf(starts, off));
				assert.equal(idx.offset(p.line, p.character), off, `${JSON.stringify(text)} @${off}`);
			}
		}
	});

	it('RowPositions gives the same lines and columns with and without UTF-8 byte columns, and the bytes before each offset on its line', () => {
		for (const text of [...texts, `${'新'.repeat(300)}😀\r\nab\u00e9${'x'.repeat(200)}`]) {
			const withBytes = new RowPositions(text);
			const without = new RowPositions(text, false);
			const starts = lineStarts(text);
			for (let off = 0; off <= text.length; off++) {
				const a = withBytes.at(off);
				const b = without.at(off);
				assert.deepEqual(b, { line: a.line, column: a.column }, `${JSON.stringify(text)} @${off}`);
				const lineStart = starts[lineOf(starts, off)];
				if (/[\ud800-\udbff]/.test(text[off - 1] ?? '') && /[\udc00-\udfff]/.test(text[off] ?? '')) {
					continue; // inside a surrogate pair: the pair's four bytes count on its first half
				}
				assert.equal(a.byteColumn, Buffer.byteLength(text.slice(lineStart, off), 'utf8') + 1, `${JSON.stringify(text)} @${off}`);
			}
		}
	});
});
