/**
 * team: runs the team's own rules (teamrules/) — existence, substitution, occurrence,
 * conditional, capitalization and spelling — from copydesk.json's `teamRules` and packs. Their
 * words and patterns are part of the one matcher of rules/judgment.ts, walked once per post and
 * field with the built-in lists. Each finding carries the team rule's own id (`team/…`,
 * `<pack>/…`), severity (its own, or `rules.<id>` in the config) and link to the team's guide.
 * Switching `team` off switches every team rule off.
 */
import type { RuleContext } from '../rule';
import { findHashtags, findMentions } from '../social';
import { teamRulesOf, type TeamMatcher, type TeamRule } from '../teamrules';
import { findLinks } from '../text';
import type { Rule } from '../rule';
import type { Severity } from '../types';
import { canonicalPlatformId } from '../platforms';
import { outside, scanPost, skipSpans, type Entry, type FieldScan } from './judgment';
import type { LexiconHit } from '../lexicon';

interface Found {
	fs: FieldScan;
	start: number;
	end: number;
	text: string;
	matcher?: TeamMatcher;
}

/** A team message with its placeholders filled (unknown ones stay as written). */
function fill(template: string, args: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (all, name: string) => (Object.hasOwn(args, name) ? String(args[name]) : all));
}

function applies(ctx: RuleContext, r: TeamRule): boolean {
	const t = ctx.target;
	if (r.platforms.length && !r.platforms.some((p) => (canonicalPlatformId(p, ctx.config.platforms) ?? p.toLowerCase()) === t.platform.id)) {
		return false;
	}
	const locale = t.locale.toLowerCase();
	return !r.locales.length || r.locales.some((l) => locale === l || locale.startsWith(`${l}-`));
}

/** The scanned fields a rule's scope covers (`topics` alone: the body, hits kept inside its topics). */
function fieldsOf(ctx: RuleContext, r: TeamRule): FieldScan[] {
	return scanPost(ctx).filter((fs) => (r.scope as string[]).includes(fs.field) || (fs.field === 'body' && r.scope.includes('topics')));
}

function topicsOnly(r: TeamRule, fs: FieldScan): boolean {
	return fs.field === 'body' && !r.scope.includes('body') && r.scope.includes('topics');
}

// A scan's team hits by rule and role, grouped once per scan (a post's scan is shared by its targets).
const grouped = new WeakMap<object, Map<string, LexiconHit<Entry>[]>>();

function teamHits(fs: FieldScan, rule: number, role: string): LexiconHit<Entry>[] {
	let g = grouped.get(fs.scan);
	if (!g) {
		g = new Map();
		for (const h of fs.scan.hits) {
			const t = h.value.team;
			if (t) {
				const key = `${t.rule}\u0000${t.role}`;
				let list = g.get(key);
				if (!list) {
					g.set(key, (list = []));
				}
				list.push(h);
			}
		}
		grouped.set(fs.scan, g);
	}
	return g.get(`${rule}\u0000${role}`) ?? [];
}

/** A rule's hits of one role in its scope: outside links and mentions (but `then`, which may be a link), outside its exception phrases. */
function hitsOf(ctx: RuleContext, r: TeamRule, index: number, role: 'match' | 'if' | 'then', fields: readonly FieldScan[]): Found[] {
	const out: Found[] = [];
	const list = role === 'match' ? r.match : role === 'if' ? r.if : r.then;
	for (const fs of fields) {
		let hits = teamHits(fs, index, role);
		if (!hits.length) {
			continue;
		}
		if (role !== 'then') {
			hits = outside(hits, skipSpans(ctx, fs.scan.text));
		}
		if (r.except.length) {
			const inside = teamHits(fs, index, 'except');
			// A hit inside an exception phrase is no hit (a hit that merely overlaps one still is).
			hits = inside.length ? hits.filter((h) => !inside.some((e) => e.start <= h.start && h.end <= e.end)) : hits;
		}
		if (topicsOnly(r, fs)) {
			const topics = ctx.shared(`team.topics\u0000${ctx.target.platform.hashtag}`, () => findHashtags(fs.scan.text, ctx.target.platform.hashtag));
			hits = hits.filter((h) => topics.some((t) => t.start <= h.start && h.end <= t.end));
		}
		for (const h of hits) {
			out.push({ fs, start: h.start, end: h.end, text: h.text, matcher: list?.[h.value.team!.entry] });
		}
	}
	return out;
}

/** Each exclamation mark (! or ！). */
function exclamations(text: string): { start: number; end: number }[] {
	const out: { start: number; end: number }[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x21 || c === 0xff01) {
			out.push({ start: i, end: i + 1 });
		}
	}
	return out;
}

