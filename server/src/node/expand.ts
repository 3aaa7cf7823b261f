/**
 * Turning path arguments (files, folders, globs) into the list of files to check.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { DRAFT_EXTENSIONS } from './workspace';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.tmp']);

/** A file or folder that could not be read, and why (an error code such as EACCES). */
export interface Unreadable {
	file: string;
	detail: string;
	folder: boolean;
}

function walk(dir: string, out: string[], unreadable: Unreadable[]): void {
	let entries: fs.Dirent[];
	try {
		entries = fs.readdirSync(dir, { withFileTypes: true });
	} catch (e) {
		// A folder that cannot be read is reported, never skipped silently.
		unreadable.push({ file: dir, detail: (e as NodeJS.ErrnoException).code ?? String(e), folder: true });
		return;
	}
	for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) {
			if (!SKIP_DIRS.has(e.name)) {
				walk(p, out, unreadable);
			}
		} else if ((e.isFile() || e.isSymbolicLink()) && DRAFT_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) {
			// A link named like a draft is read like one: what it leads to must be a regular file, and a
			// link to nowhere or to a device is reported when it is read, never skipped silently.
			// (Links to folders are not followed: no loops.)
			out.push(p);
		}
	}
}

export interface Expanded {
	files: string[];
	/** Arguments that matched nothing: a usage problem. */
	unmatched: string[];
	/** Folders met on the way that could not be read. */
	unreadable: Unreadable[];
}

/** Files named, files under folders named, and files matching globs (relative to cwd). */
export function expandPaths(args: readonly string[], cwd: string): Expanded {
	const files = new Set<string>();
	const unmatched: string[] = [];
	const unreadable: Unreadable[] = [];
	for (const a of args) {
		const abs = path.resolve(cwd, a);
		let st: fs.Stats | undefined;
		try {
			st = fs.statSync(abs);
		} catch {
			st = undefined;
		}
		if (st?.isFile()) {
			files.add(abs);
		} else if (st?.isDirectory()) {
			const found: string[] = [];
			walk(abs, found, unreadable);
			found.forEach((f) => files.add(f));
		} else if (st) {
			// A device, a FIFO, a socket (or a link to one): never read, and said so.
			unreadable.push({ file: abs, detail: 'not a regular file', folder: false });
		} else if (picomatch.scan(a).isGlob) {
			const scan = picomatch.scan(a);
			const base = path.resolve(cwd, scan.base || '.');
			const isMatch = picomatch(a, { dot: false });
			const found: string[] = [];
			walk(base, found, unreadable);
			const hits = found.filter((f) => isMatch(path.relative(cwd, f).split(path.sep).join('/')));
			if (!hits.length) {
				unmatched.push(a);
			}
			hits.forEach((f) => files.add(f));
		} else {
			unmatched.push(a);
		}
	}
	return { files: [...files], unmatched, unreadable };
}
