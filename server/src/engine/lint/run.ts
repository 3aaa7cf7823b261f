/** Running the rules on one target: their reports mapped to source offsets as findings, and the dedupe of a post's findings. */
import type { ResolvedConfig } from '../config';
import type { Draft } from '../draft';
import type { PostImage } from '../media';
import { language, msg, type Lang } from '../messages';
import type { Reading, Readings } from '../reading';
import type { TextView } from '../textview';
import type { Rule, RuleContext, RuleReport, Target } from '../rule';
import type { Finding, Fix, Severity } from '../types';
import { optionsOf } from './targets';
import { memo2, peek2 } from '../memo';

/**
 * One rule context for a target, shared by every rule run on it: `run` points it at the next rule.
 * The context is this object, its functions on the prototype (no closure or accessor made per
 * target), so making one per target costs one small object. A rule uses its context only while
 * its `check` runs; a function taken off it (`ctx.report`) is bound first.
 */
export class TargetRun implements RuleContext {
	private rule!: Rule;
	private severity: Severity = 'warning';
	private ruleOpts: Record<string, unknown> = {};
	private out: Finding[] = [];
	readonly body: TextView;
	readonly text: string;
	readonly lang: Lang;
	private readonly bodyReading: Reading;

	constructor(readonly target: Target, readonly draft: Draft, readonly config: ResolvedConfig, private readonly active: readonly { rule: Rule }[], private readonly readings: Readings, readonly images?: readonly PostImage[]) {
		this.body = target.post.body;
		this.text = this.body.text;
		this.lang = language();
		this.bodyReading = readings.of(this.text);
	}

	get options(): Record<string, unknown> {
		return this.ruleOpts;
	}

	ruleOptions(id: string): Readonly<Record<string, unknown>> | undefined {
		const other = this.active.find((a) => a.rule.meta.id === id)?.rule;
		return other ? optionsOf(other, this.config) : undefined;
	}

	t(key: string, args?: Record<string, string | number>): string {
		return msg(messageKey(this.rule, key), args, this.lang);
	}

	shared<T>(key: string, compute: () => T): T {
		return this.bodyReading.getShared(key, compute);
	}

	reading(text?: string): Reading {
		return text === undefined || text === this.text ? this.bodyReading : this.readings.of(text);
	}

	report(r: RuleReport): void {
		this.out.push(this.toFinding(r, false));
	}

	reportSource(r: RuleReport): void {
		this.out.push(this.toFinding(r, true));
	}

	private toFinding(r: RuleReport, source: boolean): Finding {
		const { body, target } = this;
		let start: number;
		let end: number;
		if (source) {
			start = r.start;
			end = r.end;
		} else {
			const range = body.rangeToSource(r.start, r.end);
			start = range.start;
			end = range.end;
		}
		const rule = r.rule ?? this.rule.meta.id;
		const severity = r.severity ?? this.severity;
		// Literals of one shape each, in the key order findings always had (JSON output keeps it):
		// an object built by spreading optional parts is slow to make and large.
		const f: Finding = r.link
			? { rule, link: r.link, severity, message: r.message, start, end, platform: target.platform.id, post: target.post.index, explain: r.explain }
			: { rule, severity, message: r.message, start, end, platform: target.platform.id, post: target.post.index, explain: r.explain };
		if (r.fixes?.length) {
			const fixes = this.fixesOf(r.fixes, source);
			if (fixes.length) {
				f.fixes = fixes;
			}
		}
		return f;
	}

	/** A report's fixes in source offsets; without `source`, only those whose edits are contiguous in the source. */
	private fixesOf(reported: NonNullable<RuleReport['fixes']>, source: boolean): Fix[] {
		const body = this.body;
		const out: Fix[] = [];
		for (const fx of reported) {
			const edits: Fix['edits'] = [];
			let contiguous = true;
			for (const e of fx.edits) {
				if (source) {
					edits.push({ start: e.start, end: e.end > e.start ? e.end : e.start, newText: e.newText });
				} else if (!body.isContiguous(e.start, e.end)) {
					contiguous = false;
					break;
				} else if (e.end > e.start) {
					const start = body.toSource(e.start);
					// As rangeToSource maps it: the end just past the last character, never before the start.
					edits.push({ start, end: Math.max(start, body.toSource(e.end - 1) + 1), newText: e.newText });
				} else {
					const at = body.toSource(e.start);
					edits.push({ start: at, end: at, newText: e.newText });
				}
			}
			if (contiguous) {
				out.push({ title: fx.title, preferred: fx.preferred, kind: fx.kind, edits });
			}
		}
		return out;
	}

	/** Runs `rule` at `severity`, its findings pushed to `out`. */
	run(rule: Rule, severity: Severity, out: Finding[]): void {
		this.rule = rule;
		this.ruleOpts = optionsOf(rule, this.config);
		this.severity = severity;
		this.out = out;
		rule.check(this);
	}
}

// A rule's message keys (`rule.key`), made once: a key built per call is a new string to hash at every lookup.
const messageKeys = new WeakMap<Rule, Map<string, string>>();

function messageKey(rule: Rule, key: string): string {
	// Asked for every message: a hit makes no closure.
	return peek2(messageKeys, rule, key) ?? memo2(messageKeys, rule, key, () => `${rule.meta.id}.${key}`);
}

/**
 * The order of a lint's findings: by start, then end, then rule id. Each post's findings are put in
 * this order when they are made (and keep it when the post moves), so the whole file's sort, which is
 * stable, only merges runs that are already in order and gives what sorting everything at once gives.
 */
export function byPosition(a: Finding, b: Finding): number {
	return a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule);
}

/**
 * A post's findings without repeats (same rule, range and message; the first is kept), in position
 * order (byPosition, stable). Findings are grouped by start, so no key string is built per finding.
 */
export function dedupe(findings: Finding[]): Finding[] {
	const byStart = new Map<number, Finding[]>();
	const out: Finding[] = [];
	for (const f of findings) {
		const same = byStart.get(f.start);
		if (!same) {
			byStart.set(f.start, [f]);
		} else if (same.some((g) => g.end === f.end && g.rule === f.rule && g.message === f.message)) {
			continue;
		} else {
			same.push(f);
		}
		out.push(f);
	}
	return out.sort(byPosition);
}
