/** What `lint` takes and returns. */
import type { VariantFacts } from '../campaign';
import type { ResolvedConfig } from '../config';
import type { HiddenFinding, LintException } from '../directives';
import type { Draft } from '../draft';
import type { ImageReader, PostMedia } from '../media';
import type { Target } from '../rule';
import type { Finding } from '../types';

export interface LintInput {
	text: string;
	config: ResolvedConfig;
	/** The file matched the config's `drafts` globs: a draft even without a platform in it. */
	matchedDraftGlob?: boolean;
	/** Only these rule ids (for tests and `--rule`). */
	only?: readonly string[];
	/**
	 * The other files of the campaign folder this file belongs to (copydesk.json `campaigns`):
	 * their posts' facts, which campaign-consistency compares with this file's posts.
	 */
	peers?: readonly CampaignPeer[];
	/**
	 * This file's name among its peers (as their `file`): variants are ordered by file and post, so
	 * that which one is the reference on a tie does not depend on which file is being linted.
	 */
	file?: string;
	/** Reads what is known about an image file a post names (the host's file system); without it only the draft is checked. */
	readImage?: ImageReader;
	/**
	 * Which posts' facts (`LintResult.variants`) to read when campaign-consistency runs: `'all'` (the
	 * default: a campaign folder's first pass, the report) or `'compared'`, only when this lint compares
	 * them (two to MAX_VARIANTS variants with the peers'), for hosts that only want the findings
	 * (diagnostics, `check` of a file outside a campaign folder). The findings are the same either way.
	 */
	variants?: 'all' | 'compared';
	/** Posts larger than this many bytes (UTF-8) are one finding and not checked; default: the config's `maxPostSize`, else DEFAULT_MAX_POST_BYTES. */
	maxPostBytes?: number;
}

/**
 * The default cap on one post (copydesk.json `maxPostSize`, `check --max-post-size`): about twice the
 * longest WeChat article with its markup. A larger post is one finding and is not checked, counted or
 * fixed, so that a pasted 10 MB "post" never stalls the editor.
 */
export const DEFAULT_MAX_POST_BYTES = 128 * 1024;

/** Another file of the same campaign: its path (as messages show it), text and variants (`LintResult.variants`). */
export interface CampaignPeer {
	file: string;
	/** The file's absolute path, for related locations in editors and SARIF. */
	path?: string;
	text: string;
	variants: readonly VariantFacts[];
}

export interface LintResult {
	draft: Draft;
	isDraft: boolean;
	targets: Target[];
	findings: Finding[];
	/** Rules switched off by disable comments, with their reasons and what they suppressed. */
	exceptions: LintException[];
	/** The findings the exceptions hid, in source order, each with its exception. */
	hidden: HiddenFinding[];
	/** Each post's facts for campaign-consistency (source offsets; `file` ''), when the rule runs. */
	variants: VariantFacts[];
	/** Each post's images (posts with platforms), with what the reader knew of their files. */
	media: PostMedia[];
}
