/** The lexicon's trie: its nodes and the terms that end at them. */
import type { CharClass } from '../pattern';

export interface Compiled<T> {
	term: string;
	value: T;
	group: number;
	word: boolean;
	/** Each exception as folded text and the term's offset inside it. */
	except: { text: string; at: number }[];
}

export interface Node<T> {
	/** By the next folded UTF-16 code unit. */
	next: Map<number, Node<T>>;
	/** A term ending here (the first listed wins for duplicates). */
	out?: Compiled<T>[];
	/** A term's space: any run of whitespace, or none (between punctuation, Chinese: "No. 1"). */
	space?: Node<T>;
	/** A term's space between two Latin words: at least one whitespace ("act now" is not "actnow"). */
	gap?: Node<T>;
	/** A pattern's classes (folded like the text), each to its node. */
	classes?: { cls: CharClass; node: Node<T> }[];
}

/** Every node with every field, so the walk's property reads see one object shape (not one per mix of fields). */
export function newNode<T>(): Node<T> {
	return { next: new Map(), out: undefined, space: undefined, gap: undefined, classes: undefined };
}
