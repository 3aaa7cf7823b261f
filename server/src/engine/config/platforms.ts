/**
 * Checking a platform as `copydesk.json` or a pack writes it (`platforms.<id>`): its keys, limits,
 * modes and presentation. Problems go to `bad` at the offending node; nothing here throws.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import { msg } from '../messages';
import { AD_LABEL_SETS, COUNT_UNITS, FIELD_NAMES, PRESENTATION_KEYS, HANDLE_STYLES, HASHTAG_STYLES } from '../platforms';
import { FIELD_KEYS, isReservedName, props } from './base';

const PLATFORM_KEYS = ['extends', 'name', 'locale', 'unit', 'url', 'emoji', 'mention', 'hashtag', 'maxHashtags', 'maxLinks', 'handle', 'handleMaxLength',
	'limit', 'warn', 'fold', 'byteLimit', 'mode', 'modes', 'sources', 'media', 'required', 'presentation', ...FIELD_NAMES];

/** Reports a problem at a node: `path` is where it sits in the file (`platforms.weibo.limit`). */
export type Bad = (n: JsonNode, path: string, detail: string, severity?: 'error' | 'warning') => void;

/** Keys whose value may be 0 (a link that costs nothing, no hashtags allowed); the other numbers are positive. */
const ZERO_OK = ['url', 'maxHashtags', 'maxLinks'];

/** Checks a field's limits (`body`, `title`…, in a platform or in one of its modes). */
function checkField(v: JsonNode, p: string, bad: Bad, num: (n: JsonNode, p: string, min: number) => void): boolean {
	if (v.type !== 'object') {
		bad(v, p, msg('config.type', { type: 'object' }));
		return false;
	}
	for (const [fk, fkn, fv] of props(v)) {
		if (!FIELD_KEYS.includes(fk)) {
			bad(fkn, `${p}.${fk}`, msg('config.unknownKey', { key: fk }), 'warning');
		} else {
			num(fv, `${p}.${fk}`, 1);
		}
	}
	return true;
}

/** Checks one platform entry; false when a value is wrong (the entry is then left out). */
export function checkPlatform(pv: JsonNode, path: string, bad: Bad): boolean {
	let ok = true;
	// Limits and counts are whole numbers: a limit of "abc", -5 or 1.5 would make every count wrong.
	const num = (n: JsonNode, p: string, min: number) => {
		if (n.type !== 'number' || !Number.isSafeInteger(n.value) || n.value < min) {
			bad(n, p, msg('config.type', { type: min > 0 ? 'integer ≥ 1' : 'integer ≥ 0' }));
			ok = false;
		}
	};
	for (const [k, kn, v] of props(pv)) {
		const p = `${path}.${k}`;
		if (!PLATFORM_KEYS.includes(k)) {
			bad(kn, p, msg('config.unknownKey', { key: k }), 'warning');
		} else if (['limit', 'warn', 'fold', 'byteLimit', 'url', 'maxHashtags', 'maxLinks', 'handleMaxLength'].includes(k)) {
			num(v, p, ZERO_OK.includes(k) ? 0 : 1);
		} else if (k === 'unit' && !COUNT_UNITS.includes(v.value)) {
			bad(v, p, msg('config.platformUnit', { allowed: COUNT_UNITS.join(', ') }));
			ok = false;
		} else if (k === 'hashtag' && !HASHTAG_STYLES.includes(v.value)) {
			bad(v, p, msg('config.platformEnum', { key: k, allowed: HASHTAG_STYLES.join(', ') }));
			ok = false;
		} else if (k === 'handle' && !HANDLE_STYLES.includes(v.value)) {
			bad(v, p, msg('config.platformEnum', { key: k, allowed: HANDLE_STYLES.join(', ') }));
			ok = false;
		} else if ((FIELD_NAMES as readonly string[]).includes(k)) {
			if (!checkField(v, p, bad, num)) {
				ok = false;
			}
		} else if (k === 'modes') {
			// { "long": { "body": { "limit": 2000 } } }: each mode a set of field limits, checked like the platform's own.
			if (v.type !== 'object') {
				bad(v, p, msg('config.type', { type: 'object' }));
				ok = false;
				continue;
			}
			for (const [mode, mn, mv] of props(v)) {
				const mp = `${p}.${mode}`;
				if (isReservedName(mode)) {
					bad(mn, mp, msg('config.reservedName', { name: mode }));
					ok = false;
				} else if (mv.type !== 'object') {
					bad(mv, mp, msg('config.type', { type: 'object' }));
					ok = false;
				} else {
					for (const [f, fn, fv] of props(mv)) {
						if (!(FIELD_NAMES as readonly string[]).includes(f)) {
							bad(fn, `${mp}.${f}`, msg('config.unknownKey', { key: f }));
							ok = false;
						} else if (!checkField(fv, `${mp}.${f}`, bad, num)) {
							ok = false;
						}
					}
				}
			}
		} else if (k === 'presentation') {
			if (!checkPresentation(v, p, bad, num)) {
				ok = false;
			}
		} else if ((k === 'media' || k === 'required') && v.type !== 'object') {
			bad(v, p, msg('config.type', { type: 'object' }));
			ok = false;
		} else if (['extends', 'locale', 'mode'].includes(k) && v.type !== 'string') {
			bad(v, p, msg('config.type', { type: 'string' }));
			ok = false;
		} else if ((k === 'extends' || k === 'mode') && isReservedName(v.value)) {
			bad(v, p, msg('config.reservedName', { name: v.value }));
			ok = false;
		}
	}
	return ok;
}

