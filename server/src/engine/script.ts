/**
 * Simplified / Traditional analysis for the zh-script rule, on OpenCC's dictionaries
 * (npm opencc-js). The dictionaries are large (STPhrases alone is 1 MB), so nothing here
 * runs at startup: a dictionary is required and built into a converter the first time a
 * post needs it, and a post without Han characters never asks. What each locale expects is
 * data: data/zh-script.json.
 *
 * A character is flagged only when it is distinctive of the other script AND converting the
 * post's text in context changes it, so characters written the same in both scripts (and
 * characters OpenCC's phrase tables resolve, like 干 in 干擾) are never flagged.
 */
import data from './data/zh-script.json';
import { HAN } from './text';
import { flagsOf, HAN as HAN_FLAG } from './charflags';
import { keyTrie, keysAlone, lazyConverter, resetOpenCC, stMap, type Converter } from './opencc';

export { keysAlone, scriptDataLoaded } from './opencc';

export type Script = 'simplified' | 'traditional';
export type RegionId = 'cn' | 'tw' | 'hk';

interface RegionSpec {
	script: Script;
	name: { en: string; 'zh-cn': string };
	toSimplified?: string[][];
	toExpected: string[][];
	regional: string[][];
	legalBasis: boolean;
}

const REGIONS = data.regions as unknown as Record<RegionId, RegionSpec>;
const LOCALES = data.locales as Record<string, RegionId>;
const SHARED = new Set(Array.from(data.shared.characters));

/** The region whose script a locale expects, or undefined for non-Chinese locales. */
export function regionOf(locale: string): RegionId | undefined {
	// Every rule and target asks for the same few locales: each is read once.
	if (!regionByLocale.has(locale)) {
		if (regionByLocale.size >= 256) {
			regionByLocale.clear();
		}
		regionByLocale.set(locale, readRegion(locale));
	}
	return regionByLocale.get(locale);
}

const regionByLocale = new Map<string, RegionId | undefined>();

function readRegion(locale: string): RegionId | undefined {
	const parts = locale.toLowerCase().replace(/_/g, '-').split('-');
	if (parts[0] !== 'zh') {
		return undefined;
	}
	// zh-Hant-HK: the region decides before the script; zh alone is the mainland.
	const region = parts.slice(1).find((p) => p.length === 2 && LOCALES[`zh-${p}`]);
	const script = parts.slice(1).find((p) => p.length === 4 && LOCALES[`zh-${p}`]);
	return LOCALES[`zh-${region ?? script}`] ?? (parts.length === 1 ? LOCALES.zh : undefined);
}

export function regionSpec(r: RegionId): RegionSpec {
	return REGIONS[r];
}

/** Whether a region's Traditional→Simplified conversion changes a character (one character converted alone), by region. */
const changedBy = new Map<RegionId, { byChar: Map<string, boolean>; bmp: Uint8Array }>();
const KNOWN = 1;
const SIMPLIFIED = 2;
const TRADITIONAL = 4;

/** Forgets every loaded dictionary and converter, and what was worked out with them (tests). */
export function resetScriptData(): void {
	resetOpenCC();
	changedBy.clear();
}

/** The cheap pre-check: only text with Han characters can be in the wrong script. */
export function mayNeedScriptCheck(text: string): boolean {
	return HAN.test(text);
}

export interface ScriptSpan {
	start: number;
	end: number;
	/** 'script': characters of the other script; 'regional': the right script, another region's form. */
	kind: 'script' | 'regional';
	text: string;
	replacement: string;
}

export interface ScriptAnalysis {
	region: RegionId;
	expected: Script;
	spans: ScriptSpan[];
	/** Characters distinctive of the expected script and of the other one (outside skipped ranges). */
	expectedCount: number;
	otherCount: number;
}

interface Cp {
	ch: string;
	start: number;
	end: number;
}

function codePoints(text: string, start: number): Cp[] {
	const out: Cp[] = [];
	let i = start;
	for (const ch of text) {
		out.push({ ch, start: i, end: i + ch.length });
		i += ch.length;
	}
	return out;
}

