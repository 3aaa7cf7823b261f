/**
 * The engine's interface strings in English and Simplified Chinese. Core strings live in
 * l10n/*.json; each rule brings its own in its `meta.messages`, registered by the rule
 * registry. One process speaks one language, set once by its host (the language server
 * from the client's display language, the CLI from --lang or the environment).
 */
import en from './l10n/en.json';
import zhCn from './l10n/zh-cn.json';

export type Lang = 'en' | 'zh-cn';
export const LANGS: readonly Lang[] = ['en', 'zh-cn'];
export type Catalog = Record<string, string>;

const catalogs: Record<Lang, Catalog> = { en: { ...en }, 'zh-cn': { ...zhCn } };
let current: Lang = 'en';

/** Maps a BCP-47 tag or POSIX locale (zh_CN.UTF-8, zh-Hans, zh-cn) to an interface language. */
export function toLang(locale: string | undefined): Lang {
	const l = (locale ?? '').toLowerCase().replace('_', '-');
	// Simplified Chinese is the one Chinese interface; every other Chinese locale reads it better than English.
	return l.startsWith('zh') ? 'zh-cn' : 'en';
}

export function setLanguage(lang: Lang): void {
	current = lang;
}

export function language(): Lang {
	return current;
}

/** Adds strings (a rule's messages) to both catalogs. */
export function registerMessages(messages: Record<Lang, Catalog>): void {
	for (const l of LANGS) {
		Object.assign(catalogs[l], messages[l]);
	}
}

export function catalog(lang: Lang): Readonly<Catalog> {
	return catalogs[lang];
}

/**
 * A localized string with `{name}` placeholders filled. `{name|one|other}` picks a word by the
 * plural rule of the catalog's language for the number `name` (`{files} {files|draft|drafts}`:
 * "1 draft", "3 drafts"). Missing keys show the key itself; a placeholder without an argument
 * stays as written.
 */
export function msg(key: string, args: Record<string, string | number> = {}, lang: Lang = current): string {
	const own = catalogs[lang][key];
	const fromLang = own !== undefined;
	const template = own ?? catalogs.en[key] ?? key;
	if (!template.includes('{')) {
		return template;
	}
	// The template split once into text and placeholders (odd indexes): the same result as
	// replacing /\{(\w+)\}/g with the argument, or leaving a placeholder without one as written.
	let parts = compiled.get(template);
	if (!parts) {
		parts = template.split(/\{(\w+(?:\|[^{}|]*\|[^{}|]*)?)\}/);
		compiled.set(template, parts);
	}
	let out = parts[0];
	for (let i = 1; i < parts.length; i += 2) {
		const hole = parts[i];
		const bar = hole.indexOf('|');
		const name = bar < 0 ? hole : hole.slice(0, bar);
		if (!(name in args)) {
			out += `{${hole}}` + parts[i + 1];
		} else if (bar < 0) {
			out += String(args[name]) + parts[i + 1];
		} else {
			const [one, other] = hole.slice(bar + 1).split('|');
			out += (pluralOf(fromLang ? lang : 'en', Number(args[name])) === 'one' ? one : other) + parts[i + 1];
		}
	}
	return out;
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The plural category of `n` in `lang` ('one', 'other'…), by the CLDR rules built into Intl. */
function pluralOf(lang: Lang, n: number): string {
	let rules = pluralRules.get(lang);
	if (!rules) {
		rules = new Intl.PluralRules(lang === 'zh-cn' ? 'zh-CN' : 'en');
		pluralRules.set(lang, rules);
	}
	return rules.select(n);
}

/** Templates split at their placeholders, by template (the catalogs are fixed once rules register). */
const compiled = new Map<string, string[]>();
