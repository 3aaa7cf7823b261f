/**
 * ad-disclosure: a post that sells something (a price, a coupon, a discount, a purchase path,
 * a lottery, a shop or mini-program link) or is marked `sponsored: true`, without the label
 * its platform expects ("广告" on Chinese platforms; "#ad", "Ad", "Sponsored" on others).
 * Signals and labels are data (data/ad-disclosure.json): each signal has a weight, and a post
 * is an ad when its weights reach the threshold — a live-stream announcement without a price
 * or a way to buy is not. The fix inserts the platform's label in its usual place.
 */
import data from '../data/ad-disclosure.json';
import kinds from '../data/post-kinds.json';
import { Lexicon } from '../lexicon';
import type { Lang } from '../messages';
import type { PlatformProfile } from '../platforms';
import type { Rule, RuleContext } from '../rule';
import { SEVERITIES, type Severity } from '../types';
import type { Reading } from '../reading';
import { fullMatcher, judgmentScan, postKind } from './judgment';

type Basis = keyof typeof data.basis;

interface LabelSpec {
	basis: Basis;
	words: string[];
	caseSensitiveWords: string[];
	insert: string;
	at: 'start' | 'end';
}

interface CompiledLabel extends LabelSpec {
	lexicon: Lexicon<true>;
	exact: Lexicon<true>;
}

function compileLabel(spec: LabelSpec): CompiledLabel {
	return {
		...spec,
		lexicon: new Lexicon(spec.words.map((term) => ({ term, value: true as const }))),
		exact: new Lexicon(spec.caseSensitiveWords.map((term) => ({ term, value: true as const })), { caseSensitive: true }),
	};
}

const LABEL_SETS: Record<'zh' | 'en', CompiledLabel> = {
	zh: compileLabel(data.labels.zh as LabelSpec),
	en: compileLabel(data.labels.en as LabelSpec),
};
// One compiled label per placed choice (X: " #ad" at the end), kept with the choice object itself: the
// platform's profile holds it for as long as its configuration lives, so a post costs one lookup.
const CHOSEN = new WeakMap<object, CompiledLabel>();

/**
 * The label a target needs: the platform's `presentation.adLabel` (data/platforms.json, or a
 * custom platform's), else by locale (`zh` for Chinese, `en` otherwise). A choice naming no
 * known label set falls back the same way (config/platforms.ts reports it).
 */
function labelFor(p: Pick<PlatformProfile, 'presentation'>, locale: string): CompiledLabel {
	const byLocale = locale.toLowerCase().startsWith('zh') ? LABEL_SETS.zh : LABEL_SETS.en;
	const choice = p.presentation?.adLabel;
	if (choice === undefined) {
		return byLocale;
	}
	if (typeof choice === 'string') {
		return isLabelSet(choice) ? LABEL_SETS[choice] : byLocale;
	}
	if (!isLabelSet(choice.extends)) {
		return byLocale;
	}
	let label = CHOSEN.get(choice);
	if (!label) {
		const base = LABEL_SETS[choice.extends];
		label = { ...base, insert: choice.insert ?? base.insert, at: choice.at ?? base.at };
		CHOSEN.set(choice, label);
	}
	return label;
}

function isLabelSet(name: string): name is 'zh' | 'en' {
	return Object.hasOwn(LABEL_SETS, name);
}

interface Signal {
	start: number;
	end: number;
	category: string;
	weight: number;
}


const isDigit = (c: string | undefined) => !!c && c >= '0' && c <= '9';

/** Prices: a currency prefix before a number, or a number before a currency suffix. */
/** Price prefixes, the longest first (sorted once). */
let longestPrefixesFirst: readonly string[] | undefined;

