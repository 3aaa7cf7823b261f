/**
 * Where a lexicon's terms can start: tables the search reads before it walks the trie, so that most
 * positions of a text are passed over at the cost of a table read. A table may say "maybe" where no
 * term starts (a hash collision costs a walk that finds nothing), never "no" where one does.
 */
import type { CharClass } from '../pattern';
import { isWordCode, pairHash, runHash } from './fold';

export class StartTables {
	/**
	 * The code units a term can start with: most characters of a text start none, and are passed
	 * over at once. 1: a term starts here only if the next code unit is its second (see `pairs`);
	 * 2: a term of one character, or with a space after the first, starts with it (always walk).
	 */
	readonly starts = new Uint8Array(0x10000);
	/** The first two code units of the terms, hashed. */
	readonly pairs = new Uint8Array(0x10000);
	/**
	 * The Latin words a term can start with, hashed (`runHash`): a term starting with a letter or digit
	 * matches only where the text's word there is exactly its first word (its edges need word
	 * boundaries, and what follows that word in the term is no letter), so a text's word whose hash
	 * is not marked is passed over whole. `runAny[c]`: a term starting with `c` has a pattern class
	 * after its first word (which may go on with letters): the words starting with `c` are walked.
	 */
	readonly runs = new Uint8Array(0x10000);
	readonly runAny = new Uint8Array(0x10000);
	/** A pattern starts with a large class: every position may start a hit. */
	allStart = false;
	/** A pattern starts with a class (a hit may start inside a Latin word's letters as the class sees them). */
	anyClass = false;
	private readonly startClasses = new Set<string>();

	/** Marks where a term of these folded units (code units, a pattern's classes) can start. */
	add(units: readonly (number | CharClass)[]): void {
		const [first, second] = units;
		if (typeof first === 'number' && isWordCode(first)) {
			let k = 0;
			let h = 0;
			for (; k < units.length && typeof units[k] === 'number' && isWordCode(units[k] as number); k++) {
				h = runHash(h, units[k] as number);
			}
			// A class after the first word (or after a term's space, which may match no space) may go on with letters.
			let m = k;
			while (m < units.length && units[m] === 0x20) {
				m++;
			}
			if (m < units.length && typeof units[m] !== 'number') {
				this.runAny[first] = 1;
			} else {
				this.runs[h] = 1;
			}
		}
		if (typeof first === 'number') {
			if (typeof second === 'number' && second !== 0x20) {
				this.starts[first] ||= 1;
				this.pairs[pairHash(first, second)] = 1;
			} else {
				this.starts[first] = 2;
			}
			return;
		}
		this.anyClass = true;
		if (!this.allStart && !this.startClasses.has(first.key)) {
			this.startClasses.add(first.key);
			// A large class (negated, or wider than a few blocks) makes every position a start: cheaper than marking it.
			let size = 0;
			for (let i = 0; i < first.ranges.length; i += 2) {
				size += first.ranges[i + 1] - first.ranges[i] + 1;
			}
			this.allStart = first.negated || size > 4096;
			for (let i = 0; !this.allStart && i < first.ranges.length; i += 2) {
				this.starts.fill(2, first.ranges[i], first.ranges[i + 1] + 1);
			}
		}
	}
}
