/**
 * Applying fixes. A fix batch ("fix all", fix-on-save, `check --fix`):
 *  - takes only the kinds of fix asked for (typography and syntax unless told otherwise: a content
 *    fix changes what the post says, so it is offered, never applied unasked);
 *  - takes a fix whole or not at all: edits that overlap an edit already taken wait for the next pass,
 *    so `fixAll` reaches a fixed point;
 *  - never makes a post worse: after each pass the findings are computed again, and when a post and
 *    target has more warnings or errors of a rule than before the batch (counting only those no later
 *    pass can fix), or a field that was within its limit is over it, the fixes that caused it are dropped
 *    (and not offered again) and the pass re-run. A post within its limit stays within it: the lengthening
 *    fixes on it are left out, with one note. The whole run's result is checked against the text before
 *    it; a post still worse, or whose fixes never settle (two rules undoing each other), is left as it was.
 *  - on a body shared by several platforms, a fix one target asks for that makes another target worse is
 *    not applied; when content fixes are asked for, the post is split into one post per platform instead
 *    (see split.ts) and each section then gets its own fixes.
 * Accepted edits are kept sorted as they are taken (a binary search per edit, appends in the common
 * case) and applied in one linear walk.
 */
import type { ResolvedConfig } from '../config';
import { isValidCount } from '../features';
import { lint, LintCache } from '../lint';
import { msg } from '../messages';
import type { Target } from '../rule';
import { splitPostEdit } from '../split';
import type { Finding, Fix, TextEdit } from '../types';
import { applyEdits, SortedEdits } from './edits';
import { type FixSelection, kindSet, kindOf, type Candidate, Blocked, candidates } from './selection';
import type { Relinted, Relint, FixAllOptions, HeldFix, FixAllResult } from './result';

export { applyEdits } from './edits';
export { chosenFix, kindOf, preferredEdits, type FixSelection } from './selection';
export type { AppliedFix, FixAllOptions, FixAllResult, HeldFix, Relint, Relinted } from './result';

const asRelinted = (r: readonly Finding[] | Relinted): Relinted => (Array.isArray(r) ? { findings: r as readonly Finding[] } : (r as Relinted));

const groupKey = (post: number | undefined, platform: string | undefined) => `${post ?? ''}\u0000${platform ?? ''}`;

/** Warnings and errors per post, target, rule and severity. */
function badCounts(findings: readonly Finding[]): Map<string, number> {
	const m = new Map<string, number>();
	for (const f of findings) {
		if (f.severity === 'warning' || f.severity === 'error') {
			const k = `${groupKey(f.post, f.platform)}\u0000${f.rule}\u0000${f.severity}`;
			m.set(k, (m.get(k) ?? 0) + 1);
		}
	}
	return m;
}

/** Post-and-target keys whose every field is within its limit. */
function withinLimits(targets: readonly Target[] | undefined): Set<string> {
	return new Set((targets ?? []).filter((t) => t.counts.every(isValidCount)).map((t) => groupKey(t.post.index, t.platform.id)));
}

interface Regressions {
	/** Posts (and targets) a batch took over a limit, with the target's counts after it. */
	limit: Target[];
	/** Keys of post, target, rule and severity with more findings than before. */
	worse: Set<string>;
}

function regressions(after: Relinted, baseline: Map<string, number>, within: ReadonlySet<string>): Regressions {
	const worse = new Set<string>();
	for (const [k, n] of badCounts(after.findings)) {
		if (n > (baseline.get(k) ?? 0)) {
			worse.add(k);
		}
	}
	const limit = (after.targets ?? []).filter((t) => within.has(groupKey(t.post.index, t.platform.id)) && !t.counts.every(isValidCount));
	return { limit, worse };
}

const lengthens = (fix: Fix) => fix.edits.reduce((d, e) => d + e.newText.length - (e.end - e.start), 0) > 0;

/** 1-based line of each offset (offsets ascending), in one walk of the text. */
function linesOf(text: string, offsets: readonly number[]): number[] {
	const out: number[] = [];
	let line = 1;
	let pos = 0;
	for (const o of offsets) {
		for (; pos < o && pos < text.length; pos++) {
			if (text.charCodeAt(pos) === 10) {
				line++;
			}
		}
		out.push(line);
	}
	return out;
}

