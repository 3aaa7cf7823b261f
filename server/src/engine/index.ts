/**
 * The Copydesk engine's public API. Pure TypeScript: no editor, protocol or Node imports,
 * so the language server, the CLI, the benchmarks and the tests all use it directly.
 */
export * from './types';
export { lint, measureRaw, uncheckedResult, LintCache, type LintInput, type LintResult, type CampaignPeer } from './lint';
export { extractFacts, normalizeLink, type Fact, type FactKind } from './facts';
export { imagesOf, isRemote, type ImageInfo, type ImageReader, type PostImage, type PostMedia } from './media';
export { compareVariants, type VariantFacts, type Mismatch, type HandleMap } from './campaign';
export { type Directive, type HiddenFinding, type LintException } from './directives';
export { parseDraft, type Draft, type Post, type PostSettings, type Located } from './draft';
export { parseConfigLayer, resolveConfig, profileFor, SEVERITY_SETTINGS, type ConfigLayer, type ResolvedConfig, type RuleSetting } from './config';
export { builtinPlatforms, platformName, canonicalPlatformId, AD_LABEL_SETS, COUNT_UNITS, HASHTAG_STYLES, HANDLE_STYLES, type PlatformProfile, type FieldName } from './platforms';
export { countText, explainCount, walkTokens, type CountResult } from './counting/count';
export { rules, ruleById, docsUrl, PSEUDO_RULES } from './rules';
export { msg, setLanguage, language, toLang, catalog, LANGS, type Lang } from './messages';
export { summarize, hoverAt, statusAt, postAt, type PostSummary, type HoverNotes } from './features';
export { isValidCount, limitState, limitLabel, countLabel, limitSeverity, recommendedOf, type LimitState, type Limits } from './limits';
export {
	applyEdits, chosenFix, clashesOnSharedBody, fixAll, fixText, preferredEdits,
	type AppliedFix, type FixAllOptions, type FixAllResult, type FixSelection, type FixTextOptions, type HeldFix, type Relint, type Relinted,
} from './fixes';
export { splitPostEdit } from './split';
export { findProtected, touchesProtected, type ProtectedKind, type ProtectedSpan, type ProtectOptions } from './protected';
export type { HashtagStyle, MentionSpan, TagSpan } from './social';
export { Lexicon, foldText, wordListLexicon, wordListTerms, type LexiconTerm, type LexiconHit, type LexiconOptions, type WordList, type WordListCategory, type WordListEntry, type WordListItem } from './lexicon';
export type { Rule, RuleMeta, RuleContext, Target, FieldCount } from './rule';
export {
	PACK_FILE, parsePackManifest, parseSnippetFile, parseTermsFile, packEntries, expandDefaults, snippetPlatforms, buildPackFiles, isPackName,
	snippetSelfCheck, type PackManifest, type PackFileRef, type SnippetDef,
} from './pack';
export { compilePattern, type CompiledPattern, type PatternError } from './pattern';
export { checkTeamRulesNode, parseTeamRulesFile, isTeamRuleId, teamRulesOf, TEAM_RULE_KINDS, TEAM_SCOPES, TEAM_COUNTS, type TeamRule, type TeamRuleKind } from './teamrules';
export { parseSnippet, expandSnippet, standardVariables, type SnippetNode, type VariableResolver, type Expansion } from './snippet-syntax';
