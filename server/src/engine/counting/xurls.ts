/** Links as X finds them (twitter-text's `extractUrlsWithIndices`), run only where one can be. */
import { twitterText } from '../lazy';
import { readingOf, type Reading } from '../reading';
import type { Span } from '../text';

/**
 * Every link twitter-text finds has a domain (its regexp/validDomain): a name that ends in "."
 * followed directly by a top-level domain from validGTLD, validCCTLD or validPunycode (`xn--…`),
 * and every one of those begins with an ASCII letter or a character past U+007F
 * (test/engine/xurls.test.ts reads the lists of the installed package to hold this). A text
 * without such a "." has no link to find, and the engine's most expensive regular expression
 * need not run over it (most posts: "1.5", "Hi. Then", no dot at all).
 */
const TLD_AFTER_DOT = /\.[A-Za-z\u0080-\uffff]/;

/** False when twitter-text can find no link in `text` (see TLD_AFTER_DOT). */
export function mayHoldXUrl(text: string): boolean {
	return TLD_AFTER_DOT.test(text);
}

/** URLs as X finds them, sorted by start (the reading's, read-only: callers never change it). */
export function xUrls(text: string, r?: Reading): readonly Span[] {
	return readingOf(text, r).get('x.urls', () => (mayHoldXUrl(text)
		? twitterText().extractUrlsWithIndices(text).map((u) => ({ start: u.indices[0], end: u.indices[1], text: u.url })).sort((a, b) => a.start - b.start)
		: []));
}