/**
 * Applies fixes until nothing changes (at most `maxPasses` times), never making a post worse (see the
 * top of this file): `relint` re-checks a text. The third argument may be a set of rule ids (only their
 * fixes) or the full options; either way only typography and syntax fixes are taken unless `kinds` says more.
 *
 * Each pass is checked as it is applied, counting only new findings that no later pass could fix (a
 * space added may make a mark the next pass turns full-width); the result is checked against the text
 * before the batch. When it is still worse somewhere, the run starts again without any fix in the posts
 * concerned, and if that cannot help, the text is left as it was.
 */
export function fixAll(text: string, relint: Relint, selection?: ReadonlySet<string> | FixAllOptions, maxPasses?: number): FixAllResult {
	const opts: FixAllOptions = selection instanceof Set ? { rules: selection } : (selection as FixAllOptions | undefined) ?? {};
	const first = asRelinted(relint(text));
	const skipPosts = new Set<number>();
	const carried: HeldFix[] = [];
	for (let attempt = 0; ; attempt++) {
		const run = fixRun(text, first, relint, opts, maxPasses ?? opts.maxPasses ?? 10, skipPosts);
		const reg = regressions(run.final, run.baseline, run.within);
		if (opts.guard === false || (!reg.limit.length && !reg.worse.size && !run.unsettled.length)) {
			run.result.held.unshift(...carried);
			return run.result;
		}
		// Posts made worse, and posts whose fixes never settle (two rules undoing each other's fixes).
		// A finding outside any post (front matter) has no post index: NaN, which no fix can be left out for.
		const postOf = (k: string) => (k.split('\u0000')[0] === '' ? NaN : Number(k.split('\u0000')[0]));
		const posts = new Set<number>([...reg.limit.map((t) => t.post.index), ...[...reg.worse].map(postOf), ...run.unsettled]);
		const fresh = [...posts].filter((p) => Number.isInteger(p) && !skipPosts.has(p));
		if (!fresh.length || [...posts].some((p) => !Number.isInteger(p)) || attempt > 20) {
			// Nothing left to try (a finding outside any post, or no progress): the text stays as it was.
			const held = run.result.applied.map((a): HeldFix => ({ rule: a.rule, kind: a.kind, title: a.title, post: a.post, platform: a.platform, reason: 'worse', line: a.line }));
			return { text, passes: 0, applied: [], held: [...carried, ...run.result.held, ...held], split: [], notes: [] };
		}
		for (const a of run.result.applied) {
			if (a.post !== undefined && fresh.includes(a.post)) {
				carried.push({ rule: a.rule, kind: a.kind, title: a.title, post: a.post, platform: a.platform, reason: run.unsettled.includes(a.post) ? 'noEffect' : 'worse', line: a.line });
			}
		}
		fresh.forEach((p) => skipPosts.add(p));
	}
}

