/**
 * `.copydeskignore`: files and folders never checked, written like .gitignore. Each file
 * applies to its own folder and below; a deeper file's lines win over a higher one's, and
 * within a file the last matching line wins. Supported: blank lines, `#` comments, `!`
 * to re-include, a trailing `/` for folders only, a leading or inner `/` to anchor the
 * pattern to the file's folder, `*`, `?`, `[…]` and `**`. As in git, a file inside an
 * ignored folder cannot be re-included.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { readDataFile } from './files';

export const IGNORE_FILE = '.copydeskignore';

interface IgnoreLine {
	negate: boolean;
	dirOnly: boolean;
	match: (rel: string) => boolean;
}

/** The parsed lines of one ignore file, for paths relative to its folder. */
export class IgnoreRules {
	private readonly lines: IgnoreLine[] = [];

	constructor(text: string) {
		for (const raw of text.split(/\r?\n/)) {
			// Trailing spaces are not significant unless escaped, as in git.
			let line = raw.replace(/(?<!\\)\s+$/, '');
			if (!line || line.startsWith('#')) {
				continue;
			}
			const negate = line.startsWith('!');
			if (negate) {
				line = line.slice(1);
			}
			line = line.replace(/^\\([#!])/, '$1');
			const dirOnly = line.endsWith('/');
			if (dirOnly) {
				line = line.replace(/\/+$/, '');
			}
			if (!line) {
				continue;
			}
			// A slash at the start or in the middle anchors the pattern; otherwise it matches at any depth.
			const anchored = line.includes('/');
			const glob = anchored ? line.replace(/^\//, '') : `**/${line}`;
			const m = picomatch(glob, { dot: true });
			this.lines.push({ negate, dirOnly, match: m });
		}
	}

	get size(): number {
		return this.lines.length;
	}

	/** true = ignored, false = re-included, undefined = no line matches. */
	decide(rel: string, isDir: boolean): boolean | undefined {
		let verdict: boolean | undefined;
		for (const l of this.lines) {
			if (l.dirOnly && !isDir) {
				continue;
			}
			if (l.match(rel)) {
				verdict = !l.negate;
			}
		}
		return verdict;
	}
}

interface Cached {
	mtimeMs: number;
	rules: IgnoreRules;
}

/**
 * Finds and caches the ignore files above a path. The cache checks each file's modification
 * time, so an edited .copydeskignore applies at the next check without a restart.
 */
export class IgnoreFiles {
	private cache = new Map<string, Cached | null>();
	/** Ignore files that exist but could not be read (not a regular file, too large): file → why. */
	readonly unreadable = new Map<string, string>();
	// Inside batch(): each folder's answer (and whether it holds .git) is looked up once.
	private batched?: { rules: Map<string, IgnoreRules | undefined>; git: Map<string, boolean> };

	/** Runs `fn` with every folder's ignore file and `.git` looked up at most once: for checking many files at a time. */
	batch<T>(fn: () => T): T {
		if (this.batched) {
			return fn();
		}
		this.batched = { rules: new Map(), git: new Map() };
		try {
			return fn();
		} finally {
			this.batched = undefined;
		}
	}

	/** The rules of `dir`/.copydeskignore, or undefined when there is none. */
	private rulesIn(dir: string): IgnoreRules | undefined {
		const b = this.batched;
		if (b?.rules.has(dir)) {
			return b.rules.get(dir);
		}
		const rules = this.rulesOnDisk(dir);
		b?.rules.set(dir, rules);
		return rules;
	}

	private hasGit(dir: string): boolean {
		const b = this.batched;
		let has = b?.git.get(dir);
		if (has === undefined) {
			has = fs.existsSync(path.join(dir, '.git'));
			b?.git.set(dir, has);
		}
		return has;
	}

	private rulesOnDisk(dir: string): IgnoreRules | undefined {
		const file = path.join(dir, IGNORE_FILE);
		let st: fs.Stats | undefined;
		try {
			st = fs.statSync(file);
		} catch {
			this.cache.set(file, null);
			return undefined;
		}
		const hit = this.cache.get(file);
		if (hit && hit.mtimeMs === st.mtimeMs) {
			return hit.rules;
		}
		// Untrusted: a regular file of at most MAX_DATA_FILE_BYTES; one that cannot be read ignores nothing.
		const read = readDataFile(file);
		if ('error' in read) {
			this.cache.set(file, null);
			this.unreadable.set(file, read.error);
			return undefined;
		}
		this.unreadable.delete(file);
		const text = read.text;
		const rules = new IgnoreRules(text);
		this.cache.set(file, { mtimeMs: st.mtimeMs, rules });
		return rules;
	}

	/**
	 * True when `file` (or a folder, with `isDir`) is ignored by the .copydeskignore files
	 * in its ancestors. The search stops at `stopAt` (a workspace folder) when the file is
	 * inside it, else at the first folder holding `.git` (the repository's root), else at
	 * the filesystem root.
	 */
	isIgnored(file: string, stopAt?: string, isDir = false): boolean {
		const abs = path.resolve(file);
		const stop = stopAt ? path.resolve(stopAt) : undefined;
		const inside = !!stop && abs.startsWith(stop.endsWith(path.sep) ? stop : stop + path.sep);
		const dirs: string[] = [];
		for (let d = path.dirname(abs); ; d = path.dirname(d)) {
			dirs.unshift(d);
			if (inside ? d === stop : this.hasGit(d) || path.dirname(d) === d) {
				break;
			}
		}
		// Walk down the path: a folder ignored on the way ignores everything in it.
		const chain = [...dirs.slice(1), abs];
		// Each folder's ignore file is looked up once per call, not once per level below it.
		const rulesOf = dirs.map((d) => this.rulesIn(d));
		for (let k = 0; k < chain.length; k++) {
			const targetIsDir = k < chain.length - 1 ? true : isDir;
			let verdict: boolean | undefined;
			// Every ignore file above the path has a say; deeper ones speak last and win.
			for (let j = 0; j <= k; j++) {
				const rules = rulesOf[j];
				const v = rules?.decide(path.relative(dirs[j], chain[k]).split(path.sep).join('/'), targetIsDir);
				if (v !== undefined) {
					verdict = v;
				}
			}
			if (verdict) {
				return true;
			}
		}
		return false;
	}
}
