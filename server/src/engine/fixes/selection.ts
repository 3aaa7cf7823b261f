/** Which fix of each finding a fix-all batch takes: by rule and kind, the preferred one, never one a pass held back. */
import { DEFAULT_FIX_KINDS, type Finding, type Fix, type FixKind, type TextEdit } from '../types';
import { SortedEdits, offsetMapper } from './edits';

export interface FixSelection {
	/** Only these rules' fixes (default: every rule's). */
	rules?: ReadonlySet<string>;
	/** Only fixes of these kinds (default: typography and syntax). */
	kinds?: ReadonlySet<FixKind> | readonly FixKind[];
}

export function kindSet(kinds: FixSelection['kinds']): ReadonlySet<FixKind> {
	return kinds instanceof Set ? kinds : new Set(kinds ?? DEFAULT_FIX_KINDS);
}

/** The fix "fix all" takes for a finding: its preferred one, or its only one unless that says `preferred: false`. */
export function chosenFix(f: Finding): Fix | undefined {
	return f.fixes?.find((x) => x.preferred) ?? (f.fixes?.length === 1 && f.fixes[0].preferred !== false ? f.fixes[0] : undefined);
}

/** A fix's kind; a fix that does not say is treated as the cautious one. */
export const kindOf = (fix: Fix): FixKind => fix.kind ?? 'content';

export interface Candidate {
	finding: Finding;
	fix: Fix;
	key: string;
}

/** Names a fix by its rule, post, target and edits (offsets in the current text). */
const fixKey = (rule: string, post: number | undefined, platform: string | undefined, edits: readonly TextEdit[]) =>
	`${rule}\u0000${post ?? ''}\u0000${platform ?? ''}\u0000${edits.map((e) => `${e.start}:${e.end}\u0001${e.newText}`).join('\u0002')}`;

/**
 * Fixes left out of a run, so that no later pass offers them again: kept with their edits, which move
 * with every pass's edits (an offset past an applied edit shifts by what it added or removed).
 */
export class Blocked {
	private fixes: { rule: string; post?: number; platform?: string; edits: TextEdit[] }[] = [];
	private keys = new Set<string>();

	add(c: Candidate): void {
		this.fixes.push({ rule: c.finding.rule, post: c.finding.post, platform: c.finding.platform, edits: c.fix.edits });
		this.keys.add(c.key);
	}

	has(key: string): boolean {
		return this.keys.has(key);
	}

	/** Moves every blocked fix through `applied` (sorted, not overlapping). */
	moveThrough(applied: readonly TextEdit[]): void {
		if (!this.fixes.length || !applied.length) {
			return;
		}
		const at = offsetMapper(applied);
		this.fixes = this.fixes.map((b) => ({ ...b, edits: b.edits.map((e) => ({ start: at(e.start), end: at(e.end), newText: e.newText })) }));
		this.keys = new Set(this.fixes.map((b) => fixKey(b.rule, b.post, b.platform, b.edits)));
	}

	clear(): void {
		this.fixes = [];
		this.keys.clear();
	}
}

/** The fixes a batch may take, in finding order, each with a key that names it (see Blocked). */
export function candidates(findings: readonly Finding[], rules: ReadonlySet<string> | undefined, kinds: ReadonlySet<FixKind>, blocked?: Blocked): Candidate[] {
	const out: Candidate[] = [];
	for (const f of findings) {
		if (rules && !rules.has(f.rule)) {
			continue;
		}
		const fix = chosenFix(f);
		if (!fix || !kinds.has(kindOf(fix))) {
			continue;
		}
		const key = blocked ? fixKey(f.rule, f.post, f.platform, fix.edits) : '';
		if (!blocked?.has(key)) {
			out.push({ finding: f, fix, key });
		}
	}
	return out;
}

/**
 * The chosen fix of every finding (of the selected rules and kinds), whole fixes only: one whose edits
 * would overlap a fix already taken is left for the next pass, so a fix with two edits (a pair of
 * brackets) is never applied by half. The edits come back sorted.
 */
export function preferredEdits(findings: readonly Finding[], selection?: ReadonlySet<string> | FixSelection): TextEdit[] {
	const sel: FixSelection = selection instanceof Set ? { rules: selection } : (selection as FixSelection | undefined) ?? {};
	const taken = new SortedEdits();
	for (const c of candidates(findings, sel.rules, kindSet(sel.kinds))) {
		taken.tryAdd(c.fix.edits);
	}
	return taken.edits;
}
