/**
 * Runs the rules over a draft: parses it, works out each post's targets (one per platform),
 * measures every field, runs each enabled rule on each target, and returns findings with
 * source offsets. A cache keyed by each post's own text and settings lets an edit re-check
 * only the post it touches.
 */
import type { VariantFacts } from '../campaign';
import { applyExceptions, exceptionsOf, parseDirectives, type HiddenFinding } from '../directives';
import { parseDraft, type Draft, type Post } from '../draft';
import { imagesOf, type PostMedia } from '../media';
import { msg } from '../messages';
import type { Rule, Target } from '../rule';
import { ruleById, rules as allRules } from '../rules';
import { isTeamRuleId } from '../teamrules';
import type { Finding, Severity } from '../types';
import { Readings } from '../reading';
import { utf8Length } from '../text';
import { DEFAULT_MAX_POST_BYTES, type LintInput, type LintResult } from './result';
import { LintCache, cacheKey, entriesByKey, rebaseEntry, type CacheEntry } from './cache';
import { moveDirectives, reparse, textEdit } from './incremental';
import { severityOf, targetsOf } from './targets';
import { TargetRun, byPosition, dedupe } from './run';
import { variantOf, campaignFindings, MAX_VARIANTS } from './campaignFindings';
import { directiveFindings } from './directiveFindings';

export { LintCache } from './cache';
export { measureRaw } from './measure';
export { DEFAULT_MAX_POST_BYTES, type CampaignPeer, type LintInput, type LintResult } from './result';
export { MAX_VARIANTS } from './campaignFindings';

/** The result for a file that was not checked (too large): that one finding, nothing else. */
export function uncheckedResult(finding: Finding): LintResult {
	return { draft: parseDraft(''), isDraft: true, targets: [], findings: [finding], exceptions: [], hidden: [], variants: [], media: [] };
}

