/** `disable-reason`: findings about the disable directives themselves (no reason, unknown rules, stale exceptions). */
import type { ResolvedConfig } from '../config';
import { postIndexAt, type Directive, type LintException } from '../directives';
import type { Draft } from '../draft';
import { msg } from '../messages';
import type { Target } from '../rule';
import { PSEUDO_RULES, ruleById } from '../rules';
import { isTeamRuleId, teamRulesOf } from '../teamrules';
import { lowerBound } from '../text';
import type { Finding, Severity } from '../types';
import { severityOf } from './targets';

/** Rule ids a directive may name: the rules, the engine's pseudo-rules and the configuration's team rules. */
const knownRule = (id: string, config: ResolvedConfig) => !!ruleById(id) || (PSEUDO_RULES as readonly string[]).includes(id) || teamRuleSeverity(id, config) !== undefined;

/** A team rule's severity in this config ('off' when it or the `team` rule is off); undefined when no team rule has this id. */
function teamRuleSeverity(id: string, config: ResolvedConfig): Severity | 'off' | undefined {
	const r = isTeamRuleId(id) ? teamRulesOf(config.extra).find((x) => x.id === id) : undefined;
	if (!r) {
		return undefined;
	}
	const team = ruleById('team');
	return team && severityOf(team, config) === 'off' ? 'off' : config.rules[id]?.severity ?? r.severity;
}

/**
 * Whether an exception hid nothing although everything it names was checked where it applies:
 * every rule it names exists and is enabled (pseudo-rules always run), and its scope is empty
 * (it can never hide anything) or overlaps a post that has platforms (rules ran there).
 */
/** The source ranges of the posts that have targets, sorted and without repeats. */
function targetedPosts(targets: readonly Target[]): { start: number; end: number }[] {
	const out: { start: number; end: number }[] = [];
	for (const t of targets) {
		const last = out[out.length - 1];
		if (!last || last.start !== t.post.start) {
			out.push({ start: t.post.start, end: t.post.end });
		}
	}
	return out.sort((a, b) => a.start - b.start);
}

function isStale(x: LintException, config: ResolvedConfig, posts: readonly { start: number; end: number }[]): boolean {
	if (x.suppressed > 0) {
		return false;
	}
	for (const id of x.rules) {
		const r = ruleById(id);
		if (r ? severityOf(r, config) === 'off' : teamRuleSeverity(id, config) === 'off' || !knownRule(id, config)) {
			return false;
		}
	}
	if (x.scope.end <= x.scope.start) {
		return true;
	}
	// The first post ending after the scope starts is the only one that can be the leftmost overlap (posts are disjoint).
	const lo = lowerBound(posts.length, (mid) => posts[mid].end <= x.scope.start);
	return lo < posts.length && posts[lo].start < x.scope.end;
}

/**
 * `disable-reason`: directives without a reason, rule ids that do not exist, and (when `ran`
 * says every enabled rule ran) exceptions that hid nothing. A stale exception gets only the
 * "remove it" finding: asking for a reason for it would be noise.
 */
export function directiveFindings(
	draft: Draft, directives: readonly Directive[], exceptions: readonly LintException[], severity: Severity, config: ResolvedConfig,
	ran?: { config: ResolvedConfig; targets: readonly Target[] },
): Finding[] {
	if (!directives.length) {
		return [];
	}
	const out: Finding[] = [];
	const explain = msg('disable-reason.explain');
	// exceptionsOf makes one exception per disable directive, in order; enables make none.
	const byStart = new Map(exceptions.map((x) => [x.start, x]));
	const targeted = targetedPosts(ran?.targets ?? []);
	for (const d of directives) {
		const post = postIndexAt(draft, d.start);
		const at = post !== undefined ? { post } : {};
		const directive = `copydesk-${d.kind}`;
		const rules = d.rules.length ? ` ${d.rules.join(', ')}` : '';
		d.rules.forEach((id, i) => {
			if (!knownRule(id, config)) {
				out.push({ rule: 'disable-reason', severity, ...d.ruleRanges[i], ...at, explain, message: msg('disable-reason.unknownRule', { id, directive }) });
			}
		});
		const x = d.kind !== 'enable' ? byStart.get(d.start) : undefined;
		if (x && ran && isStale(x, ran.config, targeted)) {
			x.stale = true;
			out.push({
				rule: 'disable-reason', severity, start: d.start, end: d.end, ...at, explain: msg('disable-reason.explainUnused'),
				message: msg('disable-reason.unused', { directive, rules }),
			});
		} else if (d.kind !== 'enable' && !d.reason) {
			out.push({
				rule: 'disable-reason', severity, start: d.start, end: d.end, ...at, explain,
				message: msg('disable-reason.noReason', { directive, rules }),
			});
		}
	}
	return out;
}
