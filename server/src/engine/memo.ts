/**
 * Memo tables: `memo1` for one key (a post's reading, a target's field texts), `memo2` keyed by an
 * object (a resolved config, a rule) and a value: what is compiled once per configuration lives
 * there, and goes when the object does (WeakMap).
 */

/** A Map or a WeakMap. */
interface Table<K, V> {
	get(key: K): V | undefined;
	has(key: K): boolean;
	set(key: K, value: V): unknown;
}

/** The value for `key` in `table`, made by `make` the first time it is asked for (undefined is a value too). */
export function memo1<K, V>(table: Table<K, V>, key: K, make: () => V): V {
	const v = table.get(key);
	if (v !== undefined || table.has(key)) {
		return v as V;
	}
	const value = make();
	table.set(key, value);
	return value;
}

/**
 * The value already made for (`outer`, `inner`), else undefined: `peek2(t, o, i) ?? memo2(t, o, i, () => …)`
 * makes no closure on a hot path's hits (for tables whose values are never undefined).
 */
export function peek2<O extends object, I, V>(table: WeakMap<O, Map<I, V>>, outer: O, inner: I): V | undefined {
	return table.get(outer)?.get(inner);
}

/** The value for (`outer`, `inner`) in `table`, made by `make` the first time it is asked for. */
export function memo2<O extends object, I, V>(table: WeakMap<O, Map<I, V>>, outer: O, inner: I, make: () => V): V {
	return memo1(memo1(table, outer, () => new Map<I, V>()), inner, make);
}
