/**
 * `copydesk pack validate [DIR…]`: checks team packs as CI would (the manifest, its snippet
 * and terms files, rules and platforms, and every snippet against the pack's own checks).
 * Exit codes as for `check`: 0 valid, 1 problems, 2 usage (no such folder, not a pack).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { msg, PACK_FILE } from '../engine';
import { validatePackDir } from '../node/packs';
import { LineIndex } from '../positions';
import { CHECK_FORMATS, counts, formatsHelp, rowsByFile, type Row } from './formats';
import { chooseFormat, parse, rel, UsageError } from './common';
import { VERSION } from '../version';
import type { Io } from './io';

export function cmdPack(args: string[], io: Io): number {
	const [sub, ...rest] = args;
	if (sub === undefined || sub === '--help' || sub === '-h') {
		io.stdout(msg('cli.help.pack', { formats: formatsHelp(CHECK_FORMATS, 33) }));
		return sub === undefined ? 2 : 0;
	}
	if (sub !== 'validate') {
		throw new UsageError(msg('cli.pack.unknownSub', { cmd: sub }));
	}
	const { values, positionals } = parse(rest);
	if (values.help) {
		io.stdout(msg('cli.help.pack', { formats: formatsHelp(CHECK_FORMATS, 33) }));
		return 0;
	}
	const format = chooseFormat(values.format, CHECK_FORMATS);
	const dirs = (positionals.length ? positionals : ['.']).map((d) => {
		const abs = path.resolve(io.cwd, d);
		if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) {
			throw new UsageError(msg('cli.pack.notDir', { dir: d }));
		}
		if (!fs.existsSync(path.join(abs, PACK_FILE))) {
			throw new UsageError(msg('pack.noManifest', { path: d }));
		}
		return { arg: d, abs: fs.realpathSync.native(abs) };
	});
	const rows: Row[] = [];
	const summaries: string[] = [];
	for (const d of dirs) {
		const { pack, files } = validatePackDir(d.abs, d.arg);
		for (const f of files) {
			const idx = new LineIndex(f.text);
			for (const p of f.problems) {
				const s = idx.position(p.start);
				const e = idx.position(p.end);
				rows.push({
					file: rel(io, f.file), line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1,
					severity: p.severity ?? 'error', rule: 'config', message: p.message,
				});
			}
		}
		summaries.push(msg('cli.pack.ok', { name: pack.manifest?.name ?? d.arg, version: pack.manifest?.version ?? '?', snippets: pack.snippets.length, terms: pack.terms.length, teamRules: Array.isArray(pack.layer?.extra?.teamRules) ? pack.layer.extra.teamRules.length : 0 }));
	}
	const c = counts(rows);
	// The text format is the pack's own (a line per pack when it is valid); the others are check's, over these rows.
	if (format !== CHECK_FORMATS[0]) {
		const out = format.render({ rows, checked: dirs.length, hidden: [], version: VERSION, rootUri: pathToFileURL(io.cwd + path.sep).toString() });
		if (out !== undefined) {
			io.stdout(out);
		}
	} else {
		for (const [file, rs] of rowsByFile(rows)) {
			io.stdout(file);
			for (const r of rs) {
				io.stdout(`  ${r.line}:${r.column}  ${msg(`severity.${r.severity}`).padEnd(7)}  ${r.message}`);
			}
		}
		if (rows.length) {
			io.stdout(msg('cli.pack.summary', { problems: rows.length, errors: c.error, warnings: c.warning, packs: dirs.length }));
		} else {
			summaries.forEach((s) => io.stdout(s));
		}
	}
	return c.error > 0 || c.warning > 0 ? 1 : 0;
}