function prices(text: string): Signal[] {
	const out: Signal[] = [];
	const p = data.price;
	longestPrefixesFirst ??= [...p.prefixes].sort((a, b) => b.length - a.length);
	for (const pre of longestPrefixesFirst) {
		for (let i = text.indexOf(pre); i >= 0; i = text.indexOf(pre, i + 1)) {
			let j = i + pre.length;
			while (text[j] === ' ') {
				j++;
			}
			// "US$" is found as "$" too: the longest prefix at a place wins (dedupe by end below).
			if (isDigit(text[j]) && !(/[A-Za-z]/.test(pre) && /[A-Za-z]/.test(text[i - 1] ?? ''))) {
				let e = j;
				while (isDigit(text[e]) || ((text[e] === '.' || text[e] === ',') && isDigit(text[e + 1]))) {
					e++;
				}
				out.push({ start: i, end: e, category: 'price', weight: p.weight });
			}
		}
	}
	for (const suf of p.suffixes) {
		for (let i = text.indexOf(suf); i >= 0; i = text.indexOf(suf, i + 1)) {
			if (p.notBefore.includes(text[i + suf.length])) {
				continue;
			}
			let s = i;
			while (text[s - 1] === ' ' || p.multipliers.includes(text[s - 1])) {
				s--;
			}
			if (!isDigit(text[s - 1])) {
				continue;
			}
			while (isDigit(text[s - 1]) || ((text[s - 1] === '.' || text[s - 1] === ',') && isDigit(text[s - 2]))) {
				s--;
			}
			out.push({ start: s, end: i + suf.length, category: 'price', weight: p.weight });
		}
	}
	return out;
}

/** Prices in Chinese numerals ("九十九元", "一百元"): see `zhPrice` in the data file for what is left out. */
function zhPrices(text: string): Signal[] {
	const z = data.zhPrice;
	const out: Signal[] = [];
	for (const suf of z.suffixes) {
		for (let i = text.indexOf(suf); i >= 0; i = text.indexOf(suf, i + 1)) {
			if (z.notBefore.includes(text[i + suf.length])) {
				continue;
			}
			let s = i;
			while (s > 0 && z.numerals.includes(text[s - 1])) {
				s--;
			}
			// 百, 千 and 万 cannot start a number (万一元气 is "in case", not a price).
			while (s < i && z.leading.includes(text[s])) {
				s++;
			}
			if (i - s >= z.minLength) {
				out.push({ start: s, end: i + suf.length, category: 'price', weight: z.weight });
			}
		}
	}
	return out;
}

/** "5折", "八五折": a numeral before 折, not 折叠. */
function discounts(text: string): Signal[] {
	const d = data.discountDigit;
	const out: Signal[] = [];
	for (let i = text.indexOf(d.marker); i >= 0; i = text.indexOf(d.marker, i + 1)) {
		let s = i;
		while (text[s - 1] === ' ') {
			s--;
		}
		if (d.notBefore.includes(text[i + 1]) || !d.numerals.includes(text[s - 1] ?? '\u0000')) {
			continue;
		}
		while (s > 0 && d.numerals.includes(text[s - 1])) {
			s--;
		}
		out.push({ start: s, end: i + 1, category: 'discount', weight: d.weight });
	}
	return out;
}

