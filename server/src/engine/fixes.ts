/**
 * Applying fixes. Edits that overlap an edit already taken are skipped (a later pass picks
 * them up), so applying is safe in any order and `fixAll` reaches a fixed point.
 */
import type { ResolvedConfig } from './config';
import { lint } from './lint';
import type { Finding, TextEdit } from './types';

/** Applies non-overlapping edits; overlapping ones after the first are dropped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
	const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
	let out = '';
	let pos = 0;
	for (const e of sorted) {
		if (e.start < pos) {
			continue;
		}
		out += text.slice(pos, e.start) + e.newText;
		pos = e.end;
	}
	return out + text.slice(pos);
}

/** True when `edits` can all be applied together (sorted, none starts before the previous one ends). */
function compatible(edits: readonly TextEdit[]): boolean {
	const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
	return sorted.every((e, i) => i === 0 || e.start >= sorted[i - 1].end);
}

/**
 * The preferred fix of every finding (or its only fix, unless that one says `preferred: false`). A fix is taken
 * whole or not at all: one whose edits would overlap a fix already taken is left for the next
 * pass, so a fix with two edits (a pair of brackets) is never applied by half.
 */
export function preferredEdits(findings: readonly Finding[], ruleIds?: ReadonlySet<string>): TextEdit[] {
	const edits: TextEdit[] = [];
	for (const f of findings) {
		if (ruleIds && !ruleIds.has(f.rule)) {
			continue;
		}
		const fix = f.fixes?.find((x) => x.preferred) ?? (f.fixes?.length === 1 && f.fixes[0].preferred !== false ? f.fixes[0] : undefined);
		if (fix && compatible([...edits, ...fix.edits])) {
			edits.push(...fix.edits);
		}
	}
	return edits;
}

/**
 * Applies fixes until nothing changes (at most `maxPasses` times): `relint` re-checks the
 * new text. Returns the final text and how many passes changed it.
 */
export function fixAll(text: string, relint: (t: string) => readonly Finding[], ruleIds?: ReadonlySet<string>, maxPasses = 10): { text: string; passes: number } {
	let current = text;
	let passes = 0;
	for (; passes < maxPasses; passes++) {
		const edits = preferredEdits(relint(current), ruleIds);
		const next = edits.length ? applyEdits(current, edits) : current;
		if (next === current) {
			break;
		}
		current = next;
	}
	return { text: current, passes };
}

export interface FixTextOptions {
	/** Only these rules' fixes (default: every rule's preferred fix). */
	rules?: ReadonlySet<string>;
	/** The file matched the config's `drafts` globs (see LintInput). */
	matchedDraftGlob?: boolean;
}

/**
 * A draft with every preferred fix applied, repeated to a fixed point: what `copydesk check
 * --fix` writes and what "fix all" in the editor produces. Fixing the result again changes nothing.
 */
export function fixText(text: string, config: ResolvedConfig, opts: FixTextOptions = {}): { text: string; passes: number } {
	return fixAll(text, (t) => lint({ text: t, config, matchedDraftGlob: opts.matchedDraftGlob }).findings, opts.rules);
}
