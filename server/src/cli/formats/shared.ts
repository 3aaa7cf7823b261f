/** What the output formats share: colours, counts, rows by file, exception rows, GitHub escaping, post labels, fingerprints. */
import { msg, type Severity } from '../../engine';
import type { Row } from '../rows';

const useColor = () => process.stdout.isTTY && !process.env.NO_COLOR;
export const paint = (code: number, s: string) => (useColor() ? `\u001b[${code}m${s}\u001b[0m` : s);
/** `paint` with the colour question asked once, for an output of many lines. */
export function painter(): (code: number, s: string) => string {
	const on = useColor();
	return (code, s) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
}
export const SEV_COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 36, hint: 90 };

export function counts(rows: readonly { severity: Severity }[]): Record<Severity, number> {
	const c: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
	rows.forEach((r) => c[r.severity]++);
	return c;
}

/** Rows grouped by file, files in the order they first appear. */
export function rowsByFile(rows: readonly Row[]): Map<string, Row[]> {
	const byFile = new Map<string, Row[]>();
	for (const r of rows) {
		const list = byFile.get(r.file);
		if (list) {
			list.push(r);
		} else {
			byFile.set(r.file, [r]);
		}
	}
	return byFile;
}

/** One disable comment, for `check --report-disables`. */
export interface ExceptionRow {
	file: string;
	/** 1-based line and UTF-16 column of the comment. */
	line: number;
	column: number;
	kind: string;
	/** Empty: every rule. */
	rules: string[];
	reason: string;
	post?: number;
	suppressed: number;
	/** Hid nothing although every rule it names ran (`disable-reason` reports it). */
	stale: boolean;
}

// GitHub workflow commands: data and properties need their own escaping.
export const escData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escProp = (s: string) => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** "post 2 · weibo": where in a campaign file a finding is. */
export function postLabel(r: Row): string {
	return [msg('report.postN', { n: (r.post ?? 0) + 1 }), r.platform].filter(Boolean).join(' · ');
}

/** FNV-1a, 32 bits, as hex: a stable fingerprint without a crypto import. */
export function fnv1a(s: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(16).padStart(8, '0');
}

/**
 * One fingerprint per row that does not change when unrelated text moves: the file, rule, post
 * and platform (no lines or columns), and the row's rank among the rows that share them.
 */
export function fingerprints(rows: readonly Row[]): string[] {
	const seen = new Map<string, number>();
	return rows.map((r) => {
		const base = `${r.file}\u0000${r.rule}\u0000${r.post ?? ''}\u0000${r.platform ?? ''}`;
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		return `${fnv1a(base)}:${n}`;
	});
}
