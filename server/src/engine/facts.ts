/**
 * The facts a post states that its variants must share (campaign-consistency): prices with
 * their currency, percentages, numbers with units, dates, times of day, links, topics and
 * hashtags, product names from the team's terms, and @handles. Each fact has a `group` (what
 * it is compared within: a unit, a link's site, a topic's name) and a `value` (equal values
 * agree), both normalized across languages and forms: `¥6,999` = `6999 元` = `6,999 RMB`,
 * `3月15日` = `March 15` = `2026-03-15`, `晚 8 点` = `8 pm` = `20:00`.
 *
 * Dates and times in English and Chinese are read with chrono-node (its `en` and `zh.hans`
 * parsers); Chinese dates and times written with spaces (`3 月 15 日`, `晚 8 点`, which
 * zh-spacing asks for) are read by a small pattern first, as chrono reads `晚 8 点` as 8 am.
 * Only what the text states is kept: a weekday alone (`下周一`) is no date.
 * Vocabulary (currencies, units, tracking parameters) is data: data/facts.json.
 */
import type * as Chrono from 'chrono-node';
import { chrono, twitterText } from './lazy';
import vocabulary from './data/facts.json';
import type { PlatformProfile } from './platforms';
import { findHashtags, findMentions } from './social';
import { findUrls } from './text';
import { firstMatch, nextMatch } from './matches';
import type { Reading } from './reading';

export type FactKind = 'price' | 'percent' | 'quantity' | 'date' | 'time' | 'link' | 'hashtag' | 'handle' | 'product';
export const FACT_KINDS: readonly FactKind[] = ['price', 'percent', 'quantity', 'date', 'time', 'link', 'hashtag', 'handle', 'product'];

export interface Fact {
	kind: FactKind;
	/** What the fact is compared within: a unit (`quantity:day`), a link's site, a topic's folded name. */
	group: string;
	/** The normalized value: facts of one group with equal values agree. */
	value: string;
	/** As written in the post. */
	text: string;
	/** Offsets into the text the facts were read from. */
	start: number;
	end: number;
	/** The product (from the team's terms) the fact is about, or ''. */
	anchor: string;
	/** Prices: the ISO 4217 code; dates: the year when written; times: true when am/pm is not known (`8 点`). */
	currency?: string;
	year?: number;
	ambiguous?: boolean;
}

export interface FactOptions {
	platform?: Pick<PlatformProfile, 'hashtag' | 'mention' | 'handle'>;
	/** Product names: each preferred name with its written variants (from the team's terms). */
	products?: readonly { name: string; variants: readonly string[] }[];
	/** The post's reading of `text`: its links and hashtags are found once per post (engine/reading.ts). */
	reading?: Reading;
}

const DOMAIN_LIKE = /[a-z0-9]\.[a-z]{2,}/i;

/** Whether something like a domain (`x.co`) stands outside the links found (sorted, not overlapping). */
export function mayHaveBareDomain(text: string, links: readonly Span[]): boolean {
	let from = 0;
	for (const l of links) {
		if (l.start > from && DOMAIN_LIKE.test(text.slice(from, l.start))) {
			return true;
		}
		from = Math.max(from, l.end);
	}
	return DOMAIN_LIKE.test(from ? text.slice(from) : text);
}

/** Posts longer than this are not read for facts (a campaign variant is a social post, not a book). */
const MAX_FACT_TEXT = 20_000;

const V = vocabulary as {
	currencies: Record<string, { prefix: string[]; suffix: string[] }>; units: Record<string, string[]>; tracking: string[];
	multipliers: Record<string, number>; periods: { pm: string[]; noon: string[] };
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).map(escape).join('|');
const latinEnd = (s: string) => /[A-Za-z]$/.test(s);
const latinStart = (s: string) => /^[A-Za-z]/.test(s);

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const MULT = `(?:\\s?(${alternation(Object.keys(V.multipliers))}))?`;

