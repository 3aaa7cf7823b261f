/**
 * Two-level memo tables keyed by an object (a resolved config, a rule) and a value: what is
 * compiled once per configuration lives here, and goes when the object does (WeakMap).
 */

/** The value for (`outer`, `inner`) in `table`, made by `make` the first time it is asked for. */
export function memo2<O extends object, I, V>(table: WeakMap<O, Map<I, V>>, outer: O, inner: I, make: () => V): V {
	let byInner = table.get(outer);
	if (!byInner) {
		byInner = new Map();
		table.set(outer, byInner);
	}
	if (byInner.has(inner)) {
		return byInner.get(inner) as V;
	}
	const value = make();
	byInner.set(inner, value);
	return value;
}
