/** `check --fix` and `--dry-run`: fixes applied file by file, written in each file's encoding, or shown as a diff. */
import { fixText, lint, msg, type Finding, type FixKind } from '../engine';
import { relintCampaigns, type LintedFile } from '../node/campaign';
import { encodeText, writeFileAtomic } from '../node/files';
import { imageReaderFor } from '../node/media';
import { unifiedDiff } from './diff';
import { rel } from './common';
import type { Io } from './io';

/**
 * `check --fix`: the chosen fixes of the selected kinds and rules, to a fixed point, file by file, never
 * one that makes a post worse (see engine/fixes/). A file is rewritten only when its text changes, in
 * the encoding it was read in (UTF-8 with or without BOM, UTF-16), byte for byte the same outside the
 * edits, through a temporary file renamed over it; with `dryRun` each change is listed with its kind,
 * then the unified diff is printed instead. A file in another encoding, one too large to check, and one
 * that cannot be written are reported and left as they were; the other files are still fixed. Fixes
 * left out are listed (on stderr when writing); the notes fix-all leaves (a post kept within its limit)
 * go to `notes`. The linted files are updated to the fixed text, so what is reported afterwards is what
 * remains. Returns how many files could not be fixed.
 */
export function applyFixes(io: Io, files: LintedFile[], dryRun: boolean, selection: { kinds?: FixKind[]; rules?: ReadonlySet<string>; maxPostBytes?: number }, notes: Map<LintedFile, Finding[]>): number {
	const write = io.writeFile ?? ((file: string, data: Uint8Array) => writeFileAtomic(file, data));
	let failures = 0;
	for (const f of files) {
		if (f.tooLarge) {
			continue;
		}
		const name = rel(io, f.file);
		if (f.encoding === 'unknown') {
			// Its invalid bytes were decoded as U+FFFD: writing it back would destroy the writer's text. Refused
			// whether or not a fix applies, so that a run over such a file never looks like a clean --fix.
			io.stderr(`copydesk: ${msg('cli.fixRefused', { file: name })}`);
			failures++;
			continue;
		}
		const r = fixText(f.text, f.config, { matchedDraftGlob: f.matchedDraftGlob, kinds: selection.kinds, rules: selection.rules, ...(selection.maxPostBytes ? { maxPostBytes: selection.maxPostBytes } : {}) });
		const fixed = r.text;
		// Fixes left out, one line per line, reason, rule and title (with how many when more than one).
		const heldCounts = new Map<string, number>();
		for (const h of r.held) {
			const l = msg('cli.fix.held', { file: name, line: h.line, reason: msg(`cli.fix.held.${h.reason}`), rule: h.rule, title: h.title });
			heldCounts.set(l, (heldCounts.get(l) ?? 0) + 1);
		}
		const held = [...heldCounts].map(([l, n]) => (n > 1 ? `${l} ×${n}` : l));
		if (r.notes.length) {
			notes.set(f, r.notes);
		}
		if (!dryRun) {
			held.forEach((l) => io.stderr(l));
			r.split.forEach((p) => io.stderr(msg('cli.fix.split', { file: name, post: p + 1 })));
		}
		if (fixed === f.text) {
			if (dryRun) {
				held.forEach((l) => io.stdout(l));
			}
			continue;
		}
		if (dryRun) {
			// What each change is, before the diff (patch tools skip lines before the first ---).
			for (const a of r.applied) {
				io.stdout(msg('cli.fix.change', { file: name, line: a.line, kind: msg(`fixKind.${a.kind}`), rule: a.rule, title: a.title }));
			}
			for (const p of r.split) {
				io.stdout(msg('cli.fix.split', { file: name, post: p + 1 }));
			}
			held.forEach((l) => io.stdout(l));
			io.stdout(unifiedDiff(f.text, fixed, `a/${name}`, `b/${name}`));
		} else {
			try {
				write(f.file, encodeText(fixed, f.encoding));
			} catch (e) {
				io.stderr(`copydesk: ${msg('cli.writeFailed', { file: name, detail: (e as NodeJS.ErrnoException).code ?? String(e) })}`);
				failures++;
				continue;
			}
			io.stderr(msg('cli.fixed', { file: name }));
		}
		f.text = fixed;
		f.result = lint({ text: fixed, config: f.config, matchedDraftGlob: f.matchedDraftGlob, readImage: imageReaderFor(f.file), ...(selection.maxPostBytes ? { maxPostBytes: selection.maxPostBytes } : {}) });
	}
	// The fixed variants of a campaign folder are compared again.
	relintCampaigns(files, undefined, selection.maxPostBytes);
	return failures;
}
