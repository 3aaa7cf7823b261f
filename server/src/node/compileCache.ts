/**
 * Loading a bundle through V8's code cache, so that a short run (`copydesk check` of one draft)
 * does not parse and compile 700 KB of JavaScript again each time: the CLI's launcher
 * (server/src/cli.ts) loads the program (server/out/cli-program.js) with `requireCached`.
 *
 * - Node 22.8 and later have `module.enableCompileCache()`: it is turned on (in the directory
 *   `NODE_COMPILE_CACHE` names, else Node's default) and the program is required as usual.
 * - Older Node (20, 22.0–22.7): the program is compiled as a `vm.Script` with the code cache kept
 *   from an earlier run (`cachedData`), and run as a CommonJS module would be. The cache is written
 *   when the process exits (so it holds every function the run compiled, not only the top level),
 *   and only when it was missing or V8 refused it (another Node, other V8 flags).
 *
 * The cache of a user is a folder of its own under the temporary folder, made for that user alone
 * (mode 0700, owned by them: a folder another user could write to is not used). A cache file is named
 * by the program's build stamp (a hash of its text, which the build appends as its last line), the
 * Node version, the architecture and the kind of run (`check` or anything else), so another build or
 * another Node never reads it; V8 checks the rest (its version and flags). Anything that goes wrong with the cache only costs the time it would have saved: the program
 * is then required as usual. `NODE_DISABLE_COMPILE_CACHE=1` turns the cache off, as it does for Node's.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

type EnableCompileCache = (dir?: string) => unknown;

/** The last line of a stamped program: `//# copydesk-build=<hex>` (see esbuild.mjs). */
const BUILD_STAMP = /\/\/# copydesk-build=([0-9a-f]{16,64})\s*$/;

/** Requires `file` (a CommonJS bundle) through the code cache when one can be used. */
export function requireCached(file: string, kind: string): void {
	const load = prepare(file, kind);
	if (!load) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		require(file);
		return;
	}
	// The program runs outside any try: its own errors are its own, never a reason to run it twice.
	load();
}

/** How to run `file` with the cache, or undefined to require it as usual. */
function prepare(file: string, kind: string): (() => void) | undefined {
	if (process.env.NODE_DISABLE_COMPILE_CACHE === '1' || process.sourceMapsEnabled) {
		// A source-mapped (development) run keeps Node's own loader, which maps its stack traces.
		return undefined;
	}
	const enable = (Module as unknown as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
	if (typeof enable === 'function') {
		try {
			enable();
		} catch {
			// Node says it never throws; a cache is never worth failing for.
		}
		return undefined;
	}
	try {
		const source = fs.readFileSync(file, 'utf8');
		// The build stamps the program with a hash of its text (esbuild.mjs): without one (a watch build) there is no cache.
		const build = BUILD_STAMP.exec(source.slice(-200))?.[1];
		const dir = build && cacheDir();
		if (!build || !dir) {
			return undefined;
		}
		const program = path.basename(file, '.js').replace(/[^\w.-]/g, '_');
		const cacheFile = path.join(dir, `${[program, build, process.version, process.arch, kind].join('-').replace(/[^\w.-]/g, '_')}.cache`);
		let cachedData: Buffer | undefined;
		try {
			cachedData = fs.readFileSync(cacheFile);
		} catch {
			// No cache yet: this run writes it.
		}
		const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
		if (!cachedData || script.cachedDataRejected) {
			process.once('exit', () => writeCache(cacheFile, script, program, build));
		}
		const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
		return () => {
			const mod = { exports: {}, filename: file, id: file, loaded: false };
			run.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
			mod.loaded = true;
		};
	} catch {
		return undefined;
	}
}

/** This user's cache folder, made if missing; undefined when it cannot be made or is not this user's alone. */
function cacheDir(): string | undefined {
	const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
	const dir = path.join(os.tmpdir(), `copydesk-compile-cache-${uid ?? os.userInfo().username}`);
	try {
		fs.mkdirSync(dir, { mode: 0o700 });
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
			return undefined;
		}
	}
	const st = fs.lstatSync(dir);
	// A folder (not a link), and on POSIX owned by this user and writable by no one else.
	if (!st.isDirectory() || (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0))) {
		return undefined;
	}
	return dir;
}

/** Writes the script's code cache beside the others: a temporary file renamed into place, so a reader never sees half of one. */
function writeCache(cacheFile: string, script: vm.Script, program: string, build: string): void {
	const tmp = `${cacheFile}.${process.pid}.${Math.floor(Math.random() * 1e9)}.tmp`;
	try {
		fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
		fs.renameSync(tmp, cacheFile);
		pruneStale(path.dirname(cacheFile), program, build);
	} catch {
		try {
			fs.unlinkSync(tmp);
		} catch {
			// Nothing was written, or it cannot be removed: the next run tries again.
		}
	}
}

/** A cache of another build is kept this long after its last write (two versions used by turns keep theirs). */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes the caches of this program's other builds (and the temporary files of interrupted
 * writes) not written for a day: each upgrade would otherwise leave a megabyte or two behind for
 * good. Only files named `<program>-…` are looked at; those of the build `build` (the one just
 * written) stay.
 */
function pruneStale(dir: string, program: string, build: string): void {
	const now = Date.now();
	for (const f of fs.readdirSync(dir)) {
		if (!f.startsWith(`${program}-`) || (f.startsWith(`${program}-${build}-`) && !f.endsWith('.tmp'))) {
			continue;
		}
		const at = path.join(dir, f);
		try {
			if (now - fs.lstatSync(at).mtimeMs > STALE_MS) {
				fs.unlinkSync(at);
			}
		} catch {
			// Gone already, or not ours to remove: left alone.
		}
	}
}
