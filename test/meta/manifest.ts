/**
 * What the manifest's rule-dependent parts must be, derived from the rule registry and the
 * platform table: the `copydesk.rules` setting in package.json, the JSON schema of
 * copydesk.json, and the rule descriptions in package.nls*.json. `npx tsx test/meta/sync.ts`
 * writes them; test/meta/manifest.test.ts fails when they drift.
 */
import { builtinPlatforms, AD_LABEL_SETS, COUNT_UNITS, HANDLE_STYLES, HASHTAG_STYLES, rules, TEAM_COUNTS, TEAM_RULE_KINDS, TEAM_SCOPES } from '../../server/src/engine';

const SEVERITY = { type: 'string', enum: ['off', 'hint', 'info', 'warning', 'error'] };

function optionSchema(def: unknown, description: string, range: { minimum?: number; maximum?: number } = {}): Record<string, unknown> {
	if (Array.isArray(def)) {
		return { type: 'array', description, default: def };
	}
	if (def === null || def === undefined) {
		return { description };
	}
	if (typeof def === 'number') {
		// config/index.ts refuses the same: numbers are never negative, and never past the option's maximum.
		return { type: 'number', minimum: range.minimum ?? 0, ...(range.maximum !== undefined ? { maximum: range.maximum } : {}), description, default: def };
	}
	return { type: typeof def, description, default: def };
}

export function settingsRulesProperties(): Record<string, unknown> {
	return Object.fromEntries(rules.map((r) => [r.meta.id, { ...SEVERITY, markdownDescription: `%rule.${r.meta.id}%` }]));
}

export function nlsRuleEntries(lang: 'en' | 'zh-cn'): Record<string, string> {
	return Object.fromEntries(rules.map((r) => [`rule.${r.meta.id}`, r.meta.description[lang]]));
}

const FIELD = {
	type: 'object',
	additionalProperties: false,
	properties: {
		limit: { type: 'integer', minimum: 1, description: 'Over this is an error.' },
		warn: { type: 'integer', minimum: 1, description: 'Over this is a warning (a recommended length below the limit).' },
		fold: { type: 'integer', minimum: 1, description: 'Where the feed folds the text ("全文", "see more").' },
		byteLimit: { type: 'integer', minimum: 1, description: 'A second limit in UTF-8 bytes.' },
	},
};

/** One entry of a terms list (server/src/engine/terms.ts checks the same shape at exact offsets). */
const TERM = {
	oneOf: [
		{ type: 'string', minLength: 1, description: 'A spelling to enforce: the word in another letter case is flagged.' },
		{
			type: 'object',
			additionalProperties: false,
			anyOf: [{ required: ['forbidden'] }, { required: ['preferred'] }],
			properties: {
				forbidden: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } }], description: 'Words to flag.' },
				preferred: { type: 'string', minLength: 1, description: 'The word to use, offered as the fix; alone, a spelling to enforce.' },
				note: { oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: false, properties: { en: { type: 'string' }, 'zh-cn': { type: 'string' } } }], description: 'Shown after the message.' },
				caseSensitive: { type: 'boolean', description: 'Match `forbidden` with exact letter case.' },
				except: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Phrases containing the word that are not hits.' },
				severity: { enum: ['error', 'warning', 'info', 'hint'], description: "This entry's severity." },
			},
		},
	],
};

const WORDS = { type: 'array', items: { type: 'string', minLength: 1 } };
const PATTERNS = { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Restricted linear-time patterns (docs/packs.md): literal text, [classes], \\d \\s \\w \\p{Han}, a|b, (groups), x? and x{m,n} (n ≤ 20) on one character or class. No *, +, back-references or lookaround.' };
const MATCH_SET = { type: 'object', additionalProperties: false, properties: { tokens: WORDS, patterns: PATTERNS } };
const BY_KIND: Record<string, Record<string, unknown>> = {
	existence: { tokens: { ...WORDS, description: 'Literal words and phrases that must not appear.' }, patterns: PATTERNS },
	substitution: {
		swap: {
			description: 'This → that: { "戴尔电脑公司": "戴尔" }, or [{ "pattern": "…", "to": "…" }] with patterns.',
			oneOf: [
				{ type: 'object', additionalProperties: { type: 'string' } },
				{ type: 'array', items: { type: 'object', additionalProperties: false, required: ['to'], properties: { token: { type: 'string', minLength: 1 }, pattern: { type: 'string', minLength: 1 }, to: { type: 'string' } } } },
			],
		},
		fix: { enum: ['content', 'typography'], description: 'The fix\'s kind: content (default; offered, applied only when asked) or typography (applied by fix-all).' },
	},
	occurrence: {
		count: { enum: [...TEAM_COUNTS], description: 'What is counted per post; without it, the rule\'s tokens and patterns.' },
		tokens: WORDS, patterns: PATTERNS,
		min: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 0 },
	},
	conditional: { if: { ...MATCH_SET, description: 'When one of these appears…' }, then: { ...MATCH_SET, description: '…one of these must appear too.' } },
	capitalization: { words: { ...WORDS, description: 'Brand names as they must be cased: found in any case, flagged when the case differs.' }, fix: { enum: ['content', 'typography'] } },
	spelling: { spellings: { type: 'object', description: '{ "Acme Cloud": ["AcmeCloud", "Acme云"] }: the right spelling and the variants to flag.', additionalProperties: WORDS }, fix: { enum: ['content', 'typography'] } },
};

