/**
 * Disable directives: exceptions a reviewer can see. Parsed from the draft's HTML comments
 * (which platforms never see):
 *
 *   <!-- copydesk-disable-next-line RULE[, RULE…] -- reason -->
 *   <!-- copydesk-disable RULE -- reason -->  …  <!-- copydesk-enable RULE -->
 *
 * Without RULE a directive covers every rule. Findings inside a directive's scope are dropped
 * from the lint result and counted on the exception it records, so the editor, the CLI and
 * the campaign report all show the same thing. A directive without a reason, or naming a
 * rule that does not exist, is itself a finding (`disable-reason`), which no directive hides.
 */
import type { Comment, Draft } from './draft';
import type { Finding } from './types';
import { lineOf, lineStarts, lowerBound } from './text';
import { isTeamRuleId } from './teamrules';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable';

export interface Directive {
	kind: DirectiveKind;
	/** Rule ids as written; empty: every rule. */
	rules: string[];
	/** Source offsets of each rule id as written (parallel to `rules`). */
	ruleRanges: { start: number; end: number }[];
	/** The text after `--`, trimmed; empty when none was given. */
	reason: string;
	/** The comment's source range. */
	start: number;
	end: number;
}

/** A rule switched off for part of a draft: recorded on the lint result. */
export interface LintException {
	kind: 'disable-next-line' | 'disable';
	/** Rule ids; empty: every rule. */
	rules: string[];
	reason: string;
	/** Source offsets of the directive comment. */
	start: number;
	end: number;
	/** 1-based line of the comment. */
	line: number;
	/** Source range the exception covers: findings starting inside it are suppressed. */
	scope: { start: number; end: number };
	/** 0-based index of the post the comment stands in, when it stands in one. */
	post?: number;
	/** How many findings it suppressed. */
	suppressed: number;
	/**
	 * Set by lint when the exception hid nothing although every rule it names ran (and is
	 * reported by `disable-reason` as one to remove).
	 */
	stale?: boolean;
}

const DIRECTIVE = /^copydesk-(disable-next-line|disable|enable)(?=\s|$)([\s\S]*)$/;

/** Parses one comment; undefined when it is not a directive. */
function parseDirective(c: Comment, text: string): Directive | undefined {
	const m = DIRECTIVE.exec(c.body);
	if (!m) {
		return undefined;
	}
	const kind = m[1] as DirectiveKind;
	const rest = m[2];
	const dash = rest.indexOf('--');
	const head = dash >= 0 ? rest.slice(0, dash) : rest;
	const reason = dash >= 0 ? rest.slice(dash + 2).trim() : '';
	// Where `rest` stands in the source: the body is the comment's inside, trimmed.
	const bodyAt = text.indexOf(c.body, c.start + 4);
	const restAt = bodyAt + c.body.length - rest.length;
	const rules: string[] = [];
	const ruleRanges: { start: number; end: number }[] = [];
	const ID = /[^\s,，、]+/g;
	for (let r = ID.exec(head); r; r = ID.exec(head)) {
		rules.push(r[0]);
		ruleRanges.push({ start: restAt + r.index, end: restAt + r.index + r[0].length });
	}
	return { kind, rules, ruleRanges, reason, start: c.start, end: c.end };
}

export function parseDirectives(draft: Draft): Directive[] {
	const out: Directive[] = [];
	for (const c of draft.comments) {
		const d = parseDirective(c, draft.text);
		if (d) {
			out.push(d);
		}
	}
	return out;
}

/** Rules that no directive switches off: the check on directives themselves. */
const UNSUPPRESSABLE = new Set(['disable-reason']);

/**
 * The exceptions the directives make, in source order. `disable-next-line` covers the line
 * after the comment's last line; `disable` covers everything from the comment to the
 * matching `enable` (the same rule, or an `enable` without rules), or to the end of the file.
 */
export function exceptionsOf(draft: Draft, directives: readonly Directive[]): LintException[] {
	if (!directives.length) {
		// No line index of the whole file for nothing (every re-check in the editor).
		return [];
	}
	const starts = lineStarts(draft.text);
	const postOf = (offset: number) => postIndexAt(draft, offset);
	const out: LintException[] = [];
	// Open disables grouped by the rules they name (sorted, joined): an enable closes whole groups,
	// so thousands of identical disable/enable pairs cost one look each.
	const open = new Map<string, { rules: string[]; list: LintException[] }>();
	const base = (d: Directive) => ({
		rules: d.rules, reason: d.reason, start: d.start, end: d.end, line: lineOf(starts, d.start) + 1, suppressed: 0,
		...(postOf(d.start) !== undefined ? { post: postOf(d.start) } : {}),
	});
	for (const d of directives) {
		if (d.kind === 'disable-next-line') {
			const next = lineOf(starts, d.end) + 1;
			const scope = next < starts.length
				? { start: starts[next], end: next + 1 < starts.length ? starts[next + 1] : draft.text.length }
				: { start: draft.text.length, end: draft.text.length };
			out.push({ kind: 'disable-next-line', ...base(d), scope });
		} else if (d.kind === 'disable') {
			const e: LintException = { kind: 'disable', ...base(d), scope: { start: d.end, end: draft.text.length } };
			out.push(e);
			const key = [...new Set(d.rules)].sort().join('\u0000');
			let g = open.get(key);
			if (!g) {
				g = { rules: [...new Set(d.rules)], list: [] };
				open.set(key, g);
			}
			g.list.push(e);
		} else {
			// enable: closes the open disables it names (all of them when it names none): those naming only rules it names.
			const names = new Set(d.rules);
			for (const [key, g] of open) {
				if (!d.rules.length || (g.rules.length > 0 && g.rules.every((r) => names.has(r)))) {
					for (const e of g.list) {
						e.scope = { start: e.scope.start, end: d.start };
					}
					open.delete(key);
				}
			}
		}
	}
	return out;
}

