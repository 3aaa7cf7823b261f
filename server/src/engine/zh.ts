/**
 * Character classes and context shared by the Chinese typography rules (zh-spacing,
 * zh-punctuation). Pure functions over UTF-16 offsets.
 */
import { findProtected, sharedProtected, spanAt, type ProtectedKind, type ProtectedSpan } from './protected';

/** A Chinese, Japanese or Korean letter. */
export const CJK_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
/**
 * Full-width punctuation that never takes a space beside it: CJK symbols and punctuation
 * (U+3001–U+303F) and the full-width forms block without its letters and digits. Curly quotes,
 * dashes and the ellipsis are shared with English typography and are not in this class.
 */
export const FW_PUNCT = /[\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;
/** Chinese context marks: full-width punctuation plus the curly quotes, ellipsis and dash used in Chinese. */
const ZH_MARK = /[\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2026\u2014]/u;
/** A Latin letter (not a full-width form) or an ASCII digit. */
const LATIN = /[0-9\p{Script=Latin}]/u;
const FW_FORM = /[\uff00-\uffef]/u;

export type CharClass = 'cjk' | 'latin' | 'fwpunct' | 'space' | 'newline' | 'other';

export function classOf(ch: string): CharClass {
	// A BMP character's class is looked up (computed once by classify); the rest are classified each time.
	return ch.length === 1 ? classOfUnit(ch.charCodeAt(0)) : classify(ch);
}

/** classOf of one UTF-16 code unit, from the table. */
function classOfUnit(c: number): CharClass {
	return CLASSES[classIndexOfUnit(c)];
}

/** classOfUnit as an index into CLASSES. */
function classIndexOfUnit(c: number): number {
	let k = CLASS_OF_UNIT[c];
	if (k === 0) {
		k = CLASS_OF_UNIT[c] = CLASSES.indexOf(classify(String.fromCharCode(c))) + 1;
	}
	return k - 1;
}

const CLASSES: readonly CharClass[] = ['cjk', 'latin', 'fwpunct', 'space', 'newline', 'other'];
/** classOf per UTF-16 code unit: 0 = not yet known, else 1 + the index in CLASSES. */
const CLASS_OF_UNIT = new Uint8Array(0x10000);

/** classOf without the table: the reference for tests. */
export function classify(ch: string): CharClass {
	if (ch === ' ' || ch === '\t') {
		return 'space';
	}
	if (ch === '\n' || ch === '\r') {
		return 'newline';
	}
	if (CJK_LETTER.test(ch)) {
		return 'cjk';
	}
	if (FW_PUNCT.test(ch)) {
		return 'fwpunct';
	}
	if (LATIN.test(ch) && !FW_FORM.test(ch)) {
		return 'latin';
	}
	return 'other';
}

export function isZhLocale(locale: string | undefined): boolean {
	return !!locale && /^zh(?:[-_]|$)/i.test(locale);
}

/** The rule option `exceptions` as a list of strings (anything else is dropped). */
export function stringList(v: unknown): string[] {
	return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
}

/**
 * Kinds whose edges read as Latin text for spacing: `在 LeanCloud 上`, `围绕 \`AVObject\` 进行`, `花了 5000 元`,
 * `来自 Yahoo! 的`, `前面 vs. 后面`, `有 100+ 的选择`: the whole word is Latin text, its last mark included.
 */
const LATIN_EDGED: ReadonlySet<ProtectedKind> = new Set(['code', 'url', 'email', 'number', 'abbreviation', 'name', 'word']);
/** Kinds a following space may end (a link, a mention or a hashtag needs it to stop). */
export const TERMINATED: ReadonlySet<ProtectedKind> = new Set(['url', 'email', 'mention', 'hashtag', 'topic', 'link']);

/** Kinds a space before may have to separate from what precedes (`#a #b#` is not `#a#b#`). */
export const SEPARATED: ReadonlySet<ProtectedKind> = new Set(['hashtag', 'topic']);

/** One unit of text: a protected span, or one code point outside them. */
export interface Atom {
	start: number;
	end: number;
	/** Class of its first and last character, as spacing sees them. */
	left: CharClass;
	right: CharClass;
	span?: ProtectedSpan;
}

export class ZhText {
	readonly spans: ProtectedSpan[];
	/**
	 * The atoms — a protected span, or one character — in columns (no object per character):
	 * atom `n` runs from `starts[n]` to `ends[n]`; `lefts[n]` and `rights[n]` are the classes of its
	 * first and last character (indices into CLASSES, see `classAt`); `spanOf[n]` is its span's
	 * index in `spans`, or -1.
	 */
	readonly count: number;
	readonly starts: Int32Array;
	readonly ends: Int32Array;
	readonly lefts: Uint8Array;
	readonly rights: Uint8Array;
	readonly spanOf: Int32Array;
	private objects?: Atom[];

	constructor(readonly text: string, exceptions: readonly string[] = [], spans: ProtectedSpan[] = findProtected(text, { exceptions })) {
		this.spans = spans;
		const size = text.length;
		// One buffer for the five columns (an ArrayBuffer is costly to make; a view of one is not).
		const buffer = new ArrayBuffer(size * 14);
		const starts = this.starts = new Int32Array(buffer, 0, size);
		const ends = this.ends = new Int32Array(buffer, size * 4, size);
		const spanOf = this.spanOf = new Int32Array(buffer, size * 8, size);
		const lefts = this.lefts = new Uint8Array(buffer, size * 12, size);
		const rights = this.rights = new Uint8Array(buffer, size * 13, size);
		let n = 0;
		let i = 0;
		let k = 0;
		while (i < text.length) {
			const s = this.spans[k];
			if (s && s.start === i) {
				// A link or address reads as Latin at an edge that is a letter, a digit or a slash
				// (`访问 https://example.com/ 了解`), not at one like the `#` of `…/A6x#话题#`.
				const edge = (ch: string): CharClass => (s.kind === 'exception' || s.kind === 'reply' ? classOf(ch)
					: !LATIN_EDGED.has(s.kind) ? 'other'
						: (s.kind === 'url' || s.kind === 'email') && !/[A-Za-z0-9/]/.test(ch) ? 'other' : 'latin');
				const lastCp = String.fromCodePoint(text.codePointAt(cpBefore(text, s.end))!);
				starts[n] = s.start;
				ends[n] = s.end;
				lefts[n] = CLASSES.indexOf(edge(String.fromCodePoint(text.codePointAt(s.start)!)));
				rights[n] = CLASSES.indexOf(edge(lastCp));
				spanOf[n++] = k;
				i = s.end;
				k++;
				continue;
			}
			const cp = text.codePointAt(i)!;
			const len = cp > 0xffff ? 2 : 1;
			const c = len === 1 ? classIndexOfUnit(cp) : CLASSES.indexOf(classify(String.fromCodePoint(cp)));
			starts[n] = i;
			ends[n] = i + len;
			lefts[n] = c;
			rights[n] = c;
			spanOf[n++] = -1;
			i += len;
		}
		this.count = n;
	}

	/** A class index of `lefts` or `rights` as its name. */
	static classAt(index: number): CharClass {
		return CLASSES[index];
	}

	/** The index a class has in `lefts` and `rights`. */
	static classIndex(c: CharClass): number {
		return CLASSES.indexOf(c);
	}

	/** The atoms as objects (made on first use: the rules read the columns). */
	get atoms(): Atom[] {
		if (!this.objects) {
			this.objects = [];
			for (let n = 0; n < this.count; n++) {
				const span = this.spanOf[n] >= 0 ? this.spans[this.spanOf[n]] : undefined;
				this.objects.push({ start: this.starts[n], end: this.ends[n], left: CLASSES[this.lefts[n]], right: CLASSES[this.rights[n]], ...(span ? { span } : {}) });
			}
		}
		return this.objects;
	}

	/** The protected span holding offset `i`, if any. */
	spanAt(i: number): ProtectedSpan | undefined {
		return spanAt(this.spans, i);
	}

	/** Index of the atom that starts at or holds offset `i`. */
	atomIndex(i: number): number {
		let lo = 0;
		let hi = this.count - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (i < this.starts[mid]) {
				hi = mid - 1;
			} else if (i >= this.ends[mid]) {
				lo = mid + 1;
			} else {
				return mid;
			}
		}
		return -1;
	}
}

/** The post body's ZhText with these exceptions, built once per post (zh-spacing and zh-punctuation share it). */
export function sharedZhText(ctx: { text: string; config?: { extra: Record<string, unknown> }; shared<T>(key: string, compute: () => T): T }, exceptions: readonly string[]): ZhText {
	return ctx.shared(exceptions.length ? `zh.ZhText ${JSON.stringify(exceptions)}` : 'zh.ZhText []', () => new ZhText(ctx.text, exceptions, sharedProtected(ctx, exceptions)));
}

/** True for a character that marks Chinese context: a CJK letter or Chinese punctuation. */
export function isZhChar(ch: string): boolean {
	return CJK_LETTER.test(ch) || ZH_MARK.test(ch);
}

/** Start of the code point that ends at `i`. */
export function cpBefore(text: string, i: number): number {
	return i >= 2 && (text.charCodeAt(i - 1) & 0xfc00) === 0xdc00 && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800 ? i - 2 : Math.max(0, i - 1);
}

/** End of the code point that starts at `i`. */
export function cpAfter(text: string, i: number): number {
	const cp = text.codePointAt(i);
	return cp === undefined ? i : i + (cp > 0xffff ? 2 : 1);
}
