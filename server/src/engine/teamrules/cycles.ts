/**
 * Replacements that undo each other (`A` → `B` and `B` → `A`): two such fixes would flip a post
 * back and forth, so the later rule is refused at load (teamrules/index.ts). A file may hold
 * hundreds of replacements: a literal's candidates are found by its folded text without white
 * space (a whole match needs that much), so only those and the patterns are searched.
 */
import { foldText, Lexicon } from '../lexicon';
import type { TeamMatcher, TeamRule } from './types';

interface Entry {
	rule: TeamRule;
	m: TeamMatcher & { to: string };
	lexicon?: Lexicon<boolean>;
}

/** What a whole match of a literal needs: the same text, case and width folded, white space aside. */
const keyOf = (s: string) => foldText(s).replace(/\s+/g, '');

export class Replacements {
	private readonly literals = new Map<string, Entry[]>();
	private readonly patterns: Entry[] = [];

	add(e: Entry): void {
		if (e.m.paths) {
			this.patterns.push(e);
			return;
		}
		const k = keyOf(e.m.source);
		const list = this.literals.get(k);
		if (list) {
			list.push(e);
		} else {
			this.literals.set(k, [e]);
		}
	}

	/** An earlier replacement that `m` turns back (each finds the whole of the other's replacement). */
	undone(m: Entry): Entry | undefined {
		for (const a of [...(this.literals.get(keyOf(m.m.to)) ?? []), ...this.patterns]) {
			if (matchesWhole(a, m.m.to) && matchesWhole(m, a.m.to)) {
				return a;
			}
		}
		return undefined;
	}
}

/** Whether a matcher finds the whole of `text` (as the rule's search folds case and width). */
function matchesWhole(e: Entry, text: string): boolean {
	const m = e.m;
	e.lexicon ??= new Lexicon(m.paths ? m.paths.map((steps) => ({ term: m.source, steps, value: true })) : [{ term: m.source, value: true }]);
	return e.lexicon.find(text).some((h) => h.start === 0 && h.end === text.length);
}

export type { Entry as Replacement };

/** A rule refused because a replacement of it undoes one of an earlier rule (or of itself). */
export interface RefusedSwap {
	rule: TeamRule;
	from: string;
	to: string;
	other: Entry;
}

/**
 * Rules read in order: each one with a replacement that an earlier accepted rule (or the same rule)
 * turns back is refused. Used for a team rules file at load (teamrules/index.ts) and for the merged
 * layers (refuseTeamSwapsAcrossLayers, from config/resolve.ts).
 */
export class SwapGuard {
	private readonly earlier = new Replacements();

	/** The refusal, or undefined with the rule's replacements remembered. */
	check(rule: TeamRule): RefusedSwap | undefined {
		const mine = new Replacements();
		const added: Entry[] = [];
		for (const m of rule.kind === 'substitution' || rule.kind === 'spelling' ? rule.match : []) {
			if (m.to === undefined) {
				continue;
			}
			const e: Entry = { rule, m: m as TeamMatcher & { to: string } };
			const other = this.earlier.undone(e) ?? mine.undone(e);
			if (other) {
				return { rule, from: m.source, to: m.to, other };
			}
			mine.add(e);
			added.push(e);
		}
		for (const e of added) {
			this.earlier.add(e);
		}
		return undefined;
	}
}

/**
 * The merged layers' team rules with those refused whose replacement undoes an earlier layer's (a pack's
 * `A` → `B` and the workspace's `B` → `A`): each file is checked on its own when read, so only pairs
 * across layers are found here.
 */
export function refuseTeamSwapsAcrossLayers(rules: readonly TeamRule[]): { rules: TeamRule[]; refused: RefusedSwap[] } {
	const guard = new SwapGuard();
	const out: TeamRule[] = [];
	const refused: RefusedSwap[] = [];
	for (const r of rules) {
		const no = guard.check(r);
		if (no) {
			refused.push(no);
		} else {
			out.push(r);
		}
	}
	return { rules: out, refused };
}
