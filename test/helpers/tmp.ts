/**
 * Temporary folders for tests. Every folder a test makes comes from `tempDir` (or `makeTree`,
 * which uses it) and is registered here; the root hook in test/helpers/cleanup.ts (loaded by
 * .mocharc.json `require`) removes the registered folders after the run, so a run leaves no
 * /tmp/copydesk-* behind, and only ever removes folders it made. Tests may remove their folders
 * earlier themselves (`removeTree`). test/meta/tmp.test.ts checks that no test makes a
 * temporary folder any other way.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const created = new Set<string>();

/** A new empty folder `<tmp>/copydesk-<prefix>XXXXXX`, removed after the run. */
export function tempDir(prefix = ''): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `copydesk-${prefix}`));
	created.add(dir);
	return dir;
}

/** The folders made by `tempDir` in this process that still exist. */
export function liveTempDirs(): string[] {
	return [...created].filter((d) => fs.existsSync(d));
}

/** Removes every folder `tempDir` made in this process; returns those that could not be removed. */
export function removeTempDirs(): string[] {
	const failed: string[] = [];
	for (const d of created) {
		try {
			fs.rmSync(d, { recursive: true, force: true, maxRetries: 3 });
			created.delete(d);
		} catch {
			failed.push(d);
		}
	}
	return failed;
}

/** Writes `files` (path → text, or an object written as JSON) under a new temporary folder. */
export function makeTree(files: Record<string, string | object>, base?: string): string {
	const root = base ?? fs.realpathSync(tempDir());
	for (const [rel, content] of Object.entries(files)) {
		const p = path.join(root, rel);
		fs.mkdirSync(path.dirname(p), { recursive: true });
		fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
	}
	return root;
}

export function removeTree(root: string): void {
	fs.rmSync(root, { recursive: true, force: true });
}
