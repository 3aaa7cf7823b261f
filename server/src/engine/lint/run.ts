/** Running the rules on one target: their reports mapped to source offsets as findings, and the dedupe of a post's findings. */
import type { ResolvedConfig } from '../config';
import type { Draft } from '../draft';
import type { PostImage } from '../media';
import { language, msg } from '../messages';
import type { Readings } from '../reading';
import type { Rule, RuleContext, RuleReport, Target } from '../rule';
import type { Finding, Fix, Severity } from '../types';
import { optionsOf } from './targets';
import { memo2 } from '../memo';

/**
 * One rule context for a target, shared by every rule run on it (one object and its functions per
 * target, not per rule and target): `run` points it at the next rule. A rule uses its context only
 * while its `check` runs.
 */
export class TargetRun {
	private rule!: Rule;
	private severity: Severity = 'warning';
	private options: Record<string, unknown> = {};
	private out: Finding[] = [];
	readonly ctx: RuleContext;

	constructor(target: Target, draft: Draft, config: ResolvedConfig, active: readonly { rule: Rule }[], readings: Readings, images?: readonly PostImage[]) {
		const body = target.post.body;
		const lang = language();
		const bodyReading = readings.of(body.text);
		const toFinding = (r: RuleReport, source: boolean): Finding => {
			const range = source ? { start: r.start, end: r.end } : body.rangeToSource(r.start, r.end);
			const fixes: Fix[] | undefined = r.fixes
				?.filter((fx) => source || fx.edits.every((e) => body.isContiguous(e.start, e.end)))
				.map((fx) => ({
					title: fx.title, preferred: fx.preferred, kind: fx.kind,
					edits: fx.edits.map((e) => {
						const er = source ? { start: e.start, end: e.end > e.start ? e.end : e.start } : e.end > e.start ? body.rangeToSource(e.start, e.end) : { start: body.toSource(e.start), end: body.toSource(e.start) };
						return { start: er.start, end: er.end, newText: e.newText };
					}),
				}));
			return {
				rule: r.rule ?? this.rule.meta.id, ...(r.link ? { link: r.link } : {}), severity: r.severity ?? this.severity, message: r.message, ...range,
				platform: target.platform.id, post: target.post.index, explain: r.explain,
				...(fixes?.length ? { fixes } : {}),
			};
		};
		const options = () => this.options;
		this.ctx = {
			target, draft, body, text: body.text, config, lang, images,
			get options() {
				return options();
			},
			ruleOptions: (id) => {
				const other = active.find((a) => a.rule.meta.id === id)?.rule;
				return other ? optionsOf(other, config) : undefined;
			},
			t: (key, args) => msg(messageKey(this.rule, key), args, lang),
			shared: <T>(key: string, compute: () => T): T => bodyReading.getShared(key, compute),
			reading: (text) => (text === undefined || text === body.text ? bodyReading : readings.of(text)),
			report: (r) => this.out.push(toFinding(r, false)),
			reportSource: (r) => this.out.push(toFinding(r, true)),
		};
	}

	/** Runs `rule` at `severity`, its findings pushed to `out`. */
	run(rule: Rule, severity: Severity, out: Finding[]): void {
		this.rule = rule;
		this.options = optionsOf(rule, this.ctx.config);
		this.severity = severity;
		this.out = out;
		rule.check(this.ctx);
	}
}

// A rule's message keys (`rule.key`), made once: a key built per call is a new string to hash at every lookup.
const messageKeys = new WeakMap<Rule, Map<string, string>>();

function messageKey(rule: Rule, key: string): string {
	return memo2(messageKeys, rule, key, () => `${rule.meta.id}.${key}`);
}

export function dedupe(findings: Finding[]): Finding[] {
	const seen = new Set<string>();
	return findings.filter((f) => {
		const k = `${f.rule}\u0000${f.start}\u0000${f.end}\u0000${f.message}`;
		if (seen.has(k)) {
			return false;
		}
		seen.add(k);
		return true;
	});
}
