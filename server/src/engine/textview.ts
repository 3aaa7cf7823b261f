/**
 * A view of part of a file with some ranges cut out (HTML comments) and the ends trimmed,
 * that maps every offset of the view back to the source. Rules and counters work on the
 * view's `text`; findings are mapped back with `toSource`.
 */
import { lowerBound } from './text';

/**
 * White space as `\s`, `trim()` and `trimStart()` see it: ECMAScript's WhiteSpace (tab, vertical tab,
 * form feed, U+FEFF and every Zs space) and LineTerminator (LF, CR, U+2028, U+2029). One code unit
 * at a time, so a view is trimmed without slicing its text.
 */
export function isJsSpace(c: number): boolean {
	return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
		|| c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function allSpace(source: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) {
		if (!isJsSpace(source.charCodeAt(i))) {
			return false;
		}
	}
	return true;
}

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
		while (first < pieces.length && allSpace(source, pieces[first][0], pieces[first][1])) {
			first++;
		}
		if (first) {
			pieces.splice(0, first);
		}
		while (pieces.length && allSpace(source, pieces[pieces.length - 1][0], pieces[pieces.length - 1][1])) {
			pieces.pop();
		}
		if (pieces.length) {
			const first = pieces[0];
			while (first[0] < first[1] && isJsSpace(source.charCodeAt(first[0]))) {
				first[0]++;
			}
			const last = pieces[pieces.length - 1];
			while (last[1] > last[0] && isJsSpace(source.charCodeAt(last[1] - 1))) {
				last[1]--;
			}
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
		// A copy moved in place (slice keeps the array packed; a loop, not map with a closure).
		const starts = this.srcStarts.slice();
		for (let i = 0; i < starts.length; i++) {
			starts[i] += d;
		}
		v.srcStarts = starts;
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