/** One team rule (server/src/engine/teamrules/rule.ts checks the same shape at exact offsets). */
export const TEAM_RULE = {
	type: 'object',
	required: ['id', 'kind', 'message'],
	properties: {
		id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description: 'The rule\'s id in its file; its full id is team/<id> in copydesk.json and <pack name>/<id> in a pack.' },
		kind: { enum: [...TEAM_RULE_KINDS] },
		message: {
			type: 'object', additionalProperties: false, required: ['en', 'zh-cn'],
			description: 'The finding\'s message in both languages; placeholders {match} {replacement} {count} {min} {max} {then}.',
			properties: { en: { type: 'string', minLength: 1 }, 'zh-cn': { type: 'string', minLength: 1 } },
		},
		severity: { enum: ['error', 'warning', 'info', 'hint'], description: 'Default warning; `rules` in copydesk.json can change it like any rule\'s.' },
		platforms: { type: 'array', items: { type: 'string' }, description: 'Only on these platforms (all when absent).' },
		locales: { type: 'array', items: { type: 'string' }, description: 'Only for posts in these locales (zh matches zh-CN, zh-TW…).', examples: [['zh-CN'], ['en']] },
		scope: { type: 'array', items: { enum: [...TEAM_SCOPES] }, minItems: 1, description: 'Where to look (default body, title, digest); topics: only inside the body\'s hashtags and #话题#.' },
		link: { type: 'string', format: 'uri', pattern: '^https?://', description: 'The team\'s guide: linked from the diagnostic, the hover and SARIF.' },
		except: { ...WORDS, description: 'Phrases in which a hit is not a hit.' },
		description: { type: 'string' },
	},
	allOf: TEAM_RULE_KINDS.map((kind) => ({
		if: { properties: { kind: { const: kind } }, required: ['kind'] },
		then: { properties: BY_KIND[kind] },
	})),
};

/** The JSON schema of a team rules file (a pack's `teamRules`; copydesk.json's `teamRules` is the same list). */
export function teamRulesSchema(): Record<string, unknown> {
	return {
		$schema: 'http://json-schema.org/draft-07/schema#',
		$id: 'copydesk-rules.schema.json',
		title: 'Copydesk team rules (a pack\'s teamRules file)',
		description: 'A JSON list of team rules (docs/packs.md). Data only: nothing in it runs.',
		allowComments: true,
		allowTrailingCommas: true,
		type: 'array',
		items: TEAM_RULE,
	};
}

/** `protect`: words the typography rules keep as written, added to the built-in lists (server/src/engine/data/protected-words.json). */
const PROTECT = {
	type: 'object',
	additionalProperties: false,
	description: 'Words no typography fix changes, added to the built-in lists (README: Protected copy; docs/rules/zh-punctuation.md): abbreviations with a period and names with punctuation. Case-sensitive, matched on word boundaries.',
	properties: {
		abbreviations: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Abbreviations that end with a period, e.g. "Bhd.", "Pte.": the period is never made full-width.', examples: [['Bhd.', 'Pte.']] },
		names: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Brand and product names with punctuation, e.g. "Yahoo!", "Disney+": kept whole and spaced from Chinese as one word.', examples: [['Yahoo!', 'Disney+']] },
	},
};