/** Checks a platform's `presentation`: the feed's fold and link labels, which ad label it takes. */
function checkPresentation(v: JsonNode, path: string, bad: Bad, num: (n: JsonNode, p: string, min: number) => void): boolean {
	if (v.type !== 'object') {
		bad(v, path, msg('config.type', { type: 'object' }));
		return false;
	}
	let ok = true;
	const fail = (n: JsonNode, p: string, type: string) => {
		bad(n, p, msg('config.type', { type }));
		ok = false;
	};
	const labelSet = (n: JsonNode, p: string) => {
		if (n.type !== 'string' || !AD_LABEL_SETS.includes(n.value)) {
			bad(n, p, msg('config.platformEnum', { key: 'adLabel', allowed: AD_LABEL_SETS.join(', ') }));
			ok = false;
		}
	};
	for (const [k, kn, pv] of props(v)) {
		const p = `${path}.${k}`;
		if (!(PRESENTATION_KEYS as readonly string[]).includes(k)) {
			bad(kn, p, msg('config.unknownKey', { key: k }), 'warning');
		} else if (k === 'foldMarker' || k === 'linkLabel') {
			if (pv.type !== 'string' || pv.value === '') {
				fail(pv, p, 'non-empty string');
			}
		} else if (k === 'linkShortened') {
			num(pv, p, 1);
		} else if (k === 'topicsLinked') {
			if (pv.type !== 'boolean') {
				fail(pv, p, 'boolean');
			}
		} else if (pv.type === 'object') {
			// { "extends": "en", "insert": " #ad", "at": "end" }
			for (const [ak, akn, av] of props(pv)) {
				const ap = `${p}.${ak}`;
				if (ak === 'extends') {
					labelSet(av, ap);
				} else if (ak === 'insert') {
					if (av.type !== 'string' || av.value.trim() === '') {
						fail(av, ap, 'non-empty string');
					}
				} else if (ak === 'at') {
					if (av.value !== 'start' && av.value !== 'end') {
						bad(av, ap, msg('config.platformEnum', { key: 'at', allowed: 'start, end' }));
						ok = false;
					}
				} else {
					bad(akn, ap, msg('config.unknownKey', { key: ak }), 'warning');
				}
			}
			if (!props(pv).some(([ak]) => ak === 'extends')) {
				bad(pv, `${p}.extends`, msg('config.platformEnum', { key: 'extends', allowed: AD_LABEL_SETS.join(', ') }));
				ok = false;
			}
		} else {
			labelSet(pv, p);
		}
	}
	return ok;
}
