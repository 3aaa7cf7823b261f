/** What `fixAll` takes (a re-check, the selection) and returns (the text, fixes applied and held, notes). */
import type { Draft } from '../draft';
import type { Target } from '../rule';
import type { Finding, FixKind } from '../types';
import type { FixSelection } from './selection';

/** What a re-check returns: the findings, and (from `lint`) the targets with their counts and the parsed draft. */
export interface Relinted {
	findings: readonly Finding[];
	targets?: readonly Target[];
	draft?: Draft;
}

export type Relint = (text: string) => readonly Finding[] | Relinted;

export interface FixAllOptions extends FixSelection {
	/** At most this many passes (default 10). */
	maxPasses?: number;
	/**
	 * Split a post shared by several platforms when a fix for one breaks another (default: when content
	 * fixes are asked for, as the split rewrites the post). Needs a `relint` that returns the draft.
	 */
	split?: boolean;
	/**
	 * `false`: apply the chosen fixes without checking what they do to the post (no fix held, no split).
	 * Only for measuring one rule's fixer on its own (differential tests); every user-facing fix-all keeps it on.
	 */
	guard?: boolean;
}

/** A fix a batch applied: where (offset and line in the text of its pass), of what kind, by which rule. */
export interface AppliedFix {
	rule: string;
	kind: FixKind;
	title: string;
	post?: number;
	platform?: string;
	pass: number;
	start: number;
	/** 1-based line in the text of the pass that applied it. */
	line: number;
}

/**
 * A fix a batch left out because it made a post worse: `limit` (over a limit), `shared` (broke another
 * platform of the same body), `worse` (a new warning or error), `noEffect` (the post's fixes never settle:
 * two rules undo each other's fixes, or a fix does not resolve its own finding).
 */
export interface HeldFix {
	rule: string;
	kind: FixKind;
	title: string;
	post?: number;
	platform?: string;
	reason: 'worse' | 'limit' | 'shared' | 'noEffect';
	/** 1-based line in the text of the pass that left it out. */
	line: number;
}

export interface FixAllResult {
	text: string;
	/** Passes that changed the text (a split counts as one). */
	passes: number;
	applied: AppliedFix[];
	held: HeldFix[];
	/** Posts split into one post per platform (their indexes in the text before the split). */
	split: number[];
	/** One info note per post and platform whose lengthening fixes were left out to stay within its limit (offsets in the result). */
	notes: Finding[];
}