/** Maximal runs of Han characters (OpenCC's phrases never cross other characters that matter here), as `/\p{Script=Han}+/gu` finds them. */
export function hanRuns(text: string): { start: number; text: string }[] {
	const out: { start: number; text: string }[] = [];
	let i = 0;
	while (i < text.length) {
		const cp = text.codePointAt(i)!;
		if (!(flagsOf(cp) & HAN_FLAG)) {
			i += cp > 0xffff ? 2 : 1;
			continue;
		}
		const start = i;
		for (let x = cp; i < text.length && flagsOf(x) & HAN_FLAG; x = text.codePointAt(i) ?? 0) {
			i += x > 0xffff ? 2 : 1;
		}
		out.push({ start, text: text.slice(start, i) });
	}
	return out;
}

/** Per code point of `run`, the converted character, or undefined where the conversion is not aligned. */
function aligned(run: string, conv: Converter): string[] | undefined {
	const out = Array.from(conv(run));
	return out.length === Array.from(run).length ? out : undefined;
}

/**
 * Finds the spans of `text` in the wrong script (or the wrong region's form) for `region`.
 * `skip(start, end)` says whether a character must be left alone (mentions, allowed names).
 */
export function analyzeScript(text: string, region: RegionId, skip: (start: number, end: number) => boolean): ScriptAnalysis {
	const spec = REGIONS[region];
	// The converters are built on first use (building one is most of a first check's cost): a post
	// whose characters no dictionary lists as a key needs none.
	const toExpected = lazyConverter(spec.toExpected);
	const st = stMap();
	const simplifiedChain = spec.script === 'traditional' ? spec.toSimplified! : spec.toExpected;
	const toSimplified = spec.script === 'traditional' ? lazyConverter(simplifiedChain) : toExpected;
	const alone = keysAlone(simplifiedChain);
	const regional = spec.regional.length ? lazyConverter(spec.regional) : undefined;
	// A character is distinctively Simplified when OpenCC turns it into another character and
	// it is not also standard in Traditional text; distinctively Traditional when the
	// character-level Traditional→Simplified conversion changes it.
	const isSimplified = (ch: string) => { const t = st.get(ch); return t !== undefined && t !== ch && !SHARED.has(ch); };
	// toSimplified on one character is a whole OpenCC conversion: remembered per converter and character.
	let changes = changedBy.get(region);
	if (!changes) {
		changes = { byChar: new Map(), bmp: new Uint8Array(0x10000) };
		changedBy.set(region, changes);
	}
	const changed = changes.byChar;
	const isTraditional = (ch: string) => {
		let c = changed.get(ch);
		if (c === undefined) {
			// A character no dictionary of the chain lists as a key is left as it is.
			c = alone.has(ch) && toSimplified(ch) !== ch;
			changed.set(ch, c);
		}
		return c && !isSimplified(ch);
	};
	// Both answers for a character of the Basic Multilingual Plane, worked out once per converter
	// (KNOWN | SIMPLIFIED | TRADITIONAL bits), so a character is one table read, not two map lookups.
	const bmp = changes.bmp;
	const classOf = (cp: number, ch: string): number => {
		let v = cp <= 0xffff ? bmp[cp] : 0;
		if (v === 0) {
			v = KNOWN | (isSimplified(ch) ? SIMPLIFIED : 0) | (isTraditional(ch) ? TRADITIONAL : 0);
			if (cp <= 0xffff) {
				bmp[cp] = v;
			}
		}
		return v;
	};

	const flags: { cp: Cp; kind: ScriptSpan['kind']; to: string; run: number }[] = [];
	const regionalSpans: ScriptSpan[] = [];
	let distinctive = 0;
	const isExpected = spec.script === 'simplified' ? isSimplified : isTraditional;
	const expectedBit = spec.script === 'simplified' ? SIMPLIFIED : TRADITIONAL;
	for (const run of hanRuns(text)) {
		if (spec.script === 'simplified') {
			// One walk of the run's code points, no object per character: count the distinctive
			// ones, flag the Traditional ones. The run is converted only when it holds a character
			// to flag (most runs hold none).
			const rt = run.text;
			let conv: string[] | undefined | null = null;
			for (let i = 0, k = 0; i < rt.length; k++) {
				const cp = rt.codePointAt(i)!;
				const len = cp > 0xffff ? 2 : 1;
				const v = cp <= 0xffff && bmp[cp] !== 0 ? bmp[cp] : classOf(cp, rt.slice(i, i + len));
				const start = run.start + i;
				if (v & (expectedBit | TRADITIONAL) && !skip(start, start + len)) {
					if (v & expectedBit) {
						distinctive++;
					}
					if (v & TRADITIONAL) {
						const ch = rt.slice(i, i + len);
						if (conv === null) {
							conv = aligned(rt, toExpected);
						}
						const to = conv ? conv[k] : toExpected(ch);
						if (to !== ch) {
							flags.push({ cp: { ch, start, end: start + len }, kind: 'script', to, run: run.start });
						}
					}
				}
				i += len;
			}
			continue;
		}
		const cps = codePoints(run.text, run.start);
		for (const c of cps) {
			if (skip(c.start, c.end)) {
				continue;
			}
			if (isExpected(c.ch)) {
				distinctive++;
			}
		}
		// Traditional: convert the run to Simplified and back, so OpenCC's phrases give each
		// character its context (头发 → 頭髮, 干擾 stays 干擾); the regional tables then give
		// the region's own forms (軟件 → 軟體).
		const round = aligned(run.text, (s) => toExpected(toSimplified(s)));
		const flagged = new Set<number>();
		cps.forEach((c, i) => {
			const to = round ? round[i] : toExpected(c.ch);
			if (!skip(c.start, c.end) && isSimplified(c.ch) && to !== c.ch) {
				flags.push({ cp: c, kind: 'script', to, run: run.start });
				flagged.add(c.start);
			}
		});
		if (regional) {
			// Regional usage is a matter of words: each phrase or variant the region's tables
			// know is one span (智能 → 智慧, not 能 → 慧).
			const trie = keyTrie(spec.regional);
			for (let i = 0; i < run.text.length;) {
				const m = trie.matchPrefix(run.text, i);
				if (!m) {
					i += run.text.codePointAt(i)! > 0xffff ? 2 : 1;
					continue;
				}
				const word = run.text.slice(i, m.end);
				const start = run.start + i;
				const end = run.start + m.end;
				const to = regional(word);
				let clean = !skip(start, end);
				for (let k = start; k < end && clean; k++) {
					clean = !flagged.has(k);
				}
				if (to !== word && clean) {
					regionalSpans.push({ start, end, kind: 'regional', text: word, replacement: to });
				}
				i = m.end;
			}
		}
	}

	// Merge characters of the same kind into one span when only characters written the same
	// in both scripts stand between them in the same run of Han characters (们的新产品 is one
	// span, not three); the characters between are kept as they are.
	const spans: (ScriptSpan & { run: number })[] = [];
	for (const f of flags) {
		const last = spans[spans.length - 1];
		const gap = last && last.run === f.run && last.kind === f.kind ? text.slice(last.end, f.cp.start) : undefined;
		if (gap !== undefined && Array.from(gap).every((ch) => !isExpected(ch) && !skip(last.end, f.cp.start))) {
			last.end = f.cp.end;
			last.text += gap + f.cp.ch;
			last.replacement += gap + f.to;
		} else {
			spans.push({ start: f.cp.start, end: f.cp.end, kind: f.kind, text: f.cp.ch, replacement: f.to, run: f.run });
		}
	}
	return {
		region,
		expected: spec.script,
		spans: [...spans.map(({ run: _run, ...s }) => s), ...regionalSpans].filter((s) => s.replacement !== s.text).sort((a, b) => a.start - b.start),
		expectedCount: distinctive,
		otherCount: flags.filter((f) => f.kind === 'script').length,
	};
}