export function configSchema(): Record<string, unknown> {
	const ids = Object.keys(builtinPlatforms());
	return {
		$schema: 'http://json-schema.org/draft-07/schema#',
		$id: 'copydesk.schema.json',
		title: 'Copydesk workspace configuration (copydesk.json)',
		description: 'JSON with comments. Precedence: built-in defaults < VS Code settings < packs (in listed order) < this file. Data only: nothing in it runs.',
		// VS Code's JSON support: the file is JSONC, as Copydesk reads it (jsonc-parser, comments and trailing commas).
		allowComments: true,
		allowTrailingCommas: true,
		type: 'object',
		additionalProperties: false,
		properties: {
			$schema: { type: 'string' },
			defaultPlatform: { type: 'string', description: 'Platform for drafts that name none (files matched by `drafts`).', examples: ids },
			maxPostSize: { type: 'integer', minimum: 1, default: 131072, description: 'Posts larger than this many bytes (UTF-8) are not checked, counted or fixed: one error says so (default 131072, 128 KiB; `copydesk check --max-post-size` overrides it).' },
			drafts: { type: 'array', items: { type: 'string' }, description: 'Globs (relative to this file) of files that are drafts even without `platform:` in their front matter.' },
			ignore: { type: 'array', items: { type: 'string' }, description: 'Globs (relative to this file) of files never checked.' },
			packs: { type: 'array', items: { type: 'string' }, description: 'Team packs: folders (relative to this file, inside the workspace) or npm package names in node_modules.' },
			terms: { type: 'array', items: TERM, description: 'Team terminology for the `terms` rule: forbidden words, preferred words, brand spellings (docs/rules/terms.md).' },
			teamRules: { type: 'array', items: TEAM_RULE, description: 'The team\'s own rules, ids team/<id> (docs/packs.md): existence, substitution, occurrence, conditional, capitalization, spelling.' },
			snippets: { description: 'Reserved for packs.' },
			campaigns: { type: 'array', items: { type: 'string' }, description: 'Folders (relative to this file) whose drafts are variants of one announcement: campaign-consistency compares their facts across files (docs/rules/campaign-consistency.md).' },
			handles: {
				type: 'object',
				description: 'The team\'s accounts and their handle on each platform, e.g. { "Acme": { "weibo": "@Acme官方微博", "x": "@acme" } }: campaign-consistency reports another platform\'s handle.',
				additionalProperties: { type: 'object', additionalProperties: { type: 'string' } },
			},
			protect: PROTECT,
			rules: {
				type: 'object',
				description: 'Severity and options per rule; a team rule by its full id (team/…, <pack>/…).',
				additionalProperties: false,
				patternProperties: { '^[^/]+/.+$': { description: 'A team rule: its severity.', oneOf: [SEVERITY, { type: 'object', additionalProperties: false, properties: { severity: SEVERITY } }] } },
				properties: Object.fromEntries(rules.map((r) => [r.meta.id, {
					description: r.meta.description.en,
					oneOf: [
						SEVERITY,
						{
							type: 'object',
							additionalProperties: false,
							properties: {
								severity: SEVERITY,
								...Object.fromEntries(Object.entries(r.meta.options ?? {}).map(([k, o]) => [k, optionSchema(o.default, o.description.en, o)])),
							},
						},
					],
				}])),
			},
			platforms: {
				type: 'object',
				description: 'Overrides of built-in platforms (by id) and custom platforms (new ids).',
				propertyNames: { pattern: '^[a-z0-9][a-z0-9-]*$', not: { enum: ['constructor', 'tostring', 'valueof', 'hasownproperty', 'isprototypeof', 'propertyisenumerable', 'tolocalestring'] } },
				additionalProperties: {
					type: 'object',
					additionalProperties: false,
					properties: {
						extends: { type: 'string', description: 'Start from this platform.', examples: ids },
						name: { oneOf: [{ type: 'string' }, { type: 'object', properties: { en: { type: 'string' }, 'zh-cn': { type: 'string' } } }] },
						locale: { type: 'string', examples: ['zh-CN', 'zh-TW', 'zh-HK', 'en'] },
						unit: { type: 'string', enum: [...COUNT_UNITS], description: 'How the platform counts.' },
						url: { type: 'integer', minimum: 0, description: 'Fixed cost of a link.' },
						emoji: { type: 'string', enum: ['utf8'], description: 'utf8: an emoji costs its UTF-8 byte length.' },
						mention: { type: 'string', enum: ['full', 'local', 'none'] },
						hashtag: { type: 'string', enum: [...HASHTAG_STYLES] },
						maxHashtags: { type: 'integer', minimum: 0 },
						maxLinks: { type: 'integer', minimum: 0 },
						handle: { type: 'string', enum: [...HANDLE_STYLES], description: 'How a mention is written: x (@ + Latin letters, digits, _), domain (@name.domain), nickname (@昵称 ended by a space or punctuation).' },
						handleMaxLength: { type: 'integer', minimum: 1, description: 'Longest handle (x style).' },
						limit: { type: 'integer', minimum: 1, description: 'Body limit (shorthand for body.limit).' },
						warn: { type: 'integer', minimum: 1 },
						fold: { type: 'integer', minimum: 1, description: 'Body fold point (shorthand for body.fold).' },
						byteLimit: { type: 'integer', minimum: 1 },
						mode: { type: 'string', description: 'Default mode, e.g. "long" for Weibo long posts.' },
						modes: {
							type: 'object',
							description: 'Modes a post can choose with `mode:` (e.g. Weibo "long"): the field limits each one changes.',
							propertyNames: { not: { enum: ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'] } },
							additionalProperties: { type: 'object', additionalProperties: false, properties: { body: FIELD, title: FIELD, digest: FIELD, author: FIELD } },
						},
						sources: { type: 'object' },
						media: {
							type: 'object',
							additionalProperties: false,
							description: 'What the platform takes as images (the media and media-alt rules).',
							properties: {
								maxImages: { type: 'number', minimum: 0 }, maxBytes: { type: 'number', minimum: 0 },
								formats: { type: 'array', items: { type: 'string' }, examples: [['jpg', 'png', 'gif', 'webp']] },
								maxWidth: { type: 'number', minimum: 0 }, maxHeight: { type: 'number', minimum: 0 }, minWidth: { type: 'number', minimum: 0 },
								maxPixels: { type: 'number', minimum: 0 },
								aspect: { type: 'object', additionalProperties: false, properties: { min: { type: 'number', minimum: 0 }, max: { type: 'number', minimum: 0 } } },
								alt: { type: 'string', enum: ['expected', 'supported', 'none'] },
								altMaxLength: { type: 'number', minimum: 0 },
							},
						},
						required: {
							type: 'object',
							additionalProperties: false,
							description: 'Fields the platform needs or recommends (the required-fields rule).',
							properties: Object.fromEntries(['title', 'digest', 'author'].map((f) => [f, { type: 'string', enum: ['required', 'recommended'] }])),
						},
						presentation: {
							type: 'object',
							additionalProperties: false,
							description: 'How the platform\'s feed shows a post: the preview, platform-fold and ad-disclosure read it (docs/configuration.md).',
							properties: {
								foldMarker: { type: 'string', minLength: 1, description: 'What the feed shows where it folds a long post, e.g. "…全文", "…see more". Default: by locale.' },
								linkLabel: { type: 'string', minLength: 1, description: 'What the feed shows instead of a link\'s address, e.g. "网页链接".' },
								linkShortened: { type: 'integer', minimum: 1, description: 'A link longer than this many characters is shown cut, with "…".' },
								topicsLinked: { type: 'boolean', description: 'The feed shows topics as links (the preview colours them).' },
								adLabel: {
									description: 'The ad label the platform takes: a label set ("zh": 广告, "en": #ad, Sponsored…), or one placed otherwise. Default: by locale.',
									oneOf: [
										{ type: 'string', enum: [...AD_LABEL_SETS] },
										{
											type: 'object', additionalProperties: false, required: ['extends'],
											properties: { extends: { type: 'string', enum: [...AD_LABEL_SETS] }, insert: { type: 'string', minLength: 1, description: 'What the fix inserts, e.g. " #ad".' }, at: { type: 'string', enum: ['start', 'end'] } },
										},
									],
								},
							},
						},
						body: FIELD, title: FIELD, digest: FIELD, author: FIELD,
					},
				},
			},
		},
	};
}

/** The JSON schema of a pack manifest (copydesk-pack.json): its own keys plus copydesk.json's rules and platforms. */
export function packSchema(): Record<string, unknown> {
	const config = configSchema() as { properties: Record<string, unknown> };
	const file = { type: 'string', pattern: '^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$)).+$', description: 'A path inside the pack folder, relative to copydesk-pack.json.' };
	return {
		$schema: 'http://json-schema.org/draft-07/schema#',
		$id: 'copydesk-pack.schema.json',
		title: 'Copydesk team pack manifest (copydesk-pack.json)',
		description: 'JSON with comments. A pack bundles snippets, terms, rule settings, platforms and protected words. Data only: nothing in it runs. Precedence: built-in defaults < VS Code settings < packs (in listed order) < copydesk.json.',
		allowComments: true,
		allowTrailingCommas: true,
		type: 'object',
		additionalProperties: false,
		required: ['name', 'version'],
		properties: {
			$schema: { type: 'string' },
			name: { type: 'string', pattern: '^(?:@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*$', description: 'The pack name: an npm package name (lower case, optionally scoped).' },
			version: { type: 'string', pattern: '^(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$', description: 'A semantic version, e.g. 1.0.0.' },
			description: { type: 'string' },
			snippets: { oneOf: [file, { type: 'array', items: file }], description: 'Snippet files in VS Code snippet format; each snippet may add "platforms": ["weibo", …].' },
			terms: { ...file, description: 'A JSON list of terms for the `terms` rule.' },
			teamRules: { ...file, description: 'A JSON list of team rules (ids <pack name>/<id>); name it copydesk-rules.json for completion in VS Code.' },
			rules: config.properties.rules,
			platforms: config.properties.platforms,
			protect: config.properties.protect,
		},
	};
}
