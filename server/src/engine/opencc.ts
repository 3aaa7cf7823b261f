/**
 * OpenCC's data for zh-script (opencc-js): dictionaries required on first use, converters and key
 * tries built on first use per chain, the single-character keys of a chain, and the Simplified →
 * Traditional character map. Nothing about a post is kept here.
 */
export type Converter = (text: string) => string;

// Literal requires so the bundler includes exactly these files and evaluates each one only
// when it is first required (esbuild wraps required ES modules in lazy initializers).
/* eslint-disable @typescript-eslint/no-require-imports */
const DICTS: Record<string, () => { default: string }> = {
	STCharacters: () => require('opencc-js/dict/STCharacters'),
	STPhrases: () => require('opencc-js/dict/STPhrases'),
	TSCharacters: () => require('opencc-js/dict/TSCharacters'),
	TSPhrases: () => require('opencc-js/dict/TSPhrases'),
	TWPhrases: () => require('opencc-js/dict/TWPhrases'),
	TWPhrasesRev: () => require('opencc-js/dict/TWPhrasesRev'),
	TWVariants: () => require('opencc-js/dict/TWVariants'),
	TWVariantsPhrases: () => require('opencc-js/dict/TWVariantsPhrases'),
	TWVariantsRev: () => require('opencc-js/dict/TWVariantsRev'),
	TWVariantsRevPhrases: () => require('opencc-js/dict/TWVariantsRevPhrases'),
	HKPhrases: () => require('opencc-js/dict/HKPhrases'),
	HKPhrasesRev: () => require('opencc-js/dict/HKPhrasesRev'),
	HKVariants: () => require('opencc-js/dict/HKVariants'),
	HKVariantsPhrases: () => require('opencc-js/dict/HKVariantsPhrases'),
	HKVariantsRev: () => require('opencc-js/dict/HKVariantsRev'),
	HKVariantsRevPhrases: () => require('opencc-js/dict/HKVariantsRevPhrases'),
};

interface OpenCCTrie {
	loadDict(d: string): void;
	matchPrefix(text: string, offset: number): { end: number; value: string } | null;
}
interface OpenCCCore {
	ConverterFactory(...groups: string[][][]): Converter;
	Trie: new () => OpenCCTrie;
}
const loadCore = (): OpenCCCore => require('opencc-js/core');
/* eslint-enable @typescript-eslint/no-require-imports */

// What has been loaded: converters by chain, dictionaries by name. `scriptDataLoaded` lets a
// test prove that a post without Han characters costs nothing.
const converters = new Map<string, Converter>();
const dictText = new Map<string, string>();
let charMaps: { st: Map<string, string> } | undefined;

export function dict(name: string): string {
	let d = dictText.get(name);
	if (d === undefined) {
		const load = DICTS[name];
		if (!load) {
			throw new Error(`zh-script: unknown OpenCC dictionary ${name}`);
		}
		d = load().default;
		dictText.set(name, d);
	}
	return d;
}


export function converter(chain: string[][]): Converter {
	const key = JSON.stringify(chain);
	let c = converters.get(key);
	if (!c) {
		c = loadCore().ConverterFactory(...chain.map((group) => [group.map(dict)]));
		converters.set(key, c);
	}
	return c;
}

/** A converter of `chain`, built when it first converts something. */
export function lazyConverter(chain: string[][]): Converter {
	let c: Converter | undefined;
	return (text) => (c ??= converter(chain))(text);
}

const keysByChain = new Map<string, Set<string>>();

/**
 * The keys of one code point in the dictionaries of `chain`. A character that none of them lists
 * is what the chain's conversion of that character alone gives back (every group maps only its keys).
 */
export function keysAlone(chain: string[][]): Set<string> {
	const key = JSON.stringify(chain);
	let keys = keysByChain.get(key);
	if (!keys) {
		keys = new Set();
		for (const name of chain.flat()) {
			for (const entry of dict(name).split('|')) {
				const sp = entry.indexOf(' ');
				const k = sp < 0 ? entry : entry.slice(0, sp);
				if (k.length === 1 || (k.length === 2 && k.codePointAt(0)! > 0xffff)) {
					keys.add(k);
				}
			}
		}
		keysByChain.set(key, keys);
	}
	return keys;
}

const tries = new Map<string, OpenCCTrie>();

/** A trie of every key of the dictionaries in `chain`: it finds the phrases a conversion would replace. */
export function keyTrie(chain: string[][]): OpenCCTrie {
	const key = JSON.stringify(chain);
	let t = tries.get(key);
	if (!t) {
		const core = loadCore();
		t = new core.Trie();
		for (const name of chain.flat()) {
			t.loadDict(dict(name));
		}
		tries.set(key, t);
	}
	return t;
}

/** Simplified → Traditional, one character at a time (first candidate only). */
export function stMap(): Map<string, string> {
	if (!charMaps) {
		// Each entry is `key first-candidate [other candidates]`; a later entry of the same key wins (as a Map built from pairs).
		const st = new Map<string, string>();
		for (const entry of dict('STCharacters').split('|')) {
			const sp = entry.indexOf(' ');
			if (sp < 0) {
				st.set(entry, undefined as unknown as string);
				continue;
			}
			const sp2 = entry.indexOf(' ', sp + 1);
			st.set(entry.slice(0, sp), entry.slice(sp + 1, sp2 < 0 ? undefined : sp2));
		}
		charMaps = { st };
	}
	return charMaps.st;
}

/** The names of the dictionaries loaded so far (for tests and the bench). */
export function scriptDataLoaded(): string[] {
	return [...dictText.keys()];
}

/** Forgets every loaded dictionary and converter (tests: see script.ts resetScriptData). */
export function resetOpenCC(): void {
	converters.clear();
	tries.clear();
	keysByChain.clear();
	dictText.clear();
	charMaps = undefined;
}
