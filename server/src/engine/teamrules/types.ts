/** The shapes and limits of team rules (see index.ts). */
import type { FixKind, Severity } from '../types';
import type { Lang } from '../messages';
import type { Step } from '../pattern';

export const TEAM_RULE_KINDS = ['existence', 'substitution', 'occurrence', 'conditional', 'capitalization', 'spelling'] as const;
export type TeamRuleKind = typeof TEAM_RULE_KINDS[number];

export const TEAM_SCOPES = ['body', 'title', 'digest', 'topics'] as const;
export type TeamScope = typeof TEAM_SCOPES[number];

/** What `occurrence` counts besides the rule's own words and patterns. */
export const TEAM_COUNTS = ['hashtags', 'mentions', 'exclamations', 'links'] as const;
export type TeamCount = typeof TEAM_COUNTS[number];

/** One thing to find: a literal word or a compiled pattern. */
export interface TeamMatcher {
	/** As written (a word, or the pattern's source). */
	source: string;
	/** Set for a pattern: its compiled paths. */
	paths?: Step[][];
	/** substitution / spelling: the replacement. */
	to?: string;
	/** Literal phrases that contain the word and are not hits (the replacement, when it holds the word). */
	except?: string[];
}

export interface TeamRule {
	/** Full id: `team/<id>` or `<pack>/<id>`. */
	id: string;
	kind: TeamRuleKind;
	message: Record<Lang, string>;
	severity: Severity;
	/** Canonical or as-written platform ids; empty: every platform. */
	platforms: string[];
	/** Locale tags (a tag matches itself and its subtags: `zh` matches `zh-CN`); empty: every locale. */
	locales: string[];
	scope: TeamScope[];
	link?: string;
	/** Where the rule comes from ("copydesk.json", "pack acme-brand"). */
	origin: string;
	/** existence, occurrence, substitution, spelling, capitalization: what to find. */
	match: TeamMatcher[];
	/** Phrases in which a hit is not a hit. */
	except: string[];
	/** conditional: when one of these appears… */
	if?: TeamMatcher[];
	/** …one of these must appear too (anywhere in the rule's scope of the post). */
	then?: TeamMatcher[];
	/** occurrence: what is counted (`match` when absent). */
	count?: TeamCount;
	min?: number;
	max?: number;
	/** substitution, spelling, capitalization: the fix's kind. */
	fix?: FixKind;
}

/** Most rules one file may hold, and words or patterns one rule may hold (a pack is data, not a dictionary dump). */
export const MAX_TEAM_RULES = 500;
export const MAX_MATCHERS = 5000;
/** Most steps (characters and classes) the patterns of one file may expand to, all together: the matcher's size stays bounded. */
export const MAX_PATTERN_STEPS = 200_000;
/** Message placeholders a rule's message may use. */
export const TEAM_PLACEHOLDERS = ['match', 'replacement', 'count', 'min', 'max', 'then'];