/** One fix-all run from `text` (whose lint is `first`), leaving out every fix in `skipPosts`. */
function fixRun(text: string, first: Relinted, relint: Relint, opts: FixAllOptions, limitPasses: number, skipPosts: ReadonlySet<number>) {
	const kinds = kindSet(opts.kinds);
	const maySplit = opts.split ?? kinds.has('content');
	const result: FixAllResult = { text, passes: 0, applied: [], held: [], split: [], notes: [] };
	let current = text;
	let cur = first;
	let baseline = badCounts(cur.findings);
	let within = withinLimits(cur.targets);
	const blocked = new Blocked();
	const noted = new Set<string>();
	const pick = (fs: readonly Finding[]) => candidates(fs, opts.rules, kinds, blocked).filter((c) => c.finding.post === undefined || !skipPosts.has(c.finding.post));
	let pending: { c: Candidate; reason: HeldFix['reason'] }[] = [];
	const hold = (c: Candidate, reason: HeldFix['reason']) => {
		blocked.add(c);
		pending.push({ c, reason });
	};
	// Lines of the fixes left out in a pass, in one walk of the pass's text.
	const flushHeld = () => {
		const starts = pending.map((x) => ({ x, start: Math.min(...x.c.fix.edits.map((e) => e.start)) })).sort((a, b) => a.start - b.start);
		const lines = linesOf(current, starts.map((y) => y.start));
		starts.forEach(({ x: { c, reason } }, i) => {
			result.held.push({ rule: c.finding.rule, kind: kindOf(c.fix), title: c.fix.title, post: c.finding.post, platform: c.finding.platform, reason, line: lines[i] });
		});
		pending = [];
	};
	// Budget for re-checks: each one drops at least one fix, so this is a bound, not a limit met in practice.
	let rechecks = 0;
	const maxRechecks = limitPasses * 50;
	// Whether the run reached a fixed point, and the posts the last pass changed (those still changing when it did not).
	let settled = false;
	let lastPosts = new Set<number>();
	for (let pass = 0; pass < limitPasses && rechecks < maxRechecks; pass++) {
		let batch: Candidate[] = [];
		const taken = new SortedEdits();
		for (const c of pick(cur.findings)) {
			if (taken.tryAdd(c.fix.edits)) {
				batch.push(c);
			}
		}
		let next = current;
		let after = cur;
		let edits = taken.edits;
		let toSplit: number[] = [];
		let heldNow = false;
		while (batch.length && rechecks < maxRechecks) {
			next = applyEdits(current, edits);
			if (next === current) {
				break;
			}
			after = asRelinted(relint(next));
			rechecks++;
			if (opts.guard === false) {
				break;
			}
			// A new finding a later pass can fix is not held against this one (the run's result is checked whole).
			const fixable = new Set(candidates(after.findings, opts.rules, kinds).filter((c) => c.finding.post === undefined || !skipPosts.has(c.finding.post)).map((c) => c.finding));
			const reg = regressions({ findings: after.findings.filter((f) => !fixable.has(f)), targets: after.targets }, baseline, within);
			if (!reg.limit.length && !reg.worse.size) {
				break;
			}
			const culprits = new Map<Candidate, HeldFix['reason']>();
			for (const t of reg.limit) {
				const inPost = batch.filter((c) => c.finding.post === t.post.index);
				const longer = inPost.filter((c) => lengthens(c.fix));
				for (const c of longer.length ? longer : inPost) {
					culprits.set(c, 'limit');
				}
				const k = groupKey(t.post.index, t.platform.id);
				if (!noted.has(k)) {
					noted.add(k);
					const over = t.counts.find((c) => !isValidCount(c))!;
					result.notes.push({
						rule: 'platform-limit', severity: 'info', post: t.post.index, platform: t.platform.id,
						start: t.post.body.toSource(0), end: t.post.body.toSource(0),
						message: msg('fix.heldForLimit', { field: msg(`field.${over.field}`), count: over.count, limit: over.limit ?? over.byteLimit ?? '' }),
					});
				}
			}
			if (reg.worse.size) {
				// Where the batch's edits stand in the new text, to tell which fix a new finding touches.
				const moved = new Map<TextEdit, { start: number; end: number }>();
				let delta = 0;
				for (const e of edits) {
					moved.set(e, { start: e.start + delta, end: e.start + delta + e.newText.length });
					delta += e.newText.length - (e.end - e.start);
				}
				const overLimit = new Set(reg.limit.map((t) => groupKey(t.post.index, t.platform.id)));
				for (const k of reg.worse) {
					const [post, platform] = k.split('\u0000');
					if (overLimit.has(groupKey(post === '' ? undefined : Number(post), platform || undefined))) {
						// Left to the limit check above (only lengthening fixes go); what remains is judged on the next re-check.
						continue;
					}
					const found = after.findings.filter((f) => `${groupKey(f.post, f.platform)}\u0000${f.rule}\u0000${f.severity}` === k);
					let suspects = batch.filter((c) => c.fix.edits.some((e) => {
						const m = moved.get(e)!;
						return found.some((f) => m.start <= f.end && f.start <= m.end);
					}));
					if (!suspects.length) {
						suspects = batch.filter((c) => String(c.finding.post ?? '') === post);
					}
					if (!suspects.length) {
						suspects = batch;
					}
					for (const c of suspects) {
						const shared = platform !== '' && c.finding.platform !== undefined && c.finding.platform !== platform && String(c.finding.post ?? '') === post;
						if (!culprits.has(c)) {
							culprits.set(c, shared ? 'shared' : 'worse');
						}
					}
				}
			}
			toSplit = maySplit && cur.draft
				? [...new Set([...culprits].filter(([, r]) => r === 'shared').map(([c]) => c.finding.post!))]
				: [];
			if (toSplit.length) {
				break;
			}
			if (!culprits.size) {
				for (const c of batch) {
					culprits.set(c, 'worse');
				}
			}
			for (const [c, reason] of culprits) {
				hold(c, reason);
			}
			heldNow = true;
			batch = batch.filter((c) => !culprits.has(c));
			const kept = new SortedEdits();
			for (const c of batch) {
				kept.tryAdd(c.fix.edits);
			}
			edits = kept.edits;
			next = current;
			after = cur;
		}
		flushHeld();
		if (toSplit.length) {
			// A body shared by platforms whose fixes clash: one post per platform, then fix each section.
			const draft = cur.draft!;
			const splits: TextEdit[] = [];
			for (const p of toSplit) {
				const ids = [...new Set((cur.targets ?? []).filter((t) => t.post.index === p).map((t) => t.platform.id))];
				const e = splitPostEdit(draft, p, ids);
				if (e) {
					splits.push(e);
				}
			}
			if (splits.length) {
				current = applyEdits(current, splits);
				result.split.push(...toSplit);
				result.passes++;
				cur = asRelinted(relint(current));
				// The split is the new "before": its posts are numbered anew.
				baseline = badCounts(cur.findings);
				within = withinLimits(cur.targets);
				blocked.clear();
				noted.clear();
				continue;
			}
		}
		if (!batch.length || next === current) {
			if (heldNow) {
				// Fixes that waited behind a held one may be taken now.
				continue;
			}
			settled = true;
			break;
		}
		lastPosts = new Set(batch.map((c) => c.finding.post).filter((p): p is number => p !== undefined));
		const firsts = batch.map((c) => ({ c, start: Math.min(...c.fix.edits.map((e) => e.start)) })).sort((a, b) => a.start - b.start);
		const lines = linesOf(current, firsts.map((x) => x.start));
		firsts.forEach(({ c, start }, j) => {
			result.applied.push({ rule: c.finding.rule, kind: kindOf(c.fix), title: c.fix.title, post: c.finding.post, platform: c.finding.platform, pass, start, line: lines[j] });
		});
		blocked.moveThrough(edits);
		current = next;
		cur = after;
		result.passes++;
	}
	flushHeld();
	result.text = current;
	// Notes stand at the start of their post's body in the result.
	for (const n of result.notes) {
		const t = cur.targets?.find((x) => x.post.index === n.post);
		if (t) {
			n.start = n.end = t.post.body.toSource(0);
		}
	}
	return { result, final: cur, baseline, within, unsettled: settled ? [] : [...lastPosts] };
}

