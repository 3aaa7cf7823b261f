/**
 * A unified diff of two texts by lines (what `copydesk check --fix --dry-run` prints), with
 * three lines of context, in the format `patch` and `git apply` read.
 */

/** Lines of a text, each with its line ending; a last line without one is marked for the diff. */
function splitLines(text: string): string[] {
	const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
	return lines;
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/** The largest LCS table (lines × lines) worth building: 4 million cells, 16 MB. */
const MAX_TABLE = 4_000_000;

/** Longest common subsequence of lines, after trimming the common head and tail. */
function diffLines(a: string[], b: string[]): Op[] {
	let head = 0;
	while (head < a.length && head < b.length && a[head] === b[head]) {
		head++;
	}
	let tail = 0;
	while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) {
		tail++;
	}
	const am = a.slice(head, a.length - tail);
	const bm = b.slice(head, b.length - tail);
	const n = am.length;
	const m = bm.length;
	const ops: Op[] = a.slice(0, head).map((line) => ({ kind: ' ', line }));
	if (n * m > MAX_TABLE) {
		// Too large for the table (a big file changed near both ends): fixes edit inside lines, so
		// pair the lines in place when the counts agree; otherwise replace the block. Still a valid diff.
		if (n === m) {
			for (let k = 0; k < n; k++) {
				if (am[k] === bm[k]) {
					ops.push({ kind: ' ', line: am[k] });
				} else {
					ops.push({ kind: '-', line: am[k] }, { kind: '+', line: bm[k] });
				}
			}
		} else {
			for (const line of am) {
				ops.push({ kind: '-', line });
			}
			for (const line of bm) {
				ops.push({ kind: '+', line });
			}
		}
		for (const line of a.slice(a.length - tail)) {
			ops.push({ kind: ' ', line });
		}
		return ops;
	}
	// lcs[i][j]: LCS length of am[i..] and bm[j..].
	const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) {
			lcs[i][j] = am[i] === bm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
		}
	}
	let i = 0;
	let j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && am[i] === bm[j]) {
			ops.push({ kind: ' ', line: am[i] });
			i++;
			j++;
		} else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
			ops.push({ kind: '-', line: am[i++] });
		} else {
			ops.push({ kind: '+', line: bm[j++] });
		}
	}
	for (const line of a.slice(a.length - tail)) {
		ops.push({ kind: ' ', line });
	}
	return ops;
}

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
	if (oldText === newText) {
		return '';
	}
	const ops = diffLines(splitLines(oldText), splitLines(newText));
	const out = [`--- ${oldName}`, `+++ ${newName}`];
	let k = 0;
	while (k < ops.length) {
		if (ops[k].kind === ' ') {
			k++;
			continue;
		}
		// A hunk: from `context` lines before the change to `context` lines after the last change near it.
		let start = Math.max(0, k - context);
		let end = k;
		while (end < ops.length) {
			if (ops[end].kind !== ' ') {
				end++;
				continue;
			}
			let run = end;
			while (run < ops.length && ops[run].kind === ' ') {
				run++;
			}
			if (run < ops.length && run - end <= 2 * context) {
				end = run;
			} else {
				end = Math.min(ops.length, end + context);
				break;
			}
		}
		let oldLine = 1;
		let newLine = 1;
		for (let x = 0; x < start; x++) {
			oldLine += ops[x].kind !== '+' ? 1 : 0;
			newLine += ops[x].kind !== '-' ? 1 : 0;
		}
		const hunk = ops.slice(start, end);
		const oldCount = hunk.filter((o) => o.kind !== '+').length;
		const newCount = hunk.filter((o) => o.kind !== '-').length;
		out.push(`@@ -${oldCount ? oldLine : oldLine - 1},${oldCount} +${newCount ? newLine : newLine - 1},${newCount} @@`);
		for (const o of hunk) {
			const body = o.line.endsWith('\n') ? o.line.slice(0, -1) : o.line;
			out.push(o.kind + body);
			if (!o.line.endsWith('\n')) {
				// i18n-exempt: part of the unified diff format that patch and git read, not prose
				out.push('\\ No newline at end of file');
			}
		}
		k = end;
		start = end;
	}
	return out.join('\n');
}
