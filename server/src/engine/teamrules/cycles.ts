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