const URL = /\bhttps?:\/\/([^\s/?#<>"'（）【】，。]+)(\/[^\s?#<>"'（）【】，。]*)?/giu;
/** What every URL match holds: a text without it has no shop link. */
const MAY_URL = /https?:\/\//i;

/** `.host` for each shop host (a subdomain of it is the shop too). */
const hostSuffixes: readonly string[] = data.shopHosts.hosts.map((h: string) => `.${h}`);

/** Links to shops: by host, host prefix or first path segment. */
function shopLinks(text: string): Signal[] {
	const s = data.shopHosts;
	const out: Signal[] = [];
	if (!MAY_URL.test(text)) {
		return out;
	}
	for (const m of text.matchAll(URL)) {
		const host = m[1].toLowerCase().replace(/:\d+$/, '');
		const first = (m[2] ?? '').split('/')[1]?.toLowerCase() ?? '';
		const shop = s.hosts.some((h, k) => host === h || host.endsWith(hostSuffixes[k])) || s.hostPrefixes.some((p) => host.startsWith(p)) || s.paths.includes(first);
		if (shop) {
			out.push({ start: m.index!, end: m.index! + m[0].length, category: 'shopLink', weight: s.weight });
		}
	}
	return out;
}

/** Every signal in the text, in order, without overlaps (the longer one wins). `words`: the signal words found by the shared matcher. */
function adSignals(text: string, words: readonly Signal[] = signalWords(fullMatcher().find(text))): Signal[] {
	const all = [
		...words,
		...prices(text), ...zhPrices(text), ...discounts(text), ...shopLinks(text),
	].sort((a, b) => a.start - b.start || b.end - a.end);
	const out: Signal[] = [];
	for (const s of all) {
		const last = out[out.length - 1];
		if (last && s.start < last.end) {
			continue;
		}
		out.push(s);
	}
	return out;
}

function signalWords(hits: readonly { start: number; end: number; value: { signal?: { category: string; weight: number } } }[]): Signal[] {
	const out: Signal[] = [];
	for (const h of hits) {
		if (h.value.signal) {
			out.push({ start: h.start, end: h.end, ...h.value.signal });
		}
	}
	return out;
}

/** Signals that sell by themselves: a way to buy, a coupon, a discount, a lottery (a price or a word such as 售价 does not). */
const PURCHASE_PATHS: readonly string[] = ['coupon', 'discount', 'purchase', 'lottery', 'miniProgram', 'shopLink'];
/** Words that state a price in news (售价, "list price"); other purchase words (下单, "order") offer a way to buy. */
const NEWS_PRICE_WORDS: readonly string[] = kinds.newsPriceWords;
/** Signals that are amounts, not sales, in a charity appeal (donations) or a reply or crisis post (refunds). */
const AMOUNTS: readonly string[] = ['price', 'purchaseWord'];

/** Whether the text has the label; with the post's reading the text is folded once for every platform's label. */
export function hasLabel(text: string, label: CompiledLabel, reading?: Reading): boolean {
	return label.lexicon.has(text, reading) || label.exact.has(text, reading);
}

function basisText(label: CompiledLabel, lang: Lang): string {
	return data.basis[label.basis][lang];
}

function firstLine(ctx: RuleContext): { start: number; end: number } {
	const nl = ctx.text.indexOf('\n');
	return { start: 0, end: nl < 0 ? ctx.text.length : nl };
}

function signalName(ctx: RuleContext, category: string): string {
	switch (category) {
		case 'coupon': return ctx.t('signal.coupon');
		case 'discount': return ctx.t('signal.discount');
		case 'purchase': return ctx.t('signal.purchase');
		case 'lottery': return ctx.t('signal.lottery');
		case 'miniProgram': return ctx.t('signal.miniProgram');
		case 'price': return ctx.t('signal.price');
		case 'shopLink': return ctx.t('signal.shopLink');
		default: return ctx.t('signal.purchaseWord');
	}
}

function sponsoredSeverity(v: unknown): Severity {
	return (SEVERITIES as readonly unknown[]).includes(v) ? v as Severity : 'error';
}

const rule: Rule = {
	meta: {
		id: 'ad-disclosure',
		category: 'compliance',
		description: {
			en: 'A post that sells something (price, coupon, discount, purchase path, lottery, shop link) or is sponsored carries no visible ad label.',
			'zh-cn': '推销商品（价格、优惠券、折扣、购买方式、抽奖、店铺链接）或标记为赞助的帖子没有显著的广告标识。',
		},
		defaultSeverity: 'warning',
		fixable: true,
		options: {
			threshold: {
				default: data.threshold,
				description: {
					en: 'Sum of signal weights that makes a post an ad (a coupon, discount or shop link weighs 2; a price and words such as 购买, 下单, "buy" weigh 1).',
					'zh-cn': '判定为广告的信号权重之和（优惠券、折扣、店铺链接各为 2；价格以及“购买”“下单”“buy”等词为 1）。',
				},
			},
			sponsoredSeverity: {
				default: 'error',
				description: {
					en: 'Severity when the post is marked `sponsored: true` ("error", "warning", "info" or "hint").',
					'zh-cn': '帖子标记为 `sponsored: true` 时的严重程度（"error"、"warning"、"info" 或 "hint"）。',
				},
			},
		},
		messages: {
			en: {
				missing: 'This post sells ({signals}) but has no "{label}" label: readers must be able to tell it is an ad.',
				sponsored: 'This post is marked sponsored but has no "{label}" label: readers must be able to tell it is an ad.',
				news: 'This news post states a price ({signals}) but offers no way to buy: not an ad by itself. If a purchase link, coupon or discount is added, it needs a "{label}" label.',
				fix: 'Add the label "{insert}"',
				explain: '**Ad label required.** {basis}\n\nSignals found: {signals}. Labels accepted on {platform}: {labels}.',
				'signal.coupon': 'coupon', 'signal.discount': 'discount', 'signal.purchase': 'purchase path', 'signal.purchaseWord': 'purchase word',
				'signal.lottery': 'lottery', 'signal.miniProgram': 'mini-program link', 'signal.price': 'price', 'signal.shopLink': 'shop link',
				'signal.sponsored': 'sponsored: true',
			},
			'zh-cn': {
				missing: '此帖子在推销（{signals}），却没有“{label}”标识：读者必须能辨明这是广告。',
				sponsored: '此帖子标记为赞助，却没有“{label}”标识：读者必须能辨明这是广告。',
				news: '这条新闻帖子写了价格（{signals}），但没有购买方式：本身不算广告。如加上购买链接、优惠券或折扣，就需要“{label}”标识。',
				fix: '加上标识“{insert}”',
				explain: '**需要广告标识。** {basis}\n\n发现的信号：{signals}。{platform}上认可的标识：{labels}。',
				'signal.coupon': '优惠券', 'signal.discount': '折扣', 'signal.purchase': '购买方式', 'signal.purchaseWord': '购买用语',
				'signal.lottery': '抽奖', 'signal.miniProgram': '小程序链接', 'signal.price': '价格', 'signal.shopLink': '店铺链接',
				'signal.sponsored': 'sponsored: true',
			},
		},
	},
	check(ctx) {
		const label = labelFor(ctx.target.platform, ctx.target.locale);
		if (hasLabel(ctx.text, label, ctx.reading())) {
			return;
		}
		let signals = adSignals(ctx.text, signalWords(judgmentScan(ctx, ctx.text).hits));
		const sponsored = ctx.target.sponsored;
		const threshold = Number(ctx.options.threshold);
		const sum = () => signals.reduce((n, s) => n + s.weight, 0);
		if (!sponsored && sum() < threshold) {
			return;
		}
		// Donation matching (每捐 10 元，我们配捐 10 元) and a refund in a reply are amounts, not sales.
		const kind = postKind(ctx);
		if (kind === 'charity' || kind === 'crisis' || kind === 'reply') {
			signals = signals.filter((s) => !AMOUNTS.includes(s.category));
			if (!sponsored && sum() < threshold) {
				return;
			}
		}
		// Launch news that states a price but offers no way to buy: a note (the label is tied to selling), and the label is offered, not applied.
		const note = !sponsored && kind === 'news' && !signals.some((s) => PURCHASE_PATHS.includes(s.category) || (s.category === 'purchaseWord' && !NEWS_PRICE_WORDS.includes(ctx.text.slice(s.start, s.end).toLowerCase())));
		const names = [...new Set(signals.map((s) => signalName(ctx, s.category)))];
		const shown = label.words[0] ?? label.caseSensitiveWords[0];
		const signalText = (sponsored ? [ctx.t('signal.sponsored'), ...names] : names).join(ctx.lang === 'zh-cn' ? '、' : ', ');
		const range = signals.length ? { start: signals[0].start, end: signals[0].end } : firstLine(ctx);
		const at = label.at === 'start' ? 0 : ctx.text.length;
		ctx.report({
			...range,
			severity: sponsored ? sponsoredSeverity(ctx.options.sponsoredSeverity) : note ? 'info' : undefined,
			message: sponsored ? ctx.t('sponsored', { label: shown }) : note ? ctx.t('news', { signals: signalText, label: shown }) : ctx.t('missing', { signals: signalText, label: shown }),
			explain: ctx.t('explain', {
				basis: basisText(label, ctx.lang), signals: signalText, platform: ctx.target.platform.name[ctx.lang],
				labels: [...label.words, ...label.caseSensitiveWords].map((w) => `\`${w}\``).join(', '),
			}),
			// Content fix (an ad label insertion); offered, not applied, for a news note.
			fixes: [{ title: ctx.t('fix', { insert: label.insert.trim() }), kind: 'content', preferred: !note, edits: [{ start: at, end: at, newText: label.insert }] }],
		});
	},
};

export default rule;
