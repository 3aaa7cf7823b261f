/**
 * A view of part of a file with some ranges cut out (HTML comments) and the ends trimmed,
 * that maps every offset of the view back to the source. Rules and counters work on the
 * view's `text`; findings are mapped back with `toSource`.
 */
import { lowerBound } from './text';

export class TextView {
	readonly text: string;
	// Parallel arrays: the view offset where each kept piece starts, and its source offset.
	private readonly viewStarts: number[] = [];
	private readonly srcStarts: number[] = [];
	/** Source offset just past the last kept character (or the range start when empty). */
	readonly srcEnd: number;

	constructor(source: string, start: number, end: number, cuts: readonly { start: number; end: number }[] = []) {
		const pieces: [number, number][] = [];
		let i = start;
		for (const c of cuts) {
			if (c.end <= start || c.start >= end) {
				continue;
			}
			if (c.start > i) {
				pieces.push([i, c.start]);
			}
			i = Math.max(i, c.end);
		}
		if (i < end) {
			pieces.push([i, end]);
		}
		// Trim white space at both ends of the whole view (one splice, not a shift per blank piece:
		// thousands of comments on their own lines leave thousands of blank pieces).
		let first = 0;
		while (first < pieces.length && /^\s*$/u.test(source.slice(pieces[first][0], pieces[first][1]))) {
			first++;
		}
		if (first) {
			pieces.splice(0, first);
		}
		while (pieces.length && /^\s*$/u.test(source.slice(pieces[pieces.length - 1][0], pieces[pieces.length - 1][1]))) {
			pieces.pop();
		}
		if (pieces.length) {
			const first = pieces[0];
			first[0] += source.slice(first[0], first[1]).length - source.slice(first[0], first[1]).trimStart().length;
			const last = pieces[pieces.length - 1];
			last[1] -= source.slice(last[0], last[1]).length - source.slice(last[0], last[1]).trimEnd().length;
		}
		let text = '';
		for (const [s, e] of pieces) {
			this.viewStarts.push(text.length);
			this.srcStarts.push(s);
			text += source.slice(s, e);
		}
		this.text = text;
		this.srcEnd = pieces.length ? pieces[pieces.length - 1][1] : start;
	}

	/**
	 * The same view with every source offset moved by `d`: the view of the same characters after an
	 * edit above them (the editor's incremental re-check), without cutting and trimming them again.
	 */
	moved(d: number): TextView {
		const v = Object.create(TextView.prototype) as { -readonly [K in keyof TextView]: TextView[K] } & { viewStarts: number[]; srcStarts: number[]; srcEnd: number };
		v.text = this.text;
		v.viewStarts = this.viewStarts;
		v.srcStarts = this.srcStarts.map((s) => s + d);
		v.srcEnd = this.srcEnd + d;
		return v as unknown as TextView;
	}

	/** Source offset of a view offset. The view's end maps to just past its last character. */
	toSource(offset: number): number {
		if (!this.viewStarts.length) {
			return this.srcEnd;
		}
		if (offset >= this.text.length) {
			return this.srcEnd;
		}
		const starts = this.viewStarts;
		const lo = Math.max(0, lowerBound(starts.length, (i) => starts[i] <= offset) - 1);
		return this.srcStarts[lo] + (offset - this.viewStarts[lo]);
	}

	/** Source range of a view range. */
	rangeToSource(start: number, end: number): { start: number; end: number } {
		const s = this.toSource(start);
		// Map the end as "just past the last character" so a range never spans into a cut.
		const e = end > start ? this.toSource(end - 1) + 1 : s;
		return { start: s, end: Math.max(s, e) };
	}

	/** True when view offsets [start, end) are contiguous in the source (no cut inside). */
	isContiguous(start: number, end: number): boolean {
		return end <= start || this.toSource(end - 1) - this.toSource(start) === end - 1 - start;
	}
}
