/**
 * What a text must contain for a small lexicon to find anything: for each term, the longest run of
 * literal code units it matches as written (a part between its spaces; a pattern's units between
 * classes), folded. A hit of a term reads that run in the folded text, so a text that contains none
 * of the runs has no hit, and a search is one `includes` per run (native) instead of a walk of
 * every position. Kept for a few runs only (a large lexicon would test many).
 */
import type { CharClass } from '../pattern';

/** Most runs tested before a walk. */
const MAX_NEEDLES = 8;

export class Needles {
	private list: string[] | undefined = [];

	/** Adds a term's folded units; a term without a literal run turns the test off. */
	add(units: readonly (number | CharClass)[]): void {
		if (!this.list) {
			return;
		}
		let best = '';
		let run = '';
		for (const u of [...units, 0x20]) {
			if (typeof u === 'number' && u !== 0x20) {
				run += String.fromCharCode(u);
				continue;
			}
			if (run.length > best.length) {
				best = run;
			}
			run = '';
		}
		// A run that holds a listed one adds nothing (the text holds the listed one too); a shorter one replaces those it is in.
		if (!best) {
			this.list = undefined;
			return;
		}
		if (this.list.some((n) => best.includes(n))) {
			return;
		}
		this.list = [...this.list.filter((n) => !n.includes(best)), best];
		if (this.list.length > MAX_NEEDLES) {
			this.list = undefined;
		}
	}

	/** False when the folded text cannot hold a hit; true when it may (or when the test is off). */
	mayMatch(folded: string): boolean {
		const list = this.list;
		if (!list) {
			return true;
		}
		for (let k = 0; k < list.length; k++) {
			if (folded.includes(list[k])) {
				return true;
			}
		}
		return false;
	}
}