/** A finding an exception hid, with that exception (for SARIF's suppressed results). */
export interface HiddenFinding {
	finding: Finding;
	exception: LintException;
}

/**
 * Drops the findings an exception covers and counts them on it. A finding is covered when it
 * starts inside the exception's scope and its rule is one the exception names (or it names none;
 * `team` names every team rule).
 * The dropped findings go to `hidden`, when given.
 */
export function applyExceptions(findings: readonly Finding[], exceptions: LintException[], hidden?: HiddenFinding[]): Finding[] {
	if (!exceptions.length) {
		return [...findings];
	}
	// One sweep over findings and exceptions both sorted by start (not every exception for every
	// finding: a draft with tens of thousands of disable comments stays linear). The exceptions that
	// have begun wait in lists per rule they name ('' for every rule); one that has ended is dropped
	// when met at the front of its list. Of those covering a finding, the first in source order takes it.
	const order = exceptions.map((_, i) => i).sort((a, b) => exceptions[a].scope.start - exceptions[b].scope.start || a - b);
	const byFinding = findings.map((_, i) => i).sort((a, b) => findings[a].start - findings[b].start || a - b);
	const waiting = new Map<string, { at: number; list: number[] }>();
	const enqueue = (key: string, i: number) => {
		let q = waiting.get(key);
		if (!q) {
			q = { at: 0, list: [] };
			waiting.set(key, q);
		}
		q.list.push(i);
	};
	/** The first exception in `key`'s list that still covers `offset` (those ended before it are passed for good). */
	const covering = (key: string, offset: number): number | undefined => {
		const q = waiting.get(key);
		if (!q) {
			return undefined;
		}
		while (q.at < q.list.length && exceptions[q.list[q.at]].scope.end <= offset) {
			q.at++;
		}
		let best: number | undefined;
		// Lists are in start order; the earliest in source order among those still open may stand further on
		// only when scopes of different kinds interleave, so look past the first only while starts tie.
		for (let k = q.at; k < q.list.length; k++) {
			const i = q.list[k];
			if (exceptions[i].scope.end > offset && (best === undefined || i < best)) {
				best = i;
			}
			if (k + 1 < q.list.length && exceptions[q.list[k + 1]].scope.start !== exceptions[i].scope.start) {
				break;
			}
		}
		return best;
	};
	const drop = new Map<number, LintException>();
	let next = 0;
	for (const fi of byFinding) {
		const f = findings[fi];
		while (next < order.length && exceptions[order[next]].scope.start <= f.start) {
			const x = exceptions[order[next]];
			if (!x.rules.length) {
				enqueue('', order[next]);
			} else {
				for (const r of new Set(x.rules)) {
					enqueue(r, order[next]);
				}
			}
			next++;
		}
		if (UNSUPPRESSABLE.has(f.rule) || f.internal) {
			continue;
		}
		const a = covering('', f.start);
		const b = covering(f.rule, f.start);
		// `team` names every team rule (`team/…`, `<pack>/…`), as it does in `rules` and `check --rule`.
		const c = isTeamRuleId(f.rule) ? covering('team', f.start) : undefined;
		let i = a === undefined ? b : b === undefined ? a : Math.min(a, b);
		if (c !== undefined && (i === undefined || c < i)) {
			i = c;
		}
		if (i !== undefined) {
			drop.set(fi, exceptions[i]);
		}
	}
	return findings.filter((f, fi) => {
		const e = drop.get(fi);
		if (e) {
			e.suppressed++;
			hidden?.push({ finding: f, exception: e });
			return false;
		}
		return true;
	});
}

/** Index of the post that holds `offset` (posts are sorted and do not overlap), by binary search. */
export function postIndexAt(draft: Draft, offset: number): number | undefined {
	const posts = draft.posts;
	const lo = lowerBound(posts.length, (mid) => posts[mid].end <= offset);
	const p = posts[lo];
	return p && offset >= p.start && offset < p.end ? p.index : undefined;
}