export function lint(input: LintInput, cache?: LintCache): LintResult {
	const { text, config } = input;
	const prev = cache?.begin(config, input.only);
	// With the last lint's state: the one range where the text changed. Inside one post's body, only
	// that post is checked again (`edited`); the others are reused, moved by `delta` after it.
	let reuse: { edited: number; delta: number; from: number } | undefined;
	let draft: Draft | undefined;
	if (prev) {
		if (prev.text === text) {
			draft = prev.draft;
			reuse = { edited: -1, delta: 0, from: text.length };
		} else {
			const e = textEdit(prev.text, text);
			const r = reparse(prev.draft, text, e);
			if (r) {
				draft = r.draft;
				reuse = { edited: r.edited, delta: e.newEnd - e.oldEnd, from: e.oldEnd };
			}
		}
	}
	draft ??= parseDraft(text);
	// A file whose front matter cannot be read is a draft: its problems are reported, never passed over as "not a draft".
	const isDraft = draft.declaresPlatform || !!input.matchedDraftGlob || !!draft.unreadableFrontMatter;
	if (!isDraft) {
		return { draft, isDraft, targets: [], findings: [], exceptions: [], hidden: [], variants: [], media: [] };
	}
	const findings: Finding[] = draft.problems.map((p) => ({ rule: 'front-matter', severity: p.severity ?? 'error', message: p.message, start: p.start, end: p.end }));
	// A team rule's id (`--rule team/…`) runs the `team` rule; its other team rules' findings are dropped below.
	const active = (input.only ? [...new Set(input.only.map((id) => ruleById(id) ?? (isTeamRuleId(id) ? ruleById('team') : undefined)))].filter((r): r is Rule => !!r) : allRules)
		.map((r) => ({ rule: r, severity: severityOf(r, config) }))
		.filter((x): x is { rule: Rule; severity: Severity } => x.severity !== 'off');
	// Rules that read files run after the per-post phase, on every lint: the cache cannot see a file change.
	const perPost = active.filter((a) => a.rule.meta.reads !== 'files');
	const fileRules = active.filter((a) => a.rule.meta.reads === 'files');
	// Every target is measured up front when a rule reads them all; else on first read (see targetsOf).
	const lazyCounts = !active.some((a) => a.rule.meta.measures);
	const targets: Target[] = [];
	const variants: VariantFacts[] = [];
	const consistency = active.find((a) => a.rule.meta.id === 'campaign-consistency');
	// Posts whose facts are read after the loop (campaign-consistency), with their place in `variants`
	// (two arrays, not an object per post: a re-check after an edit passes every post through here), and
	// the readings of the posts checked in this lint (a reused post's facts are read afresh).
	const pendingPosts: Post[] = [];
	const pendingAt: number[] = [];
	const pendingReadings = new Map<Post, Readings>();
	// Each post's entry in this lint (by index), what the next lint through the cache reuses.
	const entries: (CacheEntry | undefined)[] = [];
	// Without a reusable edit, the last lint's posts are looked up by their text and settings.
	const byKey = prev && !reuse ? entriesByKey(prev) : undefined;
	const maxPost = input.maxPostBytes ?? (typeof config.extra.maxPostSize === 'number' ? config.extra.maxPostSize : DEFAULT_MAX_POST_BYTES);
	for (const post of draft.posts) {
		// A post over the cap: one finding at its marker (or its first character), nothing else.
		if (post.end - post.start > maxPost / 3) {
			const size = utf8Length(draft.text.slice(post.start, post.end));
			if (size > maxPost) {
				const at = post.marker ?? { start: post.body.toSource(0), end: post.body.toSource(0) };
				findings.push({ rule: 'file', severity: 'error', post: post.index, start: at.start, end: at.end, message: msg('post.tooLarge', { size, max: maxPost }) });
				continue;
			}
		}
		const found = reuse
			? (post.index !== reuse.edited ? prev!.entries[post.index] : undefined)
			: byKey?.get(cacheKey(draft, post, input.only));
		if (found && cache) {
			cache.hits++;
			const hit = rebaseEntry(found, post, reuse ? (post.index > reuse.edited ? reuse.delta : 0) : post.start - found.start);
			entries[post.index] = hit;
			for (const f of hit.findings) {
				findings.push(f);
			}
			for (const t of hit.targets) {
				targets.push(t);
			}
			if (hit.variant) {
				variants.push(hit.variant);
			} else if (consistency && hit.targets.length) {
				// Checked when nothing compared its facts: read them now if this lint compares them.
				pendingPosts.push(post);
				pendingAt.push(variants.length);
				variants.push(undefined as unknown as VariantFacts);
			}
			continue;
		}
		if (cache) {
			cache.misses++;
		}
		const postFindings: Finding[] = [];
		// The post's one reading of each of its texts (ctx.reading, ctx.shared, the counters): dropped with the post.
		const readings = new Readings();
		const postTargets = targetsOf(draft, post, config, postFindings, readings, lazyCounts);
		if (!postTargets.length && !(post.settings.platforms?.length)) {
			postFindings.push({ rule: 'front-matter', severity: 'warning', post: post.index, start: post.marker?.start ?? 0, end: post.marker?.end ?? 0, message: msg('platform.none') });
		}
		for (const target of postTargets) {
			const run = new TargetRun(target, draft, config, active, readings);
			for (const { rule, severity } of perPost) {
				try {
					run.run(rule, severity, postFindings);
				} catch (e) {
					// One rule's failure never hides the others' findings; it is an error the CLI fails on (exit 2), never a silent skip.
					postFindings.push({
						rule: rule.meta.id, severity: 'error', internal: true, post: post.index, platform: target.platform.id,
						start: post.body.toSource(0), end: post.body.toSource(0),
						message: msg('rule.crashed', { rule: rule.meta.id, detail: e instanceof Error ? e.message : String(e) }),
					});
				}
			}
		}
		const deduped = dedupe(postFindings);
		// A loop, not push(...xs): a huge post can have more findings than a call takes arguments.
		for (const f of deduped) {
			findings.push(f);
		}
		for (const t of postTargets) {
			targets.push(t);
		}
		const entry: CacheEntry = { start: post.start, findings: deduped, targets: postTargets };
		entries[post.index] = entry;
		if (consistency && postTargets.length) {
			// Read after the loop, once it is known whether anything compares them.
			pendingPosts.push(post);
			pendingAt.push(variants.length);
			pendingReadings.set(post, readings);
			variants.push(undefined as unknown as VariantFacts);
		}
	}
	if (pendingPosts.length) {
		const compared = variants.length + (input.peers ?? []).reduce((n, p) => n + p.variants.length, 0);
		if (input.variants === 'compared' && !(compared >= 2 && compared <= MAX_VARIANTS)) {
			// Nothing compares them: the posts already read stay, the others are not read (their
			// places, left undefined, are closed up in one pass).
			let w = 0;
			for (let i = 0; i < variants.length; i++) {
				if (variants[i] !== undefined) {
					variants[w++] = variants[i];
				}
			}
			variants.length = w;
		} else {
			for (let k = 0; k < pendingPosts.length; k++) {
				const post = pendingPosts[k];
				const entry = entries[post.index]!;
				const v = variantOf(post, entry.targets[0], config, pendingReadings.get(post) ?? new Readings());
				entry.variant = v;
				variants[pendingAt[k]] = v;
			}
		}
	}
	const media: PostMedia[] = [];
	// The posts with targets, in order (each post's entry holds its targets).
	for (const post of draft.posts) {
		const entry = entries[post.index];
		if (!entry?.targets.length) {
			continue;
		}
		const ts = entry.targets;
		const index = post.index;
		if (entry.media) {
			// A post that names no image: the rules that read files read nothing, their findings are the post's.
			media.push(entry.mediaItem ??= { post: index, images: [] });
			for (const f of entry.media) {
				findings.push(f);
			}
			continue;
		}
		const images = imagesOf(ts[0].post, draft.text, input.readImage);
		media.push({ post: index, images });
		const found: Finding[] = [];
		const readings = new Readings();
		for (const target of ts) {
			const run = new TargetRun(target, draft, config, active, readings, images);
			for (const { rule, severity } of fileRules) {
				try {
					run.run(rule, severity, found);
				} catch (e) {
					found.push({
						rule: rule.meta.id, severity: 'warning', post: index, platform: target.platform.id,
						start: target.post.body.toSource(0), end: target.post.body.toSource(0),
						message: msg('rule.crashed', { rule: rule.meta.id, detail: e instanceof Error ? e.message : String(e) }),
					});
				}
			}
		}
		const deduped = dedupe(found);
		for (const f of deduped) {
			findings.push(f);
		}
		if (entry && !images.length) {
			entry.media = deduped;
		}
	}
	// The per-post check of campaign-consistency reports nothing: a finding of it here is its crash, and then it is skipped.
	if (consistency && !findings.some((f) => f.rule === 'campaign-consistency')) {
		try {
			for (const f of campaignFindings(draft, variants, input.peers ?? [], config, consistency.rule, consistency.severity, input.file ?? '')) {
				findings.push(f);
			}
		} catch (e) {
			const at = draft.posts[0]?.body.toSource(0) ?? 0;
			findings.push({ rule: 'campaign-consistency', severity: 'warning', start: at, end: at, message: msg('rule.crashed', { rule: 'campaign-consistency', detail: e instanceof Error ? e.message : String(e) }) });
		}
	}
	if (input.only && !input.only.includes('team')) {
		const only = input.only;
		const keep = findings.filter((f) => !isTeamRuleId(f.rule) || only.includes(f.rule));
		findings.length = 0;
		for (const f of keep) {
			findings.push(f);
		}
	}
	// The edit touched no comment: the directives are the last lint's, moved.
	const directives = reuse && prev?.directives ? moveDirectives(prev.directives, reuse.delta, reuse.from) : parseDirectives(draft);
	cache?.end({ text, draft, only: input.only, entries, directives });
	const exceptions = exceptionsOf(draft, directives);
	const hidden: HiddenFinding[] = [];
	const kept = applyExceptions(findings, exceptions, hidden);
	const reasonRule = ruleById('disable-reason');
	const reasonSeverity = reasonRule ? severityOf(reasonRule, config) : 'off';
	if (reasonSeverity !== 'off' && (!input.only || input.only.includes('disable-reason'))) {
		// Stale exceptions are judged only when every rule ran: with `only`, a rule left out hides nothing.
		const ran = input.only ? undefined : { config, targets };
		for (const f of directiveFindings(draft, directives, exceptions, reasonSeverity, config, ran)) {
			kept.push(f);
		}
	}
	kept.sort(byPosition);
	hidden.sort((a, b) => byPosition(a.finding, b.finding));
	return { draft, isDraft, targets, findings: kept, exceptions, hidden, variants, media };
}
