/**
 * The shape of a rule module. One module per rule in rules/, named by its id, exporting
 * `{ meta, check }`. Rules see one post on one platform at a time (a "target") and report
 * offsets into the post body's text view; the engine maps them to the source.
 */
import type { ResolvedConfig } from './config';
import type { Draft, Industry, Post, PostSettings } from './draft';
import type { PostImage } from './media';
import type { Catalog, Lang } from './messages';
import type { Reading } from './reading';
import type { FieldName, PlatformProfile } from './platforms';
import type { TextView } from './textview';
import type { FixKind, Severity, TextEdit } from './types';

export type RuleCategory = 'count' | 'localization' | 'compliance' | 'tone' | 'meta';

export interface RuleOption {
	/** The default value; its type is the option's type. */
	default: unknown;
	description: Record<Lang, string>;
	/** For a number: the lowest value allowed (default 0: thresholds and counts are never negative). */
	minimum?: number;
	/** For a number: the highest value allowed (a share: 1). */
	maximum?: number;
}

export interface RuleMeta {
	/** Public id: config keys, disable comments, CLI output. Never rename. */
	id: string;
	category: RuleCategory;
	description: Record<Lang, string>;
	defaultSeverity: Severity;
	/** True when the rule offers fixes that `--fix` and "fix all" apply. */
	fixable: boolean;
	options?: Record<string, RuleOption>;
	/** The rule's strings; a key `k` is used as `t('k')` inside the rule. */
	messages: Record<Lang, Catalog>;
	/**
	 * `files`: the rule reads files through the host (images, via `ctx.images`). Such rules run on
	 * every lint after the per-post phase, never from the cache, which cannot see a file change.
	 */
	reads?: 'files';
	/**
	 * `true`: the rule reads every target's counts (`ctx.target.counts`). A run with such a rule
	 * measures each target up front; a run without one measures a target when something first reads
	 * its counts (any rule may, and every consumer of the result may: the numbers are the same).
	 */
	measures?: boolean;
}

/** The measured length of one field of a post on one platform. */
export interface FieldCount {
	field: FieldName;
	count: number;
	limit?: number;
	warn?: number;
	fold?: number;
	byteCount?: number;
	byteLimit?: number;
	/** Source offsets of the field's text. */
	start: number;
	end: number;
	/** Source offset of the first character past the breached limit (warn or limit). */
	overflowAt?: number;
	/** Source offset of the first character past the fold point. */
	foldAt?: number;
	/** Source offset of the first byte past byteLimit. */
	byteOverflowAt?: number;
	/** The field's text as counted (comments removed, trimmed). */
	text: string;
}

/** One post checked for one platform. */
export interface Target {
	post: Post;
	platform: PlatformProfile;
	mode?: string;
	/** Effective locale: the post's, else the platform's default. */
	locale: string;
	industry: Industry;
	sponsored: boolean;
	settings: PostSettings;
	counts: FieldCount[];
}

export interface FixSpec {
	title: string;
	/** Offsets into the body text view. */
	edits: TextEdit[];
	/**
	 * `true`: "fix all", `--fix` and fix-on-save apply it. `false`: only offered as a quick fix.
	 * Unset: applied when it is the finding's only fix.
	 */
	preferred?: boolean;
	/** What the fix changes: only `typography` and `syntax` fixes are applied unasked (see FixKind). */
	kind: FixKind;
}

export interface RuleReport {
	/** Offsets into the body text view (or the source, with reportSource). */
	start: number;
	end: number;
	message: string;
	severity?: Severity;
	fixes?: FixSpec[];
	/** Markdown for the hover. */
	explain?: string;
	/** The id the finding carries when it is not the rule's own: a team rule's (`team/…`, `<pack>/…`). */
	rule?: string;
	/** The team rule's guide (editors link it, SARIF's helpUri). */
	link?: string;
}

export interface RuleContext {
	readonly target: Target;
	readonly draft: Draft;
	/** The post body as the platform sees it (comments removed, trimmed). */
	readonly body: TextView;
	readonly text: string;
	/** The rule's options: config values over the defaults. */
	readonly options: Record<string, unknown>;
	/**
	 * Another rule's resolved options (config values over its defaults) when that rule runs on this
	 * target too (enabled in the config and part of this lint), else undefined. For rules that
	 * leave a shared concern to a more specific rule (zh-punctuation leaves ！！！ to tone-shouting).
	 */
	ruleOptions(id: string): Readonly<Record<string, unknown>> | undefined;
	readonly config: ResolvedConfig;
	readonly lang: Lang;
	/** The rule's own message `key`, localized. */
	t(key: string, args?: Record<string, string | number>): string;
	/**
	 * A value derived from the post body (`text`) alone, computed once per post and shared by every
	 * rule and target of the post (the Chinese text's protected spans and atoms). `key` names what is
	 * computed and every input other than the text (an option's value); the value is shared: do not change it.
	 */
	shared<T>(key: string, compute: () => T): T;
	/**
	 * The post's one reading of `text` (the body when omitted; a title or digest of this post):
	 * links, emoji, X's parse, the folded form and the Han share, computed once per post and shared
	 * by the counters and every rule and target (engine/reading.ts).
	 */
	reading(text?: string): Reading;
	/** The post's images with what the host read of their files: set for rules with `reads: 'files'`, else undefined. */
	readonly images?: readonly PostImage[];
	/** Report a range of the body view. */
	report(r: RuleReport): void;
	/** Report a range given in source offsets (front matter fields, markers). Fix edits are source offsets too. */
	reportSource(r: RuleReport): void;
}

export interface Rule {
	meta: RuleMeta;
	check(ctx: RuleContext): void;
}
