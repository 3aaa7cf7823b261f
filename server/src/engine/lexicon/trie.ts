/** The lexicon's trie: its nodes and the terms that end at them, each branch from the root built on its first walk. */
import type { CharClass } from '../pattern';
import { isWordCode } from './fold';
import type { LexiconTerm } from './index';

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

type Units = readonly (number | CharClass)[];

export class Trie<T> {
	readonly root: Node<T> = newNode();
	private distinct = 0;
	/**
	 * Terms not yet in the trie, by their first code unit, in the order added: they are entered on the
	 * first walk from that unit, so a run that reads a few posts builds the few branches it walks
	 * (the terms under one first unit keep their order: the first listed still wins a tie).
	 */
	private readonly waiting = new Map<number, { units: Units; t: LexiconTerm<T> }[]>();

	/** `exceptOf`: a term's exceptions, compiled when it enters the trie. */
	constructor(private readonly exceptOf: (t: LexiconTerm<T>) => Compiled<T>['except']) {}

	/** Adds a term's folded units (not empty): now when a class comes first, else on its first walk. */
	add(units: Units, t: LexiconTerm<T>): void {
		const first = units[0];
		if (typeof first !== 'number') {
			this.place(units, t);
			return;
		}
		const w = this.waiting.get(first);
		if (w) {
			w.push({ units, t });
		} else {
			this.waiting.set(first, [{ units, t }]);
		}
	}

	/** The node after the first code unit `c` (its waiting terms entered first). */
	first(c: number): Node<T> | undefined {
		if (this.waiting.size) {
			const w = this.waiting.get(c);
			if (w) {
				this.waiting.delete(c);
				for (const { units, t } of w) {
					this.place(units, t);
				}
			}
		}
		return this.root.next.get(c);
	}

	/** Number of distinct terms (enters every waiting term). */
	size(): number {
		for (const c of [...this.waiting.keys()]) {
			this.first(c);
		}
		return this.distinct;
	}

	/** Enters folded units (code units; a pattern's classes as class edges, shared by key). */
	private place(units: Units, t: LexiconTerm<T>): void {
		let node = this.root;
		for (let k = 0; k < units.length; k++) {
			const u = units[k];
			if (u === 0x20) {
				const before = units[k - 1];
				const after = units[k + 1];
				const gap = typeof before === 'number' && typeof after === 'number' && isWordCode(before) && isWordCode(after);
				node = gap ? (node.gap ??= newNode()) : (node.space ??= newNode());
			} else if (typeof u === 'number') {
				let n = node.next.get(u);
				if (!n) {
					n = newNode();
					node.next.set(u, n);
				}
				node = n;
			} else {
				const edges = node.classes ??= [];
				let edge = edges.find((e) => e.cls.key === u.key);
				if (!edge) {
					edges.push(edge = { cls: u, node: newNode() });
				}
				node = edge.node;
			}
		}
		if (!node.out) {
			this.distinct++;
			node.out = [];
		}
		node.out.push({ term: t.term, value: t.value, except: this.exceptOf(t), group: t.group ?? 0, word: !!t.word });
	}
}