/** What `occurrence` counts with `count`, in each field of the scope. */
function counted(ctx: RuleContext, r: TeamRule, fields: readonly FieldScan[]): Found[] {
	const out: Found[] = [];
	for (const fs of fields) {
		const text = fs.scan.text;
		let spans: readonly { start: number; end: number }[];
		switch (r.count) {
			case 'hashtags': spans = findHashtags(text, ctx.target.platform.hashtag); break;
			case 'mentions': spans = findMentions(text, ctx.target.platform); break;
			case 'links': spans = findLinks.shared(text); break;
			default:
				spans = exclamations(text);
		}
		for (const s of spans) {
			out.push({ fs, start: s.start, end: s.end, text: text.slice(s.start, s.end) });
		}
	}
	return out;
}

const rule: Rule = {
	meta: {
		id: 'team',
		category: 'localization',
		description: {
			en: 'The team\'s own rules (existence, substitution, occurrence, conditional, capitalization, spelling) from copydesk.json\'s teamRules and packs; each finding carries the team rule\'s id.',
			'zh-cn': '团队自定义规则（存在、替换、次数、条件、大小写、拼写），来自 copydesk.json 的 teamRules 和规则包；每条结果带有该团队规则的 id。',
		},
		defaultSeverity: 'warning',
		fixable: true,
		messages: {
			en: {
				fix: 'Replace with "{replacement}"',
				explain: 'Team rule `{id}` ({kind}) from {origin}.',
				explainLink: 'Team rule `{id}` ({kind}) from {origin}. See [the team\'s guide]({link}).',
			},
			'zh-cn': {
				fix: '替换为“{replacement}”',
				explain: '团队规则 `{id}`（{kind}），来自 {origin}。',
				explainLink: '团队规则 `{id}`（{kind}），来自 {origin}。参见[团队指南]({link})。',
			},
		},
	},
	check(ctx) {
		const team = teamRulesOf(ctx.config.extra);
		if (!team.length) {
			return;
		}
		team.forEach((r, index) => {
			const set = ctx.config.rules[r.id]?.severity;
			if (set === 'off' || !applies(ctx, r)) {
				return;
			}
			const severity: Severity = set ?? r.severity;
			const message = (args: Record<string, string | number>) => fill(r.message[ctx.lang] ?? r.message.en, args);
			const about = { id: r.id, kind: r.kind, origin: r.origin, link: r.link ?? '' };
			const explain = r.link ? ctx.t('explainLink', about) : ctx.t('explain', about);
			const report = (f: Found, text: string, fixTo?: string) => {
				const fixes = fixTo !== undefined
					? [{ title: ctx.t('fix', { replacement: fixTo }), kind: r.fix ?? 'content', preferred: true, edits: [{ start: f.start + f.fs.shift, end: f.end + f.fs.shift, newText: fixTo }] }]
					: undefined;
				const rep = { rule: r.id, link: r.link, start: f.start + f.fs.shift, end: f.end + f.fs.shift, message: text, severity, explain, ...(fixes ? { fixes } : {}) };
				if (f.fs.source) {
					ctx.reportSource(rep);
				} else {
					ctx.report(rep);
				}
			};
			const fields = fieldsOf(ctx, r);
			switch (r.kind) {
				case 'existence':
					for (const f of hitsOf(ctx, r, index, 'match', fields)) {
						report(f, message({ match: f.text }));
					}
					break;
				case 'substitution':
				case 'spelling':
					for (const f of hitsOf(ctx, r, index, 'match', fields)) {
						const to = f.matcher?.to;
						// The replacement itself (a pattern that also matches the right form) is right.
						if (to === undefined || f.text === to) {
							continue;
						}
						report(f, message({ match: f.text, replacement: to }), to);
					}
					break;
				case 'capitalization':
					for (const f of hitsOf(ctx, r, index, 'match', fields)) {
						const to = f.matcher?.to;
						if (to === undefined || f.text === to || f.text.replace(/\s+/g, ' ') === to.replace(/\s+/g, ' ')) {
							continue;
						}
						report(f, message({ match: f.text, replacement: to }), f.text.length === to.length ? to : undefined);
					}
					break;
				case 'occurrence': {
					const items = r.count ? counted(ctx, r, fields) : hitsOf(ctx, r, index, 'match', fields);
					const n = items.length;
					const args = { count: n, min: r.min ?? 0, max: r.max ?? '∞' };
					if (r.max !== undefined && n > r.max) {
						// At the first item past the maximum.
						report(items[r.max], message({ ...args, match: items[r.max].text }));
					} else if (r.min !== undefined && n < r.min) {
						// At the post's first line: what is missing has no place of its own.
						const body = fields.find((f) => f.field === 'body') ?? scanPost(ctx)[0];
						const line = body.scan.text.indexOf('\n');
						report({ fs: body, start: 0, end: line >= 0 ? line : body.scan.text.length, text: '' }, message({ ...args, match: '' }));
					}
					break;
				}
				case 'conditional': {
					const ifs = hitsOf(ctx, r, index, 'if', fields);
					if (ifs.length && !hitsOf(ctx, r, index, 'then', fields).length) {
						report(ifs[0], message({ match: ifs[0].text, then: r.then?.[0]?.source ?? '' }));
					}
					break;
				}
			}
		});
	},
};

export default rule;
