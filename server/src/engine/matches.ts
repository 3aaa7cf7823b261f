/** Looping over a global regular expression's matches without `matchAll`'s copies (per-post hot paths). */

/**
 * The matches of the global `re` in `text`, as `matchAll` gives them, without its copy of the
 * regular expression and its iterator (this runs for every post): `for (let m = firstMatch(re, t);
 * m; m = nextMatch(re, t, m))`. `re` must be the caller's own and no loop body may use it
 * again: the loop shares its lastIndex.
 */
export function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
	re.lastIndex = 0;
	return re.exec(text);
}

export function nextMatch(re: RegExp, text: string, m: RegExpExecArray): RegExpExecArray | null {
	if (!m[0].length) {
		re.lastIndex = m.index + (re.unicode && (text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
	}
	return re.exec(text);
}