const prefixOf = new Map<string, string>();
const suffixOf = new Map<string, string>();
for (const [code, c] of Object.entries(V.currencies)) {
	for (const p of c.prefix) {
		prefixOf.set(p.toLowerCase(), code);
	}
	for (const s of c.suffix) {
		suffixOf.set(s.toLowerCase(), code);
	}
}
const PRICE_PREFIX = new RegExp(String.raw`(?<![\p{L}\p{N}])(${alternation([...prefixOf.keys()])})\s?(${NUM})${MULT}`, 'giu');
const PRICE_SUFFIX = new RegExp(String.raw`(?<![\p{N}.,])(${NUM})${MULT}\s?(${alternation([...suffixOf.keys()])})`, 'giu');
const PERCENT = new RegExp(String.raw`(?<![\p{N}.,])(${NUM})\s?(%|％|percent\b|per cent\b)`, 'giu');
const unitOf = new Map<string, string>();
for (const [unit, aliases] of Object.entries(V.units)) {
	for (const a of aliases) {
		unitOf.set(a, unit);
	}
}
const QUANTITY = new RegExp(String.raw`(?<![\p{N}.,])(${NUM})${MULT}\s?(${alternation([...unitOf.keys()])})`, 'gu');
// `3 月 15 日`, `2026年3月15日`, `3月15号`; `晚 8 点`, `晚上8:30`, `下午 3 点半`, `20 时`.
const ZH_DATE = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]/gu;
const ZH_TIME = /(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|晚间|晚|夜里|夜间)?\s*(\d{1,2})(?:\s*[:：]\s*(\d{2})|\s*(?:点|點|时|時)(?:\s*(\d{1,2})\s*分|\s*(半))?)/gu;
const DATE_WORD = /\d{1,2}\s*[/.-]\s*\d{1,2}|月|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d|\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/iu;
const TIME_WORD = /\d\s*(?:am|pm|a\.m\.|p\.m\.|点|點|时|時|o'clock)|\d:\d\d/iu;
const PM = new Set(V.periods.pm);
const NOON = new Set(V.periods.noon);

function toNumber(s: string, mult?: string): number {
	return Number(s.replace(/,/g, '')) * (mult ? V.multipliers[mult] ?? 1 : 1);
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** A link as its target: no scheme, no `www.`, lower-case host, tracking parameters and a trailing `/` set aside. */
export function normalizeLink(raw: string): { site: string; value: string } | undefined {
	let u: URL;
	try {
		u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
	} catch {
		return undefined;
	}
	const host = u.hostname.toLowerCase().replace(/^www\./, '');
	const params = [...u.searchParams].filter(([k]) => !V.tracking.some((t) => (t.endsWith('*') ? k.toLowerCase().startsWith(t.slice(0, -1)) : k.toLowerCase() === t)));
	params.sort(([a], [b]) => a.localeCompare(b));
	const query = params.length ? `?${params.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
	const path = u.pathname.replace(/\/+$/, '');
	const labels = host.split('.');
	// The site: the registrable part (`dell.com.cn`, `example.com`), so an old path on the same site is compared.
	const second = labels.length >= 3 && /^(com|net|org|gov|edu|co|ac)$/.test(labels[labels.length - 2]) ? 3 : 2;
	return { site: labels.slice(-second).join('.'), value: `${host}${path}${query}` };
}

/** A topic or hashtag's name for comparison: full width folded, case folded. */
function tagName(display: string): string {
	return display.normalize('NFKC').replace(/^#|#$/g, '').replace(/\[话题\]$/, '').toLowerCase();
}

interface Span { start: number; end: number }
const overlaps = (a: Span, xs: readonly Span[]) => xs.some((x) => a.start < x.end && x.start < a.end);

/** The facts of one text (a post body as the platform sees it). Offsets are into `text`. */
export function extractFacts(text: string, opts: FactOptions = {}): Fact[] {
	if (text.length > MAX_FACT_TEXT) {
		return [];
	}
	const out: Fact[] = [];
	// Offsets already part of a fact: a mark per UTF-16 unit keeps the overlap test linear overall.
	const covered = new Uint8Array(text.length + 1);
	const taken = {
		push(x: Span) {
			covered.fill(1, x.start, x.end);
		},
	};
	const isTaken = (x: Span) => {
		for (let i = x.start; i < x.end; i++) {
			if (covered[i]) {
				return true;
			}
		}
		return false;
	};
	const add = (f: Omit<Fact, 'anchor'>, block = true) => {
		out.push({ ...f, anchor: '' });
		if (block) {
			taken.push(f);
		}
	};
	// Links first: nothing inside a link is a price, a date or a topic.
	const links: Span[] = [];
	for (const u of findUrls.shared(text, opts.reading)) {
		links.push({ ...u });
	}
	// twitter-text's link finder (the engine's most expensive regular expression) only where a bare
	// domain can be: a link it finds that overlaps one found already is dropped anyway.
	if (mayHaveBareDomain(text, links)) {
		for (const u of twitterText().extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: true })) {
			const s = { start: u.indices[0], end: u.indices[1] };
			if (!overlaps(s, links)) {
				links.push(s);
			}
		}
	}
	for (const l of links) {
		const raw = text.slice(l.start, l.end);
		const n = normalizeLink(raw);
		if (n) {
			add({ kind: 'link', group: n.site, value: n.value, text: raw, start: l.start, end: l.end });
		} else {
			taken.push(l);
		}
	}
	for (const t of findHashtags(text, opts.platform?.hashtag ?? 'any', opts.reading)) {
		if (isTaken(t)) {
			continue;
		}
		const name = tagName(t.display ?? t.text);
		if (name.trim()) {
			add({ kind: 'hashtag', group: name.replace(/\s+/gu, ''), value: name, text: t.text, start: t.start, end: t.end });
		}
	}
	for (const m of findMentions(text, opts.platform, opts.reading)) {
		if (!isTaken(m)) {
			add({ kind: 'handle', group: 'handle', value: m.text.toLowerCase(), text: m.text, start: m.start, end: m.end });
		}
	}
	// Dates and times: Chinese forms with spaces first, then chrono's English and Chinese parsers.
	// Every date, time, price, percentage and quantity pattern below has a digit (`\d`, always ASCII 0-9).
	const digits = /\d/.test(text);
	for (let m = digits ? firstMatch(ZH_DATE, text) : null; m; m = nextMatch(ZH_DATE, text, m)) {
		const s = { start: m.index, end: m.index + m[0].length };
		const month = Number(m[2]);
		const day = Number(m[3]);
		if (!isTaken(s) && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
			add({ kind: 'date', group: 'date', value: `${month}-${day}`, text: m[0], ...s, ...(m[1] ? { year: Number(m[1]) } : {}) });
		}
	}
	for (let m = digits ? firstMatch(ZH_TIME, text) : null; m; m = nextMatch(ZH_TIME, text, m)) {
		const [whole, period, h, colonMin, min, half] = m;
		// `8:30` without a Chinese period word is left to chrono; `14 时` and `晚 8 点` are ours.
		if (colonMin !== undefined && !period) {
			continue;
		}
		const lead = whole.length - whole.trimStart().length;
		const s = { start: m.index + lead, end: m.index + whole.length };
		let hour = Number(h);
		const minute = half ? 30 : Number(colonMin ?? min ?? 0);
		if (isTaken(s) || hour > 24 || minute > 59) {
			continue;
		}
		if (period && PM.has(period) && hour < 12) {
			hour += 12;
		} else if (period && NOON.has(period) && hour < 11) {
			hour += 12;
		}
		add({ kind: 'time', group: 'time', value: clock(hour % 24, minute), text: whole.trimStart(), ...s, ...(!period && hour <= 12 ? { ambiguous: true } : {}) });
	}
	for (const r of chronoResults(text)) {
		{
			const s = { start: r.index, end: r.index + r.text.length };
			if (isTaken(s) || !/\d|月/u.test(r.text)) {
				continue;
			}
			const c = r.start;
			// Stated, not computed: `in 14 days` and `tomorrow` are no dates, `at 8` alone no time.
			const hasDate = c.isCertain('month') && c.isCertain('day') && DATE_WORD.test(r.text);
			const hasTime = c.isCertain('hour') && TIME_WORD.test(r.text);
			if (hasDate) {
				add({ kind: 'date', group: 'date', value: `${c.get('month')}-${c.get('day')}`, text: r.text, ...s, ...(c.isCertain('year') ? { year: c.get('year')! } : {}) }, !hasTime);
			}
			if (hasTime) {
				const hour = c.get('hour')!;
				const minute = c.isCertain('minute') ? c.get('minute')! : 0;
				const known = c.isCertain('meridiem') || hour > 12 || hour === 0 || /(?:^|\D)0\d:\d\d/.test(r.text);
				add({ kind: 'time', group: 'time', value: clock(hour, minute), text: r.text, ...s, ...(known ? {} : { ambiguous: true }) });
			}
		}
	}
	for (let m = digits ? firstMatch(PRICE_PREFIX, text) : null; m; m = nextMatch(PRICE_PREFIX, text, m)) {
		const s = { start: m.index, end: m.index + m[0].length };
		const code = prefixOf.get(m[1].toLowerCase());
		if (code && !isTaken(s) && !(latinEnd(m[1]) && /^[A-Za-z]/.test(text.slice(s.end)))) {
			add({ kind: 'price', group: 'price', value: `${code} ${fmt(toNumber(m[2], m[3]))}`, currency: code, text: m[0], ...s });
		}
	}
	for (let m = digits ? firstMatch(PRICE_SUFFIX, text) : null; m; m = nextMatch(PRICE_SUFFIX, text, m)) {
		const s = { start: m.index, end: m.index + m[0].length };
		const code = suffixOf.get(m[3].toLowerCase());
		if (code && !isTaken(s) && !(latinEnd(m[3]) && /^[A-Za-z]/.test(text.slice(s.end)))) {
			add({ kind: 'price', group: 'price', value: `${code} ${fmt(toNumber(m[1], m[2]))}`, currency: code, text: m[0], ...s });
		}
	}
	for (let m = digits ? firstMatch(PERCENT, text) : null; m; m = nextMatch(PERCENT, text, m)) {
		const s = { start: m.index, end: m.index + m[0].length };
		if (!isTaken(s)) {
			add({ kind: 'percent', group: 'percent', value: fmt(toNumber(m[1])), text: m[0], ...s });
		}
	}
	for (let m = digits ? firstMatch(QUANTITY, text) : null; m; m = nextMatch(QUANTITY, text, m)) {
		const s = { start: m.index, end: m.index + m[0].length };
		const alias = m[3];
		// A Latin unit is a word of its own: `14 days`, `14-day`, not `14 dayspring` or `5 hours`'s `h`.
		if (isTaken(s) || (latinEnd(alias) && /^[\p{L}\p{N}]/u.test(text.slice(s.end))) || (latinStart(alias) && /[A-Za-z]$/.test(m[1]))) {
			continue;
		}
		const unit = unitOf.get(alias)!;
		add({ kind: 'quantity', group: `quantity:${unit}`, value: fmt(toNumber(m[1], m[2])), text: m[0], ...s });
	}
	// Product names from the team's terms, and which product each number is about.
	const products = findProducts(text, opts.products ?? []);
	for (const p of products) {
		out.push({ kind: 'product', group: 'product', value: p.name, text: text.slice(p.start, p.end), start: p.start, end: p.end, anchor: '' });
	}
	const names = new Set(products.map((p) => p.name));
	const only = names.size === 1 ? [...names][0] : '';
	for (const f of out) {
		if (f.kind === 'price' || f.kind === 'percent' || f.kind === 'quantity' || f.kind === 'date' || f.kind === 'time') {
			f.anchor = anchorOf(text, f, products) ?? only;
		}
	}
	return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

// Where a date or time may be written: chrono runs only on short windows around these, so its
// cost stays linear (on a long run of digits its parsers take quadratic time).
const CUE = /\d{1,2}\s*[:：]\s*\d{2}|\d\s*(?:am|pm|a\.m\.|p\.m\.|o'clock)|\d\s*[/.-]\s*\d|[\d一二三四五六七八九十]\s*月|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d|\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d\s*(?:点|點|时|時)/giu;
const REACH = 40;
// A window is short and a post has few: a post is no calendar (dates past the 30th window are not read).
const MAX_WINDOW = 300;
const MAX_WINDOWS = 30;

/** chrono's English and Chinese readings of the text, on windows around date and time cues (offsets into `text`). */
function chronoResults(text: string): { index: number; text: string; start: Chrono.ParsedComponents }[] {
	const windows: { start: number; end: number }[] = [];
	for (let m = firstMatch(CUE, text); m; m = nextMatch(CUE, text, m)) {
		let start = Math.max(0, m.index - REACH);
		let end = Math.min(text.length, m.index + m[0].length + REACH);
		// Widen to white space or punctuation, so no word is cut in half (within a few characters).
		for (let k = 0; k < 12 && start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1]); k++) {
			start--;
		}
		for (let k = 0; k < 12 && end < text.length && /[\p{L}\p{N}]/u.test(text[end]); k++) {
			end++;
		}
		const last = windows[windows.length - 1];
		if (last && start <= last.end && end - last.start <= MAX_WINDOW) {
			last.end = Math.max(last.end, end);
		} else if (windows.length < MAX_WINDOWS) {
			windows.push({ start, end });
		}
	}
	const ref = new Date(2026, 0, 1);
	const out: { index: number; text: string; start: Chrono.ParsedComponents }[] = [];
	for (const w of windows) {
		const part = text.slice(w.start, w.end);
		for (const r of [...chrono().en.parse(part, ref), ...chrono().zh.hans.parse(part, ref)]) {
			out.push({ index: w.start + r.index, text: r.text, start: r.start });
		}
	}
	return out;
}

function clock(h: number, m: number): string {
	return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

const SENTENCE_END = /[。！？!?；;\n]|\.(?:\s|$)/u;

/** The product named last before the fact in its sentence. */
function anchorOf(text: string, f: Span, products: readonly { name: string; start: number; end: number }[]): string | undefined {
	let best: { name: string; start: number } | undefined;
	for (const p of products) {
		if (p.end <= f.start && !SENTENCE_END.test(text.slice(p.end, f.start)) && (!best || p.start > best.start)) {
			best = p;
		}
	}
	return best?.name;
}

function findProducts(text: string, products: readonly { name: string; variants: readonly string[] }[]): { name: string; start: number; end: number }[] {
	const out: { name: string; start: number; end: number }[] = [];
	const lower = text.toLowerCase();
	for (const p of products) {
		for (const v of [p.name, ...p.variants]) {
			const needle = v.toLowerCase();
			if (!needle) {
				continue;
			}
			for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length)) {
				const before = text[i - 1] ?? '';
				const after = text[i + needle.length] ?? '';
				const word = /[A-Za-z0-9]/;
				if ((word.test(needle[0]) && word.test(before)) || (word.test(needle[needle.length - 1]) && word.test(after))) {
					continue;
				}
				const s = { start: i, end: i + needle.length };
				if (!overlaps(s, out)) {
					out.push({ name: p.name, ...s });
				}
			}
		}
	}
	return out.sort((a, b) => a.start - b.start);
}
