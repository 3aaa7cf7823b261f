/** engine/text.ts lowerBound: the one binary search of the engine, against a linear scan. */
import * as assert from 'node:assert/strict';
import { lineOf, lineStarts, lowerBound } from '../../server/src/engine/text';
import { rng } from '../helpers/drafts';

describe('lowerBound', () => {
	it('finds the first index where the prefix predicate stops holding, on edge cases', () => {
		assert.equal(lowerBound(0, () => true), 0);
		assert.equal(lowerBound(5, () => true), 5);
		assert.equal(lowerBound(5, () => false), 0);
		const xs = [1, 3, 3, 3, 7];
		assert.equal(lowerBound(xs.length, (i) => xs[i] < 3), 1, 'first 3');
		assert.equal(lowerBound(xs.length, (i) => xs[i] <= 3), 4, 'past the last 3');
		assert.equal(lowerBound(xs.length, (i) => xs[i] < 8), 5);
	});

	it('agrees with a linear scan on sorted lists with repeats (seeded)', () => {
		const r = rng(14);
		for (let round = 0; round < 500; round++) {
			const xs = Array.from({ length: Math.floor(r() * 40) }, () => Math.floor(r() * 20)).sort((a, b) => a - b);
			const x = Math.floor(r() * 22) - 1;
			const linear = xs.findIndex((v) => !(v < x));
			assert.equal(lowerBound(xs.length, (i) => xs[i] < x), linear < 0 ? xs.length : linear, `${JSON.stringify(xs)} < ${x}`);
		}
	});

	it('asks the predicate O(log n) times and never outside [0, n)', () => {
		const asked: number[] = [];
		const n = 1 << 16;
		lowerBound(n, (i) => (asked.push(i), i < 12345));
		assert.ok(asked.length <= 17, `${asked.length} calls`);
		assert.ok(asked.every((i) => i >= 0 && i < n));
	});

	it('lineOf, built on it, is the line of every offset (LF, CRLF and CR)', () => {
		for (const text of ['a\nbc\n\nd', 'a\r\nb\r\n', 'x\ry\rz', '']) {
			const starts = lineStarts(text);
			for (let off = 0; off <= text.length; off++) {
				const expected = starts.filter((s) => s <= off).length - 1;
				assert.equal(lineOf(starts, off), Math.max(0, expected), `${JSON.stringify(text)} @${off}`);
			}
		}
	});
});
