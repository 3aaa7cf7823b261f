/**
 * Platform profiles: the built-in data (data/platforms.json) merged with the workspace
 * config's overrides and custom platforms. Profiles are plain data; the counting code in
 * counting/ reads the building blocks (unit, url, emoji, mention) and the field limits.
 */
import adData from './data/ad-disclosure.json';
import builtin from './data/platforms.json';

/** How a platform measures text. */
export type CountUnit = 'weibo' | 'x' | 'char' | 'grapheme' | 'utf16' | 'utf8';
export const COUNT_UNITS: readonly CountUnit[] = ['weibo', 'x', 'char', 'grapheme', 'utf16', 'utf8'];

/** Hashtag / topic syntax family. */
export type HashtagStyle = 'weibo' | 'x' | 'xiaohongshu' | 'douyin' | 'instagram' | 'threads' | 'none';
export const HASHTAG_STYLES: readonly HashtagStyle[] = ['weibo', 'x', 'xiaohongshu', 'douyin', 'instagram', 'threads', 'none'];

/** How a mention is written (hashtag-syntax checks it). */
export type HandleStyle = 'x' | 'domain' | 'nickname';
export const HANDLE_STYLES: readonly HandleStyle[] = ['x', 'domain', 'nickname'];

export type FieldName = 'body' | 'title' | 'digest' | 'author';
export const FIELD_NAMES: readonly FieldName[] = ['body', 'title', 'digest', 'author'];

export interface FieldSpec {
	/** Over this is an error. */
	limit?: number;
	/** Over this is a warning (a softer limit below `limit`). */
	warn?: number;
	/** A second limit in UTF-8 bytes (Bluesky). */
	byteLimit?: number;
	/** Where the feed folds the text ("全文", "see more"). */
	fold?: number;
}

/** What a platform takes as images (data/platforms.json `media`; each number has a `media.<key>` source). */
export interface MediaSpec {
	maxImages?: number;
	/** Bytes per image. */
	maxBytes?: number;
	/** Formats by extension as image-size names them: jpg, png, gif, webp, bmp, heif, avif, tiff. */
	formats?: string[];
	maxWidth?: number;
	maxHeight?: number;
	minWidth?: number;
	/** Width × height. */
	maxPixels?: number;
	/** Width / height. */
	aspect?: { min?: number; max?: number };
	/** `expected`: readers rely on alt text (a warning without it); `supported`: a field exists (a note); `none`: no field. */
	alt?: 'expected' | 'supported' | 'none';
	altMaxLength?: number;
}

/** A field the platform needs (`required`: it refuses the post without it) or wants (`recommended`). */
export type Requirement = 'required' | 'recommended';

/** Which ad label a platform takes: a label set of data/ad-disclosure.json (`zh`, `en`), or one placed otherwise. */
export type AdLabelChoice = string | { extends: string; insert?: string; at?: 'start' | 'end' };

/**
 * How a platform's feed shows a post (data/platforms.json `presentation`; each key has a
 * `presentation.<key>` source). The preview, platform-fold and ad-disclosure read it, so that a
 * new platform is one data entry.
 */
export interface PresentationSpec {
	/** What the feed shows where it folds a long post; without it, the default for the locale (data/feed.json). */
	foldMarker?: string;
	/** What the feed shows instead of a link's address (Weibo: 网页链接). */
	linkLabel?: string;
	/** A link longer than this many characters is shown cut, with "…" (X). */
	linkShortened?: number;
	/** The feed shows topics as links (the preview colours them). */
	topicsLinked?: boolean;
	/** The ad label the platform takes; without it, by locale (`zh` for Chinese, else `en`). */
	adLabel?: AdLabelChoice;
}
/** The label sets of data/ad-disclosure.json (`zh`, `en`) that `presentation.adLabel` may name. */
export const AD_LABEL_SETS: readonly string[] = Object.keys(adData.labels).filter((k) => !k.startsWith('$'));
export const PRESENTATION_KEYS: readonly (keyof PresentationSpec)[] = ['foldMarker', 'linkLabel', 'linkShortened', 'topicsLinked', 'adLabel'];

export type Confidence = 'confirmed' | 'secondary' | 'uncertain';
export interface SourceNote {
	source: string;
	confidence: Confidence;
}

