/**
 * Team rules as data: a team's own checks, modelled on Vale's rule kinds, in copydesk.json
 * (`teamRules`: a list) or in a pack (its manifest's `teamRules`: a file holding a list). Data
 * only: literal words and the restricted, linear-time patterns of pattern/; nothing is ever run.
 *
 * Ids are namespaced so they can never clash with a built-in rule (built-in ids have no `/`):
 * a rule `no-rivals` is `team/no-rivals` in copydesk.json and `<pack name>/no-rivals` in a pack.
 * The full id is what `rules`, disable comments, `--rule`, SARIF and JSON output use.
 *
 * `checkTeamRulesNode` validates a JSON list at exact offsets (a bad rule is a problem and is
 * dropped; the others apply) and returns the rules normalized; rules/team.ts runs them through
 * the one matcher of rules/judgment.ts.
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { msg } from '../messages';
import type { InputProblem } from '../types';
import { readRule } from './rule';
import { SwapGuard } from './cycles';
export { refuseTeamSwapsAcrossLayers } from './cycles';
import { MAX_PATTERN_STEPS, MAX_TEAM_RULES, type TeamRule } from './types';

export * from './types';

/** True when `id` names a team rule (built-in ids never hold a `/`). */
export function isTeamRuleId(id: string): boolean {
	return id.includes('/');
}

/**
 * Checks a JSON list of team rules: problems at the offsets of the node at fault (in the file the
 * node comes from, `path` naming where the list is), the valid rules normalized with their full ids.
 */
export function checkTeamRulesNode(list: JsonNode, path: string, namespace: string, origin: string, problems: InputProblem[] = []): { rules: TeamRule[]; problems: InputProblem[] } {
	const bad = (n: JsonNode, p: string, detail: string, severity: 'error' | 'warning' = 'error', start = n.offset, end = n.offset + n.length) =>
		problems.push({ start, end, message: msg('config.invalid', { path: p, detail }), severity });
	const rules: TeamRule[] = [];
	if (list.type !== 'array') {
		bad(list, path || '(root)', msg('config.type', { type: 'array' }));
		return { rules, problems };
	}
	const items = list.children ?? [];
	if (items.length > MAX_TEAM_RULES) {
		bad(list, path || '(root)', msg('team.tooMany', { max: MAX_TEAM_RULES }));
		return { rules, problems };
	}
	const seen = new Set<string>();
	const ctx = { path, namespace, origin, bad, seen, budget: { left: MAX_PATTERN_STEPS } };
	// Replacements so far (substitution and spelling), to refuse one that an earlier one undoes.
	const guard = new SwapGuard();
	items.forEach((n, i) => {
		const rule = readRule(n, i, ctx);
		if (!rule) {
			return;
		}
		const back = guard.check(rule);
		if (back) {
			// Fixes would flip the text between the two for ever: the later rule is refused.
			bad(n, `${path}[${i}]`, msg('team.swapCycle', { from: back.from, to: back.to, otherFrom: back.other.m.source, otherTo: back.other.m.to, rule: back.other.rule.id }));
			return;
		}
		rules.push(rule);
	});
	return { rules, problems };
}

/** The usable team rules of a resolved config (anything else is skipped, never thrown on). */
export function teamRulesOf(extra: Record<string, unknown>): readonly TeamRule[] {
	const raw = extra.teamRules;
	return Array.isArray(raw) ? raw.filter((r): r is TeamRule => !!r && typeof r === 'object' && typeof (r as TeamRule).id === 'string' && Array.isArray((r as TeamRule).match)) : [];
}

/** Two layers' team rules: a later rule with the same id replaces the earlier one. */
export function mergeTeamRules(a: unknown, b: unknown): TeamRule[] {
	const out = new Map<string, TeamRule>();
	for (const list of [a, b]) {
		for (const r of teamRulesOf({ teamRules: list })) {
			out.set(r.id, r);
		}
	}
	return [...out.values()];
}

/** Parses a pack's team rules file: a JSON list of rules, their ids namespaced by the pack's name. */
export function parseTeamRulesFile(text: string, file: string, packName: string): { value?: TeamRule[]; problems: InputProblem[] } {
	const errors: ParseError[] = [];
	const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
	if (errors.length || !root) {
		const e = errors[0];
		const start = Math.min(e ? e.offset : 0, text.length);
		return { problems: [{ start, end: Math.min(text.length, start + Math.max(1, e?.length ?? 1)), message: msg('pack.json', { file, detail: e ? printParseErrorCode(e.error) : 'empty file' }), severity: 'error' }] };
	}
	const checked = checkTeamRulesNode(root, '', packName, `pack ${packName}`);
	return { value: checked.rules, problems: checked.problems };
}

/** Severities in `rules` for team rules that no layer defines: one problem each, so a typo does not pass silently. */
export function unknownTeamSettings(rules: Record<string, unknown>, extra: Record<string, unknown>): string[] {
	const ids = new Set(teamRulesOf(extra).map((r) => r.id));
	return Object.keys(rules).filter((id) => isTeamRuleId(id) && !ids.has(id)).map((id) => msg('team.unknownSetting', { id }));
}