export interface FixTextOptions extends FixSelection {
	/** The file matched the config's `drafts` globs (see LintInput). */
	matchedDraftGlob?: boolean;
	/** See FixAllOptions.split. */
	split?: boolean;
	/** See LintInput.maxPostBytes (`check --max-post-size`). */
	maxPostBytes?: number;
}

/**
 * A draft with every chosen fix of the selected kinds applied, repeated to a fixed point, never making a
 * post worse: what `copydesk check --fix` writes and what "fix all" in the editor produces. Fixing the
 * result again changes nothing. Re-checks go through a per-post cache, so a pass re-lints only the posts it changed.
 */
export function fixText(text: string, config: ResolvedConfig, opts: FixTextOptions = {}): FixAllResult {
	const cache = new LintCache();
	return fixAll(text, (t) => lint({ text: t, config, matchedDraftGlob: opts.matchedDraftGlob, ...(opts.maxPostBytes ? { maxPostBytes: opts.maxPostBytes } : {}) }, cache), opts);
}

/**
 * Whether applying `fix` (of finding `f`, made for one target) makes another target of the same post
 * worse: more warnings or errors of a rule there, or a field within its limit taken over it. Such a fix
 * is what fix-all leaves out on a shared body, and what "Split into one post per platform" resolves.
 * `before` is the lint of `text` (with its targets).
 */
export function clashesOnSharedBody(text: string, before: Relinted, f: Finding, fix: Fix, relint: Relint): boolean {
	if (f.post === undefined || f.platform === undefined) {
		return false;
	}
	const others = (before.targets ?? []).filter((t) => t.post.index === f.post && t.platform.id !== f.platform);
	if (!others.length) {
		return false;
	}
	const after = asRelinted(relint(applyEdits(text, fix.edits)));
	const mine = (k: string) => others.some((t) => k.startsWith(`${groupKey(t.post.index, t.platform.id)}\u0000`));
	const baseline = new Map([...badCounts(before.findings)].filter(([k]) => mine(k)));
	const reg = regressions({ findings: after.findings.filter((x) => x.post === f.post && x.platform !== f.platform), targets: (after.targets ?? []).filter((t) => t.post.index === f.post && t.platform.id !== f.platform) }, baseline, withinLimits(others));
	return reg.limit.length > 0 || reg.worse.size > 0;
}