export interface PlatformProfile {
	id: string;
	name: { en: string; 'zh-cn': string };
	locale: string;
	unit: CountUnit;
	/** Fixed cost of a URL in the platform's unit; undefined = the URL's own text counts. */
	url?: number;
	/** 'utf8': an emoji costs its UTF-8 byte length (Threads). Otherwise the unit decides. */
	emoji?: 'utf8';
	/** 'local': a mention counts only its local part (Mastodon). */
	mention: 'full' | 'local' | 'none';
	hashtag: HashtagStyle;
	maxHashtags?: number;
	maxLinks?: number;
	/** How a mention is written: 'x' @ + Latin letters, digits, _ (up to handleMaxLength); 'domain' @name.domain (Bluesky); 'nickname' @昵称 ended by a space or punctuation (Weibo). */
	handle?: HandleStyle;
	handleMaxLength?: number;
	body: FieldSpec;
	title?: FieldSpec;
	digest?: FieldSpec;
	author?: FieldSpec;
	modes?: Record<string, Partial<Pick<PlatformProfile, FieldName>>>;
	media?: MediaSpec;
	/** How the feed shows a post: fold marker, link label, ad label (see PresentationSpec). */
	presentation?: PresentationSpec;
	/** Fields beside the body the platform needs or wants: WeChat articles need a title. */
	required?: Partial<Record<Exclude<FieldName, 'body'>, Requirement>>;
	sources: Record<string, SourceNote>;
	/** True for platforms defined by copydesk.json or a pack. */
	custom?: boolean;
}

type RawProfile = Omit<PlatformProfile, 'id'>;

const BUILTIN: Record<string, PlatformProfile> = Object.fromEntries(
	Object.entries((builtin as unknown as { platforms: Record<string, RawProfile> }).platforms)
		.map(([id, p]) => [id, { id, ...p }]),
);

export function builtinPlatforms(): Record<string, PlatformProfile> {
	return BUILTIN;
}

/** Common aliases writers type in front matter. */
const ALIASES: Record<string, string> = {
	twitter: 'x',
	'sina-weibo': 'weibo',
	'微博': 'weibo',
	'微信': 'wechat',
	'公众号': 'wechat',
	xhs: 'xiaohongshu',
	red: 'xiaohongshu',
	'小红书': 'xiaohongshu',
	'抖音': 'douyin',
	tiktok: 'douyin',
	bsky: 'bluesky',
	fb: 'facebook',
	ig: 'instagram',
};

export function canonicalPlatformId(id: string, known: Record<string, PlatformProfile>): string | undefined {
	// Own keys only: "constructor" or "__proto__" is no platform.
	const key = id.trim().toLowerCase();
	if (Object.hasOwn(known, key)) {
		return key;
	}
	const alias = Object.hasOwn(ALIASES, key) ? ALIASES[key] : Object.hasOwn(ALIASES, id.trim()) ? ALIASES[id.trim()] : undefined;
	return alias && Object.hasOwn(known, alias) ? alias : undefined;
}

/** The fields a mode changes, when the profile has that mode (own keys only: a mode "constructor" is no mode). */
export function modeOf(profile: PlatformProfile, mode: string | undefined): NonNullable<PlatformProfile['modes']>[string] | undefined {
	return mode && profile.modes && Object.hasOwn(profile.modes, mode) ? profile.modes[mode] : undefined;
}

/** A profile with the chosen mode applied: the fields to check now. */
export function applyMode(profile: PlatformProfile, mode: string | undefined): PlatformProfile {
	const m = modeOf(profile, mode);
	if (!m) {
		return profile;
	}
	const out: PlatformProfile = { ...profile };
	for (const f of FIELD_NAMES) {
		if (m[f]) {
			out[f] = { ...(profile[f] ?? {}), ...m[f] };
		}
	}
	return out;
}

export function platformName(p: PlatformProfile, lang: string): string {
	return lang.startsWith('zh') ? p.name['zh-cn'] : p.name.en;
}

/** The source note for a number of the profile, looked up with mode-specific keys first. */
export function sourceOf(p: PlatformProfile, key: string, mode?: string): SourceNote | undefined {
	return (mode ? p.sources[`modes.${mode}.${key}`] : undefined) ?? p.sources[key];
}
