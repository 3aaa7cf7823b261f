/** A post's targets (one per platform) and each rule's severity and options under a config. */
import { profileFor, type ResolvedConfig } from '../config';
import type { Draft, Located, Post, PostSettings } from '../draft';
import { language, msg } from '../messages';
import { canonicalPlatformId, modeOf, platformName } from '../platforms';
import type { Rule, Target } from '../rule';
import type { Finding, Severity } from '../types';
import type { Readings } from '../reading';
import { measureTarget } from './measure';
import { memo2, peek2 } from '../memo';

export function severityOf(rule: Rule, config: ResolvedConfig): Severity | 'off' {
	return config.rules[rule.meta.id]?.severity ?? rule.meta.defaultSeverity;
}

// Options depend only on the rule and the config: computed once per config, not per post.
const optionCache = new WeakMap<ResolvedConfig, Map<string, Record<string, unknown>>>();

export function optionsOf(rule: Rule, config: ResolvedConfig): Record<string, unknown> {
	// Asked once per rule and target: a hit makes no closure.
	return peek2(optionCache, config, rule.meta.id) ?? memo2(optionCache, config, rule.meta.id, () => {
		const defaults = Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([k, x]) => [k, x.default]));
		return Object.freeze({ ...defaults, ...(config.rules[rule.meta.id]?.options ?? {}) });
	});
}

/**
 * The platforms a post names, resolved; unknown ones become findings. With `lazy`, a target's
 * `counts` are measured when first read, then kept: a run whose rules never read a count
 * (`--rule zh-spacing`) does not count every field for every platform. Reading it, spreading the target or sending it to
 * another thread all see the same numbers.
 */
export function targetsOf(draft: Draft, post: Post, config: ResolvedConfig, findings: Finding[], readings?: Readings, lazy = false): Target[] {
	const s: PostSettings = post.settings;
	// The platforms the post names (each where it is written), else the configured default (written nowhere).
	const named: readonly Located<string>[] = s.platforms ?? [];
	const n = named.length || (config.defaultPlatform ? 1 : 0);
	const out: Target[] = [];
	// Canonical ids already targeted: a post names one or two platforms, so a list, not a Set.
	const seen: string[] = [];
	for (let k = 0; k < n; k++) {
		const at: Located<string> | undefined = named.length ? named[k] : undefined;
		const id = at ? at.value : config.defaultPlatform!;
		const canon = canonicalPlatformId(id, config.platforms);
		if (!canon) {
			findings.push({
				rule: 'front-matter', severity: 'error', post: post.index,
				start: at?.start ?? post.start, end: at?.end ?? post.start,
				message: msg('platform.unknown', { id, known: Object.keys(config.platforms).join(', ') }),
			});
			continue;
		}
		if (seen.includes(canon)) {
			continue;
		}
		seen.push(canon);
		const base = config.platforms[canon];
		// A mode the platform does not have (own keys only: "constructor" is no mode) is a warning, and no mode applies.
		const mode = s.mode?.value;
		const known = modeOf(base, mode) ? mode : undefined;
		if (mode && !known) {
			findings.push({
				rule: 'front-matter', severity: 'warning', post: post.index, start: s.mode!.start, end: s.mode!.end,
				message: msg('platform.unknownMode', { platform: platformName(base, language()), mode, modes: Object.keys(base.modes ?? {}).join(', ') || '—' }),
			});
		}
		const p = profileFor(config, canon, known);
		const targetMode = known ?? config.platformModes[canon];
		const locale = s.locale?.value ?? p.locale;
		const industry = s.industry?.value ?? 'general';
		const sponsored = s.sponsored?.value ?? false;
		if (!lazy) {
			// One literal, not a spread of shared fields: made once per target on every post.
			out.push({ post, platform: p, mode: targetMode, locale, industry, sponsored, settings: s, counts: measureTarget(draft, post, p, readings) });
			continue;
		}
		// Measured on first read, then kept (see above). An object with an accessor is slower to
		// make and to read than a plain one: only runs whose rules do not all need the counts use it.
		let counts: Target['counts'] | undefined;
		out.push({
			post, platform: p, mode: targetMode, locale, industry, sponsored, settings: s,
			get counts() {
				return (counts ??= measureTarget(draft, post, p, readings));
			},
			set counts(value) {
				counts = value;
			},
		});
	}
	return out;
}

