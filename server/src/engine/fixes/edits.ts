/** Applying edits to a text: in one pass, overlapping ones after the first dropped; sorted once. */
import type { TextEdit } from '../types';
import { lowerBound } from '../text';

const byPosition = (a: TextEdit, b: TextEdit) => a.start - b.start || a.end - b.end;

/** Applies non-overlapping edits; overlapping ones after the first are dropped. Sorted input is not sorted again. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
	let sorted = edits;
	for (let i = 1; i < edits.length; i++) {
		if (byPosition(edits[i - 1], edits[i]) > 0) {
			sorted = [...edits].sort(byPosition);
			break;
		}
	}
	const parts: string[] = [];
	let pos = 0;
	for (const e of sorted) {
		if (e.start < pos) {
			continue;
		}
		parts.push(text.slice(pos, e.start), e.newText);
		pos = e.end;
	}
	parts.push(text.slice(pos));
	return parts.join('');
}

/**
 * Edits sorted by position, none overlapping another (two insertions at one offset, or an insertion at
 * the end of a replacement, do not overlap). `tryAdd` takes a group of edits (one fix) whole or not at all.
 */
export class SortedEdits {
	readonly edits: TextEdit[] = [];

	/** Where `e` goes: the first index whose edit sorts after it. */
	private slot(e: TextEdit): number {
		const a = this.edits;
		if (!a.length || byPosition(a[a.length - 1], e) <= 0) {
			return a.length;
		}
		const lo = lowerBound(a.length, (mid) => byPosition(a[mid], e) <= 0);
		return lo;
	}

	private fits(e: TextEdit, i: number): boolean {
		const overlaps = (x: TextEdit) => e.start < x.end && x.start < e.end;
		// The list never overlaps itself, so its ends rise with its starts: only the neighbours can clash.
		return !(i > 0 && overlaps(this.edits[i - 1])) && !(i < this.edits.length && overlaps(this.edits[i]));
	}

	tryAdd(group: readonly TextEdit[]): boolean {
		for (let i = 0; i < group.length; i++) {
			const e = group[i];
			if (!this.fits(e, this.slot(e))) {
				return false;
			}
			for (let j = 0; j < i; j++) {
				if (e.start < group[j].end && group[j].start < e.end) {
					return false;
				}
			}
		}
		for (const e of group) {
			this.edits.splice(this.slot(e), 0, e);
		}
		return true;
	}
}

/** Maps offsets of a text through sorted, non-overlapping edits applied to it. */
export function offsetMapper(applied: readonly TextEdit[]): (x: number) => number {
	const shift: number[] = [0];
	for (const e of applied) {
		shift.push(shift[shift.length - 1] + e.newText.length - (e.end - e.start));
	}
	return (x) => {
		// Ends rise with starts in a sorted list that does not overlap: the edits ending at or before x are a prefix.
		const lo = lowerBound(applied.length, (mid) => applied[mid].end <= x);
		return x + shift[lo];
	};
}
