/** Running one rule on one target: its reports mapped to source offsets as findings, and the dedupe of a post's findings. */
import type { ResolvedConfig } from '../config';
import type { Draft } from '../draft';
import type { PostImage } from '../media';
import { language, msg } from '../messages';
import type { Readings } from '../reading';
import type { Rule, RuleContext, RuleReport, Target } from '../rule';
import type { Finding, Fix, Severity } from '../types';
import { optionsOf } from './targets';
import { memo2 } from '../memo';

export function runRule(rule: Rule, target: Target, draft: Draft, config: ResolvedConfig, severity: Severity, out: Finding[], active: readonly { rule: Rule }[], readings: Readings, images?: readonly PostImage[]): void {
	const body = target.post.body;
	const lang = language();
	const toFinding = (r: RuleReport, map: (i: number) => number, mapRange: (s: number, e: number) => { start: number; end: number }): Finding => {
		const range = mapRange(r.start, r.end);
		const fixes: Fix[] | undefined = r.fixes
			?.filter((fx) => fx.edits.every((e) => map === identity || body.isContiguous(e.start, e.end)))
			.map((fx) => ({
				title: fx.title, preferred: fx.preferred, kind: fx.kind,
				edits: fx.edits.map((e) => {
					const er = e.end > e.start ? mapRange(e.start, e.end) : { start: map(e.start), end: map(e.start) };
					return { start: er.start, end: er.end, newText: e.newText };
				}),
			}));
		return {
			rule: r.rule ?? rule.meta.id, ...(r.link ? { link: r.link } : {}), severity: r.severity ?? severity, message: r.message, ...range,
			platform: target.platform.id, post: target.post.index, explain: r.explain,
			...(fixes?.length ? { fixes } : {}),
		};
	};
	const ctx: RuleContext = {
		target, draft, body, text: body.text, config, lang, images,
		options: optionsOf(rule, config),
		ruleOptions: (id) => {
			const other = active.find((a) => a.rule.meta.id === id)?.rule;
			return other ? optionsOf(other, config) : undefined;
		},
		t: (key, args) => msg(messageKey(rule, key), args, lang),
		shared: <T>(key: string, compute: () => T): T => readings.of(body.text).get(`ctx\u0000${key}`, compute),
		reading: (text) => readings.of(text ?? body.text),
		report: (r) => out.push(toFinding(r, (i) => body.toSource(i), (s, e) => body.rangeToSource(s, e))),
		reportSource: (r) => out.push(toFinding(r, identity, (s, e) => ({ start: s, end: e }))),
	};
	rule.check(ctx);
}

const identity = (i: number) => i;

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
